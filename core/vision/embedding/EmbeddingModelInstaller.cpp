#include "vision/embedding/EmbeddingModelInstaller.h"

#include "models/FileHasher.h"
#include "models/ModelRegistry.h"
#include "models/OnnxModelInfo.h"
#include "vision/embedding/EmbedderFactory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace rollcall {
namespace {

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return Error::storage(QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

} // namespace

Result<EmbeddingModelInstaller::Installed>
EmbeddingModelInstaller::install(const QString &modelPath, const QString &descriptorPath, const QString &modelsDir)
{
    const auto info = OnnxModelInfo::read(modelPath);
    if (!info)
        return info.error();
    const OnnxModelInfo::Tensor &input = info->inputs.front();
    const QString shape = OnnxModelInfo::shapeText(input);

    ModelDescriptor descriptor;
    if (!descriptorPath.isEmpty()) {
        auto d = ModelDescriptor::fromFile(descriptorPath);
        if (!d)
            return d.error();
        descriptor = d.value();
    } else {
        QString templateId;
        if (input.dims.size() == 4 && input.dims[1] == 160 && input.dims[2] == 160 && input.dims[3] == 3)
            templateId = QStringLiteral("facenet512-deepface");
        else if (input.dims.size() == 4 && input.dims[1] == 3 && input.dims[2] == 160 && input.dims[3] == 160)
            templateId = QStringLiteral("facenet512-pytorch");
        else
            return Error::badInput(QStringLiteral("%1: input %2 is not one of the known Facenet512 exports "
                                                  "([N,160,160,3] or [N,3,160,160]); give its --descriptor")
                                       .arg(QFileInfo(modelPath).fileName(), shape));
        for (const ModelDescriptor &d : ModelRegistry::builtinDescriptors()) {
            if (d.id == templateId)
                descriptor = d;
        }
    }
    auto spec = EmbedderSpec::fromDescriptor(descriptor);
    if (!spec)
        return Error::badInput(spec.error().message());
    if (spec->engine != EmbedderSpec::Engine::OpenCvDnn)
        return Error::badInput(QStringLiteral("Descriptor \"%1\" is not for an ONNX model").arg(descriptor.id));
    const auto &output = info->outputs.front();
    if (!output.dims.isEmpty() && output.dims.last() > 0 && output.dims.last() != spec->outputSize)
        return Error::badInput(QStringLiteral("%1: the model gives %2 values per face, the descriptor says %3")
                                   .arg(QFileInfo(modelPath).fileName())
                                   .arg(output.dims.last())
                                   .arg(spec->outputSize));

    QFile source(modelPath);
    if (!source.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot be read").arg(modelPath));
    const QByteArray bytes = source.readAll();
    const QString sha256 = FileHasher::sha256Hex(bytes);
    if (!descriptor.sha256.isEmpty() && descriptor.sha256 != sha256)
        return Error::badInput(
            QStringLiteral("%1 does not match the SHA-256 in its descriptor (file %2, descriptor %3)")
                .arg(QFileInfo(modelPath).fileName(), sha256, descriptor.sha256));

    // Install: model file, then the user descriptor pinning its checksum.
    QDir dir(modelsDir);
    if (!dir.mkpath(QStringLiteral("descriptors")))
        return Error::storage(QStringLiteral("Cannot create %1").arg(dir.filePath(QStringLiteral("descriptors"))));
    const QString target = dir.filePath(descriptor.fileName);
    const QString descriptorTarget = dir.filePath(QStringLiteral("descriptors/%1.json").arg(descriptor.id));
    const QByteArray previousModel = [&] {
        QFile f(target);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const QByteArray previousDescriptor = [&] {
        QFile f(descriptorTarget);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const auto rollBack = [&] {
        if (previousModel.isEmpty())
            QFile::remove(target);
        else
            (void)writeFile(target, previousModel);
        if (previousDescriptor.isEmpty())
            QFile::remove(descriptorTarget);
        else
            (void)writeFile(descriptorTarget, previousDescriptor);
    };
    if (Status s = writeFile(target, bytes); !s.ok())
        return s.error();
    QJsonObject json = descriptor.raw;
    json.insert(QStringLiteral("sha256"), sha256);
    json.insert(QStringLiteral("source"), QStringLiteral("Added from %1").arg(QFileInfo(modelPath).fileName()));
    json.remove(QStringLiteral("required"));
    if (Status s = writeFile(descriptorTarget, QJsonDocument(json).toJson()); !s.ok()) {
        rollBack();
        return s.error();
    }

    // Accept it only if it loads and gives embeddings of the declared size.
    const ModelRegistry registry(modelsDir);
    auto embedder = EmbedderFactory::create(registry, descriptor.id);
    if (!embedder) {
        rollBack();
        return embedder.error();
    }
    const cv::Mat probe(spec->inputSize, spec->inputSize, CV_8UC3, cv::Scalar(90, 120, 150));
    const auto embedded = embedder.value()->embed({ probe, probe });
    if (!embedded) {
        rollBack();
        return embedded.error();
    }
    Installed installed;
    installed.descriptor = registry.descriptor(descriptor.id).value_or(descriptor);
    installed.path = target;
    installed.inputShape = shape;
    return installed;
}

} // namespace rollcall
