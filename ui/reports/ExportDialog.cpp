#include "reports/ExportDialog.h"

#include "common/LogCategories.h"
#include "reports/ExportJob.h"
#include "reports/ReportBuilder.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace rollcall {

namespace {

const char *const kLastDirKey = "reports/lastExportDir";

QString titleFor(ReportRequest::Kind kind)
{
    switch (kind) {
    case ReportRequest::Kind::Session:
        return ExportDialog::tr("Export session");
    case ReportRequest::Kind::Register:
        return ExportDialog::tr("Export class register");
    case ReportRequest::Kind::StudentHistory:
        return ExportDialog::tr("Export student history");
    case ReportRequest::Kind::BelowThreshold:
        return ExportDialog::tr("Export below-threshold list");
    }
    return {};
}

} // namespace

ExportDialog::ExportDialog(Database *database, ReportRequest::Kind kind, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_kind(kind)
{
    setWindowTitle(titleFor(kind));
    setObjectName(QStringLiteral("ExportDialog"));
    auto *form = new QFormLayout;

    const bool needsClass = kind != ReportRequest::Kind::StudentHistory;
    if (needsClass) {
        m_class = new QComboBox(this);
        m_class->setObjectName(QStringLiteral("classCombo"));
        if (kind == ReportRequest::Kind::BelowThreshold)
            m_class->addItem(tr("All classes"), QString());
        if (m_database) {
            const auto classes = ClassRepository(*m_database).list();
            if (classes) {
                for (const ClassInfo &c : *classes)
                    m_class->addItem(c.name.isEmpty() ? c.code : QStringLiteral("%1 — %2").arg(c.code, c.name), c.code);
            }
        }
        form->addRow(tr("&Class:"), m_class);
    }
    if (kind == ReportRequest::Kind::Session) {
        m_session = new QComboBox(this);
        m_session->setObjectName(QStringLiteral("sessionCombo"));
        form->addRow(tr("&Session:"), m_session);
        connect(m_class, &QComboBox::currentIndexChanged, this, &ExportDialog::reloadSessions);
        reloadSessions();
    }
    if (kind == ReportRequest::Kind::StudentHistory) {
        m_student = new QLineEdit(this);
        m_student->setObjectName(QStringLiteral("studentEdit"));
        m_student->setPlaceholderText(tr("Student ID"));
        if (m_database) {
            QStringList ids;
            const auto students = StudentRepository(*m_database).list();
            if (students) {
                for (const Student &s : *students)
                    ids << s.studentId;
            }
            auto *completer = new QCompleter(ids, m_student);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setFilterMode(Qt::MatchContains);
            m_student->setCompleter(completer);
        }
        form->addRow(tr("S&tudent ID:"), m_student);
    }
    if (kind != ReportRequest::Kind::Session) {
        const QDate today = QDate::currentDate();
        m_from = new QDateEdit(today.addMonths(-4), this);
        m_to = new QDateEdit(today, this);
        for (QDateEdit *edit : { m_from, m_to }) {
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        }
        m_from->setObjectName(QStringLiteral("fromEdit"));
        m_to->setObjectName(QStringLiteral("toEdit"));
        m_allDates = new QCheckBox(tr("&All dates"), this);
        m_allDates->setObjectName(QStringLiteral("allDatesCheck"));
        connect(m_allDates, &QCheckBox::toggled, this, [this](bool all) {
            m_from->setEnabled(!all);
            m_to->setEnabled(!all);
        });
        form->addRow(tr("&From:"), m_from);
        form->addRow(tr("&To:"), m_to);
        form->addRow(QString(), m_allDates);
    }
    if (kind == ReportRequest::Kind::BelowThreshold || kind == ReportRequest::Kind::Register
        || kind == ReportRequest::Kind::StudentHistory) {
        m_threshold = new QDoubleSpinBox(this);
        m_threshold->setObjectName(QStringLiteral("thresholdSpin"));
        m_threshold->setRange(0, 100);
        m_threshold->setDecimals(1);
        m_threshold->setSuffix(QStringLiteral(" %"));
        m_threshold->setValue(AttendanceStats::kDefaultThresholdPercent);
        m_threshold->setToolTip(tr("Attendance below this is shown in red (and listed, for the below-threshold "
                                   "report)."));
        form->addRow(tr("T&hreshold:"), m_threshold);
    }

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("Excel workbook (.xlsx)"), int(ReportWriter::Format::Xlsx));
    m_format->addItem(tr("CSV (.csv)"), int(ReportWriter::Format::Csv));
    form->addRow(tr("F&ormat:"), m_format);
    m_separator = new QComboBox(this);
    m_separator->setObjectName(QStringLiteral("separatorCombo"));
    m_separator->addItem(tr("Comma, decimal point"), QStringLiteral(","));
    m_separator->addItem(tr("Semicolon, decimal comma"), QStringLiteral(";"));
    form->addRow(tr("Se&parator:"), m_separator);
    m_bom = new QCheckBox(tr("Byte-order mark (Excel on Windows reads Devanagari correctly)"), this);
    m_bom->setObjectName(QStringLiteral("bomCheck"));
    m_bom->setChecked(true);
    form->addRow(QString(), m_bom);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFormatOptions);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportButton = m_buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setEnabled(m_database != nullptr);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::chooseFileAndExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    if (!m_database)
        m_status->setText(tr("The database is not open."));
    updateFormatOptions();
}

ExportDialog::~ExportDialog()
{
    if (m_job) {
        m_job->cancel();
        m_job->wait();
    }
}

void ExportDialog::reloadSessions()
{
    if (!m_session)
        return;
    m_session->clear();
    if (!m_database || !m_class)
        return;
    auto cls = ClassRepository(*m_database).findByCode(m_class->currentData().toString());
    if (!cls)
        return;
    const auto sessions = SessionRepository(*m_database).list(cls->id);
    if (!sessions)
        return;
    // Newest first: the usual wish is today's session.
    for (qsizetype i = sessions->size() - 1; i >= 0; --i) {
        const AttendanceSession &s = sessions->at(i);
        QString label = s.date.toString(Qt::ISODate);
        if (!s.period.isEmpty())
            label += QLatin1Char(' ') + s.period;
        if (!s.subject.isEmpty())
            label += QStringLiteral(" — ") + s.subject;
        label += tr(" (%1 present of %2)")
                     .arg(s.presentCount + s.lateCount)
                     .arg(s.presentCount + s.lateCount + s.absentCount + s.excusedCount);
        m_session->addItem(label, s.id);
        m_session->setItemData(m_session->count() - 1, s.date, Qt::UserRole + 1);
    }
}

void ExportDialog::selectClass(const QString &classCode)
{
    if (!m_class)
        return;
    const int index = m_class->findData(classCode);
    if (index >= 0)
        m_class->setCurrentIndex(index);
}

void ExportDialog::selectSession(const QString &sessionId)
{
    if (!m_session || !m_database)
        return;
    auto session = SessionRepository(*m_database).load(sessionId);
    if (!session)
        return;
    selectClass(session->classCode);
    const int index = m_session->findData(sessionId);
    if (index >= 0)
        m_session->setCurrentIndex(index);
}

void ExportDialog::updateFormatOptions()
{
    const bool csv = format() == ReportWriter::Format::Csv;
    m_separator->setEnabled(csv);
    m_bom->setEnabled(csv);
}

ReportWriter::Format ExportDialog::format() const
{
    return ReportWriter::Format(m_format->currentData().toInt());
}

ReportRequest ExportDialog::request() const
{
    ReportRequest r;
    r.kind = m_kind;
    if (m_class)
        r.classCode = m_class->currentData().toString();
    if (m_session)
        r.sessionId = m_session->currentData().toString();
    if (m_student)
        r.studentId = m_student->text().trimmed();
    if (m_from && !m_allDates->isChecked()) {
        r.from = m_from->date();
        r.to = m_to->date();
    }
    if (m_threshold)
        r.thresholdPercent = m_threshold->value();
    return r;
}

QString ExportDialog::suggestedFileName() const
{
    const QDate sessionDate = m_session ? m_session->currentData(Qt::UserRole + 1).toDate() : QDate();
    return request().suggestedFileName(format(), sessionDate);
}

void ExportDialog::chooseFileAndExport()
{
    const ReportRequest r = request();
    if (r.kind == ReportRequest::Kind::Session && r.sessionId.isEmpty()) {
        m_status->setText(tr("Choose a session first."));
        return;
    }
    if (r.kind == ReportRequest::Kind::StudentHistory && r.studentId.isEmpty()) {
        m_status->setText(tr("Enter a student ID."));
        return;
    }
    QSettings settings;
    QString dir = settings.value(QLatin1String(kLastDirKey)).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool xlsx = format() == ReportWriter::Format::Xlsx;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), QDir(dir).filePath(suggestedFileName()),
                                                      xlsx ? tr("Excel workbook (*.xlsx)") : tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastDirKey), QFileInfo(path).absolutePath());
    exportTo(path);
}

void ExportDialog::exportTo(const QString &path)
{
    if (!m_database || isExporting())
        return;
    ExportJob::Options options;
    options.format = format();
    options.csv.separator = m_separator->currentData().toString().at(0);
    options.csv.byteOrderMark = m_bom->isChecked();
    const ReportRequest r = request();
    Database *db = m_database;
    m_job = new ExportJob(
        [db, r](const std::atomic_bool &cancelled) {
            auto document = ReportBuilder::build(*db, r, &cancelled);
            db->releaseThreadConnection(); // closed on the job's own thread, which ends with it
            return document;
        },
        path, options, this);
    connect(m_job, &ExportJob::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        m_status->setText(stage);
    });
    connect(m_job, &ExportJob::finished, this, [this] { onFinished(m_job->outputPath()); });
    connect(m_job, &ExportJob::failed, this, &ExportDialog::onFailed);
    setBusy(true);
    m_job->start();
}

bool ExportDialog::isExporting() const
{
    return m_job && m_job->isRunning();
}

void ExportDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    m_exportButton->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Close)->setText(busy ? tr("&Cancel") : tr("&Close"));
    for (QWidget *w : std::initializer_list<QWidget *> { m_class, m_session, m_student, m_from, m_to, m_allDates,
                                                         m_threshold, m_format, m_separator, m_bom }) {
        if (w)
            w->setEnabled(!busy);
    }
    if (!busy)
        updateFormatOptions();
}

void ExportDialog::onFinished(const QString &path)
{
    setBusy(false);
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    if (m_job)
        m_job->deleteLater();
    Q_EMIT exported(path);
}

void ExportDialog::onFailed(const Error &error)
{
    const QString message = error.message();
    setBusy(false);
    m_status->setText(error.code() == Error::Code::Cancelled ? tr("Export cancelled; no file was written.")
                                                             : tr("Export failed: %1").arg(message));
    qCWarning(lcUi) << "export failed:" << message;
    if (m_job)
        m_job->deleteLater();
    Q_EMIT exportFailed(message);
}

void ExportDialog::reject()
{
    // Close while exporting means Cancel; the dialog stays until the job has stopped.
    if (isExporting()) {
        m_job->cancel();
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace rollcall
