#include "TestPaths.h"
#include "vision/ComputeDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::runCli;

class TestCliApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionPrintsLibrariesAndDevice();
    void unknownCommandIsAUsageError();
    void modelsJsonListsEveryModelAsOk();
    void missingModelsExitWithFour();
};

void TestCliApplication::versionPrintsLibrariesAndDevice()
{
    const auto run = runCli({ QStringLiteral("--version") });
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QLatin1String("RollCall " ROLLCALL_VERSION)), run.out.constData());
    QVERIFY(out.contains(QLatin1String("Qt 6.")));
    QVERIFY(out.contains(QLatin1String("OpenCV 4.")));
    QVERIFY(out.contains(QLatin1String("dlib 19.")));
    // The device this test process sees too: the CPU in CI, the GPU where there is one.
    QVERIFY2(out.contains(QStringLiteral("Compute device: ") + ComputeDevice::current().description()),
             run.out.constData());
}

void TestCliApplication::unknownCommandIsAUsageError()
{
    const auto run = runCli({ QStringLiteral("no-such-command") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("unknown command"));
    QCOMPARE(runCli({ QStringLiteral("--device"), QStringLiteral("tpu"), QStringLiteral("models") }).exitCode, 2);
}

void TestCliApplication::modelsJsonListsEveryModelAsOk()
{
    QTemporaryDir data;
    const auto run = runCli({ QStringLiteral("models"), QStringLiteral("--json") }, data.path());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    const QJsonArray models = root.value(QLatin1String("models")).toArray();
    QVERIFY(models.size() >= 4);
    for (const auto &value : models) {
        const QJsonObject m = value.toObject();
        if (m.value(QLatin1String("required")).toBool())
            QCOMPARE(m.value(QLatin1String("state")).toString(), QStringLiteral("ok"));
        QCOMPARE(m.value(QLatin1String("device")).toString(), ComputeDevice::current().name());
    }
}

void TestCliApplication::missingModelsExitWithFour()
{
    QTemporaryDir empty;
    QProcess process;
    process.start(test::TestPaths::cliPath(),
                  { QStringLiteral("--data-dir"), empty.path(), QStringLiteral("--models-dir"), empty.path(),
                    QStringLiteral("models") });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 4);
    QVERIFY(process.readAllStandardOutput().contains("missing"));
}

QTEST_GUILESS_MAIN(TestCliApplication)
#include "tst_cliapplication.moc"
