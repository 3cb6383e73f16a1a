#pragma once

#include "storage/ClassInfo.h"
#include "storage/Database.h"
#include "storage/Student.h"

#include <QTemporaryDir>

#include <memory>

namespace rollcall::test {

// A throw-away data folder (AppPaths points at it) with an open database, and
// quick ways to fill it through the repositories, for the GUI tests.
class UiFixture
{
public:
    UiFixture();
    ~UiFixture();

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString dataDir() const { return m_dir.path(); }
    Database &db() { return *m_db; }

    ClassInfo addClass(const QString &code, const QString &name = {});
    Student addStudent(const QString &classId, const QString &studentId, const QString &name);
    // A session on date with one status per student, in the order given.
    QString addSession(const QString &classId, const QDate &date, const QList<QPair<QString, QString>> &statuses);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    bool m_ok = false;
    QString m_error;
};

} // namespace rollcall::test
