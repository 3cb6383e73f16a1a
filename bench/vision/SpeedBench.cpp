#include "SpeedBench.h"

#include "BenchCommon.h"
#include "BenchSet.h"
#include "FaceRecognitionPeer.h"
#include "vision/RecognitionPipeline.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>

namespace rollcall::bench {
namespace {

// What one pipeline made of one photo, scored against the truth.
struct Tally
{
    double ms = 0.0;
    StageTimings stages;
    double peakMb = 0.0;
    int truthFaces = 0;
    int found = 0; // true faces detected
    int inRoom = 0; // enrolled students in the photo
    int recognised = 0; // of them: matched to themselves (RollCall: present or review)
    int confident = 0; // of them without review
    int falseMatches = 0; // faces matched to someone they are not (strangers included)
    int doubles = 0; // extra faces matched to one student

    void add(const Tally &o)
    {
        ms += o.ms;
        stages.decodeMs += o.stages.decodeMs;
        stages.detectMs += o.stages.detectMs;
        stages.alignMs += o.stages.alignMs;
        stages.embedMs += o.stages.embedMs;
        stages.matchMs += o.stages.matchMs;
        peakMb = std::max(peakMb, o.peakMb);
        truthFaces += o.truthFaces;
        found += o.found;
        inRoom += o.inRoom;
        recognised += o.recognised;
        confident += o.confident;
        falseMatches += o.falseMatches;
        doubles += o.doubles;
    }
    QString line(int photos) const
    {
        const int n = std::max(1, photos);
        return QStringLiteral("%1 ms (decode %2, detect %3, align %4, embed %5, match %6), peak %7 MB; "
                              "faces %8/%9, recognised %10/%11 (%12 without review), false %13, doubles %14")
            .arg(qRound(ms / n), 5)
            .arg(qRound(stages.decodeMs / n))
            .arg(qRound(stages.detectMs / n))
            .arg(qRound(stages.alignMs / n))
            .arg(qRound(stages.embedMs / n))
            .arg(qRound(stages.matchMs / n))
            .arg(qRound(peakMb))
            .arg(found)
            .arg(truthFaces)
            .arg(recognised)
            .arg(inRoom)
            .arg(confident)
            .arg(falseMatches)
            .arg(doubles);
    }
};

// The true face a detection lies on: its centre inside the face, sizes within 2×
// (the detectors box faces differently, so IoU would be unfair to one of them).
int truthIndex(const BenchSet::Photo &photo, const cv::Rect2f &box)
{
    const cv::Point2f centre(box.x + box.width / 2, box.y + box.height / 2);
    for (size_t i = 0; i < photo.faces.size(); ++i) {
        const cv::Rect2f &t = photo.faces[i].box;
        const float ratio = box.width / std::max(1.0f, t.width);
        if (t.contains(centre) && ratio > 0.5f && ratio < 2.0f)
            return int(i);
    }
    return -1;
}

// boxes and the student each face was matched to ("" for none), with `confident`.
Tally score(const BenchSet::Class &cls, const BenchSet::Photo &photo, const std::vector<cv::Rect2f> &boxes,
            const QStringList &matched, const std::vector<bool> &confident)
{
    Tally t;
    t.truthFaces = int(photo.faces.size());
    std::vector<bool> seen(photo.faces.size(), false);
    QHash<QString, int> perStudent;
    for (const BenchSet::Face &f : photo.faces)
        t.inRoom += cls.present.contains(f.id) ? 1 : 0;
    for (size_t i = 0; i < boxes.size(); ++i) {
        const int truth = truthIndex(photo, boxes[i]);
        if (truth >= 0 && !seen[size_t(truth)]) {
            seen[size_t(truth)] = true;
            ++t.found;
        }
        if (matched[qsizetype(i)].isEmpty())
            continue;
        perStudent[matched[qsizetype(i)]] += 1;
        if (truth >= 0 && photo.faces[size_t(truth)].id == matched[qsizetype(i)]) {
            ++t.recognised;
            t.confident += confident[i] ? 1 : 0;
        } else {
            ++t.falseMatches;
        }
    }
    for (const int n : std::as_const(perStudent))
        t.doubles += std::max(0, n - 1);
    return t;
}

} // namespace

int speedBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("set"), QStringLiteral("realistic (default), realistic-far, … or a folder"),
                       QStringLiteral("name"), QStringLiteral("realistic") });
    parser.addOption({ QStringLiteral("classes"), QStringLiteral("classes of the set to mark"), QStringLiteral("n"),
                       QStringLiteral("3") });
    parser.addOption({ QStringLiteral("photo"), QStringLiteral("which photo of each class"), QStringLiteral("name"),
                       QStringLiteral("photo") });
    parser.addOption({ QStringLiteral("no-peer"), QStringLiteral("RollCall only") });
    parser.addOption({ QStringLiteral("set-detection"), QStringLiteral("detection setting"), QStringLiteral("k=v") });
    parser.process(args);
    const std::optional<BenchSet> set = BenchSet::load(parser.value(QStringLiteral("set")));
    if (!set)
        return 3;
    const bool withPeer = !parser.isSet(QStringLiteral("no-peer"));

    QElapsedTimer timer;
    timer.start();
    RecognitionPipeline pipeline(modelsDir());
    RecognitionConfig config;
    for (const QString &a : parser.values(QStringLiteral("set-detection"))) {
        if (!applyDetectionSetting(config.detection, a)) {
            print(QStringLiteral("unknown setting %1").arg(a));
            return 2;
        }
    }
    pipeline.setConfig(config);
    if (Status s = pipeline.prepare(); !s.ok()) {
        print(s.error().message());
        return 4;
    }
    const double oursLoadMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    FaceRecognitionPeer peer;
    if (withPeer) {
        if (Status s = peer.load(modelsDir()); !s.ok()) {
            print(s.error().message());
            return 4;
        }
    }
    const double peerLoadMs = double(timer.nsecsElapsed()) / 1e6;
    print(QStringLiteral("models loaded: RollCall %1 ms, peer %2 ms").arg(qRound(oursLoadMs)).arg(qRound(peerLoadMs)));

    EnrolmentAnalyser analyser(pipeline);
    Tally oursAll;
    Tally peerAll;
    std::vector<double> ratios;
    const int classes = std::min(int(set->classes.size()), parser.value(QStringLiteral("classes")).toInt());
    for (int c = 0; c < classes; ++c) {
        const BenchSet::Class &cls = set->classes[size_t(c)];
        const auto photo = std::find_if(cls.photos.begin(), cls.photos.end(), [&](const BenchSet::Photo &p) {
            return p.name == parser.value(QStringLiteral("photo"));
        });
        if (photo == cls.photos.end())
            continue;
        std::vector<StudentTemplate> roster;
        peer.clearKnown();
        for (const BenchSet::Student &student : cls.students) {
            const auto analysed = analyser.analyse(student.photos);
            if (!analysed) {
                print(analysed.error().message());
                return 4;
            }
            const Embedding t = EnrolmentAnalyser::templateOf(analysed.value());
            if (!t.empty())
                roster.push_back({ student.id, student.id, student.name, t, 3 });
            if (withPeer) {
                if (Status s = peer.enrol(student.id, student.photos); !s.ok()) {
                    print(s.error().message());
                    return 4;
                }
            }
        }

        // RollCall as `mark` runs it: models loaded, the class's roster given.
        pipeline.setRoster(roster);
        pipeline.setKeepChips(false);
        pipeline.setPhotos({ photo->path });
        resetPeakRss();
        timer.restart();
        const auto result = pipeline.run();
        const double oursMs = double(timer.nsecsElapsed()) / 1e6;
        if (!result) {
            print(result.error().message());
            return 1;
        }
        std::vector<cv::Rect2f> boxes;
        QStringList matched;
        std::vector<bool> confident;
        for (const RecognisedFace &f : result->photos.front().faces) {
            boxes.push_back(f.detection.box);
            matched << (f.match.isMatch() ? f.match.studentId : QString());
            confident.push_back(f.match.band == MatchBand::Confident);
        }
        Tally ours = score(cls, *photo, boxes, matched, confident);
        ours.ms = oursMs;
        ours.stages = result->timings;
        ours.peakMb = double(peakRssKb()) / 1024.0;
        oursAll.add(ours);
        print(QStringLiteral("%1 %2 RollCall: %3").arg(cls.code, photo->name, ours.line(1)));
        if (!withPeer)
            continue;

        resetPeakRss();
        timer.restart();
        const auto theirs = peer.run(photo->path);
        const double peerMs = double(timer.nsecsElapsed()) / 1e6;
        if (!theirs) {
            print(theirs.error().message());
            return 1;
        }
        boxes.clear();
        matched.clear();
        for (const FaceRecognitionPeer::Face &f : theirs->faces) {
            boxes.push_back(f.box);
            matched << f.student;
        }
        Tally p = score(cls, *photo, boxes, matched, std::vector<bool>(boxes.size(), true));
        p.ms = peerMs;
        p.stages = theirs->stages;
        p.peakMb = double(peakRssKb()) / 1024.0;
        peerAll.add(p);
        ratios.push_back(oursMs / peerMs);
        print(QStringLiteral("%1 %2 peer:     %3").arg(cls.code, photo->name, p.line(1)));
        print(
            QStringLiteral("%1 %2 RollCall / peer time: %3").arg(cls.code, photo->name).arg(ratios.back(), 0, 'f', 2));
    }
    const int photos = std::max(1, classes);
    print(QStringLiteral("RollCall (mean per photo): %1").arg(oursAll.line(photos)));
    if (withPeer && !ratios.empty()) {
        std::sort(ratios.begin(), ratios.end());
        print(QStringLiteral("peer     (mean per photo): %1").arg(peerAll.line(photos)));
        print(QStringLiteral("time ratio RollCall/peer: median %1 (%2-%3) over %4 photos")
                  .arg(ratios[ratios.size() / 2], 0, 'f', 2)
                  .arg(ratios.front(), 0, 'f', 2)
                  .arg(ratios.back(), 0, 'f', 2)
                  .arg(ratios.size()));
    }
    print(QStringLiteral("peak MB: RollCall's run after its models were loaded, and the peer's after its own (both "
                         "processes' models resident)"));
    return 0;
}

} // namespace rollcall::bench
