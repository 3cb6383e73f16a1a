#pragma once

#include "common/Result.h"
#include "storage/AttendanceStatus.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

namespace rollcall {
class Database;
}

namespace rollcall::test {

// Fills a test database through the storage repositories:
// - CS-A: 9 students with Devanagari names, quotes and commas, and formula-like names
//   (=1+1, +SUM(…), -2+3, @cmd); 5 sessions (two on one day, periods P1/P2), one
//   student joining after the first two sessions; statuses of every kind;
// - MA-B: 3 students (two shared with CS-A), 2 sessions;
// - EMPTY: no students, no sessions;
// - BIG (populateBig): 60 students × 120 sessions.
class AttendanceFixture
{
public:
    explicit AttendanceFixture(Database &db);

    Status populate();
    Status populateBig();

    QString classId(const QString &code) const { return m_classIds.value(code); }
    QStringList sessionIds(const QString &code) const { return m_sessionIds.value(code); }
    QString studentUuid(const QString &studentId) const { return m_studentUuids.value(studentId); }

    // The status the fixture gives student number s in session number n of a class.
    static AttendanceStatus statusFor(int student, int session);

private:
    Status addClass(const QString &code, const QString &name);
    Status addStudent(const QString &classCode, const QString &studentId, const QString &name, const QString &email);
    Status addSession(const QString &classCode, const QDate &date, const QString &period, const QStringList &studentIds,
                      int sessionNumber);

    Database &m_db;
    QHash<QString, QString> m_classIds;
    QHash<QString, QStringList> m_sessionIds;
    QHash<QString, QString> m_studentUuids;
    QHash<QString, int> m_studentNumbers;
};

} // namespace rollcall::test
