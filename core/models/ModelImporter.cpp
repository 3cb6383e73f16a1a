#include "models/ModelImporter.h"

#include "common/LogCategories.h"
#include "models/FileHasher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <filesystem>
#include <system_error>

namespace rollcall {
Result<ModelDescriptor> ModelImporter::importFile(const QString &sourcePath, const QList<ModelDescriptor> &candidates,
                                                  const QString &modelsDir)
{
    const QFileInfo source(sourcePath);
    if (!source.isFile())
        return Error::badInput(tr("%1 is not a file.").arg(sourcePath));
    const QString hash = FileHasher::sha256Hex(sourcePath);
    if (hash.isEmpty())
        return Error::badInput(tr("Cannot read %1.").arg(sourcePath));

    const ModelDescriptor *match = nullptr;
    for (const ModelDescriptor &d : candidates) {
        if (!d.sha256.isEmpty() && d.sha256 == hash) {
            match = &d;
            break;
        }
    }
    if (!match)
        return Error::badInput(tr("%1 is not one of the model files RollCall needs (its SHA-256 checksum matches "
                                  "none of them). Check that it is the right file and version.")
                                   .arg(source.fileName()));

    if (!QDir().mkpath(modelsDir))
        return Error::storage(tr("Cannot create the models folder %1.").arg(modelsDir));
    const QString finalPath = QDir(modelsDir).filePath(match->fileName);
    if (QFileInfo(finalPath).canonicalFilePath() == source.canonicalFilePath())
        return *match; // already in place
    const QString temporary = finalPath + QStringLiteral(".import");
    QFile::remove(temporary);
    if (!QFile::copy(sourcePath, temporary))
        return Error::storage(tr("Cannot copy %1 to %2.").arg(sourcePath, temporary));
    if (FileHasher::sha256Hex(temporary) != hash) {
        QFile::remove(temporary);
        return Error::storage(tr("The copy of %1 in %2 is damaged (disk full?).").arg(source.fileName(), modelsDir));
    }
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(temporary.toStdU16String()),
                            std::filesystem::path(finalPath.toStdU16String()), ec);
    if (ec) {
        QFile::remove(temporary);
        return Error::storage(
            tr("Cannot move %1 into place: %2").arg(temporary, QString::fromLocal8Bit(ec.message().c_str())));
    }
    // A copy keeps the source's read-only bit; the models folder must stay manageable.
    QFile::setPermissions(finalPath, QFile::permissions(finalPath) | QFileDevice::WriteOwner);
    qCInfo(lcModels) << "imported" << match->fileName << "into" << modelsDir;
    return *match;
}

} // namespace rollcall
