#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <opencv2/core/types.hpp>

#include <optional>
#include <vector>

namespace rollcall::bench {

// A classroom set as ../shared/data/classrooms and generate_realistic.py write
// it: per class the enrolled students with their photos, who is in the room,
// and photos ("variants") with every face's identity and box.
struct BenchSet
{
    struct Face
    {
        QString id; // a student ID, or "stranger:…"
        cv::Rect2f box;
    };
    struct Photo
    {
        QString name; // "easy", "photo", "closer", …
        QString path;
        std::vector<Face> faces;
    };
    struct Student
    {
        QString id;
        QString name;
        QStringList photos;
    };
    struct Class
    {
        QString code;
        std::vector<Student> students;
        QSet<QString> present;
        std::vector<Photo> photos;
    };

    QString root;
    std::vector<Class> classes;

    // name: "realistic" (dev identities, seeds 1-6), "realistic-check" (the
    // other identities, seeds 21-23), "realistic-far" (a lecture hall: back row
    // 22 px), generated once into the build folder; a folder; or empty for
    // ../shared/data/classrooms. Prints why and returns nothing when unreadable.
    static std::optional<BenchSet> load(const QString &name);
};

} // namespace rollcall::bench
