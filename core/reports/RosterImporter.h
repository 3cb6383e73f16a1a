#pragma once

#include "common/Result.h"
#include "reports/RosterPreview.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace rollcall {

class Database;
class PhotoStore;

// Reads a class roster (CSV or XLSX) with columns ID, name and optionally email and
// consent (to face recognition: yes/no, 1/0, true/false; only students with consent
// get their photos enrolled),
// and works out what importing it would do (RosterPreview).
//
// Header names are matched case-insensitively, ignoring spaces and punctuation,
// in any order, with aliases: ID = "Student ID", "Roll No", "Roll Number",
// "Registration No", "Reg No", "Enrolment No", "Enrollment No", "Admission No",
// "USN", "PRN"; name = "Student Name", "Full Name"; email = "E-mail", "Email
// Address", "Mail", "Email ID"; consent = "Consented", "Photo Consent", "Face
// Recognition Consent". The first non-empty row is the header; empty rows
// are skipped. Values are trimmed, names get their inner whitespace collapsed and
// are put in Unicode NFC, so a name typed with decomposed Devanagari matches the
// stored one.
class RosterImporter
{
public:
    enum class Field { Id, Name, Email, Consent };

    struct Row
    {
        int row = 0; // 1-based row number in the file
        QString studentId;
        QString name;
        QString email;
        QString consent {}; // as written; preview() reads it (parseConsent)
    };

    // A student already in the database, by student ID.
    struct Existing
    {
        QString name;
        QString email;
        bool inClass = false; // already a member of the class being imported into
        bool consent = false;
    };

    // CSV or XLSX, told apart by content (a zip signature means XLSX).
    static Result<QList<Row>> readFile(const QString &path);
    // Maps the header of an already parsed table and returns its data rows.
    static Result<QList<Row>> rowsFromTable(const QList<QStringList> &table);

    // Rejects rows with a missing ID, a missing name, a bad email, or an ID that
    // occurs more than once in the file (every occurrence: which one is right
    // cannot be known), or a consent that is not yes/no. An email or consent left empty
    // keeps the stored one (a new student without it has no consent).
    static RosterPreview preview(const QList<Row> &rows, const QHash<QString, Existing> &existing);

    // What apply() did.
    struct Outcome
    {
        RosterPreview preview; // as applied (worked out again inside the transaction)
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = 0; // rejected rows left out (skipBad)
    };

    // The students of the class's department, by student ID, for preview().
    static Result<QHash<QString, Existing>> existingStudents(Database &db, const QString &classId);

    // Imports rows into the class in ONE transaction: adds new students (to the class's
    // department), updates names/emails and adds existing students to the class. With
    // rejected rows nothing is written unless skipBad, which leaves them out. The
    // preview is worked out again inside the transaction, so a change made since the
    // caller's preview cannot be overwritten blindly.
    // photos: where a consent withdrawn by the roster deletes the student's crops (none: left).
    static Result<Outcome> apply(Database &db, const QString &classId, const QList<Row> &rows, bool skipBad,
                                 const QString &actor = {}, PhotoStore *photos = nullptr);

    static std::optional<Field> headerField(const QString &header);
    static bool isValidEmail(const QString &email);
    // yes/no, y/n, 1/0, true/false (any case); empty gives none; anything else is bad (*ok false).
    static std::optional<bool> parseConsent(const QString &value, bool *ok);
};

} // namespace rollcall
