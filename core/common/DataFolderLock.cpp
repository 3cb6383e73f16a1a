#include "common/DataFolderLock.h"

#include "common/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>

namespace rollcall {

QString DataFolderLock::Holder::describe() const
{
    const QString name = QFileInfo(program).fileName();
    return QStringLiteral("%1 (process %2 on %3)")
        .arg(name.isEmpty() ? QStringLiteral("another program") : name)
        .arg(pid)
        .arg(host.isEmpty() ? QStringLiteral("this computer") : host);
}

DataFolderLock::DataFolderLock(QString dataDir)
    : m_dataDir(QDir(dataDir).absolutePath())
{ }

DataFolderLock::~DataFolderLock()
{
    release();
}

QString DataFolderLock::lockFilePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("rollcall.lock"));
}

int DataFolderLock::defaultWaitMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("ROLLCALL_LOCK_WAIT_MS", &ok);
    return ok && ms >= 0 ? ms : 10000;
}

Status DataFolderLock::acquire(int waitMs)
{
    if (isLocked())
        return {};
    if (!PrivateFiles::makeDirectory(m_dataDir))
        return Error::storage(QStringLiteral("Cannot create the data folder %1.").arg(m_dataDir));
    auto lock = std::make_unique<QLockFile>(lockFilePath());
    lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    if (lock->tryLock(waitMs)) {
        PrivateFiles::restrict(lockFilePath());
        m_lock = std::move(lock);
        return {};
    }
    if (lock->error() == QLockFile::LockFailedError) {
        const auto who = holder();
        return Error::storage(QStringLiteral("The data folder %1 is in use by %2. Close it, or wait until it has "
                                             "finished, and try again.")
                                  .arg(QDir::toNativeSeparators(m_dataDir),
                                       who ? who->describe() : QStringLiteral("another RollCall process")));
    }
    return Error::storage(QStringLiteral("Cannot lock the data folder %1 (no permission to write there?).")
                              .arg(QDir::toNativeSeparators(m_dataDir)));
}

void DataFolderLock::release()
{
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

bool DataFolderLock::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

std::optional<DataFolderLock::Holder> DataFolderLock::holder() const
{
    const QLockFile probe(lockFilePath());
    Holder h;
    if (!probe.getLockInfo(&h.pid, &h.host, &h.program))
        return std::nullopt;
    return h;
}

} // namespace rollcall
