#include "FacenetContract.h"

#include "TestPaths.h"
#include "models/ModelRegistry.h"
#include "vision/embedding/EmbeddingModelInstaller.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace rollcall::test {

QString FacenetContract::generate(const QString &dir)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 { QStringLiteral(ROLLCALL_SOURCE_DIR "/tests/vision/make_facenet_contract.py"), dir });
    if (!python.waitForFinished(120000))
        return QStringLiteral("make_facenet_contract.py did not finish: %1").arg(python.errorString());
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return QStringLiteral("make_facenet_contract.py failed (needs Debian's python3-onnx and python3-numpy): %1")
            .arg(QString::fromUtf8(python.readAllStandardError()));
    if (!QFile::exists(QDir(dir).filePath(QStringLiteral("facenet_nhwc.onnx"))))
        return QStringLiteral("make_facenet_contract.py wrote no facenet_nhwc.onnx into %1").arg(dir);
    return {};
}

std::vector<cv::Mat> FacenetContract::chips(const QString &dir)
{
    QFile file(QDir(dir).filePath(QStringLiteral("chips.bin")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    constexpr qsizetype size = 160 * 160 * 3;
    std::vector<cv::Mat> result;
    for (qsizetype at = 0; at + size <= bytes.size(); at += size)
        result.push_back(cv::Mat(160, 160, CV_8UC3, const_cast<char *>(bytes.constData()) + at).clone());
    return result;
}

QString FacenetContract::linkRequiredModels(const QString &dir)
{
    for (const ModelDescriptor &d : ModelRegistry::builtinDescriptors()) {
        if (d.required)
            QFile::link(QDir(TestPaths::modelsDir()).filePath(d.fileName), QDir(dir).filePath(d.fileName));
    }
    return dir;
}

QString FacenetContract::installDeepfaceModel(const QString &contractDir, const QString &modelsDir)
{
    if (QString failure = generate(contractDir); !failure.isEmpty())
        return failure;
    linkRequiredModels(modelsDir);
    const auto installed = EmbeddingModelInstaller::install(
        QDir(contractDir).filePath(QStringLiteral("facenet_nhwc.onnx")), {}, modelsDir);
    return installed.ok() ? QString() : installed.error().message();
}

} // namespace rollcall::test
