#include "common/PrivateFiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace rollcall {
namespace {

constexpr QFileDevice::Permissions kFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kDir = kFile | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
    | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

// Qt reports the owner's rights twice (ReadOwner and ReadUser); compare the owner and
// group/other bits only.
QFileDevice::Permissions relevant(QFileDevice::Permissions p)
{
    return p & (kDir | kOthers);
}

// Folders become 0700; files 0600 (0700 when the owner may execute them).
// 1 changed, 0 already private, -1 failed.
int tighten(const QString &path, bool dir)
{
    const QFileInfo info(path);
    if (!info.exists() || info.isSymLink())
        return 0;
    const QFileDevice::Permissions current = relevant(info.permissions());
    const QFileDevice::Permissions wanted = dir ? kDir : kFile | (current & QFileDevice::ExeOwner);
    if (current == wanted)
        return 0;
    return QFile::setPermissions(path, wanted) ? 1 : -1;
}

} // namespace

bool PrivateFiles::makeDirectory(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return false;
    return tighten(dir, true) >= 0;
}

bool PrivateFiles::restrict(const QString &file)
{
    return tighten(file, false) >= 0;
}

bool PrivateFiles::createEmpty(const QString &file)
{
    if (!QFileInfo::exists(file)) {
        QFile f(file);
        // NewOnly: never truncate a file another process created meanwhile.
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) && !QFileInfo::exists(file))
            return false;
    }
    return restrict(file);
}

int PrivateFiles::tightenTree(const QString &root)
{
    int changed = 0;
    bool failed = false;
    auto count = [&](int r) {
        if (r < 0)
            failed = true;
        else
            changed += r;
    };
    count(tighten(root, QFileInfo(root).isDir()));
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            continue; // never follow links out of the data folder
        count(tighten(info.filePath(), info.isDir()));
    }
    return failed ? -1 : changed;
}

} // namespace rollcall
