#include "RecognitionJob.h"

#include "common/LogCategories.h"
#include "util/ImageFiles.h"
#include "util/VisionService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace rollcall {

namespace {

void recognise(Database &db, const QString &classId, const QString &name, RecognitionJob::Result &result,
               QPromise<RecognitionJob::Result> &promise, int photo, int photoCount)
{
    // Progress of this photo within the whole job; false cancels the engine between stages.
    auto progress = [&promise, photo, photoCount](int percent, const QString &stage) {
        promise.setProgressValueAndText((100 * photo + percent) / photoCount, stage);
        return !promise.isCanceled();
    };
    const Result<VisionService::PhotoRecognition> recognised
        = VisionService::instance().recognise(db, classId, result.data, name, progress);
    if (!recognised) {
        if (recognised.error().code() != Error::Code::Cancelled)
            result.error = recognised.error().message();
        return;
    }
    result.faces = recognised->faces;
    result.backend = recognised->backend;
}

} // namespace

RecognitionJob::RecognitionJob(Database *database, const QString &classId, const QList<Photo> &photos, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_classId(classId)
    , m_photos(photos)
{
    connect(&m_watcher, &QFutureWatcherBase::resultReadyAt, this,
            [this](int index) { Q_EMIT photoDone(m_watcher.resultAt(index)); });
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(value, m_watcher.progressText()); });
    connect(&m_watcher, &QFutureWatcherBase::progressTextChanged, this,
            [this](const QString &text) { Q_EMIT progress(m_watcher.progressValue(), text); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] { Q_EMIT finished(m_watcher.isCanceled()); });
}

RecognitionJob::~RecognitionJob()
{
    // The task may still be between stages: ask it to stop; it owns copies of everything it uses.
    m_watcher.cancel();
}

void RecognitionJob::start()
{
    Database *db = m_database;
    const QString classId = m_classId;
    const QList<Photo> photos = m_photos;
    m_watcher.setFuture(QtConcurrent::run([db, classId, photos](QPromise<Result> &promise) {
        promise.setProgressRange(0, 100);
        for (int i = 0; i < photos.size(); ++i) {
            if (promise.isCanceled())
                return;
            const Photo &photo = photos.at(i);
            promise.setProgressValueAndText(
                100 * i / int(photos.size()),
                QCoreApplication::translate("RecognitionJob", "Reading %1…").arg(photo.name));
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
                result.error = QCoreApplication::translate("RecognitionJob", "%1 could not be read: %2")
                                   .arg(photo.name, error.isEmpty() ? QStringLiteral("?") : error);
            } else {
                recognise(*db, classId, photo.name, result, promise, i, int(photos.size()));
            }
            result.totalMs = timer.elapsed();
            if (promise.isCanceled())
                return;
            promise.addResult(result);
        }
        promise.setProgressValueAndText(100, QCoreApplication::translate("RecognitionJob", "Done"));
    }));
}

void RecognitionJob::cancel()
{
    m_watcher.cancel();
}

bool RecognitionJob::isRunning() const
{
    return m_watcher.isRunning();
}

} // namespace rollcall
