#include "sync/PgConnectionSettings.h"

#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace rollcall {
namespace {

// libpq quoting: single quotes, with \ and ' escaped by a backslash.
QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString maybeQuoted(const QString &value)
{
    static const QString special = QStringLiteral("'\\=;");
    for (const QChar c : value) {
        // Every character parse() splits at (QChar::isSpace: also CR, form feed,
        // no-break space, ...), not only space, tab and LF.
        if (c.isSpace() || special.contains(c))
            return quoted(value);
    }
    return value.isEmpty() ? QStringLiteral("''") : value;
}

} // namespace

bool PgConnectionSettings::isValidSslMode(const QString &mode)
{
    static const QStringList modes { QStringLiteral("disable"),   QStringLiteral("allow"),
                                     QStringLiteral("prefer"),    QStringLiteral("require"),
                                     QStringLiteral("verify-ca"), QStringLiteral("verify-full") };
    return modes.contains(mode);
}

Result<PgConnectionSettings> PgConnectionSettings::parse(const QString &conninfo)
{
    PgConnectionSettings s;
    int i = 0;
    const int n = conninfo.size();
    while (true) {
        while (i < n && conninfo.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const int keyStart = i;
        while (i < n && conninfo.at(i) != QLatin1Char('=') && !conninfo.at(i).isSpace())
            ++i;
        const QString key = conninfo.mid(keyStart, i - keyStart);
        while (i < n && conninfo.at(i).isSpace())
            ++i;
        if (i >= n || conninfo.at(i) != QLatin1Char('='))
            return Error::usage(QStringLiteral("connection string: expected key=value after \"%1\"").arg(key));
        ++i;
        while (i < n && conninfo.at(i).isSpace())
            ++i;
        QString value;
        if (i < n && conninfo.at(i) == QLatin1Char('\'')) {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = conninfo.at(i++);
                if (c == QLatin1Char('\\') && i < n) {
                    value += conninfo.at(i++);
                } else if (c == QLatin1Char('\'')) {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return Error::usage(QStringLiteral("connection string: unterminated quote in \"%1\"").arg(key));
        } else {
            while (i < n && !conninfo.at(i).isSpace()) {
                const QChar c = conninfo.at(i++);
                if (c == QLatin1Char('\\') && i < n)
                    value += conninfo.at(i++);
                else
                    value += c;
            }
        }

        if (key == QLatin1String("host") || key == QLatin1String("hostaddr")) {
            s.host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            s.port = value.toInt(&ok);
            if (!ok || s.port <= 0 || s.port > 65535)
                return Error::usage(QStringLiteral("connection string: port \"%1\" is not a port number").arg(value));
        } else if (key == QLatin1String("dbname")) {
            s.database = value;
        } else if (key == QLatin1String("user")) {
            s.user = value;
        } else if (key == QLatin1String("sslmode")) {
            s.sslMode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            s.caFile = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            s.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || s.connectTimeoutSeconds < 1)
                return Error::usage(QStringLiteral("connection string: connect_timeout must be a positive number"));
        } else if (key == QLatin1String("password")) {
            return Error::usage(QStringLiteral("connection string: do not put the password in it; use the keychain "
                                               "(Sync > Configure…) or --password-env VARIABLE"));
        } else {
            return Error::usage(QStringLiteral("connection string: unsupported key \"%1\" (known: host, port, dbname, "
                                               "user, sslmode, sslrootcert, connect_timeout)")
                                    .arg(key));
        }
    }
    if (Status st = s.validate(); !st.ok())
        return st.error();
    return s;
}

Status PgConnectionSettings::validate() const
{
    if (host.isEmpty())
        return Error::usage(QStringLiteral("the central database needs a host"));
    if (database.isEmpty())
        return Error::usage(QStringLiteral("the central database needs a database name (dbname=…)"));
    if (user.isEmpty())
        return Error::usage(QStringLiteral("the central database needs a user name (user=…)"));
    if (port <= 0 || port > 65535)
        return Error::usage(QStringLiteral("port %1 is not a port number").arg(port));
    if (!isValidSslMode(sslMode))
        return Error::usage(QStringLiteral("sslmode \"%1\" is not one of disable, allow, prefer, require, "
                                           "verify-ca, verify-full")
                                .arg(sslMode));
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable())
        return Error::badInput(QStringLiteral("the CA certificate file %1 cannot be read").arg(caFile));
    return {};
}

QString PgConnectionSettings::tlsWarning() const
{
    if (sslMode == QLatin1String("verify-full"))
        return {};
    if (sslMode == QLatin1String("verify-ca"))
        return QStringLiteral("sslmode=verify-ca checks the certificate but not the server's name: any server with a "
                              "certificate from that CA can pose as the central database.");
    if (sslMode == QLatin1String("require"))
        return QStringLiteral("sslmode=require encrypts but does not check the server's certificate: a server posing "
                              "as the central database gets the password and the data.");
    return QStringLiteral("sslmode=%1 may send the password and students' data unencrypted and does not check the "
                          "server; use verify-full.")
        .arg(sslMode);
}

QString PgConnectionSettings::toConnInfo() const
{
    QStringList parts { QStringLiteral("host=") + maybeQuoted(host), QStringLiteral("port=") + QString::number(port),
                        QStringLiteral("dbname=") + maybeQuoted(database), QStringLiteral("user=") + maybeQuoted(user),
                        QStringLiteral("sslmode=") + sslMode };
    if (!caFile.isEmpty())
        parts << QStringLiteral("sslrootcert=") + maybeQuoted(caFile);
    if (connectTimeoutSeconds != 10)
        parts << QStringLiteral("connect_timeout=") + QString::number(connectTimeoutSeconds);
    return parts.join(QLatin1Char(' '));
}

QString PgConnectionSettings::qpsqlConnectOptions() const
{
    // QPSQL turns ';' into spaces and appends the options to its own conninfo, so
    // values keep libpq quoting (paths with spaces work; a ';' in a path cannot).
    QStringList parts { QStringLiteral("sslmode=") + sslMode,
                        QStringLiteral("connect_timeout=") + QString::number(connectTimeoutSeconds),
                        QStringLiteral("application_name=rollcall") };
    // With TLS required, bind the SCRAM login to the TLS channel: a man in the middle holding
    // a valid certificate still cannot relay the login.
    if (sslMode == QLatin1String("require") || sslMode.startsWith(QLatin1String("verify-")))
        parts << QStringLiteral("channel_binding=require");
    if (!caFile.isEmpty())
        parts << QStringLiteral("sslrootcert=") + quoted(caFile);
    return parts.join(QLatin1Char(';'));
}

QString PgConnectionSettings::displayName() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString PgConnectionSettings::keychainKey() const
{
    return QStringLiteral("postgres:") + displayName();
}

PgConnectionSettings PgConnectionSettings::load(const QSettings &settings)
{
    PgConnectionSettings s;
    s.host = settings.value(QStringLiteral("sync/host"), s.host).toString();
    s.port = settings.value(QStringLiteral("sync/port"), s.port).toInt();
    s.database = settings.value(QStringLiteral("sync/database")).toString();
    s.user = settings.value(QStringLiteral("sync/user")).toString();
    s.sslMode = settings.value(QStringLiteral("sync/sslmode"), s.sslMode).toString();
    s.caFile = settings.value(QStringLiteral("sync/caFile")).toString();
    s.connectTimeoutSeconds = settings.value(QStringLiteral("sync/connectTimeout"), s.connectTimeoutSeconds).toInt();
    return s;
}

void PgConnectionSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("sync/host"), host);
    settings.setValue(QStringLiteral("sync/port"), port);
    settings.setValue(QStringLiteral("sync/database"), database);
    settings.setValue(QStringLiteral("sync/user"), user);
    settings.setValue(QStringLiteral("sync/sslmode"), sslMode);
    settings.setValue(QStringLiteral("sync/caFile"), caFile);
    settings.setValue(QStringLiteral("sync/connectTimeout"), connectTimeoutSeconds);
}

} // namespace rollcall
