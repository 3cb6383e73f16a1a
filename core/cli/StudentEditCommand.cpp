#include "cli/StudentEditCommand.h"

#include "cli/CliContext.h"
#include "cli/StorageJson.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"

namespace rollcall {

int StudentEditCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption department(QStringLiteral("department"),
                                        QStringLiteral("The student's department (when the ID is used in several)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("New name."), QStringLiteral("NAME"));
    const QCommandLineOption newId(QStringLiteral("new-id"), QStringLiteral("New student ID."), QStringLiteral("ID"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("New email."), QStringLiteral("EMAIL"));
    const QCommandLineOption classOption(QStringLiteral("class"),
                                         QStringLiteral("Move the student into class CODE (out of the others)."),
                                         QStringLiteral("CODE"));
    const QCommandLineOption consent(QStringLiteral("consent"), QStringLiteral("Consent recorded: yes or no."),
                                     QStringLiteral("yes|no"));
    const QCommandLineOption json = jsonOption(QStringLiteral("Print the student as JSON."));
    parser.addOptions({ department, name, newId, email, classOption, consent, json });
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The student ID."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("student edit needs exactly one student ID"));
    StudentRepository::Changes changes;
    if (parser.isSet(name))
        changes.name = parser.value(name);
    if (parser.isSet(newId))
        changes.studentId = parser.value(newId);
    if (parser.isSet(email))
        changes.email = parser.value(email);
    if (parser.isSet(consent)) {
        const QString value = parser.value(consent).toLower();
        if (value != QLatin1String("yes") && value != QLatin1String("no"))
            return context.usage(QStringLiteral("--consent must be yes or no"));
        changes.consent = value == QLatin1String("yes");
    }
    if (!changes.name && !changes.studentId && !changes.email && !changes.consent && !parser.isSet(classOption))
        return context.usage(QStringLiteral("nothing to change; give --name, --new-id, --email, --class or --consent"));

    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    // A withdrawn consent deletes the student's crops from the photo store.
    StudentRepository students(**db, &context.photoStore());
    auto student = context.studentById(parser.positionalArguments().first(), parser.value(department));
    if (!student)
        return context.fail(student.error());
    // All changes or none.
    Status result = (*db)->transaction([&]() -> Status {
        if (auto edited = students.edit(student->studentUuid, changes); !edited)
            return edited.error();
        if (parser.isSet(classOption)) {
            auto cls = context.classByCode(parser.value(classOption));
            if (!cls)
                return cls.error();
            return students.moveToClass(student->studentUuid, cls->id);
        }
        return {};
    });
    if (!result)
        return context.fail(result.error());
    auto updated = students.find(student->studentUuid);
    if (!updated)
        return context.fail(updated.error());
    if (parser.isSet(json))
        context.printJson({ { QStringLiteral("student"), StorageJson::student(*updated) } });
    else
        context.out() << "Updated " << updated->studentId << "  " << updated->name << "  "
                      << updated->classCodes.join(QLatin1Char(',')) << '\n';
    return 0;
}

} // namespace rollcall
