#include "storage/DataFolder.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "common/PrivateFiles.h"
#include "storage/RestoreJournal.h"

#include <QDir>

namespace rollcall {

DataFolder::DataFolder(QString dir)
    : m_dir(dir.isEmpty() ? AppPaths::dataDir() : QDir(dir).absolutePath())
    , m_lock(m_dir)
{ }

Status DataFolder::claim(int waitMs)
{
    if (isClaimed())
        return {};
    if (Status s = m_lock.acquire(waitMs); !s)
        return s;
    const QString database = QDir(m_dir).filePath(QStringLiteral("rollcall.sqlite"));
    auto recovered = RestoreJournal::recover(database);
    if (!recovered) {
        m_lock.release();
        return recovered.error();
    }
    // Staging folders of a restore killed before its journal: nobody else can be using them
    // while we hold the lock.
    const QDir folder(m_dir);
    for (const QString &name : folder.entryList({ QStringLiteral(".rollcall-restore-*") }, QDir::Dirs | QDir::Hidden)) {
        if (QDir(folder.filePath(name)).removeRecursively())
            qCInfo(lcStorage) << "removed the staging folder of an interrupted restore:" << name;
    }
    // The folder itself is 0700 already (DataFolderLock::acquire made it). Then only
    // RollCall's own entries: a data folder pointed at an existing folder by mistake must
    // not have the user's other files changed.
    int tightened = 0;
    const QStringList ours { QStringLiteral("rollcall.sqlite*"), QStringLiteral("rollcall.lock"),
                             QStringLiteral("settings.ini"),     QStringLiteral("logs"),
                             QStringLiteral("photos"),           QStringLiteral(".rollcall-*") };
    for (const QFileInfo &entry : folder.entryInfoList(ours, QDir::AllEntries | QDir::Hidden | QDir::System)) {
        const int n = PrivateFiles::tightenTree(entry.filePath());
        tightened = (n < 0 || tightened < 0) ? -1 : tightened + n;
    }
    if (tightened > 0)
        qCInfo(lcStorage) << "made" << tightened << "files and folders in the data folder private (0700/0600)";
    else if (tightened < 0)
        qCWarning(lcStorage) << "could not make every file in the data folder private";
    return {};
}

} // namespace rollcall
