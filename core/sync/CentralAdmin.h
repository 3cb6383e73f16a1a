#pragma once

#include "common/Result.h"
#include "sync/SyncTable.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rollcall {

// The administrator's side of the central database (`rollcall-cli server …`), on a
// connection with the right to create roles and own the schema (the database owner or
// a superuser). It is the only code that runs DDL there:
//   init()     creates or migrates the schema, makes it owned by a NOLOGIN owner role,
//              installs the SECURITY DEFINER functions PCs write through
//              (sql/central-functions.sql) and leaves the PC group role nothing but
//              CONNECT, USAGE, SELECT on the synced tables and EXECUTE on those functions;
//   addPc()    one login role per PC, bound to departments; its password is made here and
//              only its SCRAM verifier is sent;
//   removePc() revokes one PC (NOLOGIN, out of the group, sessions ended), keeping history.
// Not thread-safe: one instance per connection and thread.
class CentralAdmin
{
public:
    struct NewPc
    {
        QString role;
        QString password;
    };

    struct PcInfo
    {
        QString role;
        QStringList departments;
        QString deviceId; // empty until its first sync
        QDateTime createdAt;
        QDateTime revokedAt; // invalid while active
        QDateTime lastSync;
        QString rollcallVersion;
        qint64 rowsWritten = 0; // inserts and updates in the change log
        qint64 rowsRefused = 0;
        QJsonObject toJson() const;
    };

    explicit CentralAdmin(QSqlDatabase &pg);

    // The synced tables as this build's local schema declares them.
    static Result<QList<SyncTable>> localTables();

    Status init();
    Result<NewPc> addPc(const QString &name, const QStringList &departments);
    Status removePc(const QString &name);
    Result<QList<PcInfo>> listPcs();

    // Names of the owner and PC group roles for this database.
    QString ownerRole() const { return m_ownerRole; }
    QString pcRole() const { return m_pcRole; }

    // A PC name: lower-case letter, then up to 39 lower-case letters, digits or '_'.
    static bool isValidPcName(const QString &name);

private:
    Status resolveNames();
    Status secure(const QList<SyncTable> &tables);
    Status exec(const QString &sql, const QVariantList &values = {});

    QSqlDatabase &m_pg;
    QString m_database;
    QString m_schema;
    QString m_ownerRole;
    QString m_pcRole;
};

} // namespace rollcall
