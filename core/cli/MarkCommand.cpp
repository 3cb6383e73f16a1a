#include "cli/MarkCommand.h"

#include "cli/CliContext.h"
#include "cli/CliJson.h"
#include "common/AppPaths.h"
#include "common/Settings.h"
#include "storage/Database.h"
#include "storage/MarkReview.h"
#include "storage/PhotoStore.h"
#include "storage/RosterTemplates.h"
#include "storage/SessionRecorder.h"
#include "vision/RecognitionConfig.h"
#include "vision/RecognitionPipeline.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <cmath>
#include <optional>

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
    const QCommandLineOption periodOption(QStringLiteral("period"), QStringLiteral("The period or subject."),
                                          QStringLiteral("TEXT"));
    const QCommandLineOption acceptOption(
        QStringLiteral("accept-uncertain"),
        QStringLiteral("Save uncertain matches as present (audited) instead of leaving them for review."));
    const QCommandLineOption json = jsonOption();
    // One-run overrides of settings.ini (the GUI's Settings dialog); nothing is saved.
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("Embedding model for this run (see rollcall-cli models)."),
                                         QStringLiteral("ID"));
    const QCommandLineOption thresholdOption(QStringLiteral("threshold"),
                                             QStringLiteral("Match threshold (distance) of the model for this run."),
                                             QStringLiteral("DISTANCE"));
    const QCommandLineOption minFaceOption(QStringLiteral("min-face"),
                                           QStringLiteral("Smallest face recognised, in pixels, for this run."),
                                           QStringLiteral("PX"));
    parser.addOptions(
        { classOption, dateOption, periodOption, acceptOption, json, modelOption, thresholdOption, minFaceOption });
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

    RecognitionConfig config = RecognitionConfig::load();
    if (parser.isSet(modelOption))
        config.embedderModel = parser.value(modelOption);
    if (parser.isSet(minFaceOption)) {
        const auto size = Settings::validated(Settings::Key::MinRecognisableFace, parser.value(minFaceOption));
        if (!size)
            return context.usage(QStringLiteral("--min-face must be a whole number of pixels from 8 to 400"));
        config.detection.minRecognisableSize = size->toInt();
    }
    std::optional<double> threshold;
    if (parser.isSet(thresholdOption)) {
        bool ok = false;
        threshold = parser.value(thresholdOption).toDouble(&ok);
        if (!ok || !Settings::Thresholds { threshold, {} }.isValid())
            return context.usage(QStringLiteral("--threshold must be a distance above 0 and at most 2"));
    }

    auto cls = context.classByCode(parser.value(classOption));
    if (!cls)
        return context.fail(cls.error());
    Database &db = **context.database();

    // The settings' model, sizes and thresholds: the same recognition as the mark dialog.
    RecognitionPipeline pipeline(AppPaths::modelsDir());
    pipeline.setConfig(config);
    if (threshold) {
        // The override belongs to the model this run uses, as the Settings dialog's does.
        config.thresholds[pipeline.embedderModel()].match = threshold;
        pipeline.setConfig(config);
    }
    auto roster = RosterTemplates::load(db, context.photoStore(), cls->id, pipeline);
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

    // The same review state as the mark dialog, with nobody to review it.
    MarkReview review;
    review.setRoster(MarkReview::rosterOf(roster->members));
    for (size_t i = 0; i < result->photos.size(); ++i)
        review.addFaces(MarkReview::reviewFaces(result->photos[i], int(i), roster->templates));
    QList<MarkReview::Change> changes;
    if (parser.isSet(acceptOption)) {
        review.confirmAll();
        changes = review.changes();
        for (MarkReview::Change &change : changes) {
            change.source = QStringLiteral("cli");
            change.reason = QStringLiteral("uncertain match accepted without review (--accept-uncertain)");
        }
    }

    SessionRecorder::Request request;
    request.classId = cls->id;
    request.date = date;
    request.period = parser.value(periodOption);
    request.source = QStringLiteral("cli");
    for (const QString &path : paths)
        request.photos.append({ path, {} });
    request.records = review.records();
    request.changes = changes;
    SessionRecorder recorder(db, context.photoStore());
    auto saved = recorder.record(request);
    if (!saved)
        return context.fail(saved.error());
    QJsonArray warnings;
    for (const PhotoWarning &w : recorder.warnings()) {
        warnings.append(w.toJson());
        // On stderr as well, as other warnings: the register is saved, a person should look.
        context.err() << "rollcall-cli: warning: " << w.message << '\n';
    }

    const bool several = paths.size() > 1;
    auto faceJson = [&](int index) {
        const ReviewFace &f = review.faces().at(index);
        const cv::Size size = result->photos[size_t(f.photo)].size;
        QJsonObject o {
            { QStringLiteral("box"),
              CliJson::box(cv::Rect2f(float(f.box.x()), float(f.box.y()), float(f.box.width()), float(f.box.height())),
                           size) }
        };
        if (several)
            o.insert(QStringLiteral("photo"), f.photo);
        return o;
    };
    QJsonArray present;
    QJsonArray toReview;
    QJsonArray absent;
    for (int row = 0; row < review.roster().size(); ++row) {
        const RosterEntry &entry = review.roster().at(row);
        const AttendanceStatus recorded = review.recordedStatus(row);
        if (recorded == AttendanceStatus::Absent || entry.face < 0) {
            absent.append(QJsonObject { { QStringLiteral("student_id"), entry.studentId },
                                        { QStringLiteral("name"), entry.name } });
            continue;
        }
        QJsonObject o = faceJson(entry.face);
        o.insert(QStringLiteral("student_id"), entry.studentId);
        o.insert(QStringLiteral("name"), entry.name);
        o.insert(QStringLiteral("distance"), rounded(entry.distance, 4));
        o.insert(QStringLiteral("band"),
                 review.faces().at(entry.face).band == ReviewFace::Band::Uncertain ? QStringLiteral("uncertain")
                                                                                   : QStringLiteral("confident"));
        (recorded == AttendanceStatus::Review ? toReview : present).append(o);
    }
    QJsonArray unknown;
    QJsonArray tooSmall;
    for (int i = 0; i < review.faces().size(); ++i) {
        const ReviewFace &f = review.faces().at(i);
        if (f.assigned())
            continue;
        QJsonObject o = faceJson(i);
        if (f.tooSmall) {
            tooSmall.append(o);
            continue;
        }
        // Unmatched, or matched but a closer face of the same student won in another photo.
        if (const RosterEntry *nearest = review.student(f.nearestStudentUuid)) {
            o.insert(QStringLiteral("nearest_student_id"), nearest->studentId);
            o.insert(QStringLiteral("nearest_distance"), rounded(f.nearestDistance, 4));
        }
        unknown.append(o);
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
                                            { QStringLiteral("date"), date.toString(Qt::ISODate) },
                                            { QStringLiteral("period"), saved->period } } },
                            { QStringLiteral("present"), present },
                            { QStringLiteral("review"), toReview },
                            { QStringLiteral("absent"), absent },
                            { QStringLiteral("unknown_faces"), unknown },
                            { QStringLiteral("too_small_faces"), tooSmall },
                            { QStringLiteral("not_enrolled"), QJsonArray::fromStringList(roster->notEnrolled) },
                            { QStringLiteral("without_consent"), QJsonArray::fromStringList(roster->withoutConsent) },
                            { QStringLiteral("warnings"), warnings },
                            { QStringLiteral("backend"),
                              QJsonObject { { QStringLiteral("detector"), result->detector },
                                            { QStringLiteral("embedder"), result->embedderModel },
                                            { QStringLiteral("device"), result->device } } },
                            { QStringLiteral("timings_ms"), timings } });
        return 0;
    }
    context.out() << "Session " << saved->id << ": " << cls->code << ' ' << date.toString(Qt::ISODate) << " — "
                  << present.size() << " present, " << toReview.size() << " to review, " << absent.size() << " absent, "
                  << unknown.size() << " unknown face(s), " << tooSmall.size() << " too small, of "
                  << review.faces().size() << " face(s)\n";
    auto printMatch = [&context](const char *label, const QJsonObject &o) {
        context.out() << label << o.value(QLatin1String("student_id")).toString().leftJustified(12) << ' '
                      << o.value(QLatin1String("name")).toString().leftJustified(28) << ' '
                      << o.value(QLatin1String("band")).toString() << " ("
                      << QString::number(o.value(QLatin1String("distance")).toDouble(), 'f', 3) << ")\n";
    };
    for (const auto &v : std::as_const(present))
        printMatch("  present  ", v.toObject());
    for (const auto &v : std::as_const(toReview))
        printMatch("  review   ", v.toObject());
    for (const auto &v : std::as_const(absent)) {
        const QJsonObject o = v.toObject();
        context.out() << "  absent   " << o.value(QLatin1String("student_id")).toString().leftJustified(12) << ' '
                      << o.value(QLatin1String("name")).toString() << '\n';
    }
    if (!toReview.isEmpty())
        context.out() << "Uncertain matches are saved as \"review\": confirm them in the Sessions view, or "
                         "pass --accept-uncertain.\n";
    return 0;
}

} // namespace rollcall
