#include "vision/embedding/EmbedderFactory.h"

#include "models/ModelRegistry.h"
#include "vision/embedding/DlibResNetEmbedder.h"
#include "vision/embedding/OnnxFacenetEmbedder.h"

namespace rollcall {

QString EmbedderFactory::defaultModelId(const ModelRegistry &registry)
{
    const QString forced = qEnvironmentVariable("ROLLCALL_EMBEDDER");
    if (!forced.isEmpty())
        return forced;
    QString best = QStringLiteral("dlib-resnet-v1");
    int bestPriority = -1;
    for (const ModelDescriptor &d : registry.byRole(QStringLiteral("embedder"))) {
        const auto state = registry.verify(d);
        if (state != ModelRegistry::FileState::Ok && state != ModelRegistry::FileState::Unpinned)
            continue;
        const int priority = d.raw.value(QLatin1String("priority")).toInt(0);
        if (priority > bestPriority) {
            best = d.id;
            bestPriority = priority;
        }
    }
    return best;
}

Result<EmbedderSpec> EmbedderFactory::spec(const ModelRegistry &registry, const QString &modelId)
{
    const auto descriptor = registry.descriptor(modelId);
    if (!descriptor)
        return Error::modelMissing(QStringLiteral("Unknown embedding model \"%1\"").arg(modelId));
    return EmbedderSpec::fromDescriptor(*descriptor);
}

Result<std::unique_ptr<Embedder>> EmbedderFactory::create(const ModelRegistry &registry, const QString &modelId)
{
    const QString id = modelId.isEmpty() ? defaultModelId(registry) : modelId;
    const auto s = spec(registry, id);
    if (!s)
        return s.error();
    const auto path = registry.requireFile(id);
    if (!path)
        return path.error();
    switch (s->engine) {
    case EmbedderSpec::Engine::Dlib:
        return DlibResNetEmbedder::create(s.value(), path.value());
    case EmbedderSpec::Engine::OpenCvDnn:
        return OnnxFacenetEmbedder::create(s.value(), path.value());
    }
    return Error::modelMissing(id);
}

} // namespace rollcall
