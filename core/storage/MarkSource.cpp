#include "storage/MarkSource.h"

namespace rollcall {

QString markSourceName(MarkSource source)
{
    return source == MarkSource::Manual ? QStringLiteral("manual") : QStringLiteral("automatic");
}

std::optional<MarkSource> markSourceFromString(const QString &text)
{
    if (text == QLatin1String("manual"))
        return MarkSource::Manual;
    if (text == QLatin1String("automatic"))
        return MarkSource::Automatic;
    return std::nullopt;
}

} // namespace rollcall
