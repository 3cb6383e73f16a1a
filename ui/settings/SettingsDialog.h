#pragma once

#include "common/Settings.h"
#include "storage/PhotoStore.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace rollcall {

class Database;

// File ▸ Settings: models (folder, installed models, thresholds per model),
// recognition, data folder and photo retention, attendance threshold, language.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // database: for the photo retention setting (kept in the database); may be null.
    explicit SettingsDialog(Database *database, QWidget *parent = nullptr);

    void accept() override;

private:
    QWidget *createModelsPage();
    QWidget *createGeneralPage();
    void reloadModels();
    void chooseFolder(QLineEdit *edit);

    Database *m_database;
    PhotoStore m_photoStore;
    Settings m_settings;
    int m_retentionDays = -1;
    QLineEdit *m_modelsDir = nullptr;
    QStandardItemModel *m_modelsModel = nullptr;
    QTableView *m_modelsTable = nullptr;
    QStandardItemModel *m_thresholdModel = nullptr;
    QComboBox *m_embedder = nullptr;
    QSpinBox *m_minFace = nullptr;
    QLineEdit *m_dataDir = nullptr;
    QSpinBox *m_retention = nullptr;
    QSpinBox *m_threshold = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_device = nullptr;
};

} // namespace rollcall
