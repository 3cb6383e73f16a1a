#include "common/AppPaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestAppPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overrideBeatsEnvironmentBeatsDefault();
    void systemConfigChoosesTheModelsFolder();
};

void TestAppPaths::overrideBeatsEnvironmentBeatsDefault()
{
    qunsetenv("ROLLCALL_DATA_DIR");
    qputenv("ROLLCALL_SYSTEM_CONFIG", ""); // ignore the machine's /etc/rollcall/rollcall.conf
    qputenv("XDG_DATA_HOME", "/tmp/xdg-test");
    QCOMPARE(AppPaths::dataDir(), QStringLiteral("/tmp/xdg-test/rollcall"));
    qunsetenv("ROLLCALL_MODELS_DIR");
    QCOMPARE(AppPaths::modelsDir(), QStringLiteral("/tmp/xdg-test/rollcall/models"));

    qputenv("ROLLCALL_DATA_DIR", "/tmp/env-data");
    QCOMPARE(AppPaths::dataDir(), QStringLiteral("/tmp/env-data"));
    QCOMPARE(AppPaths::databasePath(), QStringLiteral("/tmp/env-data/rollcall.sqlite"));
    // The models folder does not follow the data folder: profiles share models.
    QCOMPARE(AppPaths::modelsDir(), QStringLiteral("/tmp/xdg-test/rollcall/models"));

    AppPaths::setDataDirOverride(QStringLiteral("/tmp/opt-data"));
    AppPaths::setModelsDirOverride(QStringLiteral("/tmp/opt-models"));
    QCOMPARE(AppPaths::dataDir(), QStringLiteral("/tmp/opt-data"));
    QCOMPARE(AppPaths::modelsDir(), QStringLiteral("/tmp/opt-models"));
    AppPaths::setDataDirOverride({});
    AppPaths::setModelsDirOverride({});
}

void TestAppPaths::systemConfigChoosesTheModelsFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("rollcall.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# written by tst_apppaths\n[paths]\nmodels_dir = /srv/rollcall/models\n");
    file.close();
    qputenv("ROLLCALL_SYSTEM_CONFIG", config.toLocal8Bit());
    qunsetenv("ROLLCALL_MODELS_DIR");
    QCOMPARE(AppPaths::systemConfigPath(), config);
    QCOMPARE(AppPaths::modelsDir(), QStringLiteral("/srv/rollcall/models"));

    // The user's environment and options still win over the installation's choice.
    qputenv("ROLLCALL_MODELS_DIR", "/tmp/env-models");
    QCOMPARE(AppPaths::modelsDir(), QStringLiteral("/tmp/env-models"));
    qunsetenv("ROLLCALL_MODELS_DIR");

    // A configuration file without the key falls back to the per-user folder.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("[paths]\n");
    file.close();
    qputenv("XDG_DATA_HOME", "/tmp/xdg-test");
    QCOMPARE(AppPaths::modelsDir(), QStringLiteral("/tmp/xdg-test/rollcall/models"));
    qunsetenv("ROLLCALL_SYSTEM_CONFIG");
}

QTEST_GUILESS_MAIN(TestAppPaths)
#include "tst_apppaths.moc"
