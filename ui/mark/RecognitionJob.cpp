#include "RecognitionJob.h"

#include "storage/Database.h"
#include "util/ImageFiles.h"
#include "util/VisionService.h"

#include <QElapsedTimer>
#include <QFile>

namespace rollcall {

RecognitionJob::RecognitionJob(Database *database, const QString &classId, const QList<Photo> &photos, QObject *parent)
    : Job(parent)
    , m_database(database)
    , m_classId(classId)
    , m_photos(photos)
{ }

RecognitionJob::~RecognitionJob()
{
    stop();
}

RecognitionJob::Result RecognitionJob::recognise(const Photo &photo, int position)
{
    const int count = int(m_photos.size());
    QElapsedTimer timer;
    timer.start();
    Result result;
    result.photo = photo.index;
    result.data = photo.data;
    if (result.data.isEmpty()) {
        QFile file(photo.path);
        if (file.open(QIODevice::ReadOnly))
            result.data = file.readAll();
    }
    QString error;
    result.image = ImageFiles::fromData(result.data, &error);
    if (result.image.isNull()) {
        result.error = tr("%1 could not be read: %2").arg(photo.name, error.isEmpty() ? QStringLiteral("?") : error);
        return result;
    }
    // Progress of this photo within the whole job; false cancels the engine between stages.
    auto progress = [this, position, count](int percent, const QString &stage) {
        reportProgress((100 * position + percent) / count, stage);
        return !isCancelled();
    };
    const auto recognised
        = VisionService::instance().recognise(*m_database, m_classId, result.data, photo.name, progress);
    if (recognised) {
        result.faces = recognised->faces;
        result.backend = recognised->backend;
    } else if (recognised.error().code() != Error::Code::Cancelled) {
        result.error = recognised.error().message();
    }
    result.totalMs = timer.elapsed();
    return result;
}

Status RecognitionJob::execute()
{
    const int count = int(m_photos.size());
    for (int i = 0; i < count; ++i) {
        if (isCancelled())
            return Error::cancelled();
        const Photo &photo = m_photos.at(i);
        reportProgress(100 * i / count, tr("Reading %1…").arg(photo.name));
        Result result = recognise(photo, i);
        if (isCancelled())
            return Error::cancelled();
        deliver([this, result = std::move(result)] { Q_EMIT photoDone(result); });
    }
    reportProgress(100, tr("Done"));
    return {};
}

void RecognitionJob::releaseThreadResources()
{
    m_database->releaseThreadConnection();
}

} // namespace rollcall
