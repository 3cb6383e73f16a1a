#pragma once

#include "common/Job.h"
#include "storage/ReviewFace.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

namespace rollcall {

class Database;

// Recognises classroom photos against a class roster as a Job, one photo after the
// other, handing each photo over (photoDone) as it is done. Cancel stops it between
// stages and between photos; a cancelled job ends with failed(Cancelled).
class RecognitionJob final : public Job
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

Q_SIGNALS:
    void photoDone(const rollcall::RecognitionJob::Result &result);

protected:
    rollcall::Status execute() override;
    void releaseThreadResources() override;

private:
    Result recognise(const Photo &photo, int position);

    Database *m_database;
    QString m_classId;
    QList<Photo> m_photos;
};

} // namespace rollcall
