#include "cli/ClassListCommand.h"

#include "cli/CliContext.h"
#include "cli/StorageJson.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"

#include <QJsonArray>

namespace rollcall {

int ClassListCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("class list takes no arguments"));
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    auto classes = ClassRepository(**db).list();
    if (!classes)
        return context.fail(classes.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const ClassInfo &c : std::as_const(*classes))
            array.append(StorageJson::classInfo(c));
        context.printJson({ { QStringLiteral("classes"), array } });
        return 0;
    }
    for (const ClassInfo &c : std::as_const(*classes))
        context.out() << c.code.leftJustified(12) << ' ' << c.name.leftJustified(30) << ' ' << c.term.leftJustified(10)
                      << ' ' << c.department.leftJustified(20) << ' ' << c.studentCount << " student(s)\n";
    return 0;
}

} // namespace rollcall
