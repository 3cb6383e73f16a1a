#include "cli/ServerCommand.h"

#include "cli/CliContext.h"
#include "sync/CentralAdmin.h"
#include "sync/CentralConnection.h"

namespace rollcall {

int ServerCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    m_central.addTo(parser);
    parser.addOption(m_json);
    addOptions(parser);
    if (!positionalName().isEmpty())
        parser.addPositionalArgument(positionalName(), QStringLiteral("The PC's name."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    const int wanted = positionalName().isEmpty() ? 0 : 1;
    if (parser.positionalArguments().size() != wanted)
        return context.usage(wanted == 0 ? QStringLiteral("%1 takes no positional arguments").arg(name())
                                         : QStringLiteral("%1 takes one %2").arg(name(), positionalName()));
    if (!m_central.hasConnection(parser))
        return context.usage(QStringLiteral("%1 needs --postgres 'host=… dbname=… user=ADMIN' (the database owner "
                                            "or a superuser)")
                                 .arg(name()));
    auto settings = m_central.connection(context, parser);
    if (!settings)
        return context.fail(settings.error());
    bool found = false;
    auto password = m_central.password(parser, &found);
    if (!password)
        return context.fail(password.error());
    CentralConnection connection;
    if (Status st = connection.open(*settings, *password); !st.ok())
        return context.fail(st.error());
    CentralAdmin admin(connection.database());
    return runAdmin(context, parser, admin);
}

} // namespace rollcall
