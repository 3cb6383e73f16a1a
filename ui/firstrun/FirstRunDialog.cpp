#include "firstrun/FirstRunDialog.h"

#include "common/LogCategories.h"
#include "common/Settings.h"
#include "models/ModelDownloader.h"
#include "models/ModelImporter.h"
#include "models/ModelRegistry.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rollcall {
namespace {


qint64 expectedSize(const ModelDescriptor &d)
{
    return d.raw.value(QLatin1String("size")).toInteger(-1);
}

} // namespace

FirstRunDialog::FirstRunDialog(const QString &modelsDir, QWidget *parent)
    : QDialog(parent)
    , m_modelsDir(modelsDir)
    , m_registry(modelsDir)
    , m_downloader(new ModelDownloader(modelsDir, this))
{
    setObjectName(QStringLiteral("FirstRunDialog"));
    setWindowTitle(tr("Face recognition models"));

    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("introLabel"));
    m_intro->setWordWrap(true);

    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("modelsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Model"), tr("Size"), tr("State") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setFocusPolicy(Qt::NoFocus);
    // Room for the four built-in models even when the status text grows.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 4 * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());

    m_baseUrl = new QLineEdit(m_downloader->baseUrl(), this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setPlaceholderText(tr("e.g. http://models.my-college.edu/rollcall/ or a shared folder"));
    m_baseUrl->setToolTip(tr("Where your department keeps the model files. Leave empty to use each model's "
                             "public address; only some models have one."));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_dontShowAgain = new QCheckBox(tr("Do not show this again at start-up"), this);
    m_dontShowAgain->setObjectName(QStringLiteral("dontShowAgain"));
    m_dontShowAgain->setChecked(Settings().flag(Settings::Key::SkipFirstRun));

    auto *buttons = new QDialogButtonBox(this);
    m_downloadButton = buttons->addButton(tr("&Download"), QDialogButtonBox::ActionRole);
    m_downloadButton->setObjectName(QStringLiteral("downloadButton"));
    m_cancelButton = buttons->addButton(tr("&Stop download"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_chooseButton = buttons->addButton(tr("&Choose files…"), QDialogButtonBox::ActionRole);
    m_chooseButton->setObjectName(QStringLiteral("chooseButton"));
    m_closeButton = buttons->addButton(tr("Continue &without models"), QDialogButtonBox::RejectRole);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_downloadButton, &QPushButton::clicked, this, &FirstRunDialog::startDownload);
    connect(m_cancelButton, &QPushButton::clicked, this, &FirstRunDialog::cancelDownload);
    connect(m_chooseButton, &QPushButton::clicked, this, &FirstRunDialog::chooseFiles);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);

    connect(m_downloader, &ModelDownloader::fileStarted, this, [this](int index, int count, const QString &name) {
        m_progress->setValue(0);
        m_status->setText(tr("Downloading %1 of %2: %3…").arg(index + 1).arg(count).arg(name));
    });
    connect(m_downloader, &ModelDownloader::progress, this, [this](qint64 received, qint64 total) {
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(received * 1000 / total));
            m_progress->setFormat(tr("%1 of %2 MB").arg(megabytes(received), megabytes(total)));
        } else {
            m_progress->setRange(0, 0); // size unknown: busy indicator
        }
    });
    connect(m_downloader, &ModelDownloader::fileInstalled, this, [this] { refresh(); });
    connect(m_downloader, &ModelDownloader::finished, this, [this] {
        setBusy(false);
        refresh();
    });
    connect(m_downloader, &ModelDownloader::failed, this, &FirstRunDialog::onDownloadFailed);

    auto *form = new QFormLayout;
    form->addRow(tr("Download from:"), m_baseUrl);
    auto *folder = new QLabel(tr("Models folder: %1").arg(QDir::toNativeSeparators(m_modelsDir)), this);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folder->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(folder);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_dontShowAgain);
    layout->addWidget(buttons);
    resize(660, 560);

    setBusy(false);
    refresh();
}

FirstRunDialog::~FirstRunDialog() = default;

QList<ModelDescriptor> FirstRunDialog::missingModels(const QString &modelsDir)
{
    const ModelRegistry registry(modelsDir);
    QList<ModelDescriptor> missing;
    for (const ModelDescriptor &d : registry.descriptors()) {
        const auto state = registry.verify(d);
        if (d.required && state != ModelRegistry::FileState::Ok && state != ModelRegistry::FileState::Unpinned)
            missing.append(d);
    }
    return missing;
}

bool FirstRunDialog::runIfNeeded(const QString &modelsDir, QWidget *parent)
{
    if (Settings().flag(Settings::Key::SkipFirstRun) || missingModels(modelsDir).isEmpty())
        return false;
    FirstRunDialog dialog(modelsDir, parent);
    dialog.exec();
    return true;
}

bool FirstRunDialog::isDownloading() const
{
    return m_downloader->isRunning();
}

void FirstRunDialog::refresh()
{
    const ModelRegistry &registry = m_registry;
    m_missing.clear();
    m_table->setRowCount(0);
    qint64 missingBytes = 0;
    for (const ModelDescriptor &d : registry.descriptors()) {
        if (!d.required)
            continue;
        const auto state = registry.verify(d);
        QString stateText;
        switch (state) {
        case ModelRegistry::FileState::Ok:
        case ModelRegistry::FileState::Unpinned:
            stateText = tr("installed");
            break;
        case ModelRegistry::FileState::Missing:
            stateText = tr("missing");
            break;
        case ModelRegistry::FileState::ChecksumMismatch:
            stateText = tr("damaged or wrong version");
            break;
        }
        if (state == ModelRegistry::FileState::Missing || state == ModelRegistry::FileState::ChecksumMismatch) {
            m_missing.append(d);
            missingBytes += qMax<qint64>(0, expectedSize(d));
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(d.name);
        name->setToolTip(tr("%1 — licence: %2").arg(d.fileName, d.licence));
        m_table->setItem(row, 0, name);
        const qint64 size = expectedSize(d);
        m_table->setItem(row, 1, new QTableWidgetItem(size > 0 ? tr("%1 MB").arg(megabytes(size)) : QString()));
        m_table->setItem(row, 2, new QTableWidgetItem(stateText));
    }
    m_table->resizeColumnsToContents();

    if (m_missing.isEmpty()) {
        m_intro->setText(tr("<p>All the models RollCall needs are installed and verified.</p>"));
        m_status->setText(tr("<b>RollCall is ready to take attendance.</b>"));
        m_progress->setVisible(false);
        m_closeButton->setText(tr("&Continue"));
    } else {
        m_intro->setText(
            tr("<p>RollCall needs %n model file(s) to find and recognise faces (%1 MB to download). They are not "
               "included with the program because of their size and licences.</p>"
               "<p>Download them now, or choose the files if your department gave them to you (on a USB stick or "
               "a shared folder). Until then RollCall opens normally, but it cannot take attendance from "
               "photos.</p>",
               nullptr, int(m_missing.size()))
                .arg(megabytes(missingBytes)));
        m_closeButton->setText(tr("Continue &without models"));
    }
    m_downloadButton->setEnabled(!m_missing.isEmpty() && !isDownloading());
    m_chooseButton->setEnabled(!m_missing.isEmpty() && !isDownloading());
    Q_EMIT modelsChanged();
}

void FirstRunDialog::setBusy(bool busy)
{
    m_downloadButton->setEnabled(!busy && !m_missing.isEmpty());
    m_chooseButton->setEnabled(!busy && !m_missing.isEmpty());
    m_cancelButton->setVisible(busy);
    m_baseUrl->setEnabled(!busy);
    m_progress->setVisible(busy);
}

void FirstRunDialog::startDownload()
{
    if (isDownloading() || m_missing.isEmpty())
        return;
    const QString base = m_baseUrl->text().trimmed();
    // Remember an address the user typed, for the next start and for other models.
    if (base != ModelDownloader::configuredBaseUrl())
        Settings().setValue(Settings::Key::ModelBaseUrl, base);
    m_downloader->setBaseUrl(base);
    setBusy(true);
    m_status->setText(tr("Connecting…"));
    m_downloader->start(m_missing);
}

void FirstRunDialog::cancelDownload()
{
    m_downloader->cancel();
}

void FirstRunDialog::onDownloadFailed(const QString &message)
{
    setBusy(false);
    refresh();
    if (m_downloader->lastError().code() == Error::Code::Cancelled) {
        m_status->setText(tr("Download stopped. What was received is kept; <b>Download</b> continues from there."));
        return;
    }
    m_status->setText(
        tr("<p><b>The download did not complete.</b> %1</p>"
           "<p>What you can do:</p><ul>"
           "<li>Check the network connection and press <b>Download</b> again; it continues where it stopped.</li>"
           "<li>Ask your department for the model files or for the address of its model server, and enter that "
           "address above.</li>"
           "<li>Copy the files from another computer and install them with <b>Choose files…</b>.</li>"
           "<li>Administrators can run <tt>scripts/fetch-models.sh</tt> or set a shared models folder "
           "(see docs/install.md).</li></ul>"
           "<p>You can close this window: RollCall works without the models, except for taking attendance from "
           "photos.</p>")
            .arg(message.toHtmlEscaped()));
}

void FirstRunDialog::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Choose model files"), QDir::homePath(),
                                                            tr("Model files (*.dat *.onnx);;All files (*)"));
    if (!paths.isEmpty())
        importFiles(paths);
}

void FirstRunDialog::importFiles(const QStringList &paths)
{
    QStringList installed;
    QStringList problems;
    for (const QString &path : paths) {
        const auto result = ModelImporter::importFile(path, m_missing, m_modelsDir);
        if (result.ok())
            installed.append(result->name);
        else
            problems.append(result.error().message());
    }
    refresh();
    QString text;
    if (!installed.isEmpty())
        text += tr("<p>Installed: %1.</p>").arg(installed.join(QStringLiteral(", ")).toHtmlEscaped());
    for (const QString &problem : std::as_const(problems))
        text += QStringLiteral("<p>%1</p>").arg(problem.toHtmlEscaped());
    if (m_missing.isEmpty())
        text += tr("<p><b>RollCall is ready to take attendance.</b></p>");
    m_status->setText(text);
}

void FirstRunDialog::done(int result)
{
    if (isDownloading())
        m_downloader->cancel(); // the .part stays for the next attempt
    Settings().setValue(Settings::Key::SkipFirstRun, m_dontShowAgain->isChecked());
    QDialog::done(result);
}

QString FirstRunDialog::megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace rollcall
