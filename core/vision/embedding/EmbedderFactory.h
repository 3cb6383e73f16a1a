#pragma once

#include "common/Result.h"
#include "vision/embedding/Embedder.h"

#include <QString>

#include <memory>

namespace rollcall {

class ModelRegistry;

// Picks and builds the embedder a descriptor asks for.
class EmbedderFactory
{
public:
    // The model used when none is named: the installed embedder with the highest
    // "priority" in its descriptor (a Facenet512 file once a user adds one), else
    // dlib's ResNet. ROLLCALL_EMBEDDER=<id> overrides it.
    static QString defaultModelId(const ModelRegistry &registry);
    static Result<EmbedderSpec> spec(const ModelRegistry &registry, const QString &modelId);
    static Result<std::unique_ptr<Embedder>> create(const ModelRegistry &registry, const QString &modelId = {});
};

} // namespace rollcall
