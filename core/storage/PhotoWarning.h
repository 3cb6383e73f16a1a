#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rollcall {

// Something about a classroom photo that a person should know before trusting the
// marking: it was used before, it was not taken on the session's day, or it does not
// say when it was taken. Recorded with the session; never blocks saving.
struct PhotoWarning
{
    enum class Code { Reused, DateMismatch, NoCaptureTime };

    int photo = -1; // index in the marking's photos
    Code code = Code::NoCaptureTime;
    QString message; // English, as stored and printed by the CLI

    static QString codeName(Code code); // photo_reused, photo_date_mismatch, photo_no_capture_time
    static std::optional<Code> codeFromName(const QString &name);
    QJsonObject toJson() const; // {"photo", "code", "message"}
    static std::optional<PhotoWarning> fromJson(const QJsonObject &object);
};

} // namespace rollcall
