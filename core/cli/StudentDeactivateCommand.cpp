#include "cli/StudentDeactivateCommand.h"

#include "cli/CliContext.h"
#include "storage/Database.h"
#include "storage/StudentRepository.h"

namespace rollcall {

int StudentDeactivateCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption department(QStringLiteral("department"),
                                        QStringLiteral("The student's department (when the ID is used in several)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption undo(QStringLiteral("undo"), QStringLiteral("Make the student active again."));
    parser.addOptions({ department, undo });
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The student ID."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("student deactivate needs exactly one student ID"));
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    StudentRepository students(**db);
    auto student = context.studentById(parser.positionalArguments().first(), parser.value(department));
    if (!student)
        return context.fail(student.error());
    if (Status s = students.setActive(student->studentUuid, parser.isSet(undo)); !s)
        return context.fail(s.error());
    context.out() << (parser.isSet(undo) ? "Reactivated " : "Deactivated ") << student->studentId << '\n';
    return 0;
}

} // namespace rollcall
