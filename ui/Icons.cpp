#include "Icons.h"

#include <QDir>
#include <QFileInfo>

namespace rollcall {

QIcon Icons::application()
{
    QIcon icon;
    const QDir dir(QStringLiteral(":/icons/app/png"));
    const QStringList files = dir.entryList({ QStringLiteral("rollcall-*.png") }, QDir::Files);
    for (const QString &file : files)
        icon.addFile(dir.filePath(file));
    return icon;
}

QIcon Icons::action(const QString &name)
{
    const QString path = QStringLiteral(":/icons/actions/%1.svg").arg(name);
    if (!QFileInfo::exists(path))
        return {};
    return QIcon(path);
}

QStringList Icons::actionNames()
{
    QStringList names;
    const QStringList files
        = QDir(QStringLiteral(":/icons/actions")).entryList({ QStringLiteral("*.svg") }, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names.append(QFileInfo(file).completeBaseName());
    return names;
}

} // namespace rollcall
