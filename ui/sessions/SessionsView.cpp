#include "SessionsView.h"

#include "sessions/SessionDialog.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "util/Background.h"
#include "util/ClassComboBox.h"
#include "util/TableSetup.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rollcall {

namespace {
constexpr int kSessionIdRole = Qt::UserRole + 1;
}

SessionsView::SessionsView(Database *database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_classes(new ClassComboBox(database, this))
    , m_from(new QDateEdit(QDate::currentDate().addDays(-90), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_model(new QStandardItemModel(0, 7, this))
    , m_table(new QTableView(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("sessionsView"));
    m_classes->setObjectName(QStringLiteral("sessionsClassCombo"));
    m_classes->setAllOption(tr("All classes"));
    m_from->setObjectName(QStringLiteral("sessionsFrom"));
    m_to->setObjectName(QStringLiteral("sessionsTo"));
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    m_table->setObjectName(QStringLiteral("sessionsTable"));
    m_open->setObjectName(QStringLiteral("openSessionButton"));
    m_delete->setObjectName(QStringLiteral("deleteSessionButton"));

    m_model->setHorizontalHeaderLabels(
        { tr("Date"), tr("Class"), tr("Period"), tr("Present"), tr("Absent"), tr("Late"), tr("Excused"),
          tr("To review") });
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(Qt::UserRole + 2);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    TableSetup::apply(m_table, 2);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Class:"), this));
    top->addWidget(m_classes);
    top->addSpacing(16);
    top->addWidget(new QLabel(tr("From:"), this));
    top->addWidget(m_from);
    top->addWidget(new QLabel(tr("To:"), this));
    top->addWidget(m_to);
    top->addStretch(1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_open);
    bottom->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_classes, &ClassComboBox::classChanged, this, &SessionsView::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &SessionsView::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &SessionsView::refresh);
    connect(m_table, &QTableView::doubleClicked, this, &SessionsView::openSelected);
    connect(m_open, &QPushButton::clicked, this, &SessionsView::openSelected);
    connect(m_delete, &QPushButton::clicked, this, &SessionsView::deleteSelected);
    auto updateButtons = [this] {
        const bool any = !selectedSessionId().isEmpty();
        m_open->setEnabled(any);
        m_delete->setEnabled(any);
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateButtons);
    updateButtons();
    refresh();
}

QString SessionsView::selectedSessionId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(kSessionIdRole).toString();
}

void SessionsView::refresh()
{
    if (!m_database)
        return;
    Database *db = m_database;
    const QString classId = m_classes->currentClassId();
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    const int generation = ++m_generation;
    ++m_loading;
    runInBackground(
        this, [db, classId, from, to] { return SessionRepository(*db).list(classId, from, to); },
        [this, generation](const Result<QList<AttendanceSession>> &sessions) {
            --m_loading;
            if (generation != m_generation)
                return;
            m_model->removeRows(0, m_model->rowCount());
            if (!sessions) {
                m_summary->setText(sessions.error().message());
                Q_EMIT loadFinished();
                return;
            }
            for (const AttendanceSession &s : sessions.value()) {
                auto cell = [&s](const QString &text, const QVariant &sortKey) {
                    auto *item = new QStandardItem(text);
                    item->setData(s.id, kSessionIdRole);
                    item->setData(sortKey, Qt::UserRole + 2);
                    return item;
                };
                auto count = [&cell](int n) {
                    QStandardItem *item = cell(QString::number(n), n);
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    return item;
                };
                m_model->appendRow({ cell(QLocale().toString(s.date, QLocale::ShortFormat), s.date),
                                     cell(s.classCode, s.classCode), cell(s.period, s.period), count(s.presentCount),
                                     count(s.absentCount), count(s.lateCount), count(s.excusedCount),
                                     count(s.reviewCount) });
            }
            m_summary->setText(sessions->isEmpty() ? tr("No sessions in this period. Mark attendance with "
                                                        "Attendance ▸ Mark from photo…")
                                                   : tr("%n session(s)", nullptr, int(sessions->size())));
            Q_EMIT loadFinished();
        });
}

QDialog *SessionsView::openSession(const QString &sessionId)
{
    auto *dialog = new SessionDialog(m_database, sessionId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SessionDialog::sessionChanged, this, &SessionsView::dataChanged);
    dialog->open();
    return dialog;
}

void SessionsView::openSelected()
{
    const QString id = selectedSessionId();
    if (!id.isEmpty())
        openSession(id);
}

void SessionsView::deleteSelected()
{
    const QString id = selectedSessionId();
    if (id.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete session"),
                                tr("Delete this attendance session and its records?"), QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QPushButton::clicked, this, [this, id] {
        Database *db = m_database;
        runInBackground(
            this, [db, id] { return SessionRepository(*db).remove(id); },
            [this](const Status &removed) {
                if (!removed)
                    QMessageBox::warning(this, tr("Delete session"), removed.error().message());
                Q_EMIT dataChanged();
            });
    });
    box->open();
}

} // namespace rollcall
