#include "ClassroomBench.h"

#include "BenchCommon.h"
#include "BenchSet.h"
#include "vision/RecognitionPipeline.h"
#include "vision/matching/RosterMatcher.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace rollcall::bench {
namespace {

struct Variant
{
    QString code;
    QString name;
    QString photo;
    QSet<QString> present;
    std::vector<std::pair<QString, cv::Rect2f>> faces; // identity ("stranger:…" for strangers), box
    PhotoResult analysed;
    double ms = 0.0;
    double rssMb = 0.0; // peak RSS of the process after this photo
};

// The register as RollCall writes it: a confident match is present, an uncertain
// one goes to review (the teacher decides), nothing is absent.
enum class Mark { Absent, Review, Present };

struct Score
{
    int present = 0; // students in the room
    int recalled = 0; // of them: present or review
    int confident = 0; // of them: present without review
    int falsePresent = 0; // absent students marked present
    int falseReview = 0; // absent students sent to review
    int strangersInReview = 0; // strangers' faces matched uncertain
    int strangersPresent = 0; // strangers' faces matched confidently: a stranger in the register
    int wrongFace = 0; // confident matches on someone else's face
    int review = 0; // review load: students to look at
    int doubles = 0; // extra faces on one student
    int photos = 0;
    double ms = 0.0;
    double rssMb = 0.0;

    // shown: the students in the room this photo shows; inRoom: all of them.
    void add(const QHash<QString, Mark> &marks, const QSet<QString> &shown, const QSet<QString> &inRoom)
    {
        present += int(shown.size());
        for (auto it = marks.constBegin(); it != marks.constEnd(); ++it) {
            const bool here = shown.contains(it.key());
            if (!here && inRoom.contains(it.key()))
                continue; // in the room, on another photo (a wrong face if confident, counted apart)
            if (it.value() == Mark::Review)
                ++review;
            if (here) {
                ++recalled;
                confident += it.value() == Mark::Present ? 1 : 0;
            } else if (it.value() == Mark::Present) {
                ++falsePresent;
            } else {
                ++falseReview;
            }
        }
    }
    QString line(const QString &name) const
    {
        return QStringLiteral("%1: recall %2/%3 (%4 present, %5 review), false present %6, absent in review %7, "
                              "strangers present %13 / in review %8, wrong face %14, review load %9, doubles %10, "
                              "%11 ms/photo, peak %12 MB")
            .arg(name, -8)
            .arg(recalled)
            .arg(present)
            .arg(confident)
            .arg(recalled - confident)
            .arg(falsePresent)
            .arg(falseReview)
            .arg(strangersInReview)
            .arg(review)
            .arg(doubles)
            .arg(photos ? qRound(ms / photos) : 0)
            .arg(qRound(rssMb))
            .arg(strangersPresent)
            .arg(wrongFace);
    }
};

void merge(QHash<QString, Mark> &into, const QHash<QString, Mark> &other)
{
    for (auto it = other.constBegin(); it != other.constEnd(); ++it)
        into[it.key()] = std::max(into.value(it.key(), Mark::Absent), it.value());
}

float iou(const cv::Rect2f &a, const cv::Rect2f &b)
{
    const float inter = (a & b).area();
    return inter / (a.area() + b.area() - inter);
}

} // namespace

int classroomBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("threshold"), QStringLiteral("match threshold to try"), QStringLiteral("t") });
    parser.addOption({ QStringLiteral("model"), QStringLiteral("embedding model id"), QStringLiteral("id") });
    parser.addOption({ QStringLiteral("verbose"), QStringLiteral("list every miss and false match") });
    parser.addOption({ QStringLiteral("confident-margin"), QStringLiteral("runner-up margin for a confident match"),
                       QStringLiteral("d") });
    parser.addOption({ QStringLiteral("small-face"), QStringLiteral("small-face rule below this width (px)"),
                       QStringLiteral("px") });
    parser.addOption({ QStringLiteral("small-face-confident"), QStringLiteral("confident cut for small faces"),
                       QStringLiteral("d") });
    parser.addOption({ QStringLiteral("dump"), QStringLiteral("write embeddings and truth to FILE (JSON)"),
                       QStringLiteral("file") });
    parser.addOption(
        { QStringLiteral("set"),
          QStringLiteral("realistic, realistic-check, realistic-far (generated on first use) or a folder made by "
                         "bench/vision/sets/generate_realistic.py; default: ../shared/data/classrooms"),
          QStringLiteral("dir") });
    parser.process(args);
    const bool verbose = parser.isSet(QStringLiteral("verbose"));

    const std::optional<BenchSet> set = BenchSet::load(parser.value(QStringLiteral("set")));
    if (!set)
        return 3;

    RecognitionPipeline pipeline(modelsDir());
    if (parser.isSet(QStringLiteral("model")))
        pipeline.setEmbedderModel(parser.value(QStringLiteral("model")));
    const auto spec = pipeline.embedderSpec();
    if (!spec) {
        print(spec.error().message());
        return 4;
    }
    EnrolmentAnalyser analyser(pipeline);
    if (qEnvironmentVariableIsSet("ROLLCALL_ENROL_JITTERS"))
        analyser.setJitters(qEnvironmentVariableIntValue("ROLLCALL_ENROL_JITTERS"));
    QHash<QString, std::vector<StudentTemplate>> rosters;
    QJsonObject dump;
    const auto toJson = [](const Embedding &e) {
        QJsonArray a;
        for (const float x : e)
            a.append(double(x));
        return a;
    };
    std::vector<Variant> variants;
    QElapsedTimer timer;
    timer.start();
    int photos = 0;
    int refused = 0;
    for (const BenchSet::Class &cls : set->classes) {
        for (const BenchSet::Student &student : cls.students) {
            const auto analysed = analyser.analyse(student.photos);
            if (!analysed) {
                print(analysed.error().message());
                return 4;
            }
            for (const auto &p : analysed.value()) {
                ++photos;
                refused += p.usable ? 0 : 1;
            }
            QJsonArray samples;
            for (const auto &p : analysed.value())
                samples.append(QJsonObject { { QStringLiteral("usable"), p.usable },
                                             { QStringLiteral("embedding"), toJson(p.embedding) } });
            dump.insert(student.id, samples);
            const Embedding t = EnrolmentAnalyser::templateOf(analysed.value());
            if (t.empty()) {
                print(QStringLiteral("no usable photo for %1").arg(student.id));
                continue;
            }
            rosters[cls.code].push_back({ .studentUuid = student.id,
                                          .studentId = student.id,
                                          .name = student.name,
                                          .embedding = t,
                                          .sampleCount = 3 });
        }
        for (const BenchSet::Photo &photo : cls.photos) {
            Variant v;
            v.code = cls.code;
            v.name = photo.name;
            v.photo = photo.path;
            v.present = cls.present;
            for (const BenchSet::Face &f : photo.faces)
                v.faces.push_back({ f.id, f.box });
            variants.push_back(v);
        }
    }
    qsizetype enrolled = 0;
    for (const auto &roster : std::as_const(rosters))
        enrolled += qsizetype(roster.size());
    print(QStringLiteral("enrolled %1 students of %6 classes from %2 photos (%3 refused by the quality checks) in %4 s "
                         "with %5")
              .arg(enrolled)
              .arg(photos)
              .arg(refused)
              .arg(timer.elapsed() / 1000)
              .arg(spec->id)
              .arg(rosters.size()));

    pipeline.setKeepChips(false);
    for (Variant &v : variants) {
        // Timed as `mark` runs it: roster given, models already loaded.
        pipeline.setRoster(rosters.value(v.code));
        pipeline.setPhotos({ v.photo });
        QElapsedTimer t;
        t.start();
        auto result = pipeline.run();
        v.ms = double(t.nsecsElapsed()) / 1e6;
        v.rssMb = double(peakRssKb()) / 1024.0;
        if (!result) {
            print(result.error().message());
            return 1;
        }
        v.analysed = result->photos.front();
        QJsonArray faces;
        for (const RecognisedFace &f : v.analysed.faces) {
            if (!f.embedded)
                continue;
            QString truth;
            for (const auto &[id, box] : v.faces) {
                if (iou(box, f.detection.box) > 0.3f)
                    truth = id;
            }
            faces.append(QJsonObject { { QStringLiteral("truth"), truth },
                                       { QStringLiteral("confirmed"), f.detection.confirmed },
                                       { QStringLiteral("size"), double(f.detection.box.width) },
                                       { QStringLiteral("embedding"), toJson(f.embedding) } });
        }
        QJsonArray present;
        for (const QString &p : std::as_const(v.present))
            present.append(p);
        dump.insert(v.code + QLatin1Char('/') + v.name,
                    QJsonObject { { QStringLiteral("faces"), faces }, { QStringLiteral("present"), present } });
    }
    if (parser.isSet(QStringLiteral("dump"))) {
        QFile out(parser.value(QStringLiteral("dump")));
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(dump).toJson(QJsonDocument::Compact));
    }

    QList<double> thresholds;
    for (const QString &t : parser.values(QStringLiteral("threshold")))
        thresholds << t.toDouble();
    if (thresholds.isEmpty())
        thresholds << spec->matchThreshold;
    for (const double threshold : std::as_const(thresholds)) {
        RosterMatcher::Thresholds chosen = RosterMatcher::thresholdsFrom(*spec);
        chosen.match = threshold;
        if (parser.isSet(QStringLiteral("confident-margin")))
            chosen.confidentMargin = parser.value(QStringLiteral("confident-margin")).toDouble();
        if (parser.isSet(QStringLiteral("small-face")))
            chosen.smallFacePx = parser.value(QStringLiteral("small-face")).toInt();
        if (parser.isSet(QStringLiteral("small-face-confident")))
            chosen.smallFaceConfident = parser.value(QStringLiteral("small-face-confident")).toDouble();
        RosterMatcher matcher(chosen);
        QMap<QString, Score> byVariant;
        QHash<QString, QHash<QString, Mark>> sessionMarks; // per class, over its photos
        QHash<QString, QSet<QString>> sessionPresent;
        for (const Variant &v : variants) {
            matcher.setRoster(rosters.value(v.code));
            std::vector<Embedding> embeddings;
            std::vector<float> sizes;
            std::vector<const RecognisedFace *> faces;
            for (const RecognisedFace &f : v.analysed.faces) {
                if (f.embedded) {
                    embeddings.push_back(f.embedding);
                    sizes.push_back(f.detection.box.width);
                    faces.push_back(&f);
                }
            }
            const auto matches = matcher.match(embeddings, sizes);
            Score &score = byVariant[v.name];
            QHash<QString, Mark> marks;
            QHash<QString, int> assigned;
            for (size_t i = 0; i < matches.size(); ++i) {
                if (!matches[i].isMatch())
                    continue;
                assigned[matches[i].studentId] += 1;
                const Mark mark = matches[i].band == MatchBand::Confident ? Mark::Present : Mark::Review;
                marks[matches[i].studentId] = std::max(marks.value(matches[i].studentId, Mark::Absent), mark);
                QString truth = QStringLiteral("?");
                float bestIou = 0.3f;
                for (const auto &[id, box] : v.faces) {
                    const float o = iou(box, faces[i]->detection.box);
                    if (o > bestIou) {
                        bestIou = o;
                        truth = id;
                    }
                }
                if (truth.startsWith(QLatin1String("stranger")))
                    ++(mark == Mark::Review ? score.strangersInReview : score.strangersPresent);
                if (mark == Mark::Present && truth != matches[i].studentId)
                    ++score.wrongFace;
                if (verbose && truth != matches[i].studentId)
                    print(QStringLiteral("  t=%1 %2 %3: face of %4 (%5 px) matched to %6 at %7 (%8)")
                              .arg(threshold)
                              .arg(v.code, v.name, truth)
                              .arg(qRound(faces[i]->detection.box.width))
                              .arg(matches[i].studentId)
                              .arg(double(matches[i].distance), 0, 'f', 4)
                              .arg(FaceMatch::bandName(matches[i].band)));
            }
            if (verbose) {
                for (size_t i = 0; i < matches.size(); ++i) {
                    QString truth;
                    for (const auto &[id, box] : v.faces) {
                        if (iou(box, faces[i]->detection.box) > 0.3f)
                            truth = id;
                    }
                    if (truth.isEmpty() || truth.startsWith(QLatin1String("stranger")) || matches[i].isMatch())
                        continue;
                    float own = 2.0f;
                    for (const StudentTemplate &st : matcher.roster()) {
                        if (st.studentId == truth)
                            own = Embedder::cosineDistance(faces[i]->embedding, st.embedding);
                    }
                    print(QStringLiteral("  t=%1 %2 %3: %4 (%5 px) missed, own distance %6, nearest %7 at %8")
                              .arg(threshold)
                              .arg(v.code, v.name, truth)
                              .arg(qRound(faces[i]->detection.box.width))
                              .arg(double(own), 0, 'f', 4)
                              .arg(matches[i].nearestStudentId)
                              .arg(double(matches[i].nearestDistance), 0, 'f', 4));
                }
            }
            for (const int n : std::as_const(assigned))
                score.doubles += std::max(0, n - 1);
            // Only the students this photo shows count as in the room (a closer photo shows some rows).
            QSet<QString> shown;
            for (const auto &[id, box] : v.faces) {
                if (v.present.contains(id))
                    shown.insert(id);
            }
            score.add(marks, shown, v.present);
            score.photos += 1;
            score.ms += v.ms;
            score.rssMb = std::max(score.rssMb, v.rssMb);
            // The session with every photo of the class: a student's best mark counts.
            merge(sessionMarks[v.code], marks);
            sessionPresent[v.code] = v.present;
        }
        if (qsizetype(variants.size()) > sessionMarks.size()) { // some class has several photos
            Score all;
            for (auto it = sessionMarks.constBegin(); it != sessionMarks.constEnd(); ++it)
                all.add(it.value(), sessionPresent.value(it.key()), sessionPresent.value(it.key()));
            for (const Score &one : std::as_const(byVariant)) {
                all.photos += one.photos;
                all.ms += one.ms;
                all.rssMb = std::max(all.rssMb, one.rssMb);
                all.strangersPresent += one.strangersPresent;
                all.strangersInReview += one.strangersInReview;
                all.wrongFace += one.wrongFace;
                all.doubles += one.doubles;
            }
            byVariant.insert(QStringLiteral("session (all photos)"), all);
        }
        print(QStringLiteral("threshold %1:").arg(threshold));
        for (auto it = byVariant.constBegin(); it != byVariant.constEnd(); ++it)
            print(QStringLiteral("  ") + it->line(it.key()));
    }
    for (const Variant &v : variants) {
        print(QStringLiteral("  %1 %2: %3 faces, marked in %4 ms")
                  .arg(v.code, v.name)
                  .arg(v.analysed.faces.size())
                  .arg(qRound(v.ms)));
    }
    return 0;
}

} // namespace rollcall::bench
