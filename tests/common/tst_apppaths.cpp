#include "common/AppPaths.h"

#include <QtTest>

using namespace rollcall;

class TestAppPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overrideBeatsEnvironmentBeatsDefault();
};

void TestAppPaths::overrideBeatsEnvironmentBeatsDefault()
{
    qunsetenv("ROLLCALL_DATA_DIR");
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

QTEST_GUILESS_MAIN(TestAppPaths)
#include "tst_apppaths.moc"
