#include "sync/SyncJob.h"

#include "storage/Database.h"

namespace rollcall {

SyncJob::SyncJob(Database &db, SyncEngine::Options options, QObject *parent)
    : Job(parent)
    , m_db(db)
    , m_options(std::move(options))
{ }

SyncJob::~SyncJob()
{
    stop();
}

Status SyncJob::execute()
{
    SyncEngine engine(m_db, m_options);
    engine.setCancelFlag(&cancelFlag());
    engine.setProgress([this](const QString &stage, qint64 done, qint64 total) {
        // The engine counts within a stage; the text names the stage and the count.
        const int percent = total > 0 ? int(100 * done / total) : 0;
        reportProgress(percent, total > 0 ? tr("%1 (%2 of %3)").arg(stage).arg(done).arg(total) : stage);
    });
    Result<SyncReport> result = engine.run();
    if (!result)
        return result.error();
    m_report = result.value();
    return {};
}

void SyncJob::releaseThreadResources()
{
    m_db.releaseThreadConnection();
}

} // namespace rollcall
