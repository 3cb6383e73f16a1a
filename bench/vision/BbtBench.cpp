#include "BbtBench.h"

#include "BenchCommon.h"
#include "vision/RecognitionPipeline.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QDir>
#include <QSet>

namespace rollcall::bench {

int bbtBench(const QStringList &)
{
    const QDir people(dataDir() + QStringLiteral("/faces/bbt-identities"));
    RecognitionPipeline pipeline(modelsDir());
    EnrolmentAnalyser analyser(pipeline);
    std::vector<StudentTemplate> roster;
    for (const QString &name : people.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(people.filePath(name));
        QStringList photos;
        for (const QString &f : dir.entryList({ QStringLiteral("*.png") }, QDir::Files, QDir::Name))
            photos << dir.filePath(f);
        const auto analysed = analyser.analyse(photos);
        if (!analysed) {
            print(analysed.error().message());
            return 4;
        }
        int usable = 0;
        for (const auto &p : *analysed)
            usable += p.usable ? 1 : 0;
        const Embedding t = EnrolmentAnalyser::templateOf(*analysed);
        print(QStringLiteral("%1: %2 of %3 photos usable").arg(name).arg(usable).arg(photos.size()));
        if (!t.empty())
            roster.push_back({ .studentId = name, .name = name, .embedding = t });
    }
    pipeline.setRoster(roster);
    pipeline.setKeepChips(false);
    const QDir group(dataDir() + QStringLiteral("/group/bbt"));
    for (const QString &f : group.entryList({ QStringLiteral("*.jpg") }, QDir::Files, QDir::Name)) {
        pipeline.setPhotos({ group.filePath(f) });
        const auto result = pipeline.run();
        if (!result) {
            print(result.error().message());
            return 1;
        }
        QStringList labels;
        QSet<QString> distinct;
        int unknown = 0;
        for (const RecognisedFace &face : result->photos.front().faces) {
            if (face.match.isMatch()) {
                labels << QStringLiteral("%1 (%2, %3)")
                              .arg(face.match.studentId, FaceMatch::bandName(face.match.band))
                              .arg(double(face.match.distance), 0, 'f', 3);
                distinct.insert(face.match.studentId);
            } else {
                ++unknown;
            }
        }
        print(QStringLiteral("%1: %2 faces, %3 labelled (%4 distinct), %5 unknown: %6")
                  .arg(f)
                  .arg(result->photos.front().faces.size())
                  .arg(labels.size())
                  .arg(distinct.size())
                  .arg(unknown)
                  .arg(labels.join(QStringLiteral(", "))));
    }
    return 0;
}

} // namespace rollcall::bench
