#include "cli/CliCommands.h"

#include "cli/ModelsCommand.h"

namespace rollcall {

std::vector<std::unique_ptr<CliCommand>> createCliCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<ModelsCommand>());
    return commands;
}

} // namespace rollcall
