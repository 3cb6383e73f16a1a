#include "reports/ReportsMenu.h"

#include "reports/ExportDialog.h"
#include "reports/RosterImportDialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>

namespace rollcall {

void ReportsMenu::populate(QMenu *reportsMenu, Database *database, QWidget *parent)
{
    const struct
    {
        const char *objectName;
        const char *text;
        ReportRequest::Kind kind;
    } items[] = {
        { "actionExportSession", QT_TRANSLATE_NOOP("ReportsMenu", "Export &session…"), ReportRequest::Kind::Session },
        { "actionExportRegister", QT_TRANSLATE_NOOP("ReportsMenu", "Export class &register…"),
          ReportRequest::Kind::Register },
        { "actionExportStudentHistory", QT_TRANSLATE_NOOP("ReportsMenu", "Export s&tudent history…"),
          ReportRequest::Kind::StudentHistory },
        { "actionExportBelowThreshold", QT_TRANSLATE_NOOP("ReportsMenu", "Export &below-threshold list…"),
          ReportRequest::Kind::BelowThreshold },
    };
    for (const auto &item : items) {
        QAction *action = reportsMenu->addAction(QCoreApplication::translate("ReportsMenu", item.text));
        action->setObjectName(QLatin1String(item.objectName));
        action->setEnabled(database != nullptr);
        const ReportRequest::Kind kind = item.kind;
        QObject::connect(action, &QAction::triggered, parent,
                         [database, kind, parent] { openExportDialog(database, kind, parent); });
    }
}

void ReportsMenu::openExportDialog(Database *database, ReportRequest::Kind kind, QWidget *parent,
                                   const QString &sessionId)
{
    auto *dialog = new ExportDialog(database, kind, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!sessionId.isEmpty())
        dialog->selectSession(sessionId);
    dialog->open();
}

void ReportsMenu::openRosterImport(Database *database, QWidget *parent)
{
    auto *dialog = new RosterImportDialog(database, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace rollcall
