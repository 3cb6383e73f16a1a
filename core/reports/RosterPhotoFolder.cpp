#include "reports/RosterPhotoFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace rollcall {

bool RosterPhotoFolder::isPhotoFile(const QString &fileName)
{
    static const QStringList suffixes { QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                        QStringLiteral("bmp"), QStringLiteral("webp") };
    return suffixes.contains(QFileInfo(fileName).suffix().toLower());
}

int RosterPhotoFolder::photoCount() const
{
    int n = 0;
    for (const QStringList &photos : m_photos)
        n += int(photos.size());
    return n;
}

QString RosterPhotoFolder::relative(const QString &path) const
{
    return QDir(m_dir).relativeFilePath(path);
}

Result<RosterPhotoFolder> RosterPhotoFolder::scan(const QString &dir, const QStringList &studentIds)
{
    const QFileInfo info(dir);
    if (!info.isDir() || !info.isReadable())
        return Error::badInput(tr("%1 is not a readable folder").arg(dir));
    RosterPhotoFolder folder;
    folder.m_dir = info.absoluteFilePath();
    QHash<QString, QString> byKey; // case-folded ID → ID as the roster spells it
    for (const QString &id : studentIds)
        byKey.insert(id.toCaseFolded(), id);
    // The student a name (without extension) belongs to: the exact ID, else the ID
    // before a numbering suffix such as "_1" or "-02".
    static const QRegularExpression numbered(QStringLiteral("^(.+)[_-][0-9]+$"));
    const auto studentOf = [&byKey](const QString &base) -> QString {
        const QString exact = byKey.value(base.toCaseFolded());
        if (!exact.isEmpty())
            return exact;
        const auto m = numbered.match(base);
        return m.hasMatch() ? byKey.value(m.captured(1).toCaseFolded()) : QString();
    };

    const QDir root(folder.m_dir);
    const auto entries = root.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir()) {
            const QString id = byKey.value(entry.fileName().toCaseFolded());
            if (id.isEmpty()) {
                folder.m_unmatched.append(
                    { entry.fileName() + QLatin1Char('/'), tr("no student with this ID in the roster") });
                continue;
            }
            const auto inner = QDir(entry.absoluteFilePath()).entryInfoList(QDir::Files, QDir::Name);
            for (const QFileInfo &f : inner) {
                if (isPhotoFile(f.fileName()))
                    folder.m_photos[id].append(f.absoluteFilePath());
                else
                    folder.m_unmatched.append(
                        { root.relativeFilePath(f.absoluteFilePath()), tr("not a JPEG, PNG, BMP or WebP file") });
            }
            continue;
        }
        if (!isPhotoFile(entry.fileName())) {
            folder.m_unmatched.append({ entry.fileName(), tr("not a JPEG, PNG, BMP or WebP file") });
            continue;
        }
        const QString id = studentOf(entry.completeBaseName());
        if (id.isEmpty())
            folder.m_unmatched.append({ entry.fileName(), tr("no student with this ID in the roster") });
        else
            folder.m_photos[id].append(entry.absoluteFilePath());
    }
    for (QStringList &photos : folder.m_photos)
        photos.sort();
    return folder;
}

} // namespace rollcall
