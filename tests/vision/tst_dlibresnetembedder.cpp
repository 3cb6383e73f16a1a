#include "TestPaths.h"
#include "vision/RecognitionPipeline.h"
#include "vision/embedding/EmbedderFactory.h"

#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace rollcall;
using rollcall::test::TestPaths;

class TestDlibResNetEmbedder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samePersonIsCloserThanAnother();
    void embeddingsAreNormalisedAndBatchIndependent();
    void badChipsAreRefused();
};

namespace {

QString lfw(const char *name, int n)
{
    return TestPaths::data(
        QStringLiteral("faces/lfw-gray/%1/%1_%2.jpg").arg(QLatin1String(name)).arg(n, 4, 10, QLatin1Char('0')));
}

} // namespace

void TestDlibResNetEmbedder::samePersonIsCloserThanAnother()
{
    RecognitionPipeline pipeline(TestPaths::modelsDir());
    pipeline.setEmbedderModel(QStringLiteral("dlib-resnet-v1"));
    pipeline.setPhotos({ lfw("George_W_Bush", 7), lfw("George_W_Bush", 16), lfw("Colin_Powell", 40) });
    const auto result = pipeline.run();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    std::vector<Embedding> e;
    for (const PhotoResult &p : result->photos) {
        for (const RecognisedFace &f : p.faces) {
            if (f.embedded && std::abs(f.detection.box.x + f.detection.box.width / 2 - 125) < 40) {
                e.push_back(f.embedding);
                break;
            }
        }
    }
    QCOMPARE(e.size(), size_t(3));
    QCOMPARE(e[0].size(), size_t(128));
    const float same = Embedder::cosineDistance(e[0], e[1]);
    const float different = Embedder::cosineDistance(e[0], e[2]);
    QVERIFY2(same < different, qPrintable(QStringLiteral("%1 vs %2").arg(same).arg(different)));
    const auto spec = pipeline.embedderSpec();
    QVERIFY(spec.ok());
    QVERIFY(same < spec->matchThreshold);
    QVERIFY(different > spec->matchThreshold);
}

void TestDlibResNetEmbedder::embeddingsAreNormalisedAndBatchIndependent()
{
    const ModelRegistry registry(TestPaths::modelsDir());
    auto embedder = EmbedderFactory::create(registry, QStringLiteral("dlib-resnet-v1"));
    QVERIFY(embedder.ok());
    std::vector<cv::Mat> chips;
    for (int i = 0; i < 5; ++i) {
        cv::Mat chip(150, 150, CV_8UC3);
        cv::randu(chip, 0, 255);
        chips.push_back(chip);
    }
    const auto batch = embedder.value()->embed(chips);
    QVERIFY(batch.ok());
    QCOMPARE(batch->size(), size_t(5));
    for (size_t i = 0; i < chips.size(); ++i) {
        double norm = 0.0;
        for (float x : batch->at(i))
            norm += double(x) * x;
        QVERIFY(std::abs(norm - 1.0) < 1e-5);
        const auto single = embedder.value()->embed({ chips[i] });
        QVERIFY(single.ok());
        QVERIFY(Embedder::cosineDistance(single->front(), batch->at(i)) < 1e-5f);
    }
    // A chip of another size is resized rather than refused.
    cv::Mat big;
    cv::resize(chips[0], big, cv::Size(300, 300));
    QVERIFY(embedder.value()->embed({ big }).ok());
}

void TestDlibResNetEmbedder::badChipsAreRefused()
{
    const ModelRegistry registry(TestPaths::modelsDir());
    auto embedder = EmbedderFactory::create(registry, QStringLiteral("dlib-resnet-v1"));
    QVERIFY(embedder.ok());
    const auto grey = embedder.value()->embed({ cv::Mat(150, 150, CV_8UC1, cv::Scalar(0)) });
    QVERIFY(!grey.ok());
    QCOMPARE(grey.error().code(), Error::Code::BadInput);
    QVERIFY(!embedder.value()->embed({ cv::Mat() }).ok());
}

QTEST_GUILESS_MAIN(TestDlibResNetEmbedder)
#include "tst_dlibresnetembedder.moc"
