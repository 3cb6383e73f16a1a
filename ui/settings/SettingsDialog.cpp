#include "SettingsDialog.h"

#include "common/AppPaths.h"
#include "i18n/Localization.h"
#include "models/ModelRegistry.h"
#include "storage/Database.h"
#include "storage/PhotoRetention.h"
#include "util/Background.h"
#include "vision/ComputeDevice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace rollcall {

namespace {

// The descriptor's own thresholds, shown as the defaults.
double descriptorValue(const ModelDescriptor &d, const char *key)
{
    return d.raw.value(QLatin1String(key)).toDouble(qQNaN());
}

struct ModelRow
{
    QString id;
    QString name;
    QString role;
    QString file;
    QString state;
    bool usable = false;
};

} // namespace

SettingsDialog::SettingsDialog(Database *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(createModelsPage(), tr("Models"));
    tabs->addTab(createGeneralPage(), tr("General"));
    layout->addWidget(tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(860, 560);
    reloadModels();
    if (m_database) {
        Database *db = m_database;
        runInBackground(
            this,
            [db] {
                PhotoStore store;
                return PhotoRetention(*db, store).days();
            },
            [this](const Result<int> &days) {
                if (!days)
                    return;
                m_retentionDays = days.value();
                m_retention->setValue(days.value());
                m_retention->setEnabled(true);
            });
    }
}

QWidget *SettingsDialog::createModelsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *folderRow = new QHBoxLayout;
    m_modelsDir = new QLineEdit(m_settings.string(Settings::Key::ModelsDir), page);
    m_modelsDir->setObjectName(QStringLiteral("modelsDirEdit"));
    m_modelsDir->setPlaceholderText(AppPaths::modelsDir());
    auto *browse = new QPushButton(tr("Browse…"), page);
    connect(browse, &QPushButton::clicked, this, [this] {
        chooseFolder(m_modelsDir);
        reloadModels();
    });
    connect(m_modelsDir, &QLineEdit::editingFinished, this, &SettingsDialog::reloadModels);
    folderRow->addWidget(new QLabel(tr("Models folder:"), page));
    folderRow->addWidget(m_modelsDir, 1);
    folderRow->addWidget(browse);
    layout->addLayout(folderRow);

    m_modelsModel = new QStandardItemModel(0, 4, this);
    m_modelsModel->setHorizontalHeaderLabels({ tr("Model"), tr("Role"), tr("Checksum"), tr("Device") });
    m_modelsTable = new QTableView(page);
    m_modelsTable->setObjectName(QStringLiteral("installedModelsTable"));
    m_modelsTable->setModel(m_modelsModel);
    m_modelsTable->verticalHeader()->hide();
    m_modelsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_modelsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_modelsTable, 2);

    auto *embedderRow = new QHBoxLayout;
    m_embedder = new QComboBox(page);
    m_embedder->setObjectName(QStringLiteral("embedderCombo"));
    embedderRow->addWidget(new QLabel(tr("Recognition model:"), page));
    embedderRow->addWidget(m_embedder, 1);
    layout->addLayout(embedderRow);

    auto *deviceRow = new QHBoxLayout;
    m_device = new QComboBox(page);
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_device->addItem(tr("Automatic (the GPU when there is one)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    m_device->setCurrentIndex(std::max(0, m_device->findData(m_settings.string(Settings::Key::Device))));
    const QString reason = ComputeDevice::cudaUnavailableReason();
    m_device->setToolTip(reason.isEmpty() ? tr("In use: %1").arg(ComputeDevice::current().description())
                                          : tr("In use: %1 (%2)").arg(ComputeDevice::current().description(), reason));
    deviceRow->addWidget(new QLabel(tr("Compute device:"), page));
    deviceRow->addWidget(m_device, 1);
    layout->addLayout(deviceRow);

    auto *thresholds
        = new QGroupBox(tr("Recognition thresholds (cosine distance; empty: the model's calibrated default)"), page);
    auto *tlayout = new QVBoxLayout(thresholds);
    m_thresholdModel = new QStandardItemModel(0, 3, this);
    m_thresholdModel->setHorizontalHeaderLabels({ tr("Model"), tr("Match threshold"), tr("Uncertain band") });
    auto *thresholdTable = new QTableView(thresholds);
    thresholdTable->setObjectName(QStringLiteral("thresholdTable"));
    thresholdTable->setModel(m_thresholdModel);
    thresholdTable->verticalHeader()->hide();
    thresholdTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    tlayout->addWidget(thresholdTable);
    layout->addWidget(thresholds, 1);
    return page;
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_minFace = new QSpinBox(page);
    m_minFace->setObjectName(QStringLiteral("minFaceSpin"));
    m_minFace->setRange(8, 200);
    m_minFace->setSuffix(tr(" px"));
    m_minFace->setValue(m_settings.integer(Settings::Key::MinRecognisableFace));
    m_minFace->setToolTip(tr("Faces smaller than this are shown as too small to recognise; take a closer photo of "
                             "that part of the room."));
    form->addRow(tr("Minimum face size:"), m_minFace);

    auto *dataRow = new QHBoxLayout;
    m_dataDir = new QLineEdit(Settings::configuredDataDir(), page);
    m_dataDir->setObjectName(QStringLiteral("dataDirEdit"));
    m_dataDir->setPlaceholderText(AppPaths::dataDir());
    auto *browse = new QPushButton(tr("Browse…"), page);
    connect(browse, &QPushButton::clicked, this, [this] { chooseFolder(m_dataDir); });
    dataRow->addWidget(m_dataDir, 1);
    dataRow->addWidget(browse);
    form->addRow(tr("Data folder:"), dataRow);

    m_retention = new QSpinBox(page);
    m_retention->setObjectName(QStringLiteral("retentionSpin"));
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("Keep forever"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setEnabled(false); // until read from the database
    m_retention->setToolTip(tr("Classroom photos older than this are deleted; the attendance records stay."));
    form->addRow(tr("Keep classroom photos:"), m_retention);

    m_threshold = new QSpinBox(page);
    m_threshold->setObjectName(QStringLiteral("attendanceThresholdSpin"));
    m_threshold->setRange(0, 100);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_threshold->setValue(m_settings.integer(Settings::Key::AttendanceThreshold));
    form->addRow(tr("Attendance threshold:"), m_threshold);

    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    for (const QString &code : Localization::availableLanguages())
        m_language->addItem(Localization::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.string(Settings::Key::Language))));
    form->addRow(tr("Language:"), m_language);
    form->addRow(new QLabel(tr("The data folder and language take effect when RollCall is started again."), page));
    return page;
}

void SettingsDialog::chooseFolder(QLineEdit *edit)
{
    const QString start = edit->text().isEmpty() ? edit->placeholderText() : edit->text();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a folder"), start);
    if (!dir.isEmpty())
        edit->setText(dir);
}

void SettingsDialog::reloadModels()
{
    const QString dir = m_modelsDir->text().isEmpty() ? AppPaths::modelsDir() : m_modelsDir->text();
    const QString device = ComputeDevice::current().description();
    m_modelsModel->setRowCount(0);
    m_modelsModel->appendRow(new QStandardItem(tr("Checking…")));

    // Thresholds and the embedder choice need only the descriptors, not the checksums.
    const ModelRegistry registry(dir);
    m_thresholdModel->setRowCount(0);
    m_embedder->clear();
    m_embedder->addItem(tr("Automatic (best installed)"), QString());
    for (const ModelDescriptor &d : registry.byRole(QStringLiteral("embedder"))) {
        m_embedder->addItem(d.name, d.id);
        const Settings::Thresholds t = m_settings.thresholds(d.id);
        auto *name = new QStandardItem(d.name);
        name->setEditable(false);
        name->setData(d.id, Qt::UserRole);
        auto makeCell = [](std::optional<double> value, double fallback) {
            auto *item = new QStandardItem(value ? QString::number(*value) : QString());
            item->setToolTip(qIsNaN(fallback) ? QString() : tr("Model default: %1").arg(fallback));
            item->setData(fallback, Qt::UserRole);
            return item;
        };
        m_thresholdModel->appendRow({ name, makeCell(t.match, descriptorValue(d, "match_threshold")),
                                      makeCell(t.uncertainBand, descriptorValue(d, "uncertain_band")) });
    }
    m_embedder->setCurrentIndex(std::max(0, m_embedder->findData(m_settings.string(Settings::Key::EmbeddingModel))));

    // Hashing large model files takes a while: off the GUI thread.
    runInBackground(
        this,
        [dir] {
            const ModelRegistry r(dir);
            QList<ModelRow> rows;
            for (const ModelDescriptor &d : r.descriptors()) {
                const ModelRegistry::FileState state = r.verify(d);
                rows.append({ d.id, d.name, d.role, r.filePath(d), ModelRegistry::stateName(state),
                              state == ModelRegistry::FileState::Ok || state == ModelRegistry::FileState::Unpinned });
            }
            return rows;
        },
        [this, device](const QList<ModelRow> &rows) {
            m_modelsModel->setRowCount(0);
            for (const ModelRow &row : rows) {
                auto *name = new QStandardItem(row.name);
                name->setToolTip(row.file);
                auto *state = new QStandardItem(row.state);
                state->setForeground(row.usable ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
                m_modelsModel->appendRow(
                    { name, new QStandardItem(row.role), state, new QStandardItem(row.usable ? device : QString()) });
            }
        });
}

void SettingsDialog::accept()
{
    // Thresholds first: a bad one keeps the dialog open with nothing saved.
    QHash<QString, Settings::Thresholds> thresholds;
    for (int row = 0; row < m_thresholdModel->rowCount(); ++row) {
        const QString id = m_thresholdModel->item(row, 0)->data(Qt::UserRole).toString();
        Settings::Thresholds t;
        for (int column : { 1, 2 }) {
            const QString text = m_thresholdModel->item(row, column)->text().trimmed();
            if (text.isEmpty())
                continue;
            bool ok = false;
            const double v = QLocale().toDouble(text, &ok);
            const double value = ok ? v : text.toDouble(&ok);
            if (!ok || value <= 0.0 || value >= 2.0) {
                QMessageBox::warning(
                    this, tr("Settings"),
                    tr("“%1” is not a valid distance threshold (a number between 0 and 2).").arg(text));
                return;
            }
            (column == 1 ? t.match : t.uncertainBand) = value;
        }
        thresholds.insert(id, t);
    }
    for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it) {
        if (!m_settings.setThresholds(it.key(), *it)) {
            QMessageBox::warning(this, tr("Settings"),
                                 tr("The uncertain band of %1 must be smaller than its match threshold.").arg(it.key()));
            return;
        }
    }
    const QString modelsDir = m_modelsDir->text().trimmed();
    if (modelsDir != m_settings.string(Settings::Key::ModelsDir) && !modelsDir.isEmpty())
        AppPaths::setModelsDirOverride(modelsDir);
    m_settings.setValue(Settings::Key::ModelsDir, modelsDir);
    m_settings.setValue(Settings::Key::EmbeddingModel, m_embedder->currentData().toString());
    m_settings.setValue(Settings::Key::MinRecognisableFace, m_minFace->value());
    m_settings.setValue(Settings::Key::AttendanceThreshold, m_threshold->value());
    m_settings.setValue(Settings::Key::Language, m_language->currentData().toString());
    m_settings.setValue(Settings::Key::Device, m_device->currentData().toString());
    ComputeDevice::Preference preference = ComputeDevice::Preference::Auto;
    if (ComputeDevice::parsePreference(m_settings.string(Settings::Key::Device), &preference))
        ComputeDevice::setPreference(preference); // the next photo is processed there
    if (!m_settings.sync())
        QMessageBox::warning(this, tr("Settings"), tr("The settings could not be saved to %1.").arg(m_settings.fileName()));
    if (m_database && m_retention->isEnabled() && m_retention->value() != m_retentionDays) {
        // A small write to the meta table; the purge itself runs in the background at start-up.
        const Status saved = PhotoRetention(*m_database, m_photoStore).setDays(m_retention->value());
        if (!saved)
            QMessageBox::warning(this, tr("Settings"), saved.error().message());
    }
    const QString dataDir = m_dataDir->text().trimmed();
    if (dataDir != Settings::configuredDataDir())
        Settings::setConfiguredDataDir(dataDir);
    QDialog::accept();
}

} // namespace rollcall
