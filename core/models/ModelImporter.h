#pragma once

#include "common/Result.h"
#include "models/ModelDescriptor.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rollcall {

// Installs model files the user already has (a USB stick, a colleague's copy,
// a download made elsewhere): the file is recognised by its SHA-256, whatever
// its name, copied into the models folder under the descriptor's file name via
// a temporary file, verified again and renamed into place.
class ModelImporter
{
    Q_DECLARE_TR_FUNCTIONS(ModelImporter)

public:
    // The descriptor (of candidates) whose checksum the file has, copied into
    // modelsDir; BadInput if it matches none, Storage if copying fails.
    static Result<ModelDescriptor> importFile(const QString &sourcePath, const QList<ModelDescriptor> &candidates,
                                              const QString &modelsDir);
};

} // namespace rollcall
