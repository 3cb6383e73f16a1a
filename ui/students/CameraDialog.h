#pragma once

#include <QDialog>
#include <QImage>

namespace rollcall {

class CameraCapture;

// Takes one photo with the webcam (Attendance ▸ Mark from webcam).
class CameraDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CameraDialog(const QString &guidance, QWidget *parent = nullptr);

    QImage image() const { return m_image; }

Q_SIGNALS:
    void imageTaken(const QImage &image);

private:
    CameraCapture *m_capture;
    QImage m_image;
};

} // namespace rollcall
