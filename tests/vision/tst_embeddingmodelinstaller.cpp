#include "FacenetContract.h"
#include "TestPaths.h"
#include "models/ModelRegistry.h"
#include "models/OnnxModelInfo.h"
#include "vision/embedding/EmbedderFactory.h"
#include "vision/embedding/EmbeddingModelInstaller.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::FacenetContract;
using rollcall::test::TestPaths;

// User-supplied Facenet512 models: recognised by input shape, checksum pinned,
// loaded before acceptance, then preferred over dlib's ResNet.
class TestEmbeddingModelInstaller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsDeclaredShapes();
    void installsKnownExportsWithoutDescriptor();
    void installedModelBecomesTheDefault();
    void tamperedModelIsRejectedByItsChecksum();
    void unknownShapeNeedsADescriptor();
    void descriptorChecksumIsEnforced();
    void cliModelsAdd();

private:
    QString freshModelsDir(QTemporaryDir &dir);
    QTemporaryDir m_generated;
};

void TestEmbeddingModelInstaller::initTestCase()
{
    const QString failure = FacenetContract::generate(m_generated.path());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

QString TestEmbeddingModelInstaller::freshModelsDir(QTemporaryDir &dir)
{
    return FacenetContract::linkRequiredModels(dir.path());
}

void TestEmbeddingModelInstaller::readsDeclaredShapes()
{
    const auto nhwc = OnnxModelInfo::read(m_generated.filePath(QStringLiteral("facenet_nhwc.onnx")));
    QVERIFY(nhwc.ok());
    QCOMPARE(OnnxModelInfo::shapeText(nhwc->inputs.front()), QStringLiteral("[N,160,160,3]"));
    QCOMPARE(OnnxModelInfo::shapeText(nhwc->outputs.front()), QStringLiteral("[N,512]"));
    const auto yunet = OnnxModelInfo::read(
        QDir(TestPaths::modelsDir()).filePath(QStringLiteral("face_detection_yunet_2022mar.onnx")));
    QVERIFY(yunet.ok());
    QCOMPARE(yunet->inputs.size(), 1); // weights listed as inputs are not counted
    QVERIFY(!OnnxModelInfo::parse("not a protobuf at all").ok());
}

void TestEmbeddingModelInstaller::installsKnownExportsWithoutDescriptor()
{
    QTemporaryDir dir;
    const QString models = freshModelsDir(dir);
    for (const auto &[file, id] : { std::pair { "facenet_nhwc.onnx", "facenet512-deepface" },
                                    std::pair { "facenet_nchw.onnx", "facenet512-pytorch" } }) {
        const auto installed = EmbeddingModelInstaller::install(m_generated.filePath(QLatin1String(file)), {}, models);
        QVERIFY2(installed.ok(), qPrintable(installed.ok() ? QString() : installed.error().message()));
        QCOMPARE(installed->descriptor.id, QLatin1String(id));
        QCOMPARE(installed->descriptor.sha256.size(), 64);
        QVERIFY(QFile::exists(installed->path));
        const ModelRegistry registry(models);
        QCOMPARE(registry.verify(*registry.descriptor(QLatin1String(id))), ModelRegistry::FileState::Ok);
    }
}

void TestEmbeddingModelInstaller::installedModelBecomesTheDefault()
{
    QTemporaryDir dir;
    const QString models = freshModelsDir(dir);
    QCOMPARE(EmbedderFactory::defaultModelId(ModelRegistry(models)), QStringLiteral("dlib-resnet-v1"));
    QVERIFY(
        EmbeddingModelInstaller::install(m_generated.filePath(QStringLiteral("facenet_nchw.onnx")), {}, models).ok());
    const ModelRegistry registry(models);
    QCOMPARE(EmbedderFactory::defaultModelId(registry), QStringLiteral("facenet512-pytorch"));
    auto embedder = EmbedderFactory::create(registry);
    QVERIFY(embedder.ok());
    QCOMPARE(embedder.value()->spec().outputSize, 512);
}

void TestEmbeddingModelInstaller::tamperedModelIsRejectedByItsChecksum()
{
    QTemporaryDir dir;
    const QString models = freshModelsDir(dir);
    const auto installed
        = EmbeddingModelInstaller::install(m_generated.filePath(QStringLiteral("facenet_nchw.onnx")), {}, models);
    QVERIFY(installed.ok());
    QFile file(installed->path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(file.size() - 10);
    file.write("XXXX");
    file.close();
    const ModelRegistry registry(models);
    QCOMPARE(registry.verify(*registry.descriptor(QStringLiteral("facenet512-pytorch"))),
             ModelRegistry::FileState::ChecksumMismatch);
    // Not used: the default falls back to dlib's ResNet.
    QCOMPARE(EmbedderFactory::defaultModelId(registry), QStringLiteral("dlib-resnet-v1"));
    QCOMPARE(EmbedderFactory::create(registry, QStringLiteral("facenet512-pytorch")).error().exitCode(), 4);
}

void TestEmbeddingModelInstaller::unknownShapeNeedsADescriptor()
{
    QTemporaryDir dir;
    const QString models = freshModelsDir(dir);
    const auto yunet = EmbeddingModelInstaller::install(
        QDir(TestPaths::modelsDir()).filePath(QStringLiteral("face_detection_yunet_2022mar.onnx")), {}, models);
    QVERIFY(!yunet.ok());
    QCOMPARE(yunet.error().code(), Error::Code::BadInput);
    QVERIFY(yunet.error().message().contains(QLatin1String("--descriptor")));
    QVERIFY(!QDir(models).exists(QStringLiteral("descriptors/facenet512-deepface.json")));
}

void TestEmbeddingModelInstaller::descriptorChecksumIsEnforced()
{
    QTemporaryDir dir;
    const QString models = freshModelsDir(dir);
    QJsonObject d = ModelRegistry::builtinDescriptors()[0].raw;
    for (const ModelDescriptor &b : ModelRegistry::builtinDescriptors()) {
        if (b.id == QLatin1String("facenet512-pytorch"))
            d = b.raw;
    }
    d.insert(QStringLiteral("id"), QStringLiteral("my-facenet"));
    d.insert(QStringLiteral("file"), QStringLiteral("my_facenet.onnx"));
    d.insert(QStringLiteral("sha256"), QString(64, QLatin1Char('0')));
    QFile json(dir.filePath(QStringLiteral("my.json")));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(QJsonDocument(d).toJson());
    json.close();
    const auto wrong = EmbeddingModelInstaller::install(m_generated.filePath(QStringLiteral("facenet_nchw.onnx")),
                                                        json.fileName(), models);
    QVERIFY(!wrong.ok());
    QVERIFY(wrong.error().message().contains(QLatin1String("SHA-256")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("my_facenet.onnx"))));

    d.insert(QStringLiteral("sha256"), QString());
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write(QJsonDocument(d).toJson());
    json.close();
    const auto right = EmbeddingModelInstaller::install(m_generated.filePath(QStringLiteral("facenet_nchw.onnx")),
                                                        json.fileName(), models);
    QVERIFY2(right.ok(), qPrintable(right.ok() ? QString() : right.error().message()));
    QCOMPARE(right->descriptor.id, QStringLiteral("my-facenet"));
}

void TestEmbeddingModelInstaller::cliModelsAdd()
{
    QTemporaryDir dir;
    const QString models = freshModelsDir(dir);
    QTemporaryDir data;
    QProcess process;
    process.start(TestPaths::cliPath(),
                  { QStringLiteral("--data-dir"), data.path(), QStringLiteral("--models-dir"), models,
                    QStringLiteral("models"), QStringLiteral("add"), QStringLiteral("--json"),
                    m_generated.filePath(QStringLiteral("facenet_nhwc.onnx")) });
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonObject model
        = QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(QLatin1String("model")).toObject();
    QCOMPARE(model.value(QLatin1String("id")).toString(), QStringLiteral("facenet512-deepface"));
    QCOMPARE(model.value(QLatin1String("input")).toString(), QStringLiteral("[N,160,160,3]"));
    QCOMPARE(model.value(QLatin1String("embedding_size")).toInt(), 512);

    process.start(TestPaths::cliPath(),
                  { QStringLiteral("--data-dir"), data.path(), QStringLiteral("--models-dir"), models,
                    QStringLiteral("models"), QStringLiteral("--json") });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("\"embedding_size\":512"));

    process.start(TestPaths::cliPath(),
                  { QStringLiteral("--data-dir"), data.path(), QStringLiteral("--models-dir"), models,
                    QStringLiteral("models"), QStringLiteral("add"),
                    TestPaths::data(QStringLiteral("classrooms/manifest.json")) });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 3);
}

QTEST_GUILESS_MAIN(TestEmbeddingModelInstaller)
#include "tst_embeddingmodelinstaller.moc"
