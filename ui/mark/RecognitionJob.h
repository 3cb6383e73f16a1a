#pragma once

#include "storage/ReviewFace.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

namespace rollcall {

class Database;

// Recognises classroom photos against a class roster off the GUI thread, one
// photo after the other, reporting each photo as it is done. Cancel stops it
// between stages and between photos.
class RecognitionJob : public QObject
{
    Q_OBJECT

public:
    struct Photo
    {
        int index = -1; // the photo's index in the marking, echoed in Result::photo
        QString name; // shown to the user and used in error messages
        QString path; // a file, or empty when data holds the encoded image
        QByteArray data;
    };
    struct Result
    {
        int photo = -1; // Photo::index
        QImage image; // for display, EXIF orientation applied
        QByteArray data; // the encoded file, kept with the session
        QList<ReviewFace> faces;
        QString error; // the photo could not be used
        QString backend; // detector / embedder / device, for the status line
        qint64 totalMs = 0;
    };

    RecognitionJob(Database *database, const QString &classId, const QList<Photo> &photos, QObject *parent = nullptr);
    ~RecognitionJob() override;

    void start();
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(int percent, const QString &text);
    void photoDone(const rollcall::RecognitionJob::Result &result);
    void finished(bool cancelled);

private:
    Database *m_database;
    QString m_classId;
    QList<Photo> m_photos;
    QFutureWatcher<Result> m_watcher;
};

} // namespace rollcall
