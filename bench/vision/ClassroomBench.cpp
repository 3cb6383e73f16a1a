#include "ClassroomBench.h"

#include "BenchCommon.h"
#include "vision/RecognitionPipeline.h"
#include "vision/matching/RosterMatcher.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QCommandLineParser>
#include <QDir>
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
};

struct Score
{
    int present = 0;
    int recalled = 0;
    int rightFace = 0;
    int falsePresent = 0;
    int doubles = 0;
};

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
    parser.addOption({ QStringLiteral("dump"), QStringLiteral("write embeddings and truth to FILE (JSON)"),
                       QStringLiteral("file") });
    parser.process(args);
    const bool verbose = parser.isSet(QStringLiteral("verbose"));

    const QString root = dataDir() + QStringLiteral("/classrooms/");
    QFile file(root + QStringLiteral("manifest.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        print(QStringLiteral("cannot read %1").arg(file.fileName()));
        return 3;
    }
    const QJsonArray classes
        = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("classes")).toArray();

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
    for (const auto &c : classes) {
        const QJsonObject cls = c.toObject();
        const QString code = cls.value(QLatin1String("code")).toString();
        for (const auto &s : cls.value(QLatin1String("students")).toArray()) {
            const QJsonObject student = s.toObject();
            QStringList paths;
            for (const auto &p : student.value(QLatin1String("photos")).toArray())
                paths << root + p.toString();
            const auto analysed = analyser.analyse(paths);
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
            dump.insert(student.value(QLatin1String("student_id")).toString(), samples);
            const Embedding t = EnrolmentAnalyser::templateOf(analysed.value());
            if (t.empty()) {
                print(QStringLiteral("no usable photo for %1")
                          .arg(student.value(QLatin1String("student_id")).toString()));
                continue;
            }
            rosters[code].push_back({ .studentUuid = student.value(QLatin1String("student_id")).toString(),
                                      .studentId = student.value(QLatin1String("student_id")).toString(),
                                      .name = student.value(QLatin1String("name")).toString(),
                                      .embedding = t,
                                      .sampleCount = 3 });
        }
        QSet<QString> present;
        for (const auto &p : cls.value(QLatin1String("present")).toArray())
            present.insert(p.toString());
        const QJsonObject vs = cls.value(QLatin1String("variants")).toObject();
        for (auto it = vs.constBegin(); it != vs.constEnd(); ++it) {
            Variant v;
            v.code = code;
            v.name = it.key();
            v.photo = root + it.value().toObject().value(QLatin1String("photo")).toString();
            v.present = present;
            for (const auto &f : it.value().toObject().value(QLatin1String("faces")).toArray()) {
                const QJsonArray b = f.toObject().value(QLatin1String("box")).toArray();
                v.faces.push_back({ f.toObject().value(QLatin1String("id")).toString(),
                                    cv::Rect2f(float(b[0].toDouble()), float(b[1].toDouble()), float(b[2].toDouble()),
                                               float(b[3].toDouble())) });
            }
            variants.push_back(v);
        }
    }
    print(QStringLiteral("enrolled %1 students from %2 photos (%3 refused by the quality checks) in %4 s with %5")
              .arg(rosters.value(QStringLiteral("DEV-A")).size() + rosters.value(QStringLiteral("DEV-B")).size())
              .arg(photos)
              .arg(refused)
              .arg(timer.elapsed() / 1000)
              .arg(spec->id));

    pipeline.setKeepChips(false);
    for (Variant &v : variants) {
        // Timed as `mark` runs it: roster given, models already loaded.
        pipeline.setRoster(rosters.value(v.code));
        pipeline.setPhotos({ v.photo });
        QElapsedTimer t;
        t.start();
        auto result = pipeline.run();
        v.ms = double(t.nsecsElapsed()) / 1e6;
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
        RosterMatcher matcher({ threshold, spec->uncertainBand, spec->ambiguityMargin });
        QMap<QString, Score> byVariant;
        for (const Variant &v : variants) {
            matcher.setRoster(rosters.value(v.code));
            std::vector<Embedding> embeddings;
            std::vector<const RecognisedFace *> faces;
            for (const RecognisedFace &f : v.analysed.faces) {
                if (f.embedded) {
                    embeddings.push_back(f.embedding);
                    faces.push_back(&f);
                }
            }
            const auto matches = matcher.match(embeddings);
            Score &score = byVariant[v.name];
            QHash<QString, int> assigned;
            QHash<QString, QString> truthOfMatch; // student → identity of the face they got
            for (size_t i = 0; i < matches.size(); ++i) {
                if (!matches[i].isMatch())
                    continue;
                assigned[matches[i].studentId] += 1;
                QString truth = QStringLiteral("?");
                float bestIou = 0.3f;
                for (const auto &[id, box] : v.faces) {
                    const float o = iou(box, faces[i]->detection.box);
                    if (o > bestIou) {
                        bestIou = o;
                        truth = id;
                    }
                }
                truthOfMatch[matches[i].studentId] = truth;
                if (verbose && truth != matches[i].studentId)
                    print(QStringLiteral("  t=%1 %2 %3: face of %4 matched to %5 at %6")
                              .arg(threshold)
                              .arg(v.code, v.name, truth, matches[i].studentId)
                              .arg(double(matches[i].distance), 0, 'f', 4));
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
                    print(QStringLiteral("  t=%1 %2 %3: %4 missed, own distance %5, nearest %6 at %7")
                              .arg(threshold)
                              .arg(v.code, v.name, truth)
                              .arg(double(own), 0, 'f', 4)
                              .arg(matches[i].nearestStudentId)
                              .arg(double(matches[i].nearestDistance), 0, 'f', 4));
                }
            }
            score.present += int(v.present.size());
            for (auto it = assigned.constBegin(); it != assigned.constEnd(); ++it) {
                if (it.value() > 1)
                    score.doubles += it.value() - 1;
                if (v.present.contains(it.key())) {
                    ++score.recalled;
                    score.rightFace += truthOfMatch.value(it.key()) == it.key() ? 1 : 0;
                } else {
                    ++score.falsePresent;
                }
            }
        }
        QStringList parts;
        for (auto it = byVariant.constBegin(); it != byVariant.constEnd(); ++it) {
            parts << QStringLiteral("%1 %2/%3 recall (%4 on the right face), %5 false present, %6 double")
                         .arg(it.key())
                         .arg(it->recalled)
                         .arg(it->present)
                         .arg(it->rightFace)
                         .arg(it->falsePresent)
                         .arg(it->doubles);
        }
        print(QStringLiteral("threshold %1: ").arg(threshold) + parts.join(QStringLiteral("; ")));
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
