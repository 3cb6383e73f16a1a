#include "TestPaths.h"
#include "fakecuda/BatchLimitedBackend.h"
#include "vision/ComputeDevice.h"
#include "vision/DlibCnnBackend.h"
#include "vision/DlibNetworks.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace rollcall;
using rollcall::test::TestPaths;

class TestDlibNetworks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void embeddingsSurviveOutOfMemory();
    void detectionsSurviveOutOfMemory();
    void batchOfOneThatDoesNotFitMovesToTheCpu();
    void gpuFailureMovesToTheCpu();
    void outOfMemoryOnTheCpuIsAnError();
    void badModelsAndInputsAreRefused();
    void cpuLanesGiveTheSameResults();

private:
    std::vector<cv::Mat> m_photos; // 250×250 LFW photos, one face each
    QString m_detectorPath;
    QString m_embedderPath;
};

void TestDlibNetworks::initTestCase()
{
    const char *people[] = { "George_W_Bush",     "Colin_Powell", "Tony_Blair", "Donald_Rumsfeld",
                             "Gerhard_Schroeder", "Ariel_Sharon", "Hugo_Chavez" };
    for (const char *name : people) {
        const QDir dir(TestPaths::data(QStringLiteral("faces/lfw-gray/%1").arg(QLatin1String(name))));
        const QStringList files = dir.entryList({ QStringLiteral("*.jpg") }, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path()));
        const QString path = dir.filePath(files.first());
        cv::Mat grey = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
        QVERIFY2(!grey.empty(), qPrintable(path));
        m_photos.push_back(grey);
    }
    m_detectorPath = TestPaths::modelsDir() + QStringLiteral("/mmod_human_face_detector.dat");
    m_embedderPath = TestPaths::modelsDir() + QStringLiteral("/dlib_face_recognition_resnet_model_v1.dat");
    QVERIFY2(QFile::exists(m_detectorPath), "run scripts/fetch-models.sh");
    QVERIFY2(QFile::exists(m_embedderPath), "run scripts/fetch-models.sh");
}

void TestDlibNetworks::embeddingsSurviveOutOfMemory()
{
    std::vector<cv::Mat> chips;
    for (const cv::Mat &photo : m_photos) {
        cv::Mat chip;
        cv::resize(photo(cv::Rect(50, 50, 150, 150)), chip, cv::Size(150, 150));
        chips.push_back(chip);
    }
    DlibNetworks reference;
    QVERIFY(reference.loadEmbedder(m_embedderPath).ok());
    const auto expected = reference.embed(chips, 16);
    QVERIFY(expected.ok());
    QCOMPARE(expected->size(), chips.size());

    int largest = 0;
    DlibNetworks small(std::make_unique<test::BatchLimitedBackend>([] { return std::size_t(2); }, &largest), true);
    QVERIFY(small.loadEmbedder(m_embedderPath).ok());
    const auto got = small.embed(chips, 16);
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message()));
    QCOMPARE(got->size(), chips.size());
    QCOMPARE(small.outOfMemoryRetries(), 2); // 7 chips: 7 → 4 → 2
    QCOMPARE(largest, 2);
    for (size_t i = 0; i < chips.size(); ++i) {
        QCOMPARE(got->at(i).size(), size_t(128));
        for (size_t k = 0; k < 128; ++k)
            QVERIFY2(std::abs(got->at(i)[k] - expected->at(i)[k]) < 1e-4f, qPrintable(QString::number(i)));
    }
}

void TestDlibNetworks::detectionsSurviveOutOfMemory()
{
    DlibNetworks reference;
    QVERIFY(reference.loadDetector(m_detectorPath).ok());
    const auto expected = reference.detect(m_photos, 0.0, 16);
    QVERIFY(expected.ok());
    QCOMPARE(expected->size(), m_photos.size());
    int faces = 0;
    for (const auto &perPhoto : expected.value())
        faces += int(perPhoto.size());
    QVERIFY2(faces >= int(m_photos.size()), "each LFW photo has a face");

    int largest = 0;
    DlibNetworks small(std::make_unique<test::BatchLimitedBackend>([] { return std::size_t(3); }, &largest), true);
    QVERIFY(small.loadDetector(m_detectorPath).ok());
    const auto got = small.detect(m_photos, 0.0, 16);
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message()));
    QCOMPARE(small.outOfMemoryRetries(), 2); // 7 → 4 → 2
    QCOMPARE(largest, 2);
    QCOMPARE(got->size(), expected->size());
    for (size_t i = 0; i < got->size(); ++i) {
        QCOMPARE(got->at(i).size(), expected->at(i).size());
        for (size_t j = 0; j < got->at(i).size(); ++j) {
            const cv::Rect2f a = got->at(i)[j].box;
            const cv::Rect2f b = expected->at(i)[j].box;
            QVERIFY(std::abs(a.x - b.x) < 0.5f && std::abs(a.y - b.y) < 0.5f && std::abs(a.width - b.width) < 0.5f);
            QVERIFY(std::abs(got->at(i)[j].confidence - expected->at(i)[j].confidence) < 1e-3);
        }
    }
}

void TestDlibNetworks::batchOfOneThatDoesNotFitMovesToTheCpu()
{
    DlibNetworks cpu(std::make_unique<DlibCnnBackend>(), false);
    QVERIFY(cpu.loadDetector(m_detectorPath).ok());
    const auto expected = cpu.detect(m_photos, 0.0, 4);
    QVERIFY(expected.ok());

    // Not even one photo fits: halving cannot help, the CPU can.
    int largest = 0;
    DlibNetworks none(std::make_unique<test::BatchLimitedBackend>([] { return std::size_t(0); }, &largest), true);
    QVERIFY(none.loadDetector(m_detectorPath).ok());
    QVERIFY(none.loadEmbedder(m_embedderPath).ok());
    const auto got = none.detect(m_photos, 0.0, 4);
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message()));
    QCOMPARE(largest, 0);
    QVERIFY(!none.onGpu());
    QCOMPARE(none.deviceName(), QStringLiteral("cpu"));
    QVERIFY2(none.cpuFallbackReason().contains(QLatin1String("out of memory")), qPrintable(none.cpuFallbackReason()));
    QCOMPARE(got->size(), expected->size());
    for (size_t i = 0; i < got->size(); ++i) {
        QCOMPARE(got->at(i).size(), expected->at(i).size());
        for (size_t j = 0; j < got->at(i).size(); ++j)
            QCOMPARE(got->at(i)[j].box, expected->at(i)[j].box);
    }
    // Both models came along: the embedder works on the CPU too.
    cv::Mat chip;
    cv::resize(m_photos.front()(cv::Rect(50, 50, 150, 150)), chip, cv::Size(150, 150));
    const auto embedding = none.embed({ chip }, 4);
    QVERIFY2(embedding.ok(), qPrintable(embedding.ok() ? QString() : embedding.error().message()));
    QCOMPARE(embedding->front().size(), size_t(128));
}

void TestDlibNetworks::gpuFailureMovesToTheCpu()
{
    cv::Mat chip;
    cv::resize(m_photos.front()(cv::Rect(50, 50, 150, 150)), chip, cv::Size(150, 150));
    DlibNetworks cpu(std::make_unique<DlibCnnBackend>(), false);
    QVERIFY(cpu.loadEmbedder(m_embedderPath).ok());
    const auto expected = cpu.embed({ chip, chip }, 4);
    QVERIFY(expected.ok());

    DlibNetworks broken(std::make_unique<test::BatchLimitedBackend>([] { return std::size_t(64); }, nullptr,
                                                                    [] { return "CUDNN_STATUS_EXECUTION_FAILED"; }),
                        true);
    QVERIFY(broken.loadEmbedder(m_embedderPath).ok());
    const auto got = broken.embed({ chip, chip }, 4);
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message()));
    QCOMPARE(broken.deviceName(), QStringLiteral("cpu"));
    QCOMPARE(broken.cpuFallbackReason(), QStringLiteral("CUDNN_STATUS_EXECUTION_FAILED"));
    QCOMPARE(got.value(), expected.value());
    // Bad input is not the GPU's fault: it stays an error, on whatever device.
    DlibNetworks gpu(std::make_unique<test::BatchLimitedBackend>([] { return std::size_t(64); }), true);
    QVERIFY(gpu.loadEmbedder(m_embedderPath).ok());
    const auto bad = gpu.embed({ cv::Mat(20, 20, CV_8UC3, cv::Scalar::all(0)) }, 4);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code(), Error::Code::BadInput);
    QVERIFY(gpu.onGpu());
}

void TestDlibNetworks::outOfMemoryOnTheCpuIsAnError()
{
    // Where there is nowhere left to go, running out of memory is exit code 8.
    DlibNetworks none(std::make_unique<test::BatchLimitedBackend>([] { return std::size_t(0); }), false);
    QVERIFY(none.loadDetector(m_detectorPath).ok());
    const auto got = none.detect(m_photos, 0.0, 4);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code(), Error::Code::OutOfMemory);
    QCOMPARE(got.error().exitCode(), 8);
    QVERIFY2(got.error().message().contains(QLatin1String("out of memory")), qPrintable(got.error().message()));
}

void TestDlibNetworks::badModelsAndInputsAreRefused()
{
    DlibNetworks nets;
    QCOMPARE(nets.deviceName(), ComputeDevice::current().name());
    const Status missing = nets.loadDetector(QStringLiteral("/nonexistent/mmod.dat"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code(), Error::Code::ModelMissing);
    QVERIFY(missing.error().message().contains(QLatin1String("/nonexistent/mmod.dat")));

    QTemporaryDir dir;
    const QString corrupt = dir.filePath(QStringLiteral("corrupt.dat"));
    QFile f(corrupt);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a dlib network");
    f.close();
    const Status bad = nets.loadEmbedder(corrupt);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code(), Error::Code::ModelMissing);
    QVERIFY(!nets.hasEmbedder());

    const auto notLoaded = nets.embed({ m_photos.front() }, 1);
    QVERIFY(!notLoaded.ok());
    QCOMPARE(notLoaded.error().code(), Error::Code::ModelMissing);

    QVERIFY(nets.loadEmbedder(m_embedderPath).ok());
    const auto wrongSize = nets.embed({ m_photos.front() }, 1); // 250×250, not a 150×150 chip
    QVERIFY(!wrongSize.ok());
    QCOMPARE(wrongSize.error().code(), Error::Code::BadInput);
}

void TestDlibNetworks::cpuLanesGiveTheSameResults()
{
    // Splitting a call over several CPU backends on their own threads must not
    // change a single detection or embedding, nor their order.
    DlibNetworks one;
    DlibNetworks three;
    if (one.onGpu())
        QSKIP("lanes are a CPU feature; this machine runs dlib on the GPU");
    one.setCpuLanes(1);
    three.setCpuLanes(3);
    for (DlibNetworks *nets : { &one, &three }) {
        QVERIFY(nets->loadDetector(m_detectorPath).ok());
        QVERIFY(nets->loadEmbedder(m_embedderPath).ok());
    }
    std::vector<cv::Mat> chips;
    for (const cv::Mat &photo : m_photos) {
        cv::Mat chip;
        cv::resize(photo(cv::Rect(50, 50, 150, 150)), chip, cv::Size(150, 150));
        chips.push_back(chip);
    }
    const auto a = one.embed(chips, 2);
    const auto b = three.embed(chips, 2);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(three.backendsLoaded(), 3);
    QCOMPARE(one.backendsLoaded(), 1);
    QCOMPARE(b->size(), chips.size());
    for (size_t i = 0; i < chips.size(); ++i) {
        QCOMPARE(b->at(i).size(), a->at(i).size());
        for (size_t k = 0; k < a->at(i).size(); ++k)
            QVERIFY2(std::abs(a->at(i)[k] - b->at(i)[k]) < 1e-5f, qPrintable(QStringLiteral("chip %1").arg(i)));
    }
    const auto da = one.detect(m_photos, 0.0, 2);
    const auto db = three.detect(m_photos, 0.0, 2);
    QVERIFY(da.ok() && db.ok());
    QCOMPARE(db->size(), m_photos.size());
    for (size_t i = 0; i < m_photos.size(); ++i) {
        QCOMPARE(db->at(i).size(), da->at(i).size());
        QVERIFY(!da->at(i).empty());
        for (size_t j = 0; j < da->at(i).size(); ++j) {
            QCOMPARE(db->at(i)[j].box, da->at(i)[j].box);
            QVERIFY(std::abs(db->at(i)[j].confidence - da->at(i)[j].confidence) < 1e-5);
        }
    }
    // Fewer inputs than lanes: no backend sits idle or gets an empty share.
    const auto single = three.embed({ chips.front() }, 2);
    QVERIFY(single.ok());
    QCOMPARE(single->size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestDlibNetworks)
#include "tst_dlibnetworks.moc"
