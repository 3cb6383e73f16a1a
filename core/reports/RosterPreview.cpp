#include "reports/RosterPreview.h"

namespace rollcall {

QString RosterPreview::Entry::message() const
{
    if (action == Action::Reject) {
        QStringList parts;
        for (const Reason r : reasons)
            parts.append(reasonText(r));
        return parts.join(QLatin1String("; "));
    }
    return changes.join(QLatin1String("; "));
}

int RosterPreview::count(Action action) const
{
    int n = 0;
    for (const Entry &e : entries)
        n += e.action == action ? 1 : 0;
    return n;
}

QString RosterPreview::actionName(Action action)
{
    switch (action) {
    case Action::Add:
        return QStringLiteral("add");
    case Action::Update:
        return QStringLiteral("update");
    case Action::Unchanged:
        return QStringLiteral("unchanged");
    case Action::Reject:
        return QStringLiteral("reject");
    }
    return {};
}

QString RosterPreview::reasonText(Reason reason)
{
    switch (reason) {
    case Reason::MissingId:
        return QStringLiteral("missing ID");
    case Reason::DuplicateId:
        return QStringLiteral("duplicate ID in the file");
    case Reason::BadEmail:
        return QStringLiteral("bad email");
    case Reason::MissingName:
        return QStringLiteral("missing name");
    case Reason::BadConsent:
        return QStringLiteral("consent is not yes/no, 1/0 or true/false");
    }
    return {};
}

} // namespace rollcall
