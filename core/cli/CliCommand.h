#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace rollcall {

class CliContext;

// One `rollcall-cli <name> …` command. Commands only parse arguments and print;
// the work is done by the core modules they call.
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // args[0] is the command name; the rest are its own arguments.
    virtual int run(CliContext &context, const QStringList &args) = 0;

protected:
    // --json, which every command that prints data offers.
    static QCommandLineOption jsonOption(const QString &description = QStringLiteral("Print JSON."));
    // Parses args with parser (adds --help); on failure or --help prints and
    // returns false with *exitCode set.
    bool parseArguments(CliContext &context, QCommandLineParser &parser, const QStringList &args, int *exitCode) const;
};

} // namespace rollcall
