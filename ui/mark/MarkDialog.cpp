#include "MarkDialog.h"

#include "common/LogCategories.h"
#include "mark/FaceBoxItem.h"
#include "mark/PhotoView.h"
#include "mark/RosterTableModel.h"
#include "phone/PhoneUploadDialog.h"
#include "storage/Database.h"
#include "storage/MarkReview.h"
#include "storage/PhotoProvenance.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRecorder.h"
#include "storage/StudentRepository.h"
#include "students/CameraDialog.h"
#include "util/Background.h"
#include "util/ClassComboBox.h"
#include "util/ImageFiles.h"
#include "util/PhotoWarningText.h"
#include "util/StatusDelegate.h"
#include "util/StatusText.h"
#include "util/TableSetup.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace rollcall {

namespace {

QByteArray encodeJpeg(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 92);
    return bytes;
}

QString legendHtml()
{
    auto swatch = [](ReviewFace::Display d, const QString &text) {
        return QStringLiteral("<span style='color:%1'>■</span> %2").arg(FaceBoxItem::colour(d).name(), text);
    };
    return QStringList { swatch(ReviewFace::Display::Confident, MarkDialog::tr("recognised")),
                         swatch(ReviewFace::Display::Uncertain, MarkDialog::tr("uncertain")),
                         swatch(ReviewFace::Display::Unknown, MarkDialog::tr("unknown")),
                         swatch(ReviewFace::Display::Manual, MarkDialog::tr("set by you")),
                         swatch(ReviewFace::Display::TooSmall, MarkDialog::tr("too small")),
                         swatch(ReviewFace::Display::NotStudent, MarkDialog::tr("not a student")) }
        .join(QStringLiteral(" &nbsp; "));
}

} // namespace

MarkDialog::MarkDialog(Database *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_review(new MarkReview(this))
    , m_rosterModel(new RosterTableModel(m_review, this))
    , m_classes(new ClassComboBox(database, this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_period(new QLineEdit(this))
    , m_photoChoice(new QComboBox(this))
    , m_photoView(new PhotoView(this))
    , m_rosterTable(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_backend(new QLabel(this))
    , m_warningLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel recognition"), this))
    , m_addPhotos(new QPushButton(tr("&Add photos…"), this))
    , m_webcam(new QPushButton(tr("&Webcam…"), this))
    , m_phone(new QPushButton(tr("From p&hone…"), this))
    , m_confirmAll(new QPushButton(tr("Confirm all &uncertain"), this))
    , m_save(new QPushButton(tr("&Save session"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("markDialog"));
    setWindowTitle(tr("Mark attendance"));
    setAcceptDrops(true);
    setSizeGripEnabled(true);
    m_classes->setObjectName(QStringLiteral("markClassCombo"));
    m_date->setObjectName(QStringLiteral("markDate"));
    m_date->setCalendarPopup(true);
    m_period->setObjectName(QStringLiteral("markPeriod"));
    m_period->setPlaceholderText(tr("e.g. 1 or Maths"));
    m_photoChoice->setObjectName(QStringLiteral("markPhotoChoice"));
    m_rosterTable->setObjectName(QStringLiteral("rosterTable"));
    m_summary->setObjectName(QStringLiteral("markSummary"));
    m_summary->setWordWrap(true);
    m_warningLabel->setObjectName(QStringLiteral("photoWarnings"));
    PhotoWarningText::styleStrip(m_warningLabel);
    m_backend->setObjectName(QStringLiteral("markBackend"));
    m_progress->setObjectName(QStringLiteral("markProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelRecognitionButton"));
    m_addPhotos->setObjectName(QStringLiteral("addPhotosButton"));
    m_webcam->setObjectName(QStringLiteral("webcamButton"));
    m_phone->setObjectName(QStringLiteral("phoneButton"));
    m_phone->setToolTip(tr("Show a code to scan with a phone, which then sends its photos to this PC"));
    m_confirmAll->setObjectName(QStringLiteral("confirmAllButton"));
    m_save->setObjectName(QStringLiteral("saveSessionButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_save->setDefault(true);
    m_addPhotos->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    m_photoView->setPlaceholderText(tr("Add a classroom photo: Add photos…, drag a file here, paste (Ctrl+V) or "
                                       "use the webcam."));

    // Header: class, date, period.
    auto *header = new QHBoxLayout;
    auto *classLabel = new QLabel(tr("&Class:"), this);
    classLabel->setBuddy(m_classes);
    header->addWidget(classLabel);
    header->addWidget(m_classes);
    header->addSpacing(12);
    header->addWidget(new QLabel(tr("Date:"), this));
    header->addWidget(m_date);
    header->addSpacing(12);
    header->addWidget(new QLabel(tr("Period:"), this));
    header->addWidget(m_period);
    header->addStretch(1);

    // Photo side.
    auto *pasteButton = new QPushButton(tr("&Paste"), this);
    pasteButton->setObjectName(QStringLiteral("pasteButton"));
    connect(pasteButton, &QPushButton::clicked, this, &MarkDialog::paste);
    auto zoomButton = [this](const QString &text, const QString &tip, void (PhotoView::*slot)()) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, m_photoView, slot);
        return b;
    };
    auto *photoBar = new QHBoxLayout;
    photoBar->addWidget(m_addPhotos);
    photoBar->addWidget(pasteButton);
    photoBar->addWidget(m_webcam);
    photoBar->addWidget(m_phone);
    photoBar->addWidget(m_photoChoice, 1);
    photoBar->addStretch(0);
    photoBar->addWidget(zoomButton(QStringLiteral("−"), tr("Zoom out (Ctrl+−)"), &PhotoView::zoomOut));
    photoBar->addWidget(zoomButton(tr("Fit"), tr("Fit the photo (Ctrl+0)"), &PhotoView::fitToWindow));
    photoBar->addWidget(zoomButton(QStringLiteral("+"), tr("Zoom in (Ctrl++)"), &PhotoView::zoomIn));
    auto *legend = new QLabel(legendHtml(), this);
    legend->setObjectName(QStringLiteral("markLegend"));
    auto *photoSide = new QWidget(this);
    auto *photoLayout = new QVBoxLayout(photoSide);
    photoLayout->setContentsMargins(0, 0, 0, 0);
    photoLayout->addLayout(photoBar);
    photoLayout->addWidget(m_photoView, 1);
    photoLayout->addWidget(legend);

    // Roster side.
    m_rosterTable->setModel(m_rosterModel);
    m_rosterTable->setItemDelegateForColumn(RosterTableModel::StatusColumn, new StatusDelegate(m_rosterTable));
    m_rosterTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rosterTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rosterTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    TableSetup::apply(m_rosterTable, RosterTableModel::NameColumn);
    m_rosterTable->setContextMenuPolicy(Qt::CustomContextMenu);
    m_rosterTable->setAlternatingRowColors(true);
    auto *toggle = new QAction(tr("Toggle present/absent"), m_rosterTable);
    toggle->setShortcut(QKeySequence(Qt::Key_Space));
    toggle->setShortcutContext(Qt::WidgetShortcut);
    connect(toggle, &QAction::triggered, this, &MarkDialog::toggleSelectedStatus);
    m_rosterTable->addAction(toggle);
    auto *rosterSide = new QWidget(this);
    auto *rosterLayout = new QVBoxLayout(rosterSide);
    rosterLayout->setContentsMargins(0, 0, 0, 0);
    rosterLayout->addWidget(m_summary);
    rosterLayout->addWidget(m_rosterTable, 1);
    rosterLayout->addWidget(m_confirmAll);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(photoSide);
    splitter->addWidget(rosterSide);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 820, 560 });

    auto *footer = new QHBoxLayout;
    m_progress->setMaximumWidth(420);
    footer->addWidget(m_progress, 1);
    footer->addWidget(m_cancel);
    footer->addWidget(m_backend);
    footer->addStretch(1);
    footer->addWidget(m_save);
    footer->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_warningLabel);
    layout->addLayout(footer);

    auto *pasteAction = new QAction(this);
    pasteAction->setShortcut(QKeySequence::Paste);
    connect(pasteAction, &QAction::triggered, this, &MarkDialog::paste);
    addAction(pasteAction);

    connect(m_classes, &ClassComboBox::classChanged, this, &MarkDialog::loadRoster);
    connect(m_date, &QDateEdit::dateChanged, this, [this] {
        if (!m_job && !m_photos.isEmpty())
            checkPhotoProvenance();
    });
    connect(m_classes, &ClassComboBox::loaded, this, [this] {
        if (m_classes->count() == 0) {
            m_summary->setText(tr("There is no class yet. Create one with Students ▸ New class… and register its "
                                  "students first."));
        } else if (m_classId.isEmpty()) {
            loadRoster(m_classes->currentClassId());
        }
    });
    connect(m_addPhotos, &QPushButton::clicked, this, &MarkDialog::choosePhotoFiles);
    connect(m_webcam, &QPushButton::clicked, this, &MarkDialog::captureFromWebcam);
    connect(m_phone, &QPushButton::clicked, this, &MarkDialog::openPhoneUpload);
    connect(m_cancel, &QPushButton::clicked, this, &MarkDialog::cancelRecognition);
    connect(m_confirmAll, &QPushButton::clicked, m_review, &MarkReview::confirmAll);
    connect(m_save, &QPushButton::clicked, this, &MarkDialog::save);
    connect(m_close, &QPushButton::clicked, this, &MarkDialog::reject);
    connect(m_photoChoice, &QComboBox::currentIndexChanged, this, &MarkDialog::showPhoto);
    connect(m_photoView, &PhotoView::faceClicked, this, &MarkDialog::onFaceClicked);
    connect(m_review, &MarkReview::faceChanged, this, &MarkDialog::refreshFace);
    connect(m_review, &MarkReview::reset, this, &MarkDialog::refreshFaces);
    connect(m_review, &MarkReview::summaryChanged, this, &MarkDialog::updateSummary);
    connect(m_rosterTable, &QTableView::customContextMenuRequested, this, &MarkDialog::showRosterMenu);
    connect(m_rosterTable, &QTableView::clicked, this, &MarkDialog::focusStudentFace);

    resize(1280, 820);
    updateSummary();
    updateControls();
}

MarkDialog::~MarkDialog()
{
    // A photo may be between stages: let the job stop on its own rather than block the GUI.
    if (m_job)
        m_job->abandon();
}

bool MarkDialog::isBusy() const
{
    return m_rosterLoads > 0 || m_job != nullptr || m_saving || !m_queue.isEmpty();
}

void MarkDialog::loadRoster(const QString &classId)
{
    if (classId == m_classId && !classId.isEmpty())
        return;
    if (!m_review->faces().isEmpty() && m_review->hasUnsavedChanges()) {
        const auto answer = QMessageBox::question(
            this, tr("Change class"),
            tr("Changing the class recognises the photos again against the new roster and discards your "
               "corrections. Continue?"));
        if (answer != QMessageBox::Yes) {
            const QSignalBlocker block(m_classes);
            m_classes->selectClass(m_classId);
            return;
        }
    }
    if (m_job)
        m_job->cancel();
    m_classId = classId;
    ++m_rosterLoads;
    updateControls();
    Database *db = m_database;
    runInBackground(
        this, [db, classId] { return StudentRepository(*db).list(classId, false); },
        [this, classId](const Result<QList<Student>> &students) {
            --m_rosterLoads;
            if (classId != m_classId)
                return;
            if (!students)
                m_lastError = students.error().message();
            m_review->setRoster(students ? MarkReview::rosterOf(*students) : QList<RosterEntry>());
            // Photos already added are recognised again against this roster.
            m_queue.clear();
            for (int i = 0; i < m_photos.size(); ++i) {
                m_photos[i].recognised = false;
                m_photos[i].error.clear();
                m_queue.append(i);
            }
            Q_EMIT rosterLoaded();
            startRecognition();
            updateSummary();
            updateControls();
        });
}

void MarkDialog::choosePhotoFiles()
{
    auto *dialog = new QFileDialog(this, tr("Add classroom photos"), QString(), ImageFiles::dialogFilter());
    dialog->setObjectName(QStringLiteral("photoFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, &MarkDialog::addPhotoFiles);
    dialog->open();
}

void MarkDialog::addPhotoFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        PhotoEntry entry;
        entry.name = QFileInfo(path).fileName();
        entry.path = path;
        m_photos.append(entry);
        m_queue.append(int(m_photos.size()) - 1);
    }
    startRecognition();
    updateControls();
}

void MarkDialog::addPhotoImage(const QImage &image, const QString &name)
{
    if (!image.isNull())
        addPhotoData(encodeJpeg(image), name);
}

void MarkDialog::addPhotoData(const QByteArray &data, const QString &name)
{
    if (data.isEmpty())
        return;
    PhotoEntry entry;
    entry.name = name;
    entry.data = data;
    m_photos.append(entry);
    m_queue.append(int(m_photos.size()) - 1);
    startRecognition();
    updateControls();
}

PhoneUploadDialog *MarkDialog::openPhoneUpload()
{
    if (!m_phoneDialog) {
        m_phoneDialog = new PhoneUploadDialog(
            tr("Classroom photos for %1, %2.")
                .arg(m_classes->currentText(), QLocale().toString(m_date->date(), QLocale::ShortFormat)),
            this);
        m_phoneDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_phoneDialog, &PhoneUploadDialog::photoReceived, this, &MarkDialog::addPhotoData);
    }
    m_phoneDialog->show();
    m_phoneDialog->raise();
    return m_phoneDialog;
}

void MarkDialog::captureFromWebcam()
{
    auto *camera = new CameraDialog(tr("Stand where the whole class is in the picture; hold still and press "
                                       "Capture (Space)."),
                                    this);
    camera->setAttribute(Qt::WA_DeleteOnClose);
    connect(camera, &CameraDialog::imageTaken, this, [this](const QImage &image) {
        addPhotoImage(image, tr("Webcam %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    });
    camera->open();
}

void MarkDialog::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return;
    if (mime->hasUrls()) {
        QStringList files;
        for (const QUrl &url : mime->urls()) {
            if (url.isLocalFile() && ImageFiles::isSupported(url.toLocalFile()))
                files << url.toLocalFile();
        }
        if (!files.isEmpty()) {
            addPhotoFiles(files);
            return;
        }
    }
    if (mime->hasImage())
        addPhotoImage(qvariant_cast<QImage>(mime->imageData()), tr("Pasted photo"));
}

void MarkDialog::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    bool ok = mime->hasImage();
    for (const QUrl &url : mime->urls())
        ok = ok || (url.isLocalFile() && ImageFiles::isSupported(url.toLocalFile()));
    if (ok)
        event->acceptProposedAction();
}

void MarkDialog::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QStringList files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && ImageFiles::isSupported(url.toLocalFile()))
            files << url.toLocalFile();
    }
    if (!files.isEmpty())
        addPhotoFiles(files);
    else if (mime->hasImage())
        addPhotoImage(qvariant_cast<QImage>(mime->imageData()), tr("Dropped photo"));
    event->acceptProposedAction();
}

void MarkDialog::startRecognition()
{
    // One job at a time; the roster must be there to match against.
    if (m_job || m_queue.isEmpty() || m_rosterLoads > 0 || m_classId.isEmpty())
        return;
    QList<RecognitionJob::Photo> photos;
    for (int index : std::as_const(m_queue)) {
        const PhotoEntry &entry = m_photos.at(index);
        photos.append({ index, entry.name, entry.data.isEmpty() ? entry.path : QString(), entry.data });
    }
    m_queue.clear();
    m_job = new RecognitionJob(m_database, m_classId, photos, this);
    connect(m_job, &RecognitionJob::progress, this, [this](int percent, const QString &text) {
        m_progress->setValue(percent);
        m_progress->setFormat(text.isEmpty() ? QStringLiteral("%p%") : text + QStringLiteral("  %p%"));
    });
    connect(m_job, &RecognitionJob::photoDone, this, &MarkDialog::onPhotoDone);
    connect(m_job, &RecognitionJob::finished, this, [this] { onRecognitionFinished(false); });
    // Per-photo problems come with photoDone; the job itself only fails when cancelled.
    connect(m_job, &RecognitionJob::failed, this, [this] { onRecognitionFinished(true); });
    m_progress->setValue(0);
    m_progress->setFormat(tr("Recognising…"));
    m_job->start();
    updateControls();
}

void MarkDialog::onPhotoDone(const RecognitionJob::Result &result)
{
    if (result.photo < 0 || result.photo >= m_photos.size())
        return;
    PhotoEntry &entry = m_photos[result.photo];
    entry.recognised = true;
    entry.image = result.image;
    entry.data = result.data;
    entry.error = result.error;
    if (!result.error.isEmpty()) {
        m_lastError = result.error;
        qCWarning(lcUi) << "photo not recognised:" << result.error;
    } else {
        QList<ReviewFace> faces = result.faces;
        for (ReviewFace &face : faces)
            face.photo = result.photo;
        m_review->addFaces(faces);
        if (!result.backend.isEmpty())
            m_backend->setText(tr("%1 · %2 ms").arg(result.backend).arg(result.totalMs));
    }
    // Photo chooser: one entry per photo.
    const QSignalBlocker block(m_photoChoice);
    m_photoChoice->clear();
    for (int i = 0; i < m_photos.size(); ++i) {
        const PhotoEntry &p = m_photos.at(i);
        QString text = tr("Photo %1: %2").arg(i + 1).arg(p.name);
        if (!p.error.isEmpty())
            text += tr(" (could not be used)");
        else if (!p.recognised)
            text += tr(" (waiting)");
        m_photoChoice->addItem(text);
    }
    const bool showNew = m_currentPhoto < 0 || m_photos.at(m_currentPhoto).image.isNull();
    showPhoto(showNew ? result.photo : m_currentPhoto);
    m_photoChoice->setCurrentIndex(m_currentPhoto);
    if (!result.error.isEmpty())
        QMessageBox::warning(this, tr("Photo"), result.error);
}

void MarkDialog::onRecognitionFinished(bool cancelled)
{
    m_job->deleteLater();
    m_job = nullptr;
    if (cancelled) {
        // Photos that were not reached are dropped; they always come last.
        while (!m_photos.isEmpty() && !m_photos.constLast().recognised)
            m_photos.removeLast();
        m_queue.clear();
        const QSignalBlocker block(m_photoChoice);
        while (m_photoChoice->count() > m_photos.size())
            m_photoChoice->removeItem(m_photoChoice->count() - 1);
        m_progress->setFormat(tr("Cancelled"));
    } else {
        m_progress->setValue(100);
        m_progress->setFormat(tr("Done"));
    }
    startRecognition();
    updateSummary();
    updateControls();
    if (!m_job) {
        checkPhotoProvenance();
        Q_EMIT recognitionFinished();
    }
}

void MarkDialog::cancelRecognition()
{
    m_queue.clear();
    if (m_job)
        m_job->cancel();
}

void MarkDialog::showPhoto(int index)
{
    if (index < 0 || index >= m_photos.size())
        return;
    m_currentPhoto = index;
    const PhotoEntry &entry = m_photos.at(index);
    m_photoView->setImage(entry.image);
    if (entry.image.isNull())
        m_photoView->setPlaceholderText(entry.error.isEmpty() ? tr("Recognising…") : entry.error);
    refreshFaces();
}

QString MarkDialog::faceLabel(int face) const
{
    const ReviewFace &f = m_review->faces().at(face);
    if (f.notStudent)
        return tr("not a student");
    if (const RosterEntry *s = m_review->student(f.studentUuid))
        return f.display() == ReviewFace::Display::Uncertain ? tr("%1 ?").arg(s->name) : s->name;
    if (f.tooSmall)
        return QString(); // the grey dashed box says it; labels would crowd the back rows
    return tr("?");
}

void MarkDialog::refreshFaces()
{
    m_photoView->clearFaces();
    const QList<ReviewFace> &faces = m_review->faces();
    for (int i = 0; i < faces.size(); ++i) {
        if (faces.at(i).photo == m_currentPhoto)
            m_photoView->setFace(i, faces.at(i).box, faces.at(i).display(), faceLabel(i));
    }
}

void MarkDialog::refreshFace(int face)
{
    const ReviewFace &f = m_review->faces().at(face);
    if (f.photo == m_currentPhoto)
        m_photoView->setFace(face, f.box, f.display(), faceLabel(face));
}

void MarkDialog::onFaceClicked(int face, const QPoint &globalPos)
{
    if (face < 0 || face >= m_review->faces().size())
        return;
    const ReviewFace &f = m_review->faces().at(face);
    delete m_faceMenu;
    m_faceMenu = new QMenu(this);
    m_faceMenu->setObjectName(QStringLiteral("faceMenu"));
    m_faceMenu->setProperty("face", face);
    QAction *title = m_faceMenu->addAction(f.tooSmall ? tr("Face %1 (too small to recognise)").arg(face + 1)
                                                      : tr("Face %1").arg(face + 1));
    title->setEnabled(false);
    QAction *notStudent = m_faceMenu->addAction(tr("Not a student"));
    notStudent->setObjectName(QStringLiteral("notStudentAction"));
    notStudent->setCheckable(true);
    notStudent->setChecked(f.notStudent);
    connect(notStudent, &QAction::triggered, this, [this, face] { m_review->markNotStudent(face); });
    if (f.assigned() || f.notStudent) {
        QAction *clear = m_faceMenu->addAction(tr("Clear (unknown)"));
        clear->setObjectName(QStringLiteral("clearFaceAction"));
        connect(clear, &QAction::triggered, this, [this, face] { m_review->clearFace(face); });
    }
    m_faceMenu->addSeparator();
    // The nearest student first: usually the right one when recognition was unsure.
    QList<int> rows;
    const int nearest = m_review->rowOf(f.nearestStudentUuid);
    if (nearest >= 0)
        rows.append(nearest);
    QList<int> others;
    for (int row = 0; row < m_review->roster().size(); ++row) {
        if (row != nearest)
            others.append(row);
    }
    std::sort(others.begin(), others.end(), [this](int a, int b) {
        return QString::localeAwareCompare(m_review->roster().at(a).name, m_review->roster().at(b).name) < 0;
    });
    rows.append(others);
    for (int row : std::as_const(rows)) {
        const RosterEntry &s = m_review->roster().at(row);
        QString text = tr("%1 (%2)").arg(s.name, s.studentId);
        if (row == nearest && !std::isnan(f.nearestDistance))
            text += tr(" — nearest, distance %1").arg(f.nearestDistance, 0, 'f', 2);
        else if (s.face >= 0 && s.face != face)
            text += tr(" — on another face");
        QAction *action = m_faceMenu->addAction(text);
        action->setObjectName(QStringLiteral("assign_") + s.studentUuid);
        action->setData(s.studentUuid);
        action->setCheckable(true);
        action->setChecked(f.studentUuid == s.studentUuid);
        const QString key = s.studentUuid;
        connect(action, &QAction::triggered, this, [this, face, key] { m_review->assignFace(face, key); });
        if (row == nearest && rows.size() > 1)
            m_faceMenu->addSeparator();
    }
    // Not exec(): the event loop (and recognition of other photos) keeps running.
    m_faceMenu->popup(globalPos);
}

void MarkDialog::updateSummary()
{
    if (m_review->roster().isEmpty() && !m_classId.isEmpty() && m_rosterLoads == 0) {
        m_summary->setText(tr("No active students in this class. Register students first (Students ▸ Register "
                              "student…)."));
        return;
    }
    const int present = m_review->countWithStatus(AttendanceStatus::Present);
    const int late = m_review->countWithStatus(AttendanceStatus::Late);
    const int absent = m_review->countWithStatus(AttendanceStatus::Absent);
    const int excused = m_review->countWithStatus(AttendanceStatus::Excused);
    const int review = m_review->needsReviewCount();
    int tooSmall = 0;
    for (const ReviewFace &f : m_review->faces())
        tooSmall += f.tooSmall && !f.assigned() ? 1 : 0;
    QStringList parts;
    parts << tr("<b>%1</b> present").arg(present) << tr("<b>%1</b> absent").arg(absent);
    if (late)
        parts << tr("%1 late").arg(late);
    if (excused)
        parts << tr("%1 excused").arg(excused);
    QString text = parts.join(QStringLiteral(", ")) + QStringLiteral(" · ")
        + tr("%n face(s) found", nullptr, int(m_review->faces().size()));
    if (review)
        text += QStringLiteral("<br><span style='color:#b26a00'>")
            + tr("%n uncertain match(es) to confirm: saved as “to review” until you do", nullptr, review)
            + QStringLiteral("</span>");
    if (m_review->unknownFaceCount())
        text += QStringLiteral("<br><span style='color:#c62828'>")
            + tr("%n unknown face(s): click one to say who it is", nullptr, m_review->unknownFaceCount())
            + QStringLiteral("</span>");
    if (tooSmall)
        text += QStringLiteral("<br><span style='color:#607d8b'>")
            + tr("%n face(s) too small to recognise: take a closer photo of that part of the room", nullptr, tooSmall)
            + QStringLiteral("</span>");
    m_summary->setText(text);
    m_confirmAll->setEnabled(review > 0);
}

void MarkDialog::updateControls()
{
    const bool recognising = m_job != nullptr;
    m_progress->setVisible(recognising || m_progress->value() > 0);
    m_cancel->setVisible(recognising);
    const bool haveResult = !m_review->roster().isEmpty()
        && std::any_of(m_photos.cbegin(), m_photos.cend(),
                       [](const PhotoEntry &p) { return p.recognised && p.error.isEmpty(); });
    m_save->setEnabled(!m_saving && !recognising && m_rosterLoads == 0 && haveResult);
    m_classes->setEnabled(!m_saving);
    m_addPhotos->setEnabled(!m_saving && !m_classId.isEmpty());
    m_webcam->setEnabled(!m_saving && !m_classId.isEmpty());
    m_phone->setEnabled(!m_saving && !m_classId.isEmpty());
    m_photoChoice->setVisible(m_photos.size() > 1);
}

void MarkDialog::toggleSelectedStatus()
{
    const QModelIndexList rows = m_rosterTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const AttendanceStatus now = m_review->roster().at(row).status;
    m_review->setStatus(row, now == AttendanceStatus::Absent ? AttendanceStatus::Present : AttendanceStatus::Absent);
}

void MarkDialog::showRosterMenu(const QPoint &pos)
{
    const QModelIndex index = m_rosterTable->indexAt(pos);
    if (!index.isValid())
        return;
    const int row = index.row();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("rosterMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const RosterEntry &entry = m_review->roster().at(row);
    if (entry.needsReview) {
        QAction *confirm = menu->addAction(tr("Confirm match"));
        connect(confirm, &QAction::triggered, this, [this, row] { m_review->confirm(row); });
        menu->addSeparator();
    }
    for (AttendanceStatus status : StatusText::all()) {
        QAction *action = menu->addAction(StatusText::label(status));
        action->setCheckable(true);
        action->setChecked(entry.status == status);
        connect(action, &QAction::triggered, this, [this, row, status] { m_review->setStatus(row, status); });
    }
    if (entry.face >= 0) {
        menu->addSeparator();
        QAction *show = menu->addAction(tr("Show face"));
        connect(show, &QAction::triggered, this, [this, index] { focusStudentFace(index); });
    }
    menu->popup(m_rosterTable->viewport()->mapToGlobal(pos));
}

void MarkDialog::focusStudentFace(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const int face = m_review->roster().at(index.row()).face;
    if (face < 0)
        return;
    const int photo = m_review->faces().at(face).photo;
    if (photo != m_currentPhoto) {
        showPhoto(photo);
        const QSignalBlocker block(m_photoChoice);
        m_photoChoice->setCurrentIndex(photo);
    }
    m_photoView->showFace(face);
}

void MarkDialog::checkPhotoProvenance()
{
    // The same check the recorder makes when saving, shown before it: a warning never blocks.
    QList<int> indexes;
    QList<QByteArray> photos;
    for (int i = 0; i < m_photos.size(); ++i) {
        if (m_photos.at(i).recognised && m_photos.at(i).error.isEmpty()) {
            indexes << i;
            photos << m_photos.at(i).data;
        }
    }
    const int check = ++m_provenanceChecks;
    Database *db = m_database;
    const QDate date = m_date->date();
    runInBackground(
        this, [db, date, photos] { return PhotoProvenance(*db).check(date, photos); },
        [this, check, indexes, date](const Result<PhotoProvenance::Checked> &checked) {
            if (check != m_provenanceChecks)
                return;
            m_photoWarnings.clear();
            if (checked) {
                for (PhotoWarning w : checked->warnings) {
                    w.photo = indexes.value(w.photo, w.photo);
                    m_photoWarnings.append(w);
                }
            } else {
                qCWarning(lcUi) << "photo check failed:" << checked.error().message();
            }
            PhotoWarningText::show(m_warningLabel, m_photoWarnings, date,
                                   tr("Check the photos before saving; the warnings are kept with the session."));
            Q_EMIT photoWarningsChecked();
        });
}

void MarkDialog::save()
{
    if (m_saving || m_job || m_classId.isEmpty())
        return;
    // Photos that could not be read are not kept; record photo indexes follow the kept ones.
    SessionRecorder::Request request;
    QHash<int, int> keptIndex;
    for (int i = 0; i < m_photos.size(); ++i) {
        if (m_photos.at(i).recognised && m_photos.at(i).error.isEmpty()) {
            keptIndex.insert(i, int(request.photos.size()));
            request.photos.append({ {}, m_photos.at(i).data });
        }
    }
    request.classId = m_classId;
    request.date = m_date->date();
    request.period = m_period->text();
    request.source = QStringLiteral("recognition");
    // Unconfirmed uncertain matches are recorded as "review", never as present.
    request.records = m_review->records(keptIndex);
    request.changes = m_review->changes();

    m_saving = true;
    updateControls();
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Saving…"));
    Database *db = m_database;
    runInBackground(
        this,
        [db, request]() -> Result<AttendanceSession> {
            PhotoStore store;
            return SessionRecorder(*db, store).record(request);
        },
        [this](const Result<AttendanceSession> &saved) {
            m_saving = false;
            m_progress->setRange(0, 100);
            if (!saved) {
                m_lastError = saved.error().message();
                m_progress->setFormat(tr("Not saved"));
                updateControls();
                QMessageBox::critical(this, tr("Save session"),
                                      tr("The session was not saved: %1").arg(saved.error().message()));
                return;
            }
            m_review->markSaved();
            m_savedSessionId = saved->id;
            m_progress->setValue(100);
            m_progress->setFormat(tr("Saved"));
            qCInfo(lcUi) << "attendance session saved" << saved->id;
            Q_EMIT sessionSaved(saved->id);
            m_leaving = true;
            QDialog::accept();
        });
}

void MarkDialog::askToLeave()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved attendance"),
                                tr("This attendance has not been saved. Save it before closing?"),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedChangesBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Save);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        const QMessageBox::StandardButton button = box->standardButton(box->clickedButton());
        if (button == QMessageBox::Save) {
            save();
        } else if (button == QMessageBox::Discard) {
            m_leaving = true;
            cancelRecognition();
            QDialog::reject();
        }
    });
    box->open();
}

void MarkDialog::reject()
{
    // A recognised photo is work worth keeping even before any correction.
    const bool unsaved
        = !m_leaving && m_savedSessionId.isEmpty() && (m_review->hasUnsavedChanges() || !m_review->faces().isEmpty());
    if (unsaved) {
        askToLeave();
        return;
    }
    cancelRecognition();
    QDialog::reject();
}

void MarkDialog::closeEvent(QCloseEvent *event)
{
    event->ignore();
    reject();
}

} // namespace rollcall
