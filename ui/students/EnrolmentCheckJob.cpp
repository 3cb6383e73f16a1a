#include "EnrolmentCheckJob.h"

#include "util/ImageFiles.h"

#include <QFile>

namespace rollcall {

EnrolmentCheckJob::EnrolmentCheckJob(QList<Photo> photos, QObject *parent)
    : Job(parent)
    , m_photos(std::move(photos))
{ }

EnrolmentCheckJob::~EnrolmentCheckJob()
{
    stop();
}

Status EnrolmentCheckJob::execute()
{
    const int count = int(m_photos.size());
    for (int i = 0; i < count; ++i) {
        if (isCancelled())
            return Error::cancelled();
        const Photo &photo = m_photos.at(i);
        reportProgress(100 * i / count, tr("Checking %1…").arg(photo.name));
        EnrolmentCheck check;
        QImage preview;
        QByteArray bytes = photo.data;
        bool readable = true;
        if (!photo.path.isEmpty()) {
            QFile file(photo.path);
            if (file.open(QIODevice::ReadOnly)) {
                bytes = file.readAll();
                preview = ImageFiles::fromData(bytes).scaled(220, 220, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            } else {
                check.reason = tr("the file cannot be read (%1)").arg(file.errorString());
                readable = false;
            }
        }
        if (readable)
            check = EnrolmentCheck::run(bytes, photo.name);
        deliver([this, id = photo.id, check = std::move(check), preview = std::move(preview)] {
            Q_EMIT photoChecked(id, check, preview);
        });
    }
    reportProgress(100, tr("Done"));
    return {};
}

} // namespace rollcall
