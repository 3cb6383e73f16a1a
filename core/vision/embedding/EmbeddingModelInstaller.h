#pragma once

#include "common/Result.h"
#include "models/ModelDescriptor.h"

#include <QString>

namespace rollcall {

// `rollcall-cli models add FILE.onnx [--descriptor FILE.json]`: installs a
// user-supplied embedding model. Without a descriptor, the two common
// Facenet512 exports are recognised by their input shape ([N,160,160,3]:
// deepface/tf2onnx, [N,3,160,160]: facenet-pytorch) and get the built-in
// descriptor. The file is copied into the models folder, its SHA-256 pinned in
// a user descriptor (<models>/descriptors/<id>.json), and the model is loaded
// and run once before it is accepted; on any failure nothing stays installed.
class EmbeddingModelInstaller
{
public:
    struct Installed
    {
        ModelDescriptor descriptor;
        QString path;
        QString inputShape; // as declared, e.g. [N,160,160,3]
    };

    static Result<Installed> install(const QString &modelPath, const QString &descriptorPath, const QString &modelsDir);
};

} // namespace rollcall
