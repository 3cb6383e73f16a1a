#include "cli/MarkCommand.h"

#include "cli/CliContext.h"
#include "cli/CliJson.h"
#include "common/AppPaths.h"
#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRepository.h"
#include "vision/RecognitionPipeline.h"
#include "vision/RosterTemplates.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

#include <cmath>

namespace rollcall {
namespace {

double rounded(double value, int decimals)
{
    const double k = std::pow(10.0, decimals);
    return std::round(value * k) / k;
}

} // namespace

int MarkCommand::run(CliContext &context, const QStringList &args)
{
    QElapsedTimer total;
    total.start();
    QCommandLineParser parser;
    const QCommandLineOption classOption(QStringLiteral("class"), QStringLiteral("The class being marked."),
                                         QStringLiteral("CODE"));
    const QCommandLineOption dateOption(QStringLiteral("date"), QStringLiteral("The session's date (default today)."),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({ classOption, dateOption, json });
    parser.addPositionalArgument(QStringLiteral("photos"), QStringLiteral("Photos of the class."),
                                 QStringLiteral("PHOTO…"));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (!parser.isSet(classOption))
        return context.usage(QStringLiteral("mark needs --class CODE"));
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return context.usage(QStringLiteral("mark needs at least one PHOTO"));
    QDate date = QDate::currentDate();
    if (parser.isSet(dateOption)) {
        date = QDate::fromString(parser.value(dateOption), Qt::ISODate);
        if (!date.isValid())
            return context.usage(QStringLiteral("--date must be YYYY-MM-DD"));
    }

    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    auto cls = ClassRepository(**db).findByCode(parser.value(classOption));
    if (!cls)
        return context.fail(cls.error());

    RecognitionPipeline pipeline(AppPaths::modelsDir());
    auto roster = RosterTemplates::load(**db, context.photoStore(), cls->id, pipeline);
    if (!roster)
        return context.fail(roster.error());
    if (roster->templates.empty())
        context.err() << "rollcall-cli: warning: no student of " << cls->code
                      << " is enrolled with photos; everyone will be marked absent\n";
    pipeline.setRoster(roster->templates);
    pipeline.setKeepChips(false);
    pipeline.setPhotos(paths);
    auto result = pipeline.run();
    if (!result)
        return context.fail(result.error());

    // Keep the photos with the session (the retention setting purges them later).
    QStringList hashes;
    for (const QString &path : paths) {
        auto hash = context.photoStore().putFile(path);
        if (!hash)
            return context.fail(hash.error());
        hashes << *hash;
    }

    QHash<QString, const StudentPresence *> presentByUuid;
    for (const StudentPresence &p : result->present)
        presentByUuid.insert(roster->templates[size_t(p.student)].studentUuid, &p);
    AttendanceSession session { .classId = cls->id,
                                .classCode = cls->code,
                                .date = date,
                                .takenBy = AuditRepository::defaultActor(),
                                .takenAt = QDateTime::currentDateTimeUtc(),
                                .sourcePhotos = hashes };
    for (const Student &member : std::as_const(roster->members)) {
        AttendanceRecord record { .studentUuid = member.id, .studentId = member.studentId, .studentName = member.name };
        if (const StudentPresence *p = presentByUuid.value(member.id)) {
            const cv::Rect2f box = result->photos[size_t(p->photo)].faces[size_t(p->face)].detection.box;
            record.status = AttendanceStatus::Present;
            record.distance = rounded(double(p->distance), 4);
            record.photoIndex = p->photo;
            record.faceBox = QRect(qRound(box.x), qRound(box.y), qRound(box.width), qRound(box.height));
        }
        session.records.append(record);
    }
    auto saved = SessionRepository(**db).create(session);
    if (!saved)
        return context.fail(saved.error());

    const bool several = paths.size() > 1;
    QJsonArray present;
    for (const StudentPresence &p : result->present) {
        const StudentTemplate &t = roster->templates[size_t(p.student)];
        const PhotoResult &photo = result->photos[size_t(p.photo)];
        QJsonObject o { { QStringLiteral("student_id"), t.studentId },
                        { QStringLiteral("name"), t.name },
                        { QStringLiteral("distance"), rounded(double(p.distance), 4) },
                        { QStringLiteral("band"), FaceMatch::bandName(p.band) },
                        { QStringLiteral("box"),
                          CliJson::box(photo.faces[size_t(p.face)].detection.box, photo.size) } };
        if (several)
            o.insert(QStringLiteral("photo"), p.photo);
        present.append(o);
    }
    QJsonArray absent;
    for (const Student &member : std::as_const(roster->members)) {
        if (!presentByUuid.contains(member.id))
            absent.append(QJsonObject { { QStringLiteral("student_id"), member.studentId },
                                        { QStringLiteral("name"), member.name } });
    }
    QJsonArray unknown;
    QJsonArray tooSmall;
    int faces = 0;
    for (size_t i = 0; i < result->photos.size(); ++i) {
        const PhotoResult &photo = result->photos[i];
        faces += int(photo.faces.size());
        for (const RecognisedFace &f : photo.faces) {
            QJsonObject o { { QStringLiteral("box"), CliJson::box(f.detection.box, photo.size) } };
            if (several)
                o.insert(QStringLiteral("photo"), int(i));
            if (f.detection.tooSmall) {
                tooSmall.append(o);
                continue;
            }
            if (f.match.isMatch())
                continue;
            // A face matched in another photo of the session is not unknown, but
            // this one still did not match anyone: report it.
            if (f.match.nearest >= 0) {
                o.insert(QStringLiteral("nearest_student_id"), f.match.nearestStudentId);
                o.insert(QStringLiteral("nearest_distance"), rounded(double(f.match.nearestDistance), 4));
            }
            unknown.append(o);
        }
    }

    if (parser.isSet(json)) {
        const StageTimings &t = result->timings;
        QJsonObject timings { { QStringLiteral("decode"), qRound(t.decodeMs) },
                              { QStringLiteral("detect"), qRound(t.detectMs) },
                              { QStringLiteral("align"), qRound(t.alignMs) },
                              { QStringLiteral("embed"), qRound(t.embedMs) },
                              { QStringLiteral("match"), qRound(t.matchMs) },
                              { QStringLiteral("total"), qRound(double(total.nsecsElapsed()) / 1e6) } };
        context.printJson({ { QStringLiteral("session"),
                              QJsonObject { { QStringLiteral("id"), saved->id },
                                            { QStringLiteral("class"), cls->code },
                                            { QStringLiteral("date"), date.toString(Qt::ISODate) } } },
                            { QStringLiteral("present"), present },
                            { QStringLiteral("absent"), absent },
                            { QStringLiteral("unknown_faces"), unknown },
                            { QStringLiteral("too_small_faces"), tooSmall },
                            { QStringLiteral("not_enrolled"), QJsonArray::fromStringList(roster->notEnrolled) },
                            { QStringLiteral("backend"),
                              QJsonObject { { QStringLiteral("detector"), result->detector },
                                            { QStringLiteral("embedder"), result->embedderModel },
                                            { QStringLiteral("device"), result->device } } },
                            { QStringLiteral("timings_ms"), timings } });
        return 0;
    }
    context.out() << "Session " << saved->id << ": " << cls->code << ' ' << date.toString(Qt::ISODate) << " — "
                  << present.size() << " present, " << absent.size() << " absent, " << unknown.size()
                  << " unknown face(s), " << tooSmall.size() << " too small, of " << faces << " face(s)\n";
    for (const auto &v : std::as_const(present)) {
        const QJsonObject o = v.toObject();
        context.out() << "  present  " << o.value(QLatin1String("student_id")).toString().leftJustified(12) << ' '
                      << o.value(QLatin1String("name")).toString().leftJustified(28) << ' '
                      << o.value(QLatin1String("band")).toString() << " ("
                      << QString::number(o.value(QLatin1String("distance")).toDouble(), 'f', 3) << ")\n";
    }
    for (const auto &v : std::as_const(absent)) {
        const QJsonObject o = v.toObject();
        context.out() << "  absent   " << o.value(QLatin1String("student_id")).toString().leftJustified(12) << ' '
                      << o.value(QLatin1String("name")).toString() << '\n';
    }
    return 0;
}

} // namespace rollcall
