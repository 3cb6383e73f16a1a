#include "CameraDialog.h"

#include "students/CameraCapture.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace rollcall {

CameraDialog::CameraDialog(const QString &guidance, QWidget *parent)
    : QDialog(parent)
    , m_capture(new CameraCapture(this))
{
    setObjectName(QStringLiteral("cameraDialog"));
    setWindowTitle(tr("Webcam"));
    m_capture->setGuidance(guidance);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_capture, 1);
    layout->addWidget(buttons);
    connect(m_capture, &CameraCapture::captured, this, [this](const QImage &image) {
        m_image = image;
        Q_EMIT imageTaken(image);
        accept();
    });
    resize(720, 600);
}

} // namespace rollcall
