#include "CameraCapture.h"

#include "common/LogCategories.h"

#include <QCamera>
#include <QCameraDevice>
#include <QComboBox>
#include <QImageCapture>
#include <QLabel>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace rollcall {

CameraCapture::CameraCapture(QWidget *parent)
    : QWidget(parent)
    , m_devices(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_preview(new QVideoWidget(this))
    , m_message(new QLabel(this))
    , m_guidance(new QLabel(this))
    , m_captureButton(new QPushButton(tr("&Capture"), this))
{
    setObjectName(QStringLiteral("cameraCapture"));
    m_devices->setObjectName(QStringLiteral("cameraDevices"));
    m_message->setObjectName(QStringLiteral("cameraMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMinimumHeight(120);
    m_guidance->setObjectName(QStringLiteral("cameraGuidance"));
    m_guidance->setWordWrap(true);
    m_captureButton->setObjectName(QStringLiteral("captureButton"));
    m_captureButton->setShortcut(QKeySequence(Qt::Key_Space));
    m_preview->setMinimumSize(320, 240);
    m_stack->addWidget(m_preview);
    m_stack->addWidget(m_message);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_devices);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_guidance);
    layout->addWidget(m_captureButton);

    connect(m_captureButton, &QPushButton::clicked, this, &CameraCapture::capture);
    connect(m_devices, &QComboBox::currentIndexChanged, this, &CameraCapture::selectCamera);

    const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
    for (const QCameraDevice &camera : cameras)
        m_devices->addItem(camera.description(), QVariant::fromValue(camera));
    m_devices->setVisible(cameras.size() > 1);
    if (cameras.isEmpty())
        showProblem(tr("No camera was found. Connect a webcam, or add photos from files instead."));
    updateButton();
}

CameraCapture::~CameraCapture()
{
    stop();
}

void CameraCapture::setGuidance(const QString &text)
{
    m_guidance->setText(text);
}

bool CameraCapture::isAvailable() const
{
    return m_camera && m_problem.isEmpty();
}

void CameraCapture::selectCamera(int index)
{
    if (m_camera) {
        m_camera->stop();
        delete m_camera;
        m_camera = nullptr;
    }
    if (index < 0)
        return;
    m_problem.clear();
    if (!m_session) {
        // Only with a camera: the capture pipeline is not built on machines without one.
        m_session = new QMediaCaptureSession(this);
        m_imageCapture = new QImageCapture(this);
        m_session->setImageCapture(m_imageCapture);
        m_session->setVideoOutput(m_preview);
        connect(m_imageCapture, &QImageCapture::readyForCaptureChanged, this, &CameraCapture::updateButton);
        connect(m_imageCapture, &QImageCapture::imageCaptured, this,
                [this](int, const QImage &image) { Q_EMIT captured(image); });
        connect(m_imageCapture, &QImageCapture::errorOccurred, this,
                [this](int, QImageCapture::Error, const QString &text) {
                    showProblem(tr("The photo could not be taken: %1").arg(text));
                });
    }
    m_camera = new QCamera(m_devices->itemData(index).value<QCameraDevice>(), this);
    m_session->setCamera(m_camera);
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &text) {
        qCWarning(lcUi) << "camera error:" << text;
        showProblem(tr("The camera could not be started (%1). It may be in use by another program, or access "
                       "to it was denied. Close other programs that use the camera or check its permissions; "
                       "you can still add photos from files.")
                        .arg(text));
    });
    connect(m_camera, &QCamera::activeChanged, this, &CameraCapture::updateButton);
    m_stack->setCurrentWidget(m_preview);
    if (isVisible())
        m_camera->start();
    updateButton();
}

void CameraCapture::start()
{
    if (!m_camera && m_devices->count() > 0)
        selectCamera(m_devices->currentIndex());
    else if (m_camera && m_problem.isEmpty())
        m_camera->start();
}

void CameraCapture::stop()
{
    if (m_camera)
        m_camera->stop();
}

void CameraCapture::capture()
{
    if (m_imageCapture && m_imageCapture->isReadyForCapture())
        m_imageCapture->capture();
}

void CameraCapture::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    start();
}

void CameraCapture::hideEvent(QHideEvent *event)
{
    stop();
    QWidget::hideEvent(event);
}

void CameraCapture::showProblem(const QString &text)
{
    m_problem = text;
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    updateButton();
    Q_EMIT availabilityChanged(false);
}

void CameraCapture::updateButton()
{
    const bool ready = m_camera && m_imageCapture && m_problem.isEmpty() && m_camera->isActive()
        && m_imageCapture->isReadyForCapture();
    m_captureButton->setEnabled(ready);
    if (m_camera && m_problem.isEmpty() && m_camera->isActive())
        Q_EMIT availabilityChanged(true);
}

} // namespace rollcall
