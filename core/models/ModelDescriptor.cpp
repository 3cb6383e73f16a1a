#include "models/ModelDescriptor.h"

namespace rollcall {

Result<ModelDescriptor> ModelDescriptor::fromJson(const QJsonObject &json, const QString &origin)
{
    ModelDescriptor d;
    d.id = json.value(QLatin1String("id")).toString();
    d.name = json.value(QLatin1String("name")).toString(d.id);
    d.role = json.value(QLatin1String("role")).toString();
    d.fileName = json.value(QLatin1String("file")).toString();
    d.sha256 = json.value(QLatin1String("sha256")).toString().toLower();
    d.licence = json.value(QLatin1String("licence")).toString();
    d.source = json.value(QLatin1String("source")).toString();
    d.url = json.value(QLatin1String("url")).toString();
    d.required = json.value(QLatin1String("required")).toBool(false);
    d.raw = json;
    if (d.id.isEmpty() || d.fileName.isEmpty() || d.role.isEmpty())
        return Error::badInput(QStringLiteral("Model descriptor %1 needs \"id\", \"role\" and \"file\"").arg(origin));
    if (d.fileName.contains(QLatin1Char('/')) || d.fileName.contains(QLatin1Char('\\')))
        return Error::badInput(QStringLiteral("Model descriptor %1: \"file\" must be a plain file name").arg(origin));
    if (!d.sha256.isEmpty() && d.sha256.size() != 64)
        return Error::badInput(QStringLiteral("Model descriptor %1: \"sha256\" is not a SHA-256 digest").arg(origin));
    return d;
}

} // namespace rollcall
