#pragma once

#include "models/ModelDescriptor.h"
#include "models/ModelRegistry.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace rollcall {

class ModelDownloader;

// Shown at start-up while required models are missing or damaged: says what is
// needed and why, downloads the files with progress (ModelDownloader), or
// installs files the user already has (ModelImporter). Offline it says what to
// do instead; closing it always lets the rest of RollCall open.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FirstRunDialog(const QString &modelsDir, QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    // Required models missing or failing their checksum in modelsDir.
    static QList<ModelDescriptor> missingModels(const QString &modelsDir);
    // Runs the dialog (modal) when models are missing and the user has not
    // ticked "Do not show again"; returns whether it was shown.
    static bool runIfNeeded(const QString &modelsDir, QWidget *parent = nullptr);

    QList<ModelDescriptor> missing() const { return m_missing; }
    bool isDownloading() const;

public Q_SLOTS:
    void startDownload();
    void cancelDownload();
    void chooseFiles();
    void importFiles(const QStringList &paths);

Q_SIGNALS:
    void modelsChanged();

protected:
    void done(int result) override;

private:
    void refresh();
    void setBusy(bool busy);
    void onDownloadFailed(const QString &message);
    static QString megabytes(qint64 bytes);

    QString m_modelsDir;
    ModelRegistry m_registry; // keeps checksums of unchanged files cached
    QList<ModelDescriptor> m_missing;
    ModelDownloader *m_downloader = nullptr;
    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_downloadButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_chooseButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QCheckBox *m_dontShowAgain = nullptr;
};

} // namespace rollcall
