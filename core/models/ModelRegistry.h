#pragma once

#include "common/Result.h"
#include "models/ModelDescriptor.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace rollcall {

// The one place that knows which models exist, where their files are and
// whether those files are intact. Built-in descriptors are compiled in; users'
// descriptors live in <models>/descriptors/*.json.
class ModelRegistry
{
public:
    enum class FileState { Ok, Missing, ChecksumMismatch, Unpinned };

    explicit ModelRegistry(const QString &modelsDir);

    QString modelsDir() const { return m_modelsDir; }
    QList<ModelDescriptor> descriptors() const { return m_descriptors; }
    std::optional<ModelDescriptor> descriptor(const QString &id) const;
    QList<ModelDescriptor> byRole(const QString &role) const;
    QString filePath(const ModelDescriptor &descriptor) const;

    // Hashes the file (cached per path, size and modification time).
    FileState verify(const ModelDescriptor &descriptor) const;
    // The file's path if it exists and matches its checksum, else a
    // ModelMissing error that tells the user how to get it.
    Result<QString> requireFile(const QString &id) const;
    // Problems loading user descriptors, for display.
    QStringList loadWarnings() const { return m_warnings; }

    static QString stateName(FileState state);
    static QList<ModelDescriptor> builtinDescriptors();

private:
    void loadUserDescriptors();

    QString m_modelsDir;
    QList<ModelDescriptor> m_descriptors;
    QStringList m_warnings;
    mutable QHash<QString, QString> m_hashCache; // key: path|size|mtime
};

} // namespace rollcall
