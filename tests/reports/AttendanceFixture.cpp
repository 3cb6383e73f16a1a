#include "AttendanceFixture.h"

#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

namespace rollcall::test {

AttendanceFixture::AttendanceFixture(Database &db)
    : m_db(db)
{ }

AttendanceStatus AttendanceFixture::statusFor(int student, int session)
{
    // Mostly present, with every other status mixed in; a few students attend badly.
    const int h = (student * 7 + session * 13 + (student * session) % 11) % 20;
    if (student % 9 == 4 && h < 12)
        return AttendanceStatus::Absent;
    if (h < 13)
        return AttendanceStatus::Present;
    if (h < 16)
        return AttendanceStatus::Absent;
    if (h < 18)
        return AttendanceStatus::Late;
    return h == 19 ? AttendanceStatus::Review : AttendanceStatus::Excused; // a few wait for review
}

Status AttendanceFixture::addClass(const QString &code, const QString &name)
{
    ClassInfo info;
    info.code = code;
    info.name = name;
    info.term = QStringLiteral("2026 autumn");
    info.department = QStringLiteral("Science");
    auto created = ClassRepository(m_db).create(info);
    if (!created)
        return created.error();
    m_classIds.insert(code, created->id);
    return {};
}

Status AttendanceFixture::addStudent(const QString &classCode, const QString &studentId, const QString &name,
                                     const QString &email)
{
    StudentRepository students(m_db);
    if (const QString uuid = m_studentUuids.value(studentId); !uuid.isEmpty())
        return students.addToClass(uuid, m_classIds.value(classCode));
    Student s;
    s.studentId = studentId;
    s.name = name;
    s.email = email;
    s.department = QStringLiteral("Science");
    auto added = students.add(s, m_classIds.value(classCode));
    if (!added)
        return added.error();
    m_studentUuids.insert(studentId, added->studentUuid);
    m_studentNumbers.insert(studentId, int(m_studentNumbers.size()));
    return {};
}

Status AttendanceFixture::addSession(const QString &classCode, const QDate &date, const QString &period,
                                     const QStringList &studentIds, int sessionNumber)
{
    AttendanceSession session;
    session.classId = m_classIds.value(classCode);
    session.date = date;
    session.period = period;
    session.subject = QStringLiteral("Subject %1").arg(sessionNumber % 3);
    session.takenBy = QStringLiteral("teacher");
    for (const QString &id : studentIds) {
        AttendanceRecord r;
        r.studentUuid = m_studentUuids.value(id);
        r.status = statusFor(m_studentNumbers.value(id), sessionNumber);
        r.source = (sessionNumber + m_studentNumbers.value(id)) % 4 == 0 ? MarkSource::Manual : MarkSource::Automatic;
        if (r.status == AttendanceStatus::Present && r.source == MarkSource::Automatic)
            r.distance = 0.25 + 0.01 * ((m_studentNumbers.value(id) + sessionNumber) % 20);
        session.records << r;
    }
    auto created = SessionRepository(m_db).create(session);
    if (!created)
        return created.error();
    m_sessionIds[classCode] << created->id;
    return {};
}

Status AttendanceFixture::populate()
{
    return m_db.transaction([&]() -> Status {
        for (const auto &[code, name] :
             { std::pair { "CS-A", "Computer Science A" }, std::pair { "MA-B", "Mathematics B" },
               std::pair { "EMPTY", "Empty class" } }) {
            if (Status s = addClass(QString::fromLatin1(code), QString::fromLatin1(name)); !s)
                return s;
        }
        const QList<QStringList> csa {
            { QStringLiteral("S001"), QStringLiteral("आशा वर्मा"), QStringLiteral("asha@uni.ac.in") },
            { QStringLiteral("S002"), QStringLiteral("O'Brien, \"Jim\""), QStringLiteral("jim@uni.ac.in") },
            { QStringLiteral("S003"), QStringLiteral("=1+1"), QString() },
            { QStringLiteral("S004"), QStringLiteral("+SUM(A1:A2)"), QString() },
            { QStringLiteral("S005"), QStringLiteral("-2+3"), QString() },
            { QStringLiteral("S006"), QStringLiteral("@cmd"), QString() },
            { QStringLiteral("S007"), QStringLiteral("क्षत्रिय, \"राज\""), QStringLiteral("raj@uni.ac.in") },
            { QStringLiteral("S008"), QStringLiteral("Plain Name"), QStringLiteral("plain@uni.ac.in") },
        };
        QStringList ids;
        for (const QStringList &s : csa) {
            if (Status st = addStudent(QStringLiteral("CS-A"), s.at(0), s.at(1), s.at(2)); !st)
                return st;
            ids << s.at(0);
        }
        const QList<std::pair<QDate, QString>> dates {
            { QDate(2026, 8, 3), QString() },
            { QDate(2026, 8, 4), QString() },
            { QDate(2026, 8, 5), QStringLiteral("P1") },
            { QDate(2026, 8, 5), QStringLiteral("P2") },
            { QDate(2026, 8, 10), QString() },
        };
        for (int n = 0; n < dates.size(); ++n) {
            if (n == 2) { // S009 joins the class after two sessions
                if (Status st = addStudent(QStringLiteral("CS-A"), QStringLiteral("S009"),
                                           QStringLiteral("Late Joiner"), QString());
                    !st)
                    return st;
                ids << QStringLiteral("S009");
            }
            if (Status st = addSession(QStringLiteral("CS-A"), dates.at(n).first, dates.at(n).second, ids, n); !st)
                return st;
        }
        for (const QString &id : { QStringLiteral("S001"), QStringLiteral("S008") }) {
            if (Status st = addStudent(QStringLiteral("MA-B"), id, {}, {}); !st)
                return st;
        }
        if (Status st = addStudent(QStringLiteral("MA-B"), QStringLiteral("M100"), QStringLiteral("Meera Iyer"),
                                   QStringLiteral("meera@uni.ac.in"));
            !st)
            return st;
        const QStringList mab { QStringLiteral("S001"), QStringLiteral("S008"), QStringLiteral("M100") };
        if (Status st = addSession(QStringLiteral("MA-B"), QDate(2026, 8, 4), QStringLiteral("P3"), mab, 1); !st)
            return st;
        return addSession(QStringLiteral("MA-B"), QDate(2026, 9, 1), QString(), mab, 2);
    });
}

Status AttendanceFixture::populateBig()
{
    return m_db.transaction([&]() -> Status {
        if (Status s = addClass(QStringLiteral("BIG"), QStringLiteral("Sixty students")); !s)
            return s;
        QStringList ids;
        for (int i = 1; i <= 60; ++i) {
            const QString id = QStringLiteral("B%1").arg(i, 3, 10, QLatin1Char('0'));
            const QString name
                = i % 2 ? QStringLiteral("छात्र संख्या %1").arg(i) : QStringLiteral("Student, \"%1\"").arg(i);
            if (Status s = addStudent(QStringLiteral("BIG"), id, name, QStringLiteral("b%1@uni.ac.in").arg(i)); !s)
                return s;
            ids << id;
        }
        for (int n = 0; n < 120; ++n) {
            if (Status s = addSession(QStringLiteral("BIG"), QDate(2026, 8, 1).addDays(n), QString(), ids, n); !s)
                return s;
        }
        return {};
    });
}

} // namespace rollcall::test
