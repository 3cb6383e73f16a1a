#include "reports/RosterEnrolmentReport.h"

#include <algorithm>

namespace rollcall {

QString RosterEnrolmentReport::Student::message() const
{
    switch (outcome) {
    case Outcome::Enrolled: {
        QString text
            = RosterEnrolmentReport::tr("enrolled with %1 of %n photo(s)", nullptr, int(photos.size())).arg(accepted());
        if (alreadyStored > 0)
            text
                += QLatin1Char(' ') + RosterEnrolmentReport::tr("(%n already enrolled before)", nullptr, alreadyStored);
        return text;
    }
    case Outcome::Refused:
        return RosterEnrolmentReport::tr("not enrolled: all %n photo(s) refused", nullptr, int(photos.size()));
    case Outcome::NoPhotos:
        return RosterEnrolmentReport::tr("no photo found");
    case Outcome::Failed:
        return RosterEnrolmentReport::tr("failed: %1").arg(error);
    case Outcome::NoConsent:
        return RosterEnrolmentReport::tr("skipped: no consent to face recognition recorded, photos not enrolled");
    }
    return {};
}

int RosterEnrolmentReport::count(Outcome outcome) const
{
    return int(std::count_if(students.cbegin(), students.cend(),
                             [outcome](const Student &s) { return s.outcome == outcome; }));
}

QString RosterEnrolmentReport::summary() const
{
    QString text = tr("Photos: %1 enrolled, %2 refused, %3 without photos, %4 file(s) matching no student")
                       .arg(count(Outcome::Enrolled))
                       .arg(count(Outcome::Refused))
                       .arg(count(Outcome::NoPhotos))
                       .arg(unmatched.size());
    if (count(Outcome::NoConsent) > 0)
        text += tr(", %1 skipped without consent").arg(count(Outcome::NoConsent));
    if (count(Outcome::Failed) > 0)
        text += QStringLiteral(", %1 failed").arg(count(Outcome::Failed));
    return text;
}

QString RosterEnrolmentReport::describe(const Photo &photo)
{
    // Decoding errors may already name the file.
    const QString reasons = photo.reasons.join(QLatin1Char(' '));
    if (reasons.isEmpty())
        return photo.file;
    return reasons.contains(photo.file) ? reasons : photo.file + QStringLiteral(": ") + reasons;
}

QString RosterEnrolmentReport::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Enrolled:
        return QStringLiteral("enrolled");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::NoPhotos:
        return QStringLiteral("no_photos");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::NoConsent:
        return QStringLiteral("no_consent");
    }
    return {};
}

} // namespace rollcall
