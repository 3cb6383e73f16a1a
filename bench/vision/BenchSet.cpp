#include "BenchSet.h"

#include "BenchCommon.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace rollcall::bench {
namespace {

QString generatedSet(const QString &name)
{
    const QStringList devSeeds { QStringLiteral("--pool"), QStringLiteral("dev"), QStringLiteral("--seeds"),
                                 QStringLiteral("1"),      QStringLiteral("2"),   QStringLiteral("3") };
    const QHash<QString, QStringList> sets {
        { QStringLiteral("realistic"),
          devSeeds + QStringList { QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6") } },
        { QStringLiteral("realistic-check"),
          { QStringLiteral("--pool"), QStringLiteral("check"), QStringLiteral("--seeds"), QStringLiteral("21"),
            QStringLiteral("22"), QStringLiteral("23") } },
        { QStringLiteral("realistic-far"),
          devSeeds + QStringList { QStringLiteral("4"), QStringLiteral("--back"), QStringLiteral("22") } },
    };
    if (!sets.contains(name))
        return name; // a folder
    const QString dir = QStringLiteral(ROLLCALL_BENCH_SETS_DIR "/") + name;
    if (QFile::exists(dir + QStringLiteral("/manifest.json")))
        return dir;
    print(QStringLiteral("generating %1 into %2").arg(name, dir));
    QProcess generator;
    generator.setProcessChannelMode(QProcess::ForwardedChannels);
    generator.start(QStringLiteral("/usr/bin/python3"),
                    QStringList { QStringLiteral(ROLLCALL_BENCH_GENERATOR), QStringLiteral("--out"), dir,
                                  QStringLiteral("--lfw"), dataDir() + QStringLiteral("/faces/lfw-gray") }
                        + sets.value(name));
    if (!generator.waitForFinished(600000) || generator.exitCode() != 0)
        print(QStringLiteral("the generator failed (needs python3-numpy and python3-opencv)"));
    return dir;
}

cv::Rect2f boxOf(const QJsonArray &b)
{
    return { float(b[0].toDouble()), float(b[1].toDouble()), float(b[2].toDouble()), float(b[3].toDouble()) };
}

} // namespace

std::optional<BenchSet> BenchSet::load(const QString &name)
{
    BenchSet set;
    set.root = name.isEmpty() ? QString(dataDir() + QStringLiteral("/classrooms/"))
                              : QString(QDir(generatedSet(name)).absolutePath() + QLatin1Char('/'));
    QFile file(set.root + QStringLiteral("manifest.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        print(QStringLiteral("cannot read %1").arg(file.fileName()));
        return std::nullopt;
    }
    const QJsonArray classes
        = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("classes")).toArray();
    for (const auto &c : classes) {
        const QJsonObject cls = c.toObject();
        Class out;
        out.code = cls.value(QLatin1String("code")).toString();
        for (const auto &s : cls.value(QLatin1String("students")).toArray()) {
            const QJsonObject student = s.toObject();
            Student st { student.value(QLatin1String("student_id")).toString(),
                         student.value(QLatin1String("name")).toString(),
                         {} };
            for (const auto &p : student.value(QLatin1String("photos")).toArray())
                st.photos << set.root + p.toString();
            out.students.push_back(st);
        }
        for (const auto &p : cls.value(QLatin1String("present")).toArray())
            out.present.insert(p.toString());
        const QJsonObject vs = cls.value(QLatin1String("variants")).toObject();
        for (auto it = vs.constBegin(); it != vs.constEnd(); ++it) {
            Photo photo { it.key(), set.root + it.value().toObject().value(QLatin1String("photo")).toString(), {} };
            for (const auto &f : it.value().toObject().value(QLatin1String("faces")).toArray())
                photo.faces.push_back({ f.toObject().value(QLatin1String("id")).toString(),
                                        boxOf(f.toObject().value(QLatin1String("box")).toArray()) });
            out.photos.push_back(photo);
        }
        set.classes.push_back(out);
    }
    if (set.classes.empty()) {
        print(QStringLiteral("%1 holds no class").arg(file.fileName()));
        return std::nullopt;
    }
    return set;
}

} // namespace rollcall::bench
