#include "AttendanceFixture.h"
#include "ReportReader.h"
#include "TestDatabase.h"
#include "reports/ExportDialog.h"
#include "reports/ReportsMenu.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using namespace rollcall::test;

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsMenu();
    void registerFileNameAndExport();
    void sessionChoice();
    void csvOptions();
    void belowThresholdAllClasses();
    void withoutDatabase();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AttendanceFixture> m_data;
    QTemporaryDir m_out;
};

void TestExportDialog::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), m_db->errorText());
    m_data = std::make_unique<AttendanceFixture>(m_db->db());
    const Status s = m_data->populate();
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message()));
}

void TestExportDialog::reportsMenu()
{
    QWidget parent;
    QMenu menu;
    ReportsMenu::populate(&menu, &m_db->db(), &parent);
    QStringList names;
    for (QAction *a : menu.actions()) {
        names << a->objectName();
        QVERIFY(a->isEnabled());
        QVERIFY(a->text().endsWith(QStringLiteral("…")));
    }
    QCOMPARE(
        names,
        (QStringList { QStringLiteral("actionExportSession"), QStringLiteral("actionExportRegister"),
                       QStringLiteral("actionExportStudentHistory"), QStringLiteral("actionExportBelowThreshold") }));
    // Triggering opens the matching dialog.
    menu.actions().at(1)->trigger();
    auto *dialog = parent.findChild<ExportDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->request().kind, ReportRequest::Kind::Register);
    dialog->close();
}

void TestExportDialog::registerFileNameAndExport()
{
    ExportDialog dialog(&m_db->db(), ReportRequest::Kind::Register);
    dialog.selectClass(QStringLiteral("CS-A"));
    dialog.findChild<QDateEdit *>(QStringLiteral("fromEdit"))->setDate(QDate(2026, 8, 1));
    dialog.findChild<QDateEdit *>(QStringLiteral("toEdit"))->setDate(QDate(2026, 11, 30));
    QCOMPARE(dialog.suggestedFileName(), QStringLiteral("CS-A_register_2026-08-01_2026-11-30.xlsx"));
    const ReportRequest r = dialog.request();
    QCOMPARE(r.classCode, QStringLiteral("CS-A"));
    QCOMPARE(r.thresholdPercent, 75.0);

    const QString path = m_out.filePath(dialog.suggestedFileName());
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    QSignalSpy failed(&dialog, &ExportDialog::exportFailed);
    dialog.exportTo(path);
    QVERIFY(dialog.isExporting() || !exported.isEmpty());
    QVERIFY(exported.wait(60000) || !exported.isEmpty());
    QCOMPARE(failed.size(), 0);
    QCOMPARE(exported.first().at(0).toString(), path);
    QString error;
    const QJsonObject book = ReportReader::readXlsx(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(ReportReader::sheet(book, QStringLiteral("Register")).value(QLatin1String("max_row")).toInt(), 1 + 9 + 2);

    dialog.findChild<QCheckBox *>(QStringLiteral("allDatesCheck"))->setChecked(true);
    QCOMPARE(dialog.suggestedFileName(), QStringLiteral("CS-A_register.xlsx"));
    QVERIFY(!dialog.request().from.isValid());
}

void TestExportDialog::sessionChoice()
{
    ExportDialog dialog(&m_db->db(), ReportRequest::Kind::Session);
    const QString last = m_data->sessionIds(QStringLiteral("CS-A")).last();
    const QString first = m_data->sessionIds(QStringLiteral("CS-A")).first();
    dialog.selectClass(QStringLiteral("CS-A"));
    auto *sessions = dialog.findChild<QComboBox *>(QStringLiteral("sessionCombo"));
    QCOMPARE(sessions->count(), 5);
    QCOMPARE(dialog.request().sessionId, last); // newest first
    QCOMPARE(dialog.suggestedFileName(), QStringLiteral("CS-A_session_2026-08-10.xlsx"));
    dialog.selectSession(first);
    QCOMPARE(dialog.request().sessionId, first);
    QCOMPARE(dialog.suggestedFileName(), QStringLiteral("CS-A_session_2026-08-03.xlsx"));
    dialog.selectSession(m_data->sessionIds(QStringLiteral("MA-B")).first());
    QCOMPARE(dialog.request().classCode, QStringLiteral("MA-B"));
    QCOMPARE(sessions->count(), 2);

    const QString path = m_out.filePath(QStringLiteral("session.xlsx"));
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    dialog.exportTo(path);
    QVERIFY(exported.wait(60000) || !exported.isEmpty());
    QVERIFY(QFile::exists(path));
}

void TestExportDialog::csvOptions()
{
    ExportDialog dialog(&m_db->db(), ReportRequest::Kind::StudentHistory);
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"));
    auto *separator = dialog.findChild<QComboBox *>(QStringLiteral("separatorCombo"));
    QVERIFY(!separator->isEnabled());
    format->setCurrentIndex(1);
    QCOMPARE(dialog.format(), ReportWriter::Format::Csv);
    QVERIFY(separator->isEnabled());
    separator->setCurrentIndex(1);
    dialog.findChild<QCheckBox *>(QStringLiteral("bomCheck"))->setChecked(false);
    dialog.findChild<QLineEdit *>(QStringLiteral("studentEdit"))->setText(QStringLiteral(" S001 "));
    dialog.findChild<QCheckBox *>(QStringLiteral("allDatesCheck"))->setChecked(true);
    QCOMPARE(dialog.suggestedFileName(), QStringLiteral("S001_history.csv"));
    const QString path = m_out.filePath(QStringLiteral("history.csv"));
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    dialog.exportTo(path);
    QVERIFY(exported.wait(60000) || !exported.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("Summary\r\nStudent ID;Name;Class;"));
}

void TestExportDialog::belowThresholdAllClasses()
{
    ExportDialog dialog(&m_db->db(), ReportRequest::Kind::BelowThreshold);
    auto *classes = dialog.findChild<QComboBox *>(QStringLiteral("classCombo"));
    QCOMPARE(classes->count(), 4); // All classes + CS-A, EMPTY, MA-B
    QCOMPARE(dialog.request().classCode, QString());
    dialog.findChild<QCheckBox *>(QStringLiteral("allDatesCheck"))->setChecked(true);
    QCOMPARE(dialog.suggestedFileName(), QStringLiteral("all-classes_below-75.xlsx"));
}

void TestExportDialog::withoutDatabase()
{
    ExportDialog dialog(nullptr, ReportRequest::Kind::Register);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
    QWidget parent;
    QMenu menu;
    ReportsMenu::populate(&menu, nullptr, &parent);
    for (QAction *a : menu.actions())
        QVERIFY(!a->isEnabled());
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
