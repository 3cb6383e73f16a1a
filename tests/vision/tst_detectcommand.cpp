#include "TestPaths.h"
#include "vision/ComputeDevice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::runCli;
using rollcall::test::TestPaths;

class TestDetectCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonContract();
    void textOutput();
    void badInputExitsThree();
    void usageErrorsExitTwo();
    void missingModelsExitFour();

private:
    QTemporaryDir m_data;
};

void TestDetectCommand::jsonContract()
{
    const auto run = runCli(
        { QStringLiteral("detect"), QStringLiteral("--json"), TestPaths::data(QStringLiteral("group/crowds/10.jpg")) },
        m_data.path());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    const QJsonArray faces = root.value(QLatin1String("faces")).toArray();
    QVERIFY2(faces.size() >= 15, run.out.constData());
    for (const auto &v : faces) {
        const QJsonObject f = v.toObject();
        const QJsonArray box = f.value(QLatin1String("box")).toArray();
        QCOMPARE(box.size(), 4);
        QVERIFY(box[0].toInt() >= 0 && box[1].toInt() >= 0);
        QVERIFY(box[0].toInt() + box[2].toInt() <= 1024); // original pixels, inside the image
        QVERIFY(box[1].toInt() + box[3].toInt() <= 715);
        QVERIFY(box[2].toInt() > 0);
        const double c = f.value(QLatin1String("confidence")).toDouble(-1);
        QVERIFY(c >= 0.0 && c <= 1.0);
        QVERIFY(f.value(QLatin1String("too_small")).isBool());
    }
    const QJsonObject timings = root.value(QLatin1String("timings_ms")).toObject();
    QVERIFY(timings.contains(QLatin1String("detect")));
    QVERIFY(timings.contains(QLatin1String("total")));
    QCOMPARE(root.value(QLatin1String("device")).toString(), ComputeDevice::current().name());
}

void TestDetectCommand::textOutput()
{
    const auto run
        = runCli({ QStringLiteral("detect"), TestPaths::data(QStringLiteral("group/crowds/25.jpg")) }, m_data.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("too small to recognise"), run.out.left(200).constData());
}

void TestDetectCommand::badInputExitsThree()
{
    QFile text(m_data.filePath(QStringLiteral("notes.jpg")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not an image");
    text.close();
    const auto run = runCli({ QStringLiteral("detect"), text.fileName() }, m_data.path());
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains("notes.jpg"));
    QCOMPARE(run.err.count('\n'), 1); // one line
    QCOMPARE(runCli({ QStringLiteral("detect"), m_data.filePath(QStringLiteral("none.jpg")) }, m_data.path()).exitCode,
             3);
}

void TestDetectCommand::usageErrorsExitTwo()
{
    QCOMPARE(runCli({ QStringLiteral("detect") }, m_data.path()).exitCode, 2);
    QCOMPARE(
        runCli({ QStringLiteral("detect"), QStringLiteral("a.jpg"), QStringLiteral("b.jpg") }, m_data.path()).exitCode,
        2);
    QCOMPARE(runCli({ QStringLiteral("detect"), QStringLiteral("--bogus"), QStringLiteral("a.jpg") }, m_data.path())
                 .exitCode,
             2);
}

void TestDetectCommand::missingModelsExitFour()
{
    QTemporaryDir empty;
    QProcess process;
    process.start(TestPaths::cliPath(),
                  { QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("--models-dir"), empty.path(),
                    QStringLiteral("detect"), TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 4);
}

QTEST_GUILESS_MAIN(TestDetectCommand)
#include "tst_detectcommand.moc"
