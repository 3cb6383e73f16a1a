#include "TestHttpServer.h"
#include "TestPaths.h"
#include "common/AppPaths.h"
#include "models/FileHasher.h"
#include "models/ModelDownloader.h"
#include "models/ModelRegistry.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestHttpServer;

class TestModelDownloader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolvesUrls();
    void baseUrlComesFromEnvironmentOrSystemConfig();
    void downloadsAndVerifiesEveryModel();
    void corruptDownloadIsRejected();
    void interruptedDownloadResumes();
    void serverIgnoringRangeRestartsTheFile();
    void unreachableServerFails();
    void missingUrlFails();
    void cancelKeepsThePart();
    void downloadsFromAFolder();

private:
    static ModelDescriptor model(const QString &id);
    // Runs the downloader until finished() or failed(); true when finished.
    static bool run(ModelDownloader &downloader, const QList<ModelDescriptor> &models);
    static QStringList leftovers(const QString &dir);
    QTemporaryDir m_data; // the data folder (settings.ini)
};

void TestModelDownloader::initTestCase()
{
    // The server hands out the real model files: they must be installed.
    const ModelRegistry registry(test::TestPaths::modelsDir());
    for (const ModelDescriptor &d : registry.descriptors()) {
        if (d.required)
            QVERIFY2(registry.verify(d) == ModelRegistry::FileState::Ok,
                     qPrintable(QStringLiteral("%1 missing or corrupt in %2: run scripts/fetch-models.sh")
                                    .arg(d.fileName, registry.modelsDir())));
    }
    qunsetenv("ROLLCALL_MODEL_BASE_URL");
    // The user's base URL lives in <data>/settings.ini: an empty data folder has none.
    AppPaths::setDataDirOverride(m_data.path());
    qputenv("ROLLCALL_SYSTEM_CONFIG", "");
}

ModelDescriptor TestModelDownloader::model(const QString &id)
{
    for (const ModelDescriptor &d : ModelRegistry::builtinDescriptors()) {
        if (d.id == id)
            return d;
    }
    qFatal("no built-in model %s", qPrintable(id));
}

bool TestModelDownloader::run(ModelDownloader &downloader, const QList<ModelDescriptor> &models)
{
    QSignalSpy finished(&downloader, &ModelDownloader::finished);
    QSignalSpy failed(&downloader, &ModelDownloader::failed);
    downloader.start(models);
    (void)QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120000);
    return !finished.isEmpty() && failed.isEmpty();
}

QStringList TestModelDownloader::leftovers(const QString &dir)
{
    return QDir(dir).entryList({ QStringLiteral("*.part"), QStringLiteral("*.import") }, QDir::Files);
}

void TestModelDownloader::resolvesUrls()
{
    ModelDescriptor d;
    d.fileName = QStringLiteral("model.dat");
    QVERIFY(!ModelDownloader::resolveUrl(d, {}).isValid());
    d.url = QStringLiteral("https://example.invalid/upstream/model.dat");
    QCOMPARE(ModelDownloader::resolveUrl(d, {}).toString(), d.url);
    // A configured base URL wins over the descriptor's own address.
    QCOMPARE(ModelDownloader::resolveUrl(d, QStringLiteral("http://models.dept.local/rollcall")).toString(),
             QStringLiteral("http://models.dept.local/rollcall/model.dat"));
    QCOMPARE(ModelDownloader::resolveUrl(d, QStringLiteral("http://models.dept.local/rollcall/")).toString(),
             QStringLiteral("http://models.dept.local/rollcall/model.dat"));
    QCOMPARE(ModelDownloader::resolveUrl(d, QStringLiteral("/mnt/share/models")),
             QUrl::fromLocalFile(QStringLiteral("/mnt/share/models/model.dat")));
}

void TestModelDownloader::baseUrlComesFromEnvironmentOrSystemConfig()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("rollcall.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[models]\nbase_url=http://intranet.example/models/\n");
    file.close();
    qputenv("ROLLCALL_SYSTEM_CONFIG", config.toLocal8Bit());
    QCOMPARE(ModelDownloader::configuredBaseUrl(), QStringLiteral("http://intranet.example/models/"));
    qputenv("ROLLCALL_MODEL_BASE_URL", "http://env.example/m");
    QCOMPARE(ModelDownloader::configuredBaseUrl(), QStringLiteral("http://env.example/m"));
    QCOMPARE(ModelDownloader(dir.path()).baseUrl(), QStringLiteral("http://env.example/m"));
    qunsetenv("ROLLCALL_MODEL_BASE_URL");
    // The user's base URL lives in <data>/settings.ini: an empty data folder has none.
    AppPaths::setDataDirOverride(m_data.path());
    qputenv("ROLLCALL_SYSTEM_CONFIG", "");
    QCOMPARE(ModelDownloader::configuredBaseUrl(), QString());
}

void TestModelDownloader::downloadsAndVerifiesEveryModel()
{
    TestHttpServer server(test::TestPaths::modelsDir());
    QVERIFY(server.start());
    QTemporaryDir target;
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl(server.baseUrl());
    QSignalSpy installed(&downloader, &ModelDownloader::fileInstalled);
    QSignalSpy progress(&downloader, &ModelDownloader::progress);
    QList<ModelDescriptor> required;
    for (const ModelDescriptor &d : ModelRegistry::builtinDescriptors()) {
        if (d.required)
            required.append(d);
    }
    QVERIFY(required.size() >= 4);
    QVERIFY2(run(downloader, required), qPrintable(downloader.lastError().message()));
    QCOMPARE(installed.size(), required.size());
    QVERIFY(!progress.isEmpty());
    const QList<QVariant> last = progress.last();
    QCOMPARE(last.at(0).toLongLong(), last.at(1).toLongLong()); // the last file reached its full size
    const ModelRegistry registry(target.path());
    for (const ModelDescriptor &d : required)
        QCOMPARE(registry.verify(d), ModelRegistry::FileState::Ok);
    QVERIFY(leftovers(target.path()).isEmpty());
    QCOMPARE(server.requests().size(), required.size());

    // Files already present and intact are not fetched again.
    QVERIFY(run(downloader, required));
    QCOMPARE(server.requests().size(), required.size());
}

void TestModelDownloader::corruptDownloadIsRejected()
{
    const ModelDescriptor yunet = model(QStringLiteral("yunet-2022mar"));
    TestHttpServer server(test::TestPaths::modelsDir());
    server.setCorrupt(yunet.fileName);
    QVERIFY(server.start());
    QTemporaryDir target;
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl(server.baseUrl());
    QSignalSpy failed(&downloader, &ModelDownloader::failed);
    QVERIFY(!run(downloader, { yunet }));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(downloader.lastError().code(), Error::Code::BadInput);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("SHA-256")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!QFile::exists(QDir(target.path()).filePath(yunet.fileName)));
    QVERIFY(leftovers(target.path()).isEmpty()); // a corrupt part is not kept for resuming
}

void TestModelDownloader::interruptedDownloadResumes()
{
    const ModelDescriptor detector = model(QStringLiteral("dlib-mmod-face"));
    const qint64 size = QFileInfo(QDir(test::TestPaths::modelsDir()).filePath(detector.fileName)).size();
    const qint64 cut = 300000;
    QVERIFY(size > cut);
    TestHttpServer server(test::TestPaths::modelsDir());
    server.cutNextResponseAfter(detector.fileName, cut);
    QVERIFY(server.start());
    QTemporaryDir target;
    const QString finalPath = QDir(target.path()).filePath(detector.fileName);
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl(server.baseUrl());

    QVERIFY(!run(downloader, { detector }));
    QCOMPARE(downloader.lastError().code(), Error::Code::Network);
    QVERIFY(!QFile::exists(finalPath));
    QCOMPARE(QFileInfo(ModelDownloader::partPath(finalPath)).size(), cut);

    QVERIFY2(run(downloader, { detector }), qPrintable(downloader.lastError().message()));
    QCOMPARE(server.requests().size(), 2);
    const TestHttpServer::Request resumed = server.requests().at(1);
    QCOMPARE(resumed.range, QByteArray("bytes=300000-"));
    QCOMPARE(resumed.status, 206);
    QCOMPARE(resumed.bodyBytes, size - cut);
    QCOMPARE(FileHasher::sha256Hex(finalPath), detector.sha256);
    QVERIFY(leftovers(target.path()).isEmpty());
}

void TestModelDownloader::serverIgnoringRangeRestartsTheFile()
{
    const ModelDescriptor yunet = model(QStringLiteral("yunet-2022mar"));
    TestHttpServer server(test::TestPaths::modelsDir());
    server.setIgnoreRange(true);
    QVERIFY(server.start());
    QTemporaryDir target;
    const QString finalPath = QDir(target.path()).filePath(yunet.fileName);
    QFile part(ModelDownloader::partPath(finalPath));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(QByteArray(1000, 'x')); // an earlier attempt's leftovers
    part.close();
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl(server.baseUrl());
    QVERIFY2(run(downloader, { yunet }), qPrintable(downloader.lastError().message()));
    QCOMPARE(server.requests().first().range, QByteArray("bytes=1000-"));
    QCOMPARE(server.requests().first().status, 200);
    QCOMPARE(FileHasher::sha256Hex(finalPath), yunet.sha256);
}

void TestModelDownloader::unreachableServerFails()
{
    QTemporaryDir target;
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl(test::unreachableBaseUrl());
    QVERIFY(!run(downloader, { model(QStringLiteral("yunet-2022mar")) }));
    QCOMPARE(downloader.lastError().code(), Error::Code::Network);
    QVERIFY(downloader.lastError().message().contains(QLatin1String("Could not download")));
    QVERIFY(QDir(target.path()).entryList(QDir::Files).isEmpty());
}

void TestModelDownloader::missingUrlFails()
{
    // dlib's models have no per-file upstream URL: without a base URL there is nowhere to go.
    QTemporaryDir target;
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl({});
    QVERIFY(!run(downloader, { model(QStringLiteral("dlib-shape5")) }));
    QCOMPARE(downloader.lastError().code(), Error::Code::Network);
    QVERIFY(downloader.lastError().message().contains(QLatin1String("no download address")));
}

void TestModelDownloader::cancelKeepsThePart()
{
    const ModelDescriptor resnet = model(QStringLiteral("dlib-resnet-v1"));
    TestHttpServer server(test::TestPaths::modelsDir());
    QVERIFY(server.start());
    QTemporaryDir target;
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl(server.baseUrl());
    connect(&downloader, &ModelDownloader::progress, &downloader, [&downloader](qint64 received, qint64) {
        if (received > 0)
            downloader.cancel();
    });
    QVERIFY(!run(downloader, { resnet }));
    QCOMPARE(downloader.lastError().code(), Error::Code::Cancelled);
    const QString finalPath = QDir(target.path()).filePath(resnet.fileName);
    QVERIFY(!QFile::exists(finalPath));
    const qint64 kept = QFileInfo(ModelDownloader::partPath(finalPath)).size();
    QVERIFY2(kept > 0 && kept < QFileInfo(QDir(test::TestPaths::modelsDir()).filePath(resnet.fileName)).size(),
             qPrintable(QString::number(kept)));
}

void TestModelDownloader::downloadsFromAFolder()
{
    // A department share mounted as a folder works as a base "URL" too.
    QTemporaryDir target;
    ModelDownloader downloader(target.path());
    downloader.setBaseUrl(test::TestPaths::modelsDir());
    const ModelDescriptor yunet = model(QStringLiteral("yunet-2022mar"));
    QVERIFY2(run(downloader, { yunet }), qPrintable(downloader.lastError().message()));
    QCOMPARE(FileHasher::sha256Hex(QDir(target.path()).filePath(yunet.fileName)), yunet.sha256);
}

QTEST_GUILESS_MAIN(TestModelDownloader)
#include "tst_modeldownloader.moc"
