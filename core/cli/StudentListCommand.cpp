#include "cli/StudentListCommand.h"

#include "cli/CliContext.h"
#include "cli/StorageJson.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/StudentRepository.h"

#include <QJsonArray>

namespace rollcall {

int StudentListCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption classOption(QStringLiteral("class"), QStringLiteral("Only students of class CODE."),
                                         QStringLiteral("CODE"));
    const QCommandLineOption activeOption(QStringLiteral("active"), QStringLiteral("Only active students."));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ classOption, activeOption, json });
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("student list takes no arguments"));
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    QString classId;
    if (parser.isSet(classOption)) {
        auto cls = context.classByCode(parser.value(classOption));
        if (!cls)
            return context.fail(cls.error());
        classId = cls->id;
    }
    auto students = StudentRepository(**db).list(classId, !parser.isSet(activeOption));
    if (!students)
        return context.fail(students.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Student &s : std::as_const(*students))
            array.append(StorageJson::student(s));
        context.printJson({ { QStringLiteral("students"), array } });
        return 0;
    }
    for (const Student &s : std::as_const(*students)) {
        context.out() << s.studentId.leftJustified(14) << ' ' << s.name.leftJustified(30) << ' '
                      << s.classCodes.join(QLatin1Char(',')) << (s.active ? "" : "  (inactive)") << '\n';
    }
    context.out() << students->size() << " student(s)\n";
    return 0;
}

} // namespace rollcall
