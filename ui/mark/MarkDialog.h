#pragma once

#include "storage/PhotoWarning.h"

#include "mark/RecognitionJob.h"

#include <QDialog>
#include <QImage>
#include <QList>
#include <QPointer>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;

namespace rollcall {

class ClassComboBox;
class Database;
class MarkReview;
class PhoneUploadDialog;
class PhotoView;
class RosterTableModel;

// Attendance ▸ Mark from photo: choose class, date and period, add photos
// (file dialog, drag-and-drop, paste, webcam), review the recognition on the
// photo and in the roster, correct it, and save the session.
class MarkDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MarkDialog(Database *database, QWidget *parent = nullptr);
    ~MarkDialog() override;

    // For tests and the main window.
    MarkReview *review() const { return m_review; }
    PhotoView *photoView() const { return m_photoView; }
    QTableView *rosterTable() const { return m_rosterTable; }
    ClassComboBox *classCombo() const { return m_classes; }
    QDateEdit *dateEdit() const { return m_date; }
    QLineEdit *periodEdit() const { return m_period; }
    bool isBusy() const; // loading the roster, recognising or saving
    int photoCount() const { return int(m_photos.size()); }
    int currentPhoto() const { return m_currentPhoto; }
    QString lastError() const { return m_lastError; }
    QString savedSessionId() const { return m_savedSessionId; }
    // What PhotoProvenance found about the recognised photos (photo: index in this dialog).
    const QList<PhotoWarning> &photoWarnings() const { return m_photoWarnings; }

public Q_SLOTS:
    void addPhotoFiles(const QStringList &paths);
    void addPhotoImage(const QImage &image, const QString &name);
    // An encoded photo as it came (EXIF kept for the provenance checks).
    void addPhotoData(const QByteArray &data, const QString &name);
    // "From phone…": opens (or raises) the QR code dialog; returned for tests.
    PhoneUploadDialog *openPhoneUpload();
    void choosePhotoFiles();
    void captureFromWebcam();
    void paste();
    void cancelRecognition();
    void save();
    void showPhoto(int index);
    void reject() override;

Q_SIGNALS:
    void sessionSaved(const QString &sessionId);
    void photoWarningsChecked();
    void recognitionFinished();
    void rosterLoaded();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void checkPhotoProvenance();
    struct PhotoEntry
    {
        QString name;
        QString path;
        QByteArray data;
        QImage image;
        bool recognised = false;
        QString error;
    };

    void loadRoster(const QString &classId);
    void startRecognition();
    void onPhotoDone(const RecognitionJob::Result &result);
    void onRecognitionFinished(bool cancelled);
    void refreshFaces();
    void refreshFace(int face);
    QString faceLabel(int face) const;
    void onFaceClicked(int face, const QPoint &globalPos);
    void updateSummary();
    void updateControls();
    void toggleSelectedStatus();
    void showRosterMenu(const QPoint &pos);
    void focusStudentFace(const QModelIndex &index);
    void askToLeave();

    Database *m_database;
    MarkReview *m_review;
    RosterTableModel *m_rosterModel;
    ClassComboBox *m_classes;
    QDateEdit *m_date;
    QLineEdit *m_period;
    QComboBox *m_photoChoice;
    PhotoView *m_photoView;
    QTableView *m_rosterTable;
    QLabel *m_summary;
    QLabel *m_backend;
    QLabel *m_warningLabel;
    QList<PhotoWarning> m_photoWarnings;
    int m_provenanceChecks = 0; // the latest check's number; older answers are dropped
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_addPhotos;
    QPushButton *m_webcam;
    QPushButton *m_phone;
    QPointer<PhoneUploadDialog> m_phoneDialog;
    QPushButton *m_confirmAll;
    QPushButton *m_save;
    QPushButton *m_close;
    QMenu *m_faceMenu = nullptr;

    QString m_classId; // the class whose roster is loaded
    QList<PhotoEntry> m_photos;
    QList<int> m_queue; // photos waiting for recognition
    RecognitionJob *m_job = nullptr;
    int m_currentPhoto = -1;
    int m_rosterLoads = 0;
    bool m_saving = false;
    bool m_leaving = false;
    QString m_lastError;
    QString m_savedSessionId;
};

} // namespace rollcall
