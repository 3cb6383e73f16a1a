#include "TestHttpServer.h"
#include "TestPaths.h"
#include "models/FileHasher.h"
#include "models/ModelRegistry.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestModelsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fetchDownloadsTheMissingModels();
    void fetchFromAnUnreachableServerExitsWithNetworkError();
    void importInstallsKnownFilesAndRejectsOthers();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs the real rollcall-cli while this process keeps serving HTTP.
    static Run cli(const QString &modelsDir, const QStringList &args);
};

TestModelsCommand::Run TestModelsCommand::cli(const QString &modelsDir, const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ROLLCALL_MODEL_BASE_URL"));
    env.insert(QStringLiteral("ROLLCALL_SYSTEM_CONFIG"), QString());
    process.setProcessEnvironment(env);
    process.start(test::TestPaths::cliPath(), QStringList { QStringLiteral("--models-dir"), modelsDir } + args);
    Run run;
    if (!process.waitForStarted())
        return run;
    // Not waitForFinished(): the event loop must run for the in-process server.
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000))
        process.kill();
    process.waitForFinished();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestModelsCommand::fetchDownloadsTheMissingModels()
{
    test::TestHttpServer server(test::TestPaths::modelsDir());
    QVERIFY(server.start());
    QTemporaryDir models;
    const Run fetched
        = cli(models.path(),
              { QStringLiteral("models"), QStringLiteral("fetch"), QStringLiteral("--base-url"), server.baseUrl() });
    QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
    QCOMPARE(fetched.out.count(QLatin1String("installed ")), 4);
    QVERIFY(fetched.err.contains(QLatin1String("fetching 4/4")));
    const Run listed = cli(models.path(), { QStringLiteral("models") });
    QCOMPARE(listed.exitCode, 0); // every required model verified
    const Run again
        = cli(models.path(),
              { QStringLiteral("models"), QStringLiteral("fetch"), QStringLiteral("--base-url"), server.baseUrl() });
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains(QLatin1String("All required models are installed")));
    QCOMPARE(server.requests().size(), 4);
}

void TestModelsCommand::fetchFromAnUnreachableServerExitsWithNetworkError()
{
    QTemporaryDir models;
    const Run run = cli(models.path(),
                        { QStringLiteral("models"), QStringLiteral("fetch"), QStringLiteral("--base-url"),
                          test::unreachableBaseUrl() });
    QCOMPARE(run.exitCode, 6);
    QVERIFY2(run.err.contains(QLatin1String("Could not download")), qPrintable(run.err));
}

void TestModelsCommand::importInstallsKnownFilesAndRejectsOthers()
{
    QTemporaryDir models;
    QTemporaryDir stick;
    const QString bogus = stick.filePath(QStringLiteral("notes.txt"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello");
    file.close();
    const QString yunet
        = QDir(test::TestPaths::modelsDir()).filePath(QStringLiteral("face_detection_yunet_2022mar.onnx"));
    const Run run = cli(models.path(), { QStringLiteral("models"), QStringLiteral("import"), yunet, bogus });
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.out.contains(QLatin1String("installed ")));
    QVERIFY(run.err.contains(QLatin1String("notes.txt is not one of the model files")));
    QVERIFY(QFile::exists(QDir(models.path()).filePath(QStringLiteral("face_detection_yunet_2022mar.onnx"))));
    QCOMPARE(cli(models.path(), { QStringLiteral("models"), QStringLiteral("import") }).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestModelsCommand)
#include "tst_modelscommand.moc"
