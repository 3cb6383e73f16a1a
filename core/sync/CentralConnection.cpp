#include "sync/CentralConnection.h"

#include "common/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace rollcall {

CentralConnection::CentralConnection()
    : m_name(QStringLiteral("rollcall-central-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

CentralConnection::~CentralConnection()
{
    close();
}

bool CentralConnection::driverAvailable()
{
    return QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"));
}

Status CentralConnection::open(const PgConnectionSettings &settings, const QString &password)
{
    close();
    m_settings = settings;
    if (Status st = settings.validate(); !st.ok())
        return st;
    if (!driverAvailable())
        return Error::network(QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed; on Debian: "
                                             "apt-get install libqt6sql6-psql"));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    m_db.setHostName(settings.host);
    m_db.setPort(settings.port);
    m_db.setDatabaseName(settings.database);
    m_db.setUserName(settings.user);
    m_db.setPassword(password);
    m_db.setConnectOptions(settings.qpsqlConnectOptions());
    if (!m_db.open()) {
        const Error error = connectError(settings, m_db.lastError());
        close();
        return error;
    }
    // CREATE … IF NOT EXISTS and friends chat on stderr through the driver otherwise.
    QSqlQuery quiet(m_db);
    quiet.exec(QStringLiteral("SET client_min_messages TO warning"));
    qCInfo(lcSync) << "connected to the central database" << settings.host << settings.port << settings.database;
    return {};
}

void CentralConnection::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool CentralConnection::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

Error CentralConnection::connectError(const PgConnectionSettings &settings, const QSqlError &error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString d = detail.toLower();
    const QString where = settings.displayName();
    QString message;
    if (d.contains(QLatin1String("password authentication failed")) || d.contains(QLatin1String("no password supplied"))
        || d.contains(QLatin1String("password is required")))
        message = QStringLiteral("the central database %1 refused the password (wrong or missing password for user "
                                 "%2); set it in Sync > Configure… or with --password-env")
                      .arg(where, settings.user);
    else if (d.contains(QLatin1String("ssl")) || d.contains(QLatin1String("certificate"))
             || d.contains(QLatin1String("tls")))
        message = QStringLiteral("TLS failure connecting to the central database %1 (sslmode=%2): %3")
                      .arg(where, settings.sslMode, detail.trimmed());
    else if (d.contains(QLatin1String("database \"")) && d.contains(QLatin1String("does not exist")))
        message = QStringLiteral("the database \"%1\" does not exist on %2:%3; ask the administrator to create it")
                      .arg(settings.database, settings.host)
                      .arg(settings.port);
    else if (d.contains(QLatin1String("role \"")) && d.contains(QLatin1String("does not exist")))
        message = QStringLiteral("the user \"%1\" does not exist on the central database %2").arg(settings.user, where);
    else if (d.contains(QLatin1String("no pg_hba.conf entry")))
        message = QStringLiteral("the central database %1 does not accept connections from this PC (pg_hba.conf): %2")
                      .arg(where, detail.trimmed());
    else
        message = QStringLiteral("cannot reach the central database at %1:%2 (server down or unreachable): %3")
                      .arg(settings.host)
                      .arg(settings.port)
                      .arg(detail.trimmed());
    return Error::network(message);
}

Error CentralConnection::queryError(const QString &what, const QSqlError &error) const
{
    QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    detail = detail.trimmed();
    return Error::network(
        QStringLiteral("central database %1: %2 failed: %3 (nothing was lost; sync again to continue)")
            .arg(m_settings.displayName(), what, detail));
}

} // namespace rollcall
