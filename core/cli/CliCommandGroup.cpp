#include "cli/CliCommandGroup.h"

#include "cli/CliContext.h"

namespace rollcall {

CliCommandGroup::CliCommandGroup(QString name, QString summary)
    : m_name(std::move(name))
    , m_summary(std::move(summary))
{ }

void CliCommandGroup::add(std::unique_ptr<CliCommand> command)
{
    m_commands.push_back(std::move(command));
}

int CliCommandGroup::run(CliContext &context, const QStringList &args)
{
    const QString action = args.value(1);
    const bool help = action == QLatin1String("--help") || action == QLatin1String("-h");
    if (action.isEmpty() || help) {
        QTextStream &stream = help ? context.out() : context.err();
        stream << "Usage: rollcall-cli " << m_name << " <action> [options]\n" << m_summary << "\n\nActions:\n";
        for (const auto &command : m_commands)
            stream << "  " << command->name().mid(m_name.size() + 1).leftJustified(12) << ' ' << command->summary()
                   << '\n';
        stream.flush();
        return help ? 0 : 2;
    }
    const QString full = m_name + QLatin1Char(' ') + action;
    for (const auto &command : m_commands) {
        if (command->name() == full)
            return command->run(context, args.mid(1));
    }
    return context.usage(QStringLiteral("unknown action \"%1 %2\"; see rollcall-cli %1 --help").arg(m_name, action));
}

} // namespace rollcall
