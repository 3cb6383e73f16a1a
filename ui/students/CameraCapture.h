#pragma once

#include <QImage>
#include <QWidget>

class QCamera;
class QComboBox;
class QImageCapture;
class QLabel;
class QMediaCaptureSession;
class QPushButton;
class QStackedWidget;
class QVideoWidget;

namespace rollcall {

// Live webcam preview with a capture button (Qt Multimedia). When there is no
// camera, or it is busy or access is denied, it says so plainly; the caller's
// file path keeps working.
class CameraCapture : public QWidget
{
    Q_OBJECT

public:
    explicit CameraCapture(QWidget *parent = nullptr);
    ~CameraCapture() override;

    void setGuidance(const QString &text);
    bool isAvailable() const; // a camera is present and started without error
    QString problem() const { return m_problem; }

public Q_SLOTS:
    void start();
    void stop();
    void capture();

Q_SIGNALS:
    void captured(const QImage &image);
    void availabilityChanged(bool available);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void selectCamera(int index);
    void showProblem(const QString &text);
    void updateButton();

    QComboBox *m_devices;
    QStackedWidget *m_stack;
    QVideoWidget *m_preview;
    QLabel *m_message;
    QLabel *m_guidance;
    QPushButton *m_captureButton;
    QMediaCaptureSession *m_session = nullptr;
    QCamera *m_camera = nullptr;
    QImageCapture *m_imageCapture = nullptr;
    QString m_problem;
};

} // namespace rollcall
