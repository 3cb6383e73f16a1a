#include "cli/ClassAddCommand.h"

#include "cli/CliContext.h"
#include "cli/StorageJson.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"

namespace rollcall {

int ClassAddCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("The class's name."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption term(QStringLiteral("term"), QStringLiteral("Term or semester."), QStringLiteral("TERM"));
    const QCommandLineOption department(QStringLiteral("department"), QStringLiteral("Department name."),
                                        QStringLiteral("DEPT"));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ nameOption, term, department, json });
    parser.addPositionalArgument(QStringLiteral("code"), QStringLiteral("The class code, e.g. CS101."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("class add needs exactly one CODE"));
    if (!parser.isSet(nameOption) || parser.value(nameOption).trimmed().isEmpty())
        return context.usage(QStringLiteral("class add needs --name NAME"));
    const QString code = parser.positionalArguments().first().trimmed();
    if (code.isEmpty())
        return context.usage(QStringLiteral("the class code must not be empty"));

    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    auto created = ClassRepository(**db).create({ .code = code,
                                                  .name = parser.value(nameOption).trimmed(),
                                                  .term = parser.value(term).trimmed(),
                                                  .department = parser.value(department).trimmed() });
    if (!created)
        return context.fail(created.error());
    if (parser.isSet(json))
        context.printJson({ { QStringLiteral("class"), StorageJson::classInfo(*created) } });
    else
        context.out() << "Created class " << created->code << " (" << created->name << ")\n";
    return 0;
}

} // namespace rollcall
