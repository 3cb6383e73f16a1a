#include "cli/CliCommands.h"

#include "cli/BackupCommand.h"
#include "cli/ClassAddCommand.h"
#include "cli/ClassListCommand.h"
#include "cli/CliCommandGroup.h"
#include "cli/DetectCommand.h"
#include "cli/ExportCommand.h"
#include "cli/MarkCommand.h"
#include "cli/ModelsCommand.h"
#include "cli/RestoreCommand.h"
#include "cli/ServerAddPcCommand.h"
#include "cli/ServerInitCommand.h"
#include "cli/ServerListPcsCommand.h"
#include "cli/ServerRemovePcCommand.h"
#include "cli/SessionListCommand.h"
#include "cli/SessionPurgePhotosCommand.h"
#include "cli/SessionShowCommand.h"
#include "cli/StudentAddCommand.h"
#include "cli/StudentDeactivateCommand.h"
#include "cli/StudentDeleteCommand.h"
#include "cli/StudentEditCommand.h"
#include "cli/StudentImportCommand.h"
#include "cli/StudentListCommand.h"
#include "cli/SyncCommand.h"

namespace rollcall {

std::vector<std::unique_ptr<CliCommand>> createCliCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<DetectCommand>());
    commands.push_back(std::make_unique<MarkCommand>());
    commands.push_back(std::make_unique<ModelsCommand>());

    // Groups: add an action with group->add(std::make_unique<YourCommand>()), where
    // YourCommand::name() is "<group> <action>" (see docs/storage.md).
    auto classes = std::make_unique<CliCommandGroup>(QStringLiteral("class"), QStringLiteral("Manage classes."));
    classes->add(std::make_unique<ClassListCommand>());
    classes->add(std::make_unique<ClassAddCommand>());
    commands.push_back(std::move(classes));

    auto students = std::make_unique<CliCommandGroup>(QStringLiteral("student"), QStringLiteral("Manage students."));
    students->add(std::make_unique<StudentListCommand>());
    students->add(std::make_unique<StudentAddCommand>());
    students->add(std::make_unique<StudentEditCommand>());
    students->add(std::make_unique<StudentDeactivateCommand>());
    students->add(std::make_unique<StudentDeleteCommand>());
    students->add(std::make_unique<StudentImportCommand>());
    commands.push_back(std::move(students));

    auto sessions = std::make_unique<CliCommandGroup>(QStringLiteral("session"),
                                                      QStringLiteral("List and show attendance sessions."));
    sessions->add(std::make_unique<SessionListCommand>());
    sessions->add(std::make_unique<SessionShowCommand>());
    sessions->add(std::make_unique<SessionPurgePhotosCommand>());
    commands.push_back(std::move(sessions));

    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<BackupCommand>());
    commands.push_back(std::make_unique<RestoreCommand>());
    commands.push_back(std::make_unique<SyncCommand>());

    auto server = std::make_unique<CliCommandGroup>(
        QStringLiteral("server"), QStringLiteral("Set up the central database and its PCs (administrator)."));
    server->add(std::make_unique<ServerInitCommand>());
    server->add(std::make_unique<ServerAddPcCommand>());
    server->add(std::make_unique<ServerRemovePcCommand>());
    server->add(std::make_unique<ServerListPcsCommand>());
    commands.push_back(std::move(server));
    return commands;
}

} // namespace rollcall
