#include "models/ModelDescriptor.h"

#include <QFile>
#include <QJsonDocument>

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

Result<ModelDescriptor> ModelDescriptor::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("Cannot read model descriptor %1").arg(path));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return Error::badInput(
            QStringLiteral("Model descriptor %1 is not a JSON object: %2").arg(path, parseError.errorString()));
    return fromJson(doc.object(), path);
}

} // namespace rollcall
