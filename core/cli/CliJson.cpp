#include "cli/CliJson.h"

#include <cmath>

namespace rollcall {

QJsonArray CliJson::box(const cv::Rect2f &box, cv::Size image)
{
    const int x0 = std::clamp(int(std::lround(box.x)), 0, image.width);
    const int y0 = std::clamp(int(std::lround(box.y)), 0, image.height);
    const int x1 = std::clamp(int(std::lround(box.x + box.width)), 0, image.width);
    const int y1 = std::clamp(int(std::lround(box.y + box.height)), 0, image.height);
    return { x0, y0, x1 - x0, y1 - y0 };
}

QJsonObject CliJson::face(const DetectedFace &face, cv::Size image)
{
    QJsonObject o;
    o.insert(QStringLiteral("box"), box(face.box, image));
    o.insert(QStringLiteral("confidence"), std::round(double(face.confidence) * 1000.0) / 1000.0);
    o.insert(QStringLiteral("too_small"), face.tooSmall);
    o.insert(QStringLiteral("confirmed"), face.confirmed);
    return o;
}

} // namespace rollcall
