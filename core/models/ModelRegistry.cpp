#include "models/ModelRegistry.h"

#include "common/LogCategories.h"
#include "models/FileHasher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rollcall {

ModelRegistry::ModelRegistry(const QString &modelsDir)
    : m_modelsDir(modelsDir)
    , m_descriptors(builtinDescriptors())
{
    loadUserDescriptors();
}

QList<ModelDescriptor> ModelRegistry::builtinDescriptors()
{
    QList<ModelDescriptor> result;
    const QDir dir(QStringLiteral(":/models"));
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        auto d = ModelDescriptor::fromFile(dir.filePath(name));
        Q_ASSERT_X(d.ok(), "ModelRegistry", "built-in descriptor is invalid");
        if (d.ok())
            result.append(d.value());
    }
    return result;
}

void ModelRegistry::loadUserDescriptors()
{
    const QDir dir(QDir(m_modelsDir).filePath(QStringLiteral("descriptors")));
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        auto d = ModelDescriptor::fromFile(dir.filePath(name));
        if (!d.ok()) {
            m_warnings.append(d.error().message());
            qCWarning(lcModels) << d.error().message();
            continue;
        }
        // A user descriptor with a built-in id replaces the built-in one.
        bool replaced = false;
        for (ModelDescriptor &existing : m_descriptors) {
            if (existing.id == d->id) {
                existing = d.value();
                replaced = true;
            }
        }
        if (!replaced)
            m_descriptors.append(d.value());
    }
}

std::optional<ModelDescriptor> ModelRegistry::descriptor(const QString &id) const
{
    for (const ModelDescriptor &d : m_descriptors) {
        if (d.id == id)
            return d;
    }
    return std::nullopt;
}

QList<ModelDescriptor> ModelRegistry::byRole(const QString &role) const
{
    QList<ModelDescriptor> result;
    for (const ModelDescriptor &d : m_descriptors) {
        if (d.role == role)
            result.append(d);
    }
    return result;
}

QString ModelRegistry::filePath(const ModelDescriptor &descriptor) const
{
    return QDir(m_modelsDir).filePath(descriptor.fileName);
}

ModelRegistry::FileState ModelRegistry::verify(const ModelDescriptor &descriptor) const
{
    const QFileInfo info(filePath(descriptor));
    if (!info.isFile())
        return FileState::Missing;
    if (descriptor.sha256.isEmpty())
        return FileState::Unpinned;
    const QString key = info.absoluteFilePath() + QLatin1Char('|') + QString::number(info.size()) + QLatin1Char('|')
        + QString::number(info.lastModified().toMSecsSinceEpoch());
    auto it = m_hashCache.constFind(key);
    if (it == m_hashCache.constEnd())
        it = m_hashCache.insert(key, FileHasher::sha256Hex(info.absoluteFilePath()));
    return it.value() == descriptor.sha256 ? FileState::Ok : FileState::ChecksumMismatch;
}

Result<QString> ModelRegistry::requireFile(const QString &id) const
{
    const auto d = descriptor(id);
    if (!d)
        return Error::modelMissing(QStringLiteral("Unknown model \"%1\"").arg(id));
    switch (verify(*d)) {
    case FileState::Ok:
    case FileState::Unpinned:
        return filePath(*d);
    case FileState::Missing:
        return Error::modelMissing(QStringLiteral("Model file %1 (%2) is missing from %3. Run scripts/fetch-models.sh "
                                                  "or set ROLLCALL_MODELS_DIR to the folder that holds it.")
                                       .arg(d->fileName, d->name, m_modelsDir));
    case FileState::ChecksumMismatch:
        return Error::modelMissing(QStringLiteral("Model file %1 does not match its SHA-256 checksum (corrupt or "
                                                  "wrong version). Delete it and run scripts/fetch-models.sh again.")
                                       .arg(filePath(*d)));
    }
    return Error::modelMissing(id);
}

QString ModelRegistry::stateName(FileState state)
{
    switch (state) {
    case FileState::Ok:
        return QStringLiteral("ok");
    case FileState::Missing:
        return QStringLiteral("missing");
    case FileState::ChecksumMismatch:
        return QStringLiteral("checksum-mismatch");
    case FileState::Unpinned:
        return QStringLiteral("unpinned");
    }
    return {};
}

} // namespace rollcall
