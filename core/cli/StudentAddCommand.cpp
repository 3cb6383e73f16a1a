#include "cli/StudentAddCommand.h"

#include "cli/CliContext.h"
#include "cli/CliJson.h"
#include "cli/StorageJson.h"
#include "common/AppPaths.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/StudentEnroller.h"
#include "vision/RecognitionPipeline.h"

#include <QJsonArray>

namespace rollcall {

int StudentAddCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption classOption(QStringLiteral("class"), QStringLiteral("The class to enrol in."),
                                         QStringLiteral("CODE"));
    const QCommandLineOption idOption(QStringLiteral("id"), QStringLiteral("The student's ID."), QStringLiteral("ID"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("The student's name."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption department(QStringLiteral("department"), QStringLiteral("The student's department."),
                                        QStringLiteral("DEPT"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("The student's email."),
                                   QStringLiteral("EMAIL"));
    const QCommandLineOption consent(QStringLiteral("consent"),
                                     QStringLiteral("The student has consented to face recognition (required: the "
                                                    "photos are enrolled for it)."));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ classOption, idOption, nameOption, department, email, consent, json });
    parser.addPositionalArgument(QStringLiteral("photos"), QStringLiteral("Registration photos."),
                                 QStringLiteral("PHOTO…"));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (!parser.isSet(classOption) || !parser.isSet(idOption) || !parser.isSet(nameOption))
        return context.usage(QStringLiteral("student add needs --class CODE, --id ID and --name NAME"));
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return context.usage(QStringLiteral("student add needs at least one PHOTO"));
    // Enrolling face photos is face recognition: only with the student's recorded consent.
    if (!parser.isSet(consent))
        return context.usage(QStringLiteral("student add enrols face photos, which needs the student's consent to "
                                            "face recognition: record it and pass --consent"));
    const QString studentId = parser.value(idOption).trimmed();
    const QString studentName = parser.value(nameOption).trimmed();
    if (studentId.isEmpty() || studentName.isEmpty())
        return context.usage(QStringLiteral("--id and --name must not be empty"));

    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    auto cls = context.classByCode(parser.value(classOption));
    if (!cls)
        return context.fail(cls.error());

    RecognitionPipeline pipeline(AppPaths::modelsDir());
    pipeline.setConfig(RecognitionConfig::load());
    StudentEnroller enroller(**db, context.photoStore(), pipeline);
    auto analysed = enroller.analyse(paths);
    if (!analysed)
        return context.fail(analysed.error());

    QJsonArray photosJson;
    for (const auto &p : analysed->photos) {
        photosJson.append(QJsonObject { { QStringLiteral("file"), p.path },
                                        { QStringLiteral("accepted"), p.usable },
                                        { QStringLiteral("reasons"), QJsonArray::fromStringList(p.reasons) } });
    }
    const int usable = analysed->usable();
    if (usable == 0) {
        for (const auto &p : analysed->photos)
            context.err() << StudentEnroller::describe(p) << '\n';
    }

    QJsonArray duplicatesJson;
    for (const auto &d : analysed->possibleDuplicates) {
        duplicatesJson.append(QJsonObject { { QStringLiteral("student_id"), d.studentId },
                                            { QStringLiteral("name"), d.name },
                                            { QStringLiteral("distance"), d.distance } });
        context.err() << "rollcall-cli: warning: the face looks like already-enrolled student " << d.studentId
                      << " (distance " << QString::number(d.distance, 'f', 3)
                      << "); check this is not a second registration of the same person\n";
    }

    auto added = enroller.enrolNew({ .studentId = studentId,
                                     .name = studentName,
                                     .email = parser.value(email).trimmed(),
                                     .department = parser.value(department).trimmed(),
                                     .consent = true },
                                   cls->id, *analysed);
    if (!added)
        return context.fail(added.error());
    added->classCodes = QStringList { cls->code };

    if (parser.isSet(json)) {
        context.printJson({ { QStringLiteral("student"), StorageJson::student(*added) },
                            { QStringLiteral("model"), analysed->modelId },
                            { QStringLiteral("photos"), photosJson },
                            { QStringLiteral("possible_duplicates"), duplicatesJson } });
    } else {
        context.out() << "Enrolled " << added->studentId << " (" << added->name << ") in " << cls->code << " with "
                      << usable << " of " << analysed->photos.size() << " photo(s)\n";
        for (const auto &p : analysed->photos) {
            if (!p.usable)
                context.out() << "  refused " << StudentEnroller::describe(p) << '\n';
        }
    }
    return 0;
}

} // namespace rollcall
