#pragma once

#include <QString>

#include <optional>

namespace rollcall {

// Who decided an attendance status: the recogniser ('automatic') or a person ('manual').
enum class MarkSource { Automatic, Manual };

QString markSourceName(MarkSource source);
std::optional<MarkSource> markSourceFromString(const QString &text);

} // namespace rollcall
