#include "cli/StudentAddCommand.h"

#include "cli/CliContext.h"
#include "cli/CliJson.h"
#include "cli/StorageJson.h"
#include "common/AppPaths.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"
#include "vision/RecognitionPipeline.h"
#include "vision/matching/RosterMatcher.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

#include <opencv2/imgcodecs.hpp>

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
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({ classOption, idOption, nameOption, department, email, json });
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
    const QString studentId = parser.value(idOption).trimmed();
    const QString studentName = parser.value(nameOption).trimmed();
    if (studentId.isEmpty() || studentName.isEmpty())
        return context.usage(QStringLiteral("--id and --name must not be empty"));

    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    auto cls = ClassRepository(**db).findByCode(parser.value(classOption));
    if (!cls)
        return context.fail(cls.error());

    RecognitionPipeline pipeline(AppPaths::modelsDir());
    const auto spec = pipeline.embedderSpec();
    if (!spec)
        return context.fail(spec.error());
    EnrolmentAnalyser analyser(pipeline);
    auto analysed = analyser.analyse(paths);
    if (!analysed)
        return context.fail(analysed.error());

    QJsonArray photosJson;
    int usable = 0;
    for (const auto &p : *analysed) {
        usable += p.usable ? 1 : 0;
        photosJson.append(QJsonObject { { QStringLiteral("file"), p.path },
                                        { QStringLiteral("accepted"), p.usable },
                                        { QStringLiteral("reasons"), QJsonArray::fromStringList(p.reasons) } });
    }
    const auto describe = [](const EnrolmentAnalyser::Photo &p) {
        // Decoding errors already start with the file name.
        const QString name = QFileInfo(p.path).fileName();
        const QString reasons = p.reasons.join(QLatin1Char(' '));
        return reasons.startsWith(name + QLatin1Char(':')) ? reasons : name + QStringLiteral(": ") + reasons;
    };
    if (usable == 0) {
        for (const auto &p : *analysed)
            context.err() << describe(p) << '\n';
        return context.fail(
            Error::badInput(QStringLiteral("No usable photo of %1; the student was not enrolled.").arg(studentId)));
    }

    // Possible duplicate registration: the new face against everyone enrolled with this model.
    EnrolmentRepository enrolments(**db, context.photoStore());
    const Embedding newTemplate = EnrolmentAnalyser::templateOf(*analysed);
    auto existing = enrolments.embeddings(spec->id);
    if (!existing)
        return context.fail(existing.error());
    QHash<QString, std::vector<Embedding>> byStudent;
    for (const StoredEmbedding &e : *existing)
        byStudent[e.studentUuid].push_back(e.vector);
    std::vector<StudentTemplate> enrolled;
    for (auto it = byStudent.constBegin(); it != byStudent.constEnd(); ++it)
        enrolled.push_back({ .studentUuid = it.key(), .embedding = RosterMatcher::meanTemplate(it.value()) });
    Embedding probe = newTemplate;
    Embedder::normalise(probe);
    const auto duplicates
        = EnrolmentQualityChecker::possibleDuplicates(probe, enrolled, spec->matchThreshold - spec->uncertainBand);
    StudentRepository students(**db, &context.photoStore());
    QJsonArray duplicatesJson;
    for (const auto &d : duplicates) {
        auto other = students.find(enrolled[size_t(d.student)].studentUuid);
        if (!other)
            continue;
        duplicatesJson.append(QJsonObject { { QStringLiteral("student_id"), other->studentId },
                                            { QStringLiteral("name"), other->name },
                                            { QStringLiteral("distance"), double(d.distance) } });
        context.err() << "rollcall-cli: warning: the face looks like already-enrolled student " << other->studentId
                      << " (distance " << QString::number(double(d.distance), 'f', 3)
                      << "); check this is not a second registration of the same person\n";
    }

    Student added;
    const Status saved = (*db)->transaction([&]() -> Status {
        auto student = students.add({ .studentId = studentId,
                                      .name = studentName,
                                      .email = parser.value(email).trimmed(),
                                      .department = parser.value(department).trimmed() },
                                    cls->id);
        if (!student)
            return student.error();
        added = *student;
        for (const auto &p : *analysed) {
            if (!p.usable)
                continue;
            std::vector<uchar> png;
            if (p.crop.empty() || !cv::imencode(".png", p.crop, png))
                return Error::generic(QStringLiteral("Cannot encode the face crop of %1").arg(p.path));
            const QByteArray bytes(reinterpret_cast<const char *>(png.data()), qsizetype(png.size()));
            auto photo = enrolments.addPhoto(added.id, bytes,
                                             { .source = QStringLiteral("file:") + QFileInfo(p.path).fileName(),
                                               .width = p.crop.cols,
                                               .height = p.crop.rows,
                                               .detectorScore = p.confidence,
                                               .sharpness = p.sharpness,
                                               .brightness = p.brightness,
                                               .faceSize = p.faceSize },
                                             spec->id, p.embedding);
            if (!photo)
                return photo.error();
        }
        return {};
    });
    if (!saved.ok())
        return context.fail(saved.error());
    added.classCodes = QStringList { cls->code };

    if (parser.isSet(json)) {
        context.printJson({ { QStringLiteral("student"), StorageJson::student(added) },
                            { QStringLiteral("model"), spec->id },
                            { QStringLiteral("photos"), photosJson },
                            { QStringLiteral("possible_duplicates"), duplicatesJson } });
    } else {
        context.out() << "Enrolled " << added.studentId << " (" << added.name << ") in " << cls->code << " with "
                      << usable << " of " << analysed->size() << " photo(s)\n";
        for (const auto &p : *analysed) {
            if (!p.usable)
                context.out() << "  refused " << describe(p) << '\n';
        }
    }
    return 0;
}

} // namespace rollcall
