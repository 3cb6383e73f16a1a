#pragma once

#include "students/EnrolmentCheckJob.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace rollcall {

class CameraCapture;
class ClassComboBox;
class Database;
class EnrolmentPhotoModel;
class PhoneUploadDialog;

// Students ▸ Register student: the student's details and 3–5 photos from files
// or the webcam, each checked at once by the engine's quality rules; warns of a
// possible duplicate registration before saving.
class RegisterStudentDialog : public QDialog
{
    Q_OBJECT

public:
    RegisterStudentDialog(Database *database, const QString &classId, QWidget *parent = nullptr);
    ~RegisterStudentDialog() override;

    EnrolmentPhotoModel *photos() const { return m_photos; }
    bool isBusy() const { return m_checking > 0 || m_saving; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void addPhotoFiles(const QStringList &paths);
    void addPhotoImage(const QImage &image, const QString &source);
    // An encoded photo as it came from a phone.
    void addPhotoData(const QByteArray &data, const QString &name);
    // "From phone…": opens (or raises) the QR code dialog; returned for tests.
    PhoneUploadDialog *openPhoneUpload();
    void choosePhotoFiles();
    void removeSelectedPhoto();
    void accept() override;

Q_SIGNALS:
    void studentRegistered(const QString &uuid);
    void photoChecked();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void checkPhotos(const QList<EnrolmentCheckJob::Photo> &photos);
    void updateState();
    void saveStudent();
    QString validate() const;

    Database *m_database;
    QLineEdit *m_studentId;
    QLineEdit *m_name;
    ClassComboBox *m_classes;
    QLineEdit *m_email;
    QCheckBox *m_consent;
    EnrolmentPhotoModel *m_photos;
    QListView *m_strip;
    CameraCapture *m_camera;
    QLabel *m_photoState;
    QLabel *m_error;
    QPushButton *m_save;
    int m_checking = 0; // photos waiting for their check
    QList<QPointer<EnrolmentCheckJob>> m_checkJobs;
    QPointer<PhoneUploadDialog> m_phoneDialog;
    bool m_saving = false;
    QString m_lastError;
};

} // namespace rollcall
