#include "FacenetContract.h"
#include "models/ModelRegistry.h"
#include "vision/ComputeDevice.h"
#include "vision/embedding/EmbedderSpec.h"
#include "vision/embedding/OnnxFacenetEmbedder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace rollcall;
using rollcall::test::FacenetContract;

// The Facenet512 contract: tests/vision/make_facenet_contract.py builds, at
// test time, small ONNX graphs with the I/O contract of the two common exports
// (made of the ops a real InceptionResNetV1 export uses) and a NumPy reference
// forward pass; the embedder, configured by the descriptors RollCall ships,
// must reproduce it to 1e-4 for both layouts and batch sizes 1 and 7.
class TestOnnxFacenetEmbedder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesNumpyReference_data();
    void matchesNumpyReference();
    void wrongPreprocessingWouldBeCaught();
    void wrongOutputSizeIsReported();
    void corruptModelIsRefused();

private:
    std::vector<cv::Mat> chips() const;
    std::vector<std::vector<float>> expected(const QString &layout) const;

    QTemporaryDir m_dir;
};

void TestOnnxFacenetEmbedder::initTestCase()
{
    // The exact NumPy contract is the CPU's; tst_deviceagreement holds the GPU
    // (FP16/FP32) to the CPU.
    ComputeDevice::setPreference(ComputeDevice::Preference::Cpu);
    const QString failure = FacenetContract::generate(m_dir.path());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

std::vector<cv::Mat> TestOnnxFacenetEmbedder::chips() const
{
    return FacenetContract::chips(m_dir.path());
}

std::vector<std::vector<float>> TestOnnxFacenetEmbedder::expected(const QString &layout) const
{
    QFile file(m_dir.filePath(QStringLiteral("expected_%1.bin").arg(layout)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    const auto *values = reinterpret_cast<const float *>(bytes.constData());
    std::vector<std::vector<float>> rows;
    for (qsizetype i = 0; i < bytes.size() / qsizetype(512 * sizeof(float)); ++i)
        rows.emplace_back(values + i * 512, values + (i + 1) * 512);
    return rows;
}

void TestOnnxFacenetEmbedder::matchesNumpyReference_data()
{
    QTest::addColumn<QString>("descriptorId");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<int>("batchSize");
    QTest::newRow("deepface NHWC, batch 1") << QStringLiteral("facenet512-deepface") << QStringLiteral("nhwc") << 1;
    QTest::newRow("deepface NHWC, batch 7") << QStringLiteral("facenet512-deepface") << QStringLiteral("nhwc") << 7;
    QTest::newRow("pytorch NCHW, batch 1") << QStringLiteral("facenet512-pytorch") << QStringLiteral("nchw") << 1;
    QTest::newRow("pytorch NCHW, batch 7") << QStringLiteral("facenet512-pytorch") << QStringLiteral("nchw") << 7;
}

void TestOnnxFacenetEmbedder::matchesNumpyReference()
{
    QFETCH(QString, descriptorId);
    QFETCH(QString, layout);
    QFETCH(int, batchSize);

    // The shipped descriptor defines layout, colour order and normalisation.
    const ModelRegistry registry(m_dir.path());
    const auto descriptor = registry.descriptor(descriptorId);
    QVERIFY(descriptor.has_value());
    const auto spec = EmbedderSpec::fromDescriptor(*descriptor);
    QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message()));
    QCOMPARE(spec->outputSize, 512);
    QCOMPARE(spec->inputSize, 160);

    const QString model = m_dir.filePath(QStringLiteral("facenet_%1.onnx").arg(layout));
    auto embedder = OnnxFacenetEmbedder::create(spec.value(), model, batchSize);
    QVERIFY2(embedder.ok(), qPrintable(embedder.ok() ? QString() : embedder.error().message()));
    QCOMPARE(embedder.value()->deviceName(), QStringLiteral("cpu"));

    const std::vector<cv::Mat> input = chips();
    const auto reference = expected(layout);
    QCOMPARE(input.size(), size_t(7));
    QCOMPARE(reference.size(), size_t(7));

    // Raw network output against NumPy, through the embedder's own blob.
    auto *onnx = static_cast<OnnxFacenetEmbedder *>(embedder.value().get());
    cv::dnn::Net net = cv::dnn::readNetFromONNX(model.toStdString());
    const std::vector<cv::Mat> batch(input.begin(), input.begin() + batchSize);
    net.setInput(onnx->makeBlob(batch));
    const cv::Mat raw = net.forward().reshape(1, batchSize);
    double worstRaw = 0.0;
    for (int i = 0; i < batchSize; ++i) {
        for (int j = 0; j < 512; ++j)
            worstRaw = std::max(worstRaw, double(std::abs(raw.at<float>(i, j) - reference[size_t(i)][size_t(j)])));
    }
    QVERIFY2(worstRaw < 1e-4, qPrintable(QStringLiteral("raw output differs by %1").arg(worstRaw)));

    // The embedder's L2-normalised output for all seven chips, batchSize at a time.
    const auto embeddings = embedder.value()->embed(input);
    QVERIFY2(embeddings.ok(), qPrintable(embeddings.ok() ? QString() : embeddings.error().message()));
    QCOMPARE(embeddings->size(), size_t(7));
    double worst = 0.0;
    for (size_t i = 0; i < 7; ++i) {
        std::vector<float> ref = reference[i];
        Embedder::normalise(ref);
        QCOMPARE(embeddings.value()[i].size(), size_t(512));
        double norm = 0.0;
        for (size_t j = 0; j < 512; ++j) {
            worst = std::max(worst, double(std::abs(embeddings.value()[i][j] - ref[j])));
            norm += double(embeddings.value()[i][j]) * embeddings.value()[i][j];
        }
        QVERIFY(std::abs(norm - 1.0) < 1e-4);
    }
    QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("normalised embeddings differ by %1").arg(worst)));
    // Different chips must give different embeddings (the test is not vacuous).
    QVERIFY(Embedder::cosineDistance(embeddings.value()[0], embeddings.value()[1]) > 1e-3);
}

void TestOnnxFacenetEmbedder::wrongPreprocessingWouldBeCaught()
{
    // Guards the contract test itself: the other export's preprocessing must
    // give clearly different outputs, or the 1e-4 comparison proves nothing.
    const ModelRegistry registry(m_dir.path());
    auto spec = EmbedderSpec::fromDescriptor(*registry.descriptor(QStringLiteral("facenet512-pytorch")));
    QVERIFY(spec.ok());
    spec->colourOrder = EmbedderSpec::ColourOrder::Bgr;
    auto embedder = OnnxFacenetEmbedder::create(spec.value(), m_dir.filePath(QStringLiteral("facenet_nchw.onnx")));
    QVERIFY(embedder.ok());
    const auto embeddings = embedder.value()->embed(chips());
    QVERIFY(embeddings.ok());
    std::vector<float> ref = expected(QStringLiteral("nchw")).front();
    Embedder::normalise(ref);
    double worst = 0.0;
    for (size_t j = 0; j < 512; ++j)
        worst = std::max(worst, double(std::abs(embeddings->front()[j] - ref[j])));
    QVERIFY2(worst > 1e-3, qPrintable(QStringLiteral("swapped colours changed the output by only %1").arg(worst)));
}

void TestOnnxFacenetEmbedder::wrongOutputSizeIsReported()
{
    const ModelRegistry registry(m_dir.path());
    auto spec = EmbedderSpec::fromDescriptor(*registry.descriptor(QStringLiteral("facenet512-pytorch")));
    QVERIFY(spec.ok());
    spec->outputSize = 128; // a descriptor that lies about the model
    auto embedder = OnnxFacenetEmbedder::create(spec.value(), m_dir.filePath(QStringLiteral("facenet_nchw.onnx")));
    QVERIFY(embedder.ok());
    const auto result = embedder.value()->embed(chips());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), Error::Code::ModelMissing);
    QVERIFY(result.error().message().contains(QLatin1String("128")));
}

void TestOnnxFacenetEmbedder::corruptModelIsRefused()
{
    QFile bad(m_dir.filePath(QStringLiteral("bad.onnx")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("this is not a protobuf");
    bad.close();
    const ModelRegistry registry(m_dir.path());
    const auto spec = EmbedderSpec::fromDescriptor(*registry.descriptor(QStringLiteral("facenet512-pytorch")));
    const auto embedder = OnnxFacenetEmbedder::create(spec.value(), bad.fileName());
    QVERIFY(!embedder.ok());
    QCOMPARE(embedder.error().exitCode(), 4);
}

QTEST_GUILESS_MAIN(TestOnnxFacenetEmbedder)
#include "tst_onnxfacenetembedder.moc"
