#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rollcall {

// What a roster import would do, row by row, before anything is written.
class RosterPreview
{
public:
    enum class Action { Add, Update, Unchanged, Reject };
    enum class Reason { MissingId, DuplicateId, BadEmail, MissingName, BadConsent };

    struct Entry
    {
        int row = 0; // 1-based row in the file, as a spreadsheet shows it
        QString studentId;
        QString name;
        QString email;
        std::optional<bool> consent {}; // the consent column's value; none: no column or empty cell
        Action action = Action::Add;
        QList<Reason> reasons; // Reject only
        QStringList changes; // Update only: "name: old → new", "email: …", "consent: …", "joins the class"
        QString message() const; // reasons or changes as one line for people
    };

    QList<Entry> entries;

    int count(Action action) const;
    bool hasRejections() const { return count(Action::Reject) > 0; }
    // Rows that would be written (added or updated).
    int writeCount() const { return count(Action::Add) + count(Action::Update); }

    static QString actionName(Action action); // "add", "update", "unchanged", "reject"
    static QString reasonText(Reason reason);
};

} // namespace rollcall
