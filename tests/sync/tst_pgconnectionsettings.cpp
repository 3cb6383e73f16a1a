#include "sync/PgConnectionSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestPgConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesLibpqStrings();
    void quotedValuesAndRoundTrip();
    void roundTripQuotesEverySpaceCharacter();
    void refusesBadInput_data();
    void refusesBadInput();
    void qpsqlOptionsAndSettings();
};

void TestPgConnectionSettings::parsesLibpqStrings()
{
    auto s = PgConnectionSettings::parse(QStringLiteral("host=db.dept.example port=6543 dbname=rollcall user=lab1 "
                                                        "sslmode=require connect_timeout=4"));
    QVERIFY(s);
    QCOMPARE(s->host, QStringLiteral("db.dept.example"));
    QCOMPARE(s->port, 6543);
    QCOMPARE(s->database, QStringLiteral("rollcall"));
    QCOMPARE(s->user, QStringLiteral("lab1"));
    QCOMPARE(s->sslMode, QStringLiteral("require"));
    QCOMPARE(s->connectTimeoutSeconds, 4);
    QCOMPARE(s->displayName(), QStringLiteral("lab1@db.dept.example:6543/rollcall"));

    auto defaults = PgConnectionSettings::parse(QStringLiteral("  dbname = x   user=y "));
    QVERIFY(defaults);
    QCOMPARE(defaults->host, QStringLiteral("localhost"));
    QCOMPARE(defaults->port, 5432);
    // Verified TLS unless chosen otherwise; weaker modes come with a warning.
    QCOMPARE(defaults->sslMode, QStringLiteral("verify-full"));
    QVERIFY(defaults->tlsWarning().isEmpty());
    QVERIFY(defaults->qpsqlConnectOptions().contains(QLatin1String("channel_binding=require")));
    QVERIFY(s->tlsWarning().contains(QLatin1String("does not check the server's certificate")));
    for (const char *weak : { "disable", "allow", "prefer" }) {
        auto w = PgConnectionSettings::parse(QStringLiteral("dbname=x user=y sslmode=") + QLatin1String(weak));
        QVERIFY(w);
        QVERIFY(w->tlsWarning().contains(QLatin1String("unencrypted")));
        QVERIFY(!w->qpsqlConnectOptions().contains(QLatin1String("channel_binding")));
    }
}

void TestPgConnectionSettings::quotedValuesAndRoundTrip()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("my ca's.crt"));
    QFile f(ca);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QString quotedCa = ca;
    quotedCa.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    auto s = PgConnectionSettings::parse(QStringLiteral("host=h dbname='dept db' user=u sslmode=verify-full "
                                                        "sslrootcert='%1'")
                                             .arg(quotedCa));
    QVERIFY2(s, s ? "" : qPrintable(s.error().message()));
    QCOMPARE(s->database, QStringLiteral("dept db"));
    QCOMPARE(s->caFile, ca);
    auto again = PgConnectionSettings::parse(s->toConnInfo());
    QVERIFY(again);
    QVERIFY(*again == *s);
}

void TestPgConnectionSettings::roundTripQuotesEverySpaceCharacter()
{
    // parse() splits unquoted values at CR, form feed or a no-break space too, so
    // toConnInfo() must quote them (found by tests/fuzz/fuzz_pgconnectionsettings).
    for (const QString &name :
         { QStringLiteral("dept\rdb"), QStringLiteral("dept\fdb"), QStringLiteral("dept\u00a0db") }) {
        PgConnectionSettings s;
        s.database = name;
        s.user = QStringLiteral("u");
        const auto again = PgConnectionSettings::parse(s.toConnInfo());
        QVERIFY2(again, again ? "" : qPrintable(again.error().message()));
        QCOMPARE(again->database, name);
    }
}

void TestPgConnectionSettings::refusesBadInput_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("message");
    QTest::newRow("password") << "host=h dbname=d user=u password=x"
                              << "do not put the password";
    QTest::newRow("no dbname") << "host=h user=u"
                               << "dbname";
    QTest::newRow("no user") << "host=h dbname=d"
                             << "user";
    QTest::newRow("bad port") << "host=h port=99999 dbname=d user=u"
                              << "port";
    QTest::newRow("bad sslmode") << "host=h dbname=d user=u sslmode=sometimes"
                                 << "sslmode";
    QTest::newRow("missing CA file") << "host=h dbname=d user=u sslrootcert=/no/such/ca.crt"
                                     << "cannot be read";
    QTest::newRow("unknown key") << "host=h dbname=d user=u options=-cfoo"
                                 << "unsupported key";
    QTest::newRow("unterminated") << "host=h dbname='d user=u"
                                  << "unterminated";
    QTest::newRow("no equals") << "host h dbname=d user=u"
                               << "key=value";
}

void TestPgConnectionSettings::refusesBadInput()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, message);
    auto s = PgConnectionSettings::parse(conninfo);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message().contains(message), qPrintable(s.error().message()));
}

void TestPgConnectionSettings::qpsqlOptionsAndSettings()
{
    PgConnectionSettings s;
    s.host = QStringLiteral("db");
    s.database = QStringLiteral("rollcall");
    s.user = QStringLiteral("lab");
    s.sslMode = QStringLiteral("verify-ca");
    s.caFile = QStringLiteral("/etc/ssl/dept ca.crt");
    const QString options = s.qpsqlConnectOptions();
    QVERIFY(options.contains(QLatin1String("sslmode=verify-ca")));
    QVERIFY(options.contains(QLatin1String("sslrootcert='/etc/ssl/dept ca.crt'")));

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    s.save(settings);
    const PgConnectionSettings loaded = PgConnectionSettings::load(settings);
    QVERIFY(loaded == s);
    // The password is never written to the settings file.
    QVERIFY(!settings.allKeys().join(QLatin1Char(' ')).contains(QLatin1String("password")));
}

QTEST_GUILESS_MAIN(TestPgConnectionSettings)
#include "tst_pgconnectionsettings.moc"
