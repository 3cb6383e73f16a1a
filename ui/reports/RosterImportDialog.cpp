#include "reports/RosterImportDialog.h"

#include "reports/RosterEnrolmentJob.h"
#include "reports/RosterPreviewModel.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rollcall {

RosterImportDialog::RosterImportDialog(Database *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setWindowTitle(tr("Import roster"));
    setObjectName(QStringLiteral("RosterImportDialog"));
    resize(820, 520);

    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("classCombo"));
    if (m_database) {
        const auto classes = ClassRepository(*m_database).list();
        if (classes) {
            for (const ClassInfo &c : *classes)
                m_class->addItem(c.name.isEmpty() ? c.code : QStringLiteral("%1 — %2").arg(c.code, c.name), c.id);
        }
    }
    connect(m_class, &QComboBox::currentIndexChanged, this, &RosterImportDialog::refreshPreview);

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setReadOnly(true);
    m_file->setPlaceholderText(tr("A .csv or .xlsx file with columns ID, Name and optionally Email"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &RosterImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_photos = new QLineEdit(this);
    m_photos->setObjectName(QStringLiteral("photosEdit"));
    m_photos->setClearButtonEnabled(true);
    m_photos->setPlaceholderText(tr("Optional: a folder of photos named by student ID (ID.jpg, ID_2.jpg or ID/…)"));
    m_photosButton = new QPushButton(tr("C&hoose…"), this);
    m_photosButton->setObjectName(QStringLiteral("photosButton"));
    connect(m_photosButton, &QPushButton::clicked, this, &RosterImportDialog::browsePhotos);
    auto *photosRow = new QHBoxLayout;
    photosRow->addWidget(m_photos, 1);
    photosRow->addWidget(m_photosButton);

    auto *form = new QFormLayout;
    form->addRow(tr("&Class:"), m_class);
    form->addRow(tr("&File:"), fileRow);
    form->addRow(tr("&Photos folder:"), photosRow);

    m_model = new RosterPreviewModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RosterPreviewModel::RowColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_skipBad = new QCheckBox(tr("&Skip the rejected rows and import the others"), this);
    m_skipBad->setObjectName(QStringLiteral("skipBadCheck"));
    connect(m_skipBad, &QCheckBox::toggled, this, &RosterImportDialog::updateButtons);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("photosProgress"));
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_photoLog = new QPlainTextEdit(this);
    m_photoLog->setObjectName(QStringLiteral("photosReport"));
    m_photoLog->setReadOnly(true);
    m_photoLog->setMaximumBlockCount(5000);
    m_photoLog->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_cancelButton = buttons->addButton(tr("Stop &enrolling"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelPhotosButton"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    connect(m_importButton, &QPushButton::clicked, this, &RosterImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &RosterImportDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &RosterImportDialog::onImportDone);

    m_confirm = [this](int rejected, int written) {
        return QMessageBox::question(
                   this, tr("Skip rejected rows?"),
                   tr("%n row(s) of the file are rejected and will not be imported.", nullptr, rejected)
                       + QLatin1Char(' ') + tr("Import the other %n row(s)?", nullptr, written))
            == QMessageBox::Yes;
    };

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_skipBad);
    layout->addWidget(m_progress);
    layout->addWidget(m_photoLog, 1);
    layout->addWidget(buttons);
    if (!m_database)
        m_summary->setText(tr("The database is not open."));
    updateButtons();
}

RosterImportDialog::~RosterImportDialog()
{
    m_watcher.waitForFinished();
    if (m_job) {
        m_job->cancel();
        m_job->wait();
    }
}

QString RosterImportDialog::classId() const
{
    return m_class->currentData().toString();
}

void RosterImportDialog::selectClass(const QString &classCode)
{
    for (int i = 0; i < m_class->count(); ++i) {
        if (m_class->itemText(i) == classCode || m_class->itemText(i).startsWith(classCode + QStringLiteral(" — ")))
            m_class->setCurrentIndex(i);
    }
}

const RosterPreview &RosterImportDialog::preview() const
{
    return m_model->preview();
}

void RosterImportDialog::browse()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("reports/lastRosterDir")).toString();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Roster file"), dir, tr("Rosters (*.csv *.xlsx);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("reports/lastRosterDir"), QFileInfo(path).absolutePath());
    loadFile(path);
}

void RosterImportDialog::browsePhotos()
{
    QSettings settings;
    const QString start = m_photos->text().isEmpty()
        ? settings.value(QStringLiteral("reports/lastPhotosDir")).toString()
        : m_photos->text();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Photos folder"), start);
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("reports/lastPhotosDir"), dir);
    setPhotosFolder(dir);
}

void RosterImportDialog::setPhotosFolder(const QString &dir)
{
    m_photos->setText(QDir::toNativeSeparators(dir));
}

QString RosterImportDialog::photosFolder() const
{
    return QDir::fromNativeSeparators(m_photos->text().trimmed());
}

bool RosterImportDialog::isEnrolling() const
{
    return m_job && m_job->isRunning();
}

bool RosterImportDialog::loadFile(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    auto rows = RosterImporter::readFile(path);
    if (!rows) {
        m_rows.clear();
        m_model->setPreview({});
        m_summary->setText(tr("Cannot read the file: %1").arg(rows.error().message()));
        updateButtons();
        return false;
    }
    m_rows = *rows;
    refreshPreview();
    return true;
}

void RosterImportDialog::refreshPreview()
{
    if (!m_database || m_rows.isEmpty() || classId().isEmpty()) {
        m_model->setPreview({});
        updateButtons();
        return;
    }
    auto existing = RosterImporter::existingStudents(*m_database, classId());
    if (!existing) {
        m_summary->setText(existing.error().message());
        return;
    }
    const RosterPreview p = RosterImporter::preview(m_rows, *existing);
    m_model->setPreview(p);
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%1 to add, %2 to update, %3 unchanged, %4 rejected.")
                           .arg(p.count(RosterPreview::Action::Add))
                           .arg(p.count(RosterPreview::Action::Update))
                           .arg(p.count(RosterPreview::Action::Unchanged))
                           .arg(p.count(RosterPreview::Action::Reject)));
    m_skipBad->setChecked(false);
    updateButtons();
}

void RosterImportDialog::updateButtons()
{
    const RosterPreview &p = m_model->preview();
    const bool busy = m_watcher.isRunning() || m_job;
    m_skipBad->setEnabled(!busy && p.hasRejections());
    m_importButton->setEnabled(!busy && m_database && p.writeCount() > 0
                               && (!p.hasRejections() || m_skipBad->isChecked()));
    m_class->setEnabled(!busy);
    m_photos->setEnabled(!busy);
    m_photosButton->setEnabled(!busy);
}

void RosterImportDialog::startImport()
{
    const RosterPreview &p = m_model->preview();
    if (!m_database || isImporting() || p.writeCount() == 0)
        return;
    const bool skip = p.hasRejections();
    if (skip && (!m_skipBad->isChecked() || !m_confirm(p.count(RosterPreview::Action::Reject), p.writeCount())))
        return;
    if (!photosFolder().isEmpty() && !QFileInfo(photosFolder()).isDir()) {
        m_summary->setText(tr("The photos folder %1 does not exist.").arg(m_photos->text()));
        return;
    }
    Database *db = m_database;
    const QString cls = classId();
    const QList<RosterImporter::Row> rows = m_rows;
    m_summary->setText(tr("Importing…"));
    m_watcher.setFuture(QtConcurrent::run([db, cls, rows, skip] {
        PhotoStore photos; // a consent withdrawn by the roster deletes the crops
        auto outcome = RosterImporter::apply(*db, cls, rows, skip, {}, &photos);
        db->releaseThreadConnection(); // pool threads outlive the dialog
        return outcome;
    }));
    updateButtons();
}

void RosterImportDialog::onImportDone()
{
    const Result<RosterImporter::Outcome> outcome = m_watcher.result();
    if (!outcome) {
        m_summary->setText(tr("Nothing was imported: %1").arg(outcome.error().message()));
        updateButtons();
        Q_EMIT importFailed(outcome.error().message());
        return;
    }
    m_summary->setText(tr("Imported: %1 added, %2 updated, %3 unchanged, %4 skipped.")
                           .arg(outcome->added)
                           .arg(outcome->updated)
                           .arg(outcome->unchanged)
                           .arg(outcome->skipped));
    Q_EMIT imported(outcome->added, outcome->updated, outcome->unchanged, outcome->skipped);
    refreshPreview(); // now shows the rows as unchanged
    m_summary->setText(tr("Imported: %1 added, %2 updated, %3 unchanged, %4 skipped.")
                           .arg(outcome->added)
                           .arg(outcome->updated)
                           .arg(outcome->unchanged)
                           .arg(outcome->skipped));
    if (!photosFolder().isEmpty()) {
        QStringList ids;
        for (const auto &e : outcome->preview.entries) {
            if (e.action != RosterPreview::Action::Reject)
                ids << e.studentId;
        }
        startEnrolment(ids);
    }
}

void RosterImportDialog::startEnrolment(const QStringList &studentIds)
{
    RosterEnrolmentJob::Options options; // the settings' recognition, as marking and the CLI use
    m_job = new RosterEnrolmentJob(*m_database, classId(), studentIds, photosFolder(), options, this);
    connect(m_job, &RosterEnrolmentJob::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        m_progress->setFormat(stage + QStringLiteral(" (%p%)"));
    });
    connect(m_job, &RosterEnrolmentJob::finished, this, [this] { onEnrolmentFinished(m_job->report()); });
    connect(m_job, &RosterEnrolmentJob::failed, this, &RosterImportDialog::onEnrolmentFailed);
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
    m_photoLog->clear();
    m_photoLog->show();
    updateButtons();
    m_job->start();
}

void RosterImportDialog::showPhotoReport(const RosterEnrolmentReport &report, const QString &headline)
{
    m_photoReport = report;
    QStringList lines { headline, report.summary() };
    for (const auto &s : report.students) {
        lines << QStringLiteral("%1 (%2): %3").arg(s.studentId, s.name, s.message());
        for (const auto &p : s.photos) {
            if (!p.accepted)
                lines << QStringLiteral("    ") + tr("refused %1").arg(RosterEnrolmentReport::describe(p));
        }
        for (const auto &d : s.possibleDuplicates) {
            lines << QStringLiteral("    ")
                    + tr("looks like already-enrolled %1 (%2): check this is not a second registration")
                          .arg(d.studentId, d.name);
        }
    }
    for (const auto &u : report.unmatched)
        lines << tr("Not matched: %1 (%2)").arg(u.file, u.reason);
    m_photoLog->setPlainText(lines.join(QLatin1Char('\n')));
    m_progress->hide();
    m_cancelButton->hide();
    // The job is done: it has no thread left to wait for.
    m_job->deleteLater();
    m_job = nullptr;
    updateButtons();
}

void RosterImportDialog::onEnrolmentFinished(const RosterEnrolmentReport &report)
{
    showPhotoReport(report, tr("Enrolment from %1 done.").arg(QDir::toNativeSeparators(report.folder)));
    Q_EMIT photosEnrolled(report.count(RosterEnrolmentReport::Outcome::Enrolled),
                          report.count(RosterEnrolmentReport::Outcome::Refused),
                          report.count(RosterEnrolmentReport::Outcome::NoPhotos), int(report.unmatched.size()));
}

void RosterImportDialog::onEnrolmentFailed(const Error &error)
{
    const QString headline = error.code() == Error::Code::Cancelled
        ? tr("Enrolment stopped; the roster is imported and the students listed below were handled.")
        : tr("Enrolment stopped: %1. The roster is imported; the students listed below were handled.")
              .arg(error.message());
    showPhotoReport(m_job->report(), headline);
    Q_EMIT photosFailed(error.message());
}

} // namespace rollcall
