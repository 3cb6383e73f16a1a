#pragma once

#include "cli/CliCommand.h"

#include <memory>
#include <vector>

namespace rollcall {

// Every command rollcall-cli knows, in the order `--help` lists them.
std::vector<std::unique_ptr<CliCommand>> createCliCommands();

} // namespace rollcall
