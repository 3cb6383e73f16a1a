#include "UiFixture.h"

#include "common/AppPaths.h"
#include "storage/ClassRepository.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QThreadPool>

namespace rollcall::test {

UiFixture::UiFixture()
{
    AppPaths::setDataDirOverride(m_dir.path());
    m_db = std::make_unique<Database>(AppPaths::databasePath());
    const Status opened = m_db->open();
    m_ok = m_dir.isValid() && opened.ok();
    if (!opened)
        m_error = opened.error().message();
}

UiFixture::~UiFixture()
{
    // Views read and write in the background: let them finish before the database goes.
    QThreadPool::globalInstance()->waitForDone();
}

ClassInfo UiFixture::addClass(const QString &code, const QString &name)
{
    ClassInfo info;
    info.code = code;
    info.name = name;
    Result<ClassInfo> created = ClassRepository(*m_db).create(info);
    return created ? created.value() : ClassInfo();
}

Student UiFixture::addStudent(const QString &classId, const QString &studentId, const QString &name)
{
    Student s;
    s.studentId = studentId;
    s.name = name;
    Result<Student> added = StudentRepository(*m_db).add(s, classId);
    return added ? added.value() : Student();
}

QString UiFixture::addSession(const QString &classId, const QDate &date, const QList<QPair<QString, QString>> &statuses)
{
    AttendanceSession session;
    session.classId = classId;
    session.date = date;
    for (const auto &[uuid, status] : statuses) {
        AttendanceRecord record;
        record.studentUuid = uuid;
        record.status = attendanceStatusFromString(status).value_or(AttendanceStatus::Absent);
        session.records.append(record);
    }
    Result<AttendanceSession> created = SessionRepository(*m_db).create(session);
    return created ? created->id : QString();
}

} // namespace rollcall::test
