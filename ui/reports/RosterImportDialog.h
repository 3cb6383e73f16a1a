#pragma once

#include "reports/RosterEnrolmentReport.h"
#include "reports/RosterImporter.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace rollcall {

class Database;
class RosterEnrolmentJob;
class RosterPreviewModel;

// Students → Import roster…: choose a class and a CSV/XLSX file, see every row that
// would be added, updated or rejected (with the reason), then import in one
// transaction, off the GUI thread. With rejected rows the import needs "Skip the
// rejected rows" and a confirmation. With a photos folder, the imported students are
// then enrolled from the photos named by their IDs (RosterEnrolmentJob, off the GUI
// thread, cancellable) and a per-student summary is shown.
class RosterImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RosterImportDialog(Database *database, QWidget *parent = nullptr);
    ~RosterImportDialog() override;

    void selectClass(const QString &classCode);
    // Reads the file and shows the preview (what Browse… does after its file dialog).
    bool loadFile(const QString &path);
    const RosterPreview &preview() const;
    // The folder of photos named by student ID to enrol from after the import; empty: none.
    void setPhotosFolder(const QString &dir);
    QString photosFolder() const;
    bool isEnrolling() const;
    // The last photo enrolment's report (empty before one ran).
    const RosterEnrolmentReport &photoReport() const { return m_photoReport; }
    // Imports (after the skip-bad confirmation when rows are rejected); the result
    // arrives with imported() or importFailed().
    void startImport();
    bool isImporting() const { return m_watcher.isRunning(); }
    // Tests answer the confirmation themselves; the GUI asks.
    void setConfirmSkipping(std::function<bool(int rejected, int written)> confirm) { m_confirm = std::move(confirm); }

Q_SIGNALS:
    void imported(int added, int updated, int unchanged, int skipped);
    void importFailed(const QString &message);
    // After an import with a photos folder.
    void photosEnrolled(int enrolled, int refused, int withoutPhotos, int unmatched);
    void photosFailed(const QString &message);

private:
    void browse();
    void browsePhotos();
    void startEnrolment(const QStringList &studentIds);
    void onEnrolmentFinished(const RosterEnrolmentReport &report);
    void onEnrolmentFailed(const Error &error);
    void showPhotoReport(const RosterEnrolmentReport &report, const QString &headline);
    void refreshPreview();
    void updateButtons();
    void onImportDone();
    QString classId() const;

    Database *m_database;
    QComboBox *m_class = nullptr;
    QLineEdit *m_file = nullptr;
    QTableView *m_table = nullptr;
    RosterPreviewModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_skipBad = nullptr;
    QPushButton *m_importButton = nullptr;
    QLineEdit *m_photos = nullptr;
    QPushButton *m_photosButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPlainTextEdit *m_photoLog = nullptr;
    RosterEnrolmentJob *m_job = nullptr;
    RosterEnrolmentReport m_photoReport;
    QList<RosterImporter::Row> m_rows;
    QFutureWatcher<Result<RosterImporter::Outcome>> m_watcher;
    std::function<bool(int, int)> m_confirm;
};

} // namespace rollcall
