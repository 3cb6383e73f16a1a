#pragma once

#include "TestDatabase.h"

#include "sync/PgConnectionSettings.h"

#include <QString>
#include <QStringList>

namespace rollcall::test {

class PostgresServer;

// A department's central database set up the way docs/sync.md tells an
// administrator to: CREATE DATABASE, `server init` (CentralAdmin::init, here as
// the cluster's superuser) and one login role per lab PC (`server add-pc`).
// Role names are per cluster, so PCs are named after the database.
class TestCentral
{
public:
    struct Pc
    {
        QString role;
        QString password;
    };

    explicit TestCentral(PostgresServer &server);

    // Creates `database` and runs server init on it.
    bool create(const QString &database, QString *error);
    // Runs server init again (an upgrade) on the current database.
    bool init(QString *error);
    // Registers a new PC bound to `departments` ("*": all); an empty name makes one up.
    bool addPc(Pc *pc, QString *error, const QStringList &departments = { QStringLiteral("*") },
               const QString &name = {});
    bool removePc(const QString &role, QString *error);

    QString database() const { return m_database; }
    // Every synced row on the server (CanonicalDump, read as the superuser), or one
    // "dump failed: …" line.
    QStringList dump() const;
    // Connection settings for a PC role, or for the superuser when role is empty.
    PgConnectionSettings settings(const QString &role = {}) const;

private:
    PostgresServer &m_server;
    QString m_database;
    int m_pcs = 0;
};

// A lab PC in a sync test: its own data folder and its role on a TestCentral.
struct LabPc
{
    TestDatabase data;
    TestCentral::Pc central;
    Database &db() { return data.db(); }
};

} // namespace rollcall::test
