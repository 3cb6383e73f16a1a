#include "cli/CentralOptions.h"

#include "cli/CliContext.h"

namespace rollcall {

CentralOptions::CentralOptions()
    : m_postgres(QStringLiteral("postgres"),
                 QStringLiteral("The central database, libpq style: 'host=… port=… dbname=… user=… "
                                "sslrootcert=CA.crt' (TLS with a verified certificate unless sslmode says otherwise)."),
                 QStringLiteral("CONNINFO"))
    , m_passwordEnv(QStringLiteral("password-env"),
                    QStringLiteral("Read the password from this environment variable (default: PGPASSWORD if "
                                   "set; sync then tries the OS keychain)."),
                    QStringLiteral("VAR"))
{ }

void CentralOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ m_postgres, m_passwordEnv });
}

Result<PgConnectionSettings> CentralOptions::connection(CliContext &context, const QCommandLineParser &parser,
                                                        const std::optional<PgConnectionSettings> &fallback) const
{
    auto settings = hasConnection(parser) || !fallback ? PgConnectionSettings::parse(parser.value(m_postgres))
                                                       : Result<PgConnectionSettings>(*fallback);
    if (!settings)
        return settings.error();
    if (const QString warning = settings->tlsWarning(); !warning.isEmpty())
        context.err() << "rollcall-cli: warning: " << warning << Qt::endl;
    return settings;
}

Result<QString> CentralOptions::password(const QCommandLineParser &parser, bool *found) const
{
    *found = true;
    if (parser.isSet(m_passwordEnv)) {
        const QString var = parser.value(m_passwordEnv);
        if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData()))
            return Error::usage(QStringLiteral("the environment variable %1 (--password-env) is not set").arg(var));
        return qEnvironmentVariable(var.toLocal8Bit().constData());
    }
    if (qEnvironmentVariableIsSet("PGPASSWORD"))
        return qEnvironmentVariable("PGPASSWORD");
    *found = false;
    return QString();
}

} // namespace rollcall
