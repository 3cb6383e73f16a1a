#include "TestCentral.h"

#include "PostgresServer.h"

#include "sync/CanonicalDump.h"
#include "sync/CentralAdmin.h"
#include "sync/CentralConnection.h"

namespace rollcall::test {
namespace {

template<typename Fn> bool asAdmin(PostgresServer &server, const QString &database, QString *error, Fn &&fn)
{
    CentralConnection admin;
    auto settings = PgConnectionSettings::parse(server.connectionString(database));
    if (!settings) {
        *error = settings.error().message();
        return false;
    }
    if (Status st = admin.open(*settings, server.superPassword()); !st.ok()) {
        *error = st.error().message();
        return false;
    }
    CentralAdmin central(admin.database());
    return fn(central);
}

} // namespace

TestCentral::TestCentral(PostgresServer &server)
    : m_server(server)
{ }

bool TestCentral::create(const QString &database, QString *error)
{
    m_database = database;
    if (!m_server.execute(QStringLiteral("CREATE DATABASE %1").arg(database), QStringLiteral("postgres"), error))
        return false;
    return init(error);
}

bool TestCentral::init(QString *error)
{
    return asAdmin(m_server, m_database, error, [&](CentralAdmin &admin) {
        const Status st = admin.init();
        if (!st.ok())
            *error = st.error().message();
        return st.ok();
    });
}

bool TestCentral::addPc(Pc *pc, QString *error, const QStringList &departments, const QString &name)
{
    const QString role = name.isEmpty() ? QStringLiteral("%1_pc%2").arg(m_database.toLower()).arg(++m_pcs) : name;
    return asAdmin(m_server, m_database, error, [&](CentralAdmin &admin) {
        auto added = admin.addPc(role, departments);
        if (!added) {
            *error = added.error().message();
            return false;
        }
        pc->role = added->role;
        pc->password = added->password;
        return true;
    });
}

bool TestCentral::removePc(const QString &role, QString *error)
{
    return asAdmin(m_server, m_database, error, [&](CentralAdmin &admin) {
        const Status st = admin.removePc(role);
        if (!st.ok())
            *error = st.error().message();
        return st.ok();
    });
}

QStringList TestCentral::dump() const
{
    const QString failed = QStringLiteral("dump failed: ");
    auto tables = CentralAdmin::localTables();
    if (!tables)
        return { failed + tables.error().message() };
    CentralConnection admin;
    if (Status st = admin.open(settings(), m_server.superPassword()); !st.ok())
        return { failed + st.error().message() };
    auto lines = CanonicalDump::ofCentral(admin.database(), *tables);
    return lines ? *lines : QStringList { failed + lines.error().message() };
}

PgConnectionSettings TestCentral::settings(const QString &role) const
{
    return PgConnectionSettings::parse(role.isEmpty() ? m_server.connectionString(m_database)
                                                      : m_server.connectionString(m_database, role))
        .value();
}

} // namespace rollcall::test
