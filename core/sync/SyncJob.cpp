#include "sync/SyncJob.h"

#include "storage/Database.h"

#include <QThread>

namespace rollcall {

SyncJob::SyncJob(Database &db, SyncEngine::Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_options(std::move(options))
{ }

SyncJob::~SyncJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool SyncJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void SyncJob::cancel()
{
    m_cancel = true;
}

void SyncJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        SyncEngine engine(m_db, m_options);
        engine.setCancelFlag(&m_cancel);
        engine.setProgress([this](const QString &stage, qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this, [this, stage, done, total] { Q_EMIT progress(stage, done, total); }, Qt::QueuedConnection);
        });
        Result<SyncReport> result = engine.run();
        m_db.releaseThreadConnection();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                if (result)
                    Q_EMIT finished(result.value());
                else
                    Q_EMIT failed(result.error());
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("rollcall-sync"));
    m_thread->start();
}

} // namespace rollcall
