#pragma once

#include "common/Result.h"
#include "sync/PgConnectionSettings.h"

#include <QSqlDatabase>
#include <QString>

class QSqlError;

namespace rollcall {

// One QPSQL connection to the central database, owned by the thread that opened
// it (a uniquely named QSqlDatabase, removed on destruction). Connection failures
// become clear Error::Network messages: server down or unreachable, wrong
// password, TLS failure, missing database.
class CentralConnection
{
public:
    CentralConnection();
    ~CentralConnection();
    CentralConnection(const CentralConnection &) = delete;
    CentralConnection &operator=(const CentralConnection &) = delete;

    Status open(const PgConnectionSettings &settings, const QString &password);
    void close();
    bool isOpen() const;
    QSqlDatabase &database() { return m_db; }
    const PgConnectionSettings &settings() const { return m_settings; }

    // A failed statement on an open connection (often: the connection was cut).
    Error queryError(const QString &what, const QSqlError &error) const;
    // A failed connection attempt, explained.
    static Error connectError(const PgConnectionSettings &settings, const QSqlError &error);

    static bool driverAvailable();

private:
    QString m_name;
    QSqlDatabase m_db;
    PgConnectionSettings m_settings;
};

} // namespace rollcall
