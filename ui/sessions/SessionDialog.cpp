#include "SessionDialog.h"

#include "mark/PhotoView.h"
#include "sessions/SessionRecordModel.h"
#include "storage/Database.h"
#include "storage/PhotoProvenance.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRepository.h"
#include "util/Background.h"
#include "util/ImageFiles.h"
#include "util/PhotoWarningText.h"
#include "util/StatusDelegate.h"
#include "util/TableSetup.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace rollcall {

SessionDialog::SessionDialog(Database *database, const QString &sessionId, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_sessionId(sessionId)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_photoChoice(new QComboBox(this))
    , m_photoView(new PhotoView(this))
    , m_records(new SessionRecordModel(this))
    , m_table(new QTableView(this))
    , m_confirm(new QPushButton(tr("&Confirm match"), this))
    , m_reject(new QPushButton(tr("&Not this student"), this))
{
    setObjectName(QStringLiteral("sessionDialog"));
    m_warnings->setObjectName(QStringLiteral("sessionPhotoWarnings"));
    PhotoWarningText::styleStrip(m_warnings);
    setWindowTitle(tr("Session"));
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_title->setFont(font);
    m_message->setWordWrap(true);
    m_photoChoice->setObjectName(QStringLiteral("sessionPhotoChoice"));
    m_table->setObjectName(QStringLiteral("sessionRecordsTable"));
    m_table->setModel(m_records);
    m_table->setItemDelegateForColumn(SessionRecordModel::StatusColumn, new StatusDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                             | QAbstractItemView::EditKeyPressed);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    TableSetup::apply(m_table, SessionRecordModel::NameColumn);
    m_photoView->setPlaceholderText(tr("Loading…"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_photoChoice);
    leftLayout->addWidget(m_photoView, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 700, 500 });

    m_confirm->setObjectName(QStringLiteral("confirmRecordButton"));
    m_reject->setObjectName(QStringLiteral("rejectRecordButton"));
    m_confirm->setToolTip(tr("The selected uncertain match is right: the student was present."));
    m_reject->setToolTip(tr("The selected uncertain match is wrong: the student is marked absent."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_confirm, QDialogButtonBox::ActionRole);
    buttons->addButton(m_reject, QDialogButtonBox::ActionRole);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            confirmRecord(current.row());
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            rejectRecord(current.row());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_warnings);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1200, 760);

    connect(m_photoChoice, &QComboBox::currentIndexChanged, this, &SessionDialog::showPhoto);
    connect(m_records, &SessionRecordModel::statusEdited, this,
            [this](const QString &studentUuid, AttendanceStatus status) { saveStatus(studentUuid, status); });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const AttendanceRecord &r = m_records->records().at(index.row());
        if (r.photoIndex >= 0 && r.photoIndex != m_photoChoice->currentIndex())
            m_photoChoice->setCurrentIndex(r.photoIndex);
        m_photoView->showFace(index.row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionDialog::updateReviewButtons);
    updateReviewButtons();
    load();
}

void SessionDialog::load()
{
    Database *db = m_database;
    const QString id = m_sessionId;
    struct Loaded
    {
        Result<AttendanceSession> session;
        QList<QImage> photos;
        QList<PhotoWarning> warnings;
    };
    runInBackground(
        this,
        [db, id] {
            Loaded out { SessionRepository(*db).load(id), {}, {} };
            if (out.session) {
                if (Result<QList<PhotoWarning>> warnings = PhotoProvenance(*db).warningsOf(id))
                    out.warnings = warnings.value();
                PhotoStore store;
                for (const QString &hash : out.session->sourcePhotos) {
                    const Result<QByteArray> data = store.read(hash);
                    out.photos.append(data ? ImageFiles::fromData(data.value()) : QImage());
                }
            }
            return out;
        },
        [this](const Loaded &data) {
            if (!data.session) {
                m_message->setText(data.session.error().message());
                return;
            }
            m_session = data.session.value();
            m_photos = data.photos;
            const QString date = QLocale().toString(m_session.date, QLocale::LongFormat);
            m_title->setText(m_session.period.isEmpty()
                                 ? tr("%1 — %2").arg(m_session.classCode, date)
                                 : tr("%1 — %2, period %3").arg(m_session.classCode, date, m_session.period));
            setWindowTitle(m_title->text());
            QStringList info;
            info << tr("%n present", nullptr, m_session.presentCount + m_session.lateCount);
            info << tr("%n absent", nullptr, m_session.absentCount);
            if (m_session.reviewCount)
                info << tr("%n to review", nullptr, m_session.reviewCount);
            if (!m_session.takenBy.isEmpty())
                info << tr("taken by %1").arg(m_session.takenBy);
            if (m_session.photosPurged)
                info << tr("the photos were deleted by the retention setting");
            m_message->setText(info.join(QStringLiteral(" · ")) + QStringLiteral(". ")
                               + tr("Double-click a status to change it; changes are recorded in the audit log."));
            PhotoWarningText::show(m_warnings, data.warnings, m_session.date);
            m_records->setRecords(m_session.records);
            m_photoChoice->clear();
            for (int i = 0; i < m_photos.size(); ++i)
                m_photoChoice->addItem(tr("Photo %1 of %2").arg(i + 1).arg(m_photos.size()));
            m_photoChoice->setVisible(m_photos.size() > 1);
            if (m_photos.isEmpty())
                m_photoView->setPlaceholderText(tr("No photo kept for this session."));
            showPhoto(0);
            m_loaded = true;
            Q_EMIT loaded();
        });
}

void SessionDialog::showPhoto(int index)
{
    if (index < 0 || index >= m_photos.size())
        return;
    if (m_photos.at(index).isNull()) {
        m_photoView->setImage(QImage());
        m_photoView->setPlaceholderText(tr("This photo is no longer in the photo store."));
        return;
    }
    m_photoView->setImage(m_photos.at(index));
    const QList<AttendanceRecord> &records = m_records->records();
    for (int row = 0; row < records.size(); ++row) {
        const AttendanceRecord &r = records.at(row);
        if (r.photoIndex != index || r.faceBox.isNull())
            continue;
        m_photoView->setFace(row, QRectF(r.faceBox),
                             r.status == AttendanceStatus::Review ? ReviewFace::Display::Uncertain
                                 : r.source == MarkSource::Manual ? ReviewFace::Display::Manual
                                                                  : ReviewFace::Display::Confident,
                             r.status == AttendanceStatus::Review ? tr("%1 ?").arg(r.studentName) : r.studentName);
    }
}

void SessionDialog::confirmRecord(int row)
{
    decide(row, AttendanceStatus::Present, QStringLiteral("uncertain match confirmed"));
}

void SessionDialog::rejectRecord(int row)
{
    decide(row, AttendanceStatus::Absent, QStringLiteral("uncertain match rejected"));
}

void SessionDialog::decide(int row, AttendanceStatus status, const QString &reason)
{
    if (row < 0 || row >= m_records->records().size()
        || m_records->records().at(row).status != AttendanceStatus::Review)
        return;
    saveStatus(m_records->records().at(row).studentUuid, status, reason);
}

void SessionDialog::updateReviewButtons()
{
    const QModelIndex current = m_table->currentIndex();
    const bool review = current.isValid() && current.row() < m_records->records().size()
        && m_records->records().at(current.row()).status == AttendanceStatus::Review;
    m_confirm->setEnabled(review);
    m_reject->setEnabled(review);
}

void SessionDialog::saveStatus(const QString &studentUuid, AttendanceStatus status, const QString &reason)
{
    Database *db = m_database;
    const QString sessionId = m_sessionId;
    runInBackground(
        this,
        [db, sessionId, studentUuid, status, reason] {
            return SessionRepository(*db).updateRecordStatus(sessionId, studentUuid, status, {}, reason);
        },
        [this, studentUuid, status](const Status &saved) {
            if (!saved) {
                QMessageBox::warning(this, tr("Session"), saved.error().message());
                return;
            }
            m_records->applyStatus(studentUuid, status);
            updateReviewButtons();
            Q_EMIT sessionChanged(m_sessionId);
        });
}

} // namespace rollcall
