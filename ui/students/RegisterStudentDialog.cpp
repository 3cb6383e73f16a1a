#include "RegisterStudentDialog.h"

#include "phone/PhoneUploadDialog.h"
#include "storage/Database.h"
#include "students/CameraCapture.h"
#include "students/Enrolment.h"
#include "students/EnrolmentCheckJob.h"
#include "students/EnrolmentPhotoModel.h"
#include "util/Background.h"
#include "util/ClassComboBox.h"
#include "util/ImageFiles.h"

#include <QBuffer>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace rollcall {

namespace {
constexpr int kRecommendedMin = 3;
constexpr int kRecommendedMax = 5;
} // namespace

RegisterStudentDialog::RegisterStudentDialog(Database *database, const QString &classId, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_studentId(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_classes(new ClassComboBox(database, this))
    , m_email(new QLineEdit(this))
    , m_consent(new QCheckBox(tr("The student has consented to face recognition"), this))
    , m_photos(new EnrolmentPhotoModel(this))
    , m_strip(new QListView(this))
    , m_camera(new CameraCapture(this))
    , m_photoState(new QLabel(this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(tr("&Register"), this))
{
    setObjectName(QStringLiteral("registerStudentDialog"));
    setWindowTitle(tr("Register student"));
    setAcceptDrops(true);
    m_studentId->setObjectName(QStringLiteral("studentIdEdit"));
    m_name->setObjectName(QStringLiteral("studentNameEdit"));
    m_classes->setObjectName(QStringLiteral("registerClassCombo"));
    m_classes->selectClass(classId);
    m_email->setObjectName(QStringLiteral("studentEmailEdit"));
    m_consent->setObjectName(QStringLiteral("consentCheck"));
    m_strip->setObjectName(QStringLiteral("photoStrip"));
    m_photoState->setObjectName(QStringLiteral("photoState"));
    m_photoState->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("registerError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("registerButton"));
    m_save->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Student &ID:"), m_studentId);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Class:"), m_classes);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(m_consent);

    m_camera->setGuidance(tr("One person in the picture, face the camera in good light, about an arm's length "
                             "away. Take 3–5 photos: straight ahead, then turned slightly left and right."));

    m_strip->setModel(m_photos);
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setIconSize(QSize(110, 110));
    m_strip->setGridSize(QSize(190, 160));
    m_strip->setWordWrap(true);
    m_strip->setMovement(QListView::Static);
    m_strip->setMinimumHeight(180);
    m_strip->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *addFiles = new QPushButton(tr("Add &photos…"), this);
    addFiles->setObjectName(QStringLiteral("addPhotoFilesButton"));
    auto *fromPhone = new QPushButton(tr("From p&hone…"), this);
    fromPhone->setObjectName(QStringLiteral("phoneButton"));
    connect(fromPhone, &QPushButton::clicked, this, &RegisterStudentDialog::openPhoneUpload);
    auto *remove = new QPushButton(tr("Remo&ve photo"), this);
    remove->setObjectName(QStringLiteral("removePhotoButton"));
    connect(addFiles, &QPushButton::clicked, this, &RegisterStudentDialog::choosePhotoFiles);
    connect(remove, &QPushButton::clicked, this, &RegisterStudentDialog::removeSelectedPhoto);
    auto *stripButtons = new QHBoxLayout;
    stripButtons->addWidget(addFiles);
    stripButtons->addWidget(fromPhone);
    stripButtons->addWidget(remove);
    stripButtons->addWidget(m_photoState, 1);

    auto *photosBox = new QGroupBox(tr("Photos"), this);
    auto *photosLayout = new QVBoxLayout(photosBox);
    photosLayout->addWidget(m_strip);
    photosLayout->addLayout(stripButtons);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(photosBox, 1);
    auto *cameraBox = new QGroupBox(tr("Webcam"), this);
    auto *cameraLayout = new QVBoxLayout(cameraBox);
    cameraLayout->addWidget(m_camera);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(cameraBox, 2);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &RegisterStudentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_camera, &CameraCapture::captured, this,
            [this](const QImage &image) { addPhotoImage(image, QStringLiteral("camera")); });
    for (QLineEdit *edit : { m_studentId, m_name })
        connect(edit, &QLineEdit::textChanged, this, &RegisterStudentDialog::updateState);
    connect(m_consent, &QCheckBox::toggled, this, &RegisterStudentDialog::updateState);
    connect(m_classes, &ClassComboBox::classChanged, this, &RegisterStudentDialog::updateState);
    connect(m_photos, &QAbstractItemModel::rowsInserted, this, &RegisterStudentDialog::updateState);
    connect(m_photos, &QAbstractItemModel::rowsRemoved, this, &RegisterStudentDialog::updateState);
    connect(m_photos, &QAbstractItemModel::dataChanged, this, &RegisterStudentDialog::updateState);
    resize(1100, 640);
    updateState();
}

RegisterStudentDialog::~RegisterStudentDialog()
{
    // A check may be mid-photo: it ends on its own instead of blocking the GUI.
    for (const QPointer<EnrolmentCheckJob> &job : std::as_const(m_checkJobs)) {
        if (job)
            job->abandon();
    }
}

void RegisterStudentDialog::choosePhotoFiles()
{
    auto *dialog = new QFileDialog(this, tr("Add photos of the student"), QString(), ImageFiles::dialogFilter());
    dialog->setObjectName(QStringLiteral("photoFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, &RegisterStudentDialog::addPhotoFiles);
    dialog->open();
}

void RegisterStudentDialog::addPhotoFiles(const QStringList &paths)
{
    QList<EnrolmentCheckJob::Photo> photos;
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        // The thumbnail appears once the file is read and checked, off the GUI thread.
        const int id = m_photos->add(name, QStringLiteral("file:") + name, QImage());
        photos.append({ id, path, QByteArray(), name });
    }
    checkPhotos(photos);
}

void RegisterStudentDialog::addPhotoImage(const QImage &image, const QString &source)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);
    const int id = m_photos->add(tr("Webcam photo"), source, image);
    checkPhotos({ { id, QString(), bytes, tr("webcam photo") } });
}

void RegisterStudentDialog::addPhotoData(const QByteArray &data, const QString &name)
{
    const int id = m_photos->add(name, QStringLiteral("phone:") + name, QImage());
    checkPhotos({ { id, QString(), data, name } });
}

PhoneUploadDialog *RegisterStudentDialog::openPhoneUpload()
{
    if (!m_phoneDialog) {
        m_phoneDialog = new PhoneUploadDialog(tr("Registration photos of one student: the face alone, looking at "
                                                 "the phone, in good light."),
                                              this);
        m_phoneDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_phoneDialog, &PhoneUploadDialog::photoReceived, this, &RegisterStudentDialog::addPhotoData);
    }
    m_phoneDialog->show();
    m_phoneDialog->raise();
    return m_phoneDialog;
}

void RegisterStudentDialog::checkPhotos(const QList<EnrolmentCheckJob::Photo> &photos)
{
    if (photos.isEmpty())
        return;
    auto *job = new EnrolmentCheckJob(photos, this);
    m_checking += job->photoCount();
    connect(job, &EnrolmentCheckJob::photoChecked, this,
            [this](int id, const EnrolmentCheck &check, const QImage &preview) {
                --m_checking;
                m_photos->setResult(id, check, preview);
                updateState();
                Q_EMIT photoChecked();
            });
    // Only a cancel ends a check job early, and that only happens when the dialog goes.
    connect(job, &Job::finished, job, &QObject::deleteLater);
    connect(job, &Job::failed, job, &QObject::deleteLater);
    m_checkJobs.removeIf([](const QPointer<EnrolmentCheckJob> &j) { return j.isNull(); });
    m_checkJobs.append(job);
    updateState();
    job->start();
}

void RegisterStudentDialog::removeSelectedPhoto()
{
    const QModelIndexList selected = m_strip->selectionModel()->selectedIndexes();
    if (!selected.isEmpty())
        m_photos->removeRow(selected.first().row());
}

void RegisterStudentDialog::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && ImageFiles::isSupported(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
    }
}

void RegisterStudentDialog::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && ImageFiles::isSupported(url.toLocalFile()))
            files << url.toLocalFile();
    }
    addPhotoFiles(files);
    event->acceptProposedAction();
}

QString RegisterStudentDialog::validate() const
{
    if (m_studentId->text().trimmed().isEmpty())
        return tr("Enter the student ID.");
    if (m_name->text().trimmed().isEmpty())
        return tr("Enter the student's name.");
    if (m_classes->currentClassId().isEmpty())
        return tr("Choose a class (create one with Students ▸ New class… first).");
    if (!m_consent->isChecked())
        return tr("Record the student's consent to face recognition.");
    if (m_checking > 0)
        return tr("Wait until every photo is checked.");
    if (m_photos->count(EnrolmentPhotoModel::State::Accepted) == 0)
        return tr("Add at least one good photo (3–5 recommended).");
    return {};
}

void RegisterStudentDialog::updateState()
{
    const int good = m_photos->count(EnrolmentPhotoModel::State::Accepted);
    const int refused = m_photos->count(EnrolmentPhotoModel::State::Refused);
    QString text = tr("%n good photo(s)", nullptr, good);
    if (refused)
        text += tr(", %n refused", nullptr, refused);
    if (m_checking)
        text += tr(", checking %n…", nullptr, m_checking);
    if (good < kRecommendedMin)
        text += QStringLiteral(" — ") + tr("%1 to %2 recommended").arg(kRecommendedMin).arg(kRecommendedMax);
    else if (good > kRecommendedMax)
        text += QStringLiteral(" — ") + tr("more than %1 adds little").arg(kRecommendedMax);
    m_photoState->setText(text);
    m_save->setEnabled(!m_saving && validate().isEmpty());
    m_save->setToolTip(validate());
}

void RegisterStudentDialog::accept()
{
    const QString problem = validate();
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        return;
    }
    m_error->clear();
    m_saving = true;
    updateState();
    // The duplicate check reads every enrolled embedding: off the GUI thread.
    std::vector<std::vector<float>> embeddings;
    QString modelId;
    for (const EnrolmentPhotoModel::Photo &p : m_photos->photos()) {
        if (p.state == EnrolmentPhotoModel::State::Accepted) {
            embeddings.push_back(p.check.embedding);
            modelId = p.check.modelId;
        }
    }
    Database *db = m_database;
    runInBackground(
        this, [db, modelId, embeddings] { return EnrolmentCheck::findDuplicate(*db, modelId, embeddings); },
        [this](const std::optional<EnrolmentCheck::Duplicate> &duplicate) {
            if (!duplicate) {
                saveStudent();
                return;
            }
            auto *box = new QMessageBox(
                QMessageBox::Warning, tr("Possible duplicate registration"),
                tr("These photos look like %1 (%2), who is already registered (distance %3).\n\nRegister %4 "
                   "anyway?")
                    .arg(duplicate->name, duplicate->studentId)
                    .arg(duplicate->distance, 0, 'f', 2)
                    .arg(m_name->text().trimmed()),
                QMessageBox::Cancel, this);
            box->setObjectName(QStringLiteral("duplicateWarning"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            QPushButton *anyway = box->addButton(tr("Register anyway"), QMessageBox::AcceptRole);
            anyway->setObjectName(QStringLiteral("registerAnywayButton"));
            box->setDefaultButton(QMessageBox::Cancel);
            connect(box, &QMessageBox::finished, this, [this, box, anyway](int) {
                if (box->clickedButton() == anyway) {
                    saveStudent();
                } else {
                    m_saving = false;
                    updateState();
                }
            });
            box->open();
        });
}

void RegisterStudentDialog::saveStudent()
{
    Student student;
    student.studentId = m_studentId->text().trimmed();
    student.name = m_name->text().trimmed();
    student.email = m_email->text().trimmed();
    student.consent = m_consent->isChecked();
    student.consentAt = QDateTime::currentDateTimeUtc();
    const QString classId = m_classes->currentClassId();
    QList<Enrolment::Photo> photos;
    for (const EnrolmentPhotoModel::Photo &p : m_photos->photos()) {
        if (p.state == EnrolmentPhotoModel::State::Accepted)
            photos.append({ p.source, p.check });
    }
    Database *db = m_database;
    runInBackground(
        this, [db, student, classId, photos] { return Enrolment::save(*db, student, classId, photos); },
        [this](const Result<Student> &saved) {
            m_saving = false;
            updateState();
            if (!saved) {
                m_lastError = saved.error().message();
                m_error->setText(tr("Not registered: %1").arg(saved.error().message()));
                return;
            }
            Q_EMIT studentRegistered(saved->studentUuid);
            QDialog::accept();
        });
}

} // namespace rollcall
