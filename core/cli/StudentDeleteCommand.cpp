#include "cli/StudentDeleteCommand.h"

#include "cli/CliContext.h"
#include "storage/Database.h"
#include "storage/StudentRepository.h"

namespace rollcall {

int StudentDeleteCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption department(QStringLiteral("department"),
                                        QStringLiteral("The student's department (when the ID is used in several)."),
                                        QStringLiteral("NAME"));
    parser.addOption(department);
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The student ID."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("student delete needs exactly one student ID"));
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    StudentRepository students(**db, &context.photoStore());
    auto student = context.studentById(parser.positionalArguments().first(), parser.value(department));
    if (!student)
        return context.fail(student.error());
    if (Status s = students.forget(student->studentUuid); !s)
        return context.fail(s.error());
    context.out() << "Deleted student " << parser.positionalArguments().first()
                  << " (photos and face data removed; attendance records kept)\n";
    return 0;
}

} // namespace rollcall
