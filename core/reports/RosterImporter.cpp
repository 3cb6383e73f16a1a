#include "reports/RosterImporter.h"

#include "common/LogCategories.h"
#include "reports/CsvReader.h"
#include "reports/XlsxReader.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/StudentRepository.h"

#include <QFile>
#include <QRegularExpression>

namespace rollcall {

namespace {

QString normaliseHeader(const QString &header)
{
    QString key;
    for (const QChar c : header.toCaseFolded()) {
        if (c.isLetterOrNumber())
            key.append(c);
    }
    return key;
}

QString cleanName(const QString &name)
{
    return name.simplified().normalized(QString::NormalizationForm_C);
}

} // namespace

std::optional<RosterImporter::Field> RosterImporter::headerField(const QString &header)
{
    static const QHash<QString, Field> aliases = [] {
        QHash<QString, Field> h;
        for (const char *a : { "id", "studentid", "rollno", "rollnumber", "roll", "rollnum", "registrationno",
                               "registrationnumber", "regno", "enrolmentno", "enrollmentno", "enrolmentnumber",
                               "enrollmentnumber", "admissionno", "admissionnumber", "usn", "prn" })
            h.insert(QString::fromLatin1(a), Field::Id);
        for (const char *a : { "name", "studentname", "fullname" })
            h.insert(QString::fromLatin1(a), Field::Name);
        for (const char *a : { "email", "emailaddress", "mail", "emailid" })
            h.insert(QString::fromLatin1(a), Field::Email);
        for (const char *a : { "consent", "consented", "photoconsent", "facerecognitionconsent" })
            h.insert(QString::fromLatin1(a), Field::Consent);
        return h;
    }();
    const auto it = aliases.constFind(normaliseHeader(header));
    if (it == aliases.cend())
        return std::nullopt;
    return *it;
}

bool RosterImporter::isValidEmail(const QString &email)
{
    // Pragmatic, not RFC 5322: one @, no spaces, a dotted domain without empty labels.
    static const QRegularExpression re(
        QStringLiteral("^[^\\s@\"(),:;<>\\[\\]\\\\]+@[^\\s@\"(),:;<>\\[\\]\\\\.]+(\\.[^\\s@\"(),:;<>\\[\\]\\\\.]+)+$"));
    if (email.size() > 254 || email.contains(QLatin1String("..")) || email.startsWith(QLatin1Char('.'))
        || email.contains(QLatin1String(".@")))
        return false;
    return re.match(email).hasMatch();
}

std::optional<bool> RosterImporter::parseConsent(const QString &value, bool *ok)
{
    const QString v = value.trimmed().toCaseFolded();
    *ok = true;
    if (v.isEmpty())
        return std::nullopt;
    for (const char *yes : { "yes", "y", "1", "true" }) {
        if (v == QLatin1String(yes))
            return true;
    }
    for (const char *no : { "no", "n", "0", "false" }) {
        if (v == QLatin1String(no))
            return false;
    }
    *ok = false;
    return std::nullopt;
}

Result<QList<RosterImporter::Row>> RosterImporter::rowsFromTable(const QList<QStringList> &table)
{
    qsizetype headerIndex = 0;
    auto isBlank = [](const QStringList &r) {
        for (const QString &cell : r) {
            if (!cell.trimmed().isEmpty())
                return false;
        }
        return true;
    };
    while (headerIndex < table.size() && isBlank(table.at(headerIndex)))
        ++headerIndex;
    if (headerIndex == table.size())
        return Error::badInput(QStringLiteral("the roster file is empty"));

    int columns[4] = { -1, -1, -1, -1 };
    const QStringList &header = table.at(headerIndex);
    for (qsizetype c = 0; c < header.size(); ++c) {
        const auto field = headerField(header.at(c));
        if (!field)
            continue;
        int &slot = columns[int(*field)];
        if (slot >= 0)
            return Error::badInput(
                QStringLiteral("the roster header has two columns for the same field: \"%1\" and \"%2\"")
                    .arg(header.at(slot).trimmed(), header.at(c).trimmed()));
        slot = int(c);
    }
    if (columns[int(Field::Id)] < 0)
        return Error::badInput(QStringLiteral("the roster has no ID column (accepted headers: ID, Student ID, Roll "
                                              "No, Registration No, Enrolment No, …); header found: %1")
                                   .arg(header.join(QLatin1String(", "))));
    if (columns[int(Field::Name)] < 0)
        return Error::badInput(QStringLiteral("the roster has no name column (accepted headers: Name, Student Name, "
                                              "Full Name); header found: %1")
                                   .arg(header.join(QLatin1String(", "))));

    QList<Row> rows;
    for (qsizetype i = headerIndex + 1; i < table.size(); ++i) {
        const QStringList &cells = table.at(i);
        if (isBlank(cells))
            continue;
        Row row;
        row.row = int(i) + 1;
        row.studentId = cells.value(columns[int(Field::Id)]).trimmed();
        row.name = cleanName(cells.value(columns[int(Field::Name)]));
        if (columns[int(Field::Email)] >= 0)
            row.email = cells.value(columns[int(Field::Email)]).trimmed();
        if (columns[int(Field::Consent)] >= 0)
            row.consent = cells.value(columns[int(Field::Consent)]).trimmed();
        rows.append(row);
    }
    return rows;
}

Result<QList<RosterImporter::Row>> RosterImporter::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    const QByteArray head = file.peek(4);
    Result<QList<QStringList>> table = QList<QStringList>();
    if (head.startsWith("PK\x03\x04")) {
        file.close();
        table = XlsxReader::readFirstSheet(path);
    } else {
        if (file.size() > XlsxReader::kMaxPartSize)
            return Error::badInput(QStringLiteral("%1 is too large for a roster").arg(path));
        table = CsvReader::parse(file.readAll());
    }
    if (!table)
        return table.error();
    return rowsFromTable(*table);
}

RosterPreview RosterImporter::preview(const QList<Row> &rows, const QHash<QString, Existing> &existing)
{
    QHash<QString, int> idCount;
    for (const Row &r : rows) {
        if (!r.studentId.isEmpty())
            ++idCount[r.studentId];
    }

    RosterPreview preview;
    preview.entries.reserve(rows.size());
    for (const Row &r : rows) {
        RosterPreview::Entry e;
        e.row = r.row;
        e.studentId = r.studentId;
        e.name = r.name;
        e.email = r.email;
        if (r.studentId.isEmpty())
            e.reasons.append(RosterPreview::Reason::MissingId);
        else if (idCount.value(r.studentId) > 1)
            e.reasons.append(RosterPreview::Reason::DuplicateId);
        if (r.name.isEmpty())
            e.reasons.append(RosterPreview::Reason::MissingName);
        if (!r.email.isEmpty() && !isValidEmail(r.email))
            e.reasons.append(RosterPreview::Reason::BadEmail);
        bool consentOk = true;
        e.consent = parseConsent(r.consent, &consentOk);
        if (!consentOk)
            e.reasons.append(RosterPreview::Reason::BadConsent);

        if (!e.reasons.isEmpty()) {
            e.action = RosterPreview::Action::Reject;
        } else if (const auto it = existing.constFind(r.studentId); it != existing.cend()) {
            if (it->name != r.name)
                e.changes.append(QStringLiteral("name: %1 → %2").arg(it->name, r.name));
            if (!r.email.isEmpty() && it->email != r.email)
                e.changes.append(QStringLiteral("email: %1 → %2")
                                     .arg(it->email.isEmpty() ? QStringLiteral("(none)") : it->email, r.email));
            if (e.consent && *e.consent != it->consent)
                e.changes.append(*e.consent ? QStringLiteral("consent: no → yes")
                                            : QStringLiteral("consent: yes → no"));
            if (!it->inClass)
                e.changes.append(QStringLiteral("joins the class"));
            if (r.email.isEmpty())
                e.email = it->email;
            e.action = e.changes.isEmpty() ? RosterPreview::Action::Unchanged : RosterPreview::Action::Update;
        } else {
            e.action = RosterPreview::Action::Add;
        }
        preview.entries.append(e);
    }
    return preview;
}

Result<QHash<QString, RosterImporter::Existing>> RosterImporter::existingStudents(Database &db, const QString &classId)
{
    auto cls = ClassRepository(db).find(classId);
    if (!cls)
        return cls.error();
    auto students = StudentRepository(db).list();
    if (!students)
        return students.error();
    QHash<QString, Existing> existing;
    for (const Student &s : std::as_const(*students)) {
        if (s.departmentId != cls->departmentId)
            continue;
        existing.insert(s.studentId, Existing { s.name, s.email, s.classCodes.contains(cls->code), s.consent });
    }
    return existing;
}

Result<RosterImporter::Outcome> RosterImporter::apply(Database &db, const QString &classId, const QList<Row> &rows,
                                                      bool skipBad, const QString &actor, PhotoStore *photos)
{
    Outcome outcome;
    const Status status = db.transaction([&]() -> Status {
        auto existing = existingStudents(db, classId);
        if (!existing)
            return existing.error();
        auto cls = ClassRepository(db).find(classId);
        if (!cls)
            return cls.error();
        outcome.preview = preview(rows, *existing);
        const int rejected = outcome.preview.count(RosterPreview::Action::Reject);
        if (rejected > 0 && !skipBad)
            return Error::badInput(QStringLiteral("%1 row(s) of the roster are rejected; nothing was imported "
                                                  "(fix them, or skip the bad rows)")
                                       .arg(rejected));
        StudentRepository students(db, photos);
        for (const RosterPreview::Entry &e : std::as_const(outcome.preview.entries)) {
            switch (e.action) {
            case RosterPreview::Action::Reject:
                ++outcome.skipped;
                break;
            case RosterPreview::Action::Unchanged:
                ++outcome.unchanged;
                break;
            case RosterPreview::Action::Add: {
                Student s;
                s.studentId = e.studentId;
                s.name = e.name;
                s.email = e.email;
                s.department = cls->department;
                s.consent = e.consent.value_or(false);
                auto added = students.add(s, classId);
                if (!added)
                    return Error(added.error().code(),
                                 QStringLiteral("row %1: %2").arg(e.row).arg(added.error().message()));
                ++outcome.added;
                break;
            }
            case RosterPreview::Action::Update: {
                auto found = students.findByStudentId(e.studentId, cls->department);
                if (!found)
                    return Error(found.error().code(),
                                 QStringLiteral("row %1: %2").arg(e.row).arg(found.error().message()));
                const Existing &old = existing->value(e.studentId);
                StudentRepository::Changes changes;
                if (old.name != e.name)
                    changes.name = e.name;
                if (old.email != e.email)
                    changes.email = e.email;
                // Withdrawn here, it erases the student's biometrics (StudentRepository::edit).
                if (e.consent && *e.consent != old.consent)
                    changes.consent = *e.consent;
                if (changes.name || changes.email || changes.consent) {
                    auto edited = students.edit(found->studentUuid, changes, actor);
                    if (!edited)
                        return Error(edited.error().code(),
                                     QStringLiteral("row %1: %2").arg(e.row).arg(edited.error().message()));
                }
                if (!old.inClass) {
                    if (Status st = students.addToClass(found->studentUuid, classId, actor); !st)
                        return Error(st.error().code(),
                                     QStringLiteral("row %1: %2").arg(e.row).arg(st.error().message()));
                }
                ++outcome.updated;
                break;
            }
            }
        }
        return {};
    });
    if (!status)
        return status.error();
    qCInfo(lcReports) << "roster import:" << outcome.added << "added," << outcome.updated << "updated,"
                      << outcome.unchanged << "unchanged," << outcome.skipped << "skipped";
    return outcome;
}

} // namespace rollcall
