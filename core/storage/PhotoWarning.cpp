#include "storage/PhotoWarning.h"

namespace rollcall {

QString PhotoWarning::codeName(Code code)
{
    switch (code) {
    case Code::Reused:
        return QStringLiteral("photo_reused");
    case Code::DateMismatch:
        return QStringLiteral("photo_date_mismatch");
    case Code::NoCaptureTime:
        return QStringLiteral("photo_no_capture_time");
    }
    return {};
}

std::optional<PhotoWarning::Code> PhotoWarning::codeFromName(const QString &name)
{
    for (Code c : { Code::Reused, Code::DateMismatch, Code::NoCaptureTime }) {
        if (codeName(c) == name)
            return c;
    }
    return std::nullopt;
}

QJsonObject PhotoWarning::toJson() const
{
    return { { QStringLiteral("photo"), photo },
             { QStringLiteral("code"), codeName(code) },
             { QStringLiteral("message"), message } };
}

std::optional<PhotoWarning> PhotoWarning::fromJson(const QJsonObject &object)
{
    const auto code = codeFromName(object.value(QLatin1String("code")).toString());
    if (!code)
        return std::nullopt;
    PhotoWarning w;
    w.photo = object.value(QLatin1String("photo")).toInt(-1);
    w.code = *code;
    w.message = object.value(QLatin1String("message")).toString();
    return w;
}

} // namespace rollcall
