#include "storage/Schema.h"

namespace rollcall {
namespace {

// The bookkeeping columns, spliced into every synced table.
const char *const kRowColumns = "id TEXT PRIMARY KEY NOT NULL,"
                                " created_at INTEGER NOT NULL,"
                                " updated_at INTEGER NOT NULL,"
                                " deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
                                " origin_device TEXT NOT NULL";

QString table(const char *name, const char *columns)
{
    return QStringLiteral("CREATE TABLE %1 (%2, %3)")
        .arg(QLatin1String(name), QLatin1String(kRowColumns), QLatin1String(columns));
}

QString ref(const char *parent)
{
    return QStringLiteral("REFERENCES %1(id) DEFERRABLE INITIALLY DEFERRED").arg(QLatin1String(parent));
}

Migration migration1()
{
    Migration m;
    m.version = 1;
    m.description = QStringLiteral("Initial schema");
    const QString deptRef = ref("departments");
    const QString classRef = ref("classes");
    const QString studentRef = ref("students");
    const QString photoRef = ref("enrolment_photos");
    const QString sessionRef = ref("attendance_sessions");
    m.statements = {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
        table("departments", "name TEXT NOT NULL"),
        QStringLiteral("CREATE UNIQUE INDEX departments_name ON departments(name) WHERE deleted = 0"),
    };
    m.statements << QStringLiteral("CREATE TABLE classes (%1, code TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',"
                                   " term TEXT NOT NULL DEFAULT '', department_id TEXT %2)")
                        .arg(QLatin1String(kRowColumns), deptRef)
                 << QStringLiteral("CREATE UNIQUE INDEX classes_code ON classes(code) WHERE deleted = 0")
                 // student_id is the human roll/student ID; references to a student row use student_uuid.
                 << QStringLiteral("CREATE TABLE students (%1, student_id TEXT NOT NULL, name TEXT NOT NULL,"
                                   " email TEXT NOT NULL DEFAULT '', department_id TEXT %2,"
                                   " active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
                                   " consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),"
                                   " consent_at TEXT)")
                        .arg(QLatin1String(kRowColumns), deptRef)
                 << QStringLiteral("CREATE UNIQUE INDEX students_number ON students(coalesce(department_id, ''),"
                                   " student_id) WHERE deleted = 0")
                 << QStringLiteral("CREATE TABLE class_members (%1, class_id TEXT NOT NULL %2,"
                                   " student_uuid TEXT NOT NULL %3)")
                        .arg(QLatin1String(kRowColumns), classRef, studentRef)
                 << QStringLiteral("CREATE UNIQUE INDEX class_members_pair ON class_members(class_id, student_uuid)"
                                   " WHERE deleted = 0")
                 << QStringLiteral("CREATE INDEX class_members_student ON class_members(student_uuid)")
                 << QStringLiteral("CREATE TABLE enrolment_photos (%1, student_uuid TEXT NOT NULL %2,"
                                   " photo_hash TEXT NOT NULL, source TEXT NOT NULL DEFAULT '',"
                                   " width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0,"
                                   " detector_score REAL, sharpness REAL, brightness REAL, face_size REAL)")
                        .arg(QLatin1String(kRowColumns), studentRef)
                 << QStringLiteral("CREATE INDEX enrolment_photos_student ON enrolment_photos(student_uuid)")
                 // vector: float32 little-endian, dimension values.
                 << QStringLiteral("CREATE TABLE embeddings (%1, student_uuid TEXT NOT NULL %2,"
                                   " model_id TEXT NOT NULL, dimension INTEGER NOT NULL, vector BLOB NOT NULL,"
                                   " photo_id TEXT %3)")
                        .arg(QLatin1String(kRowColumns), studentRef, photoRef)
                 << QStringLiteral("CREATE INDEX embeddings_model ON embeddings(model_id, student_uuid)")
                 // date: YYYY-MM-DD; source_photos: photo-store hashes separated by spaces.
                 << QStringLiteral("CREATE TABLE attendance_sessions (%1, class_id TEXT NOT NULL %2,"
                                   " date TEXT NOT NULL, period TEXT NOT NULL DEFAULT '',"
                                   " subject TEXT NOT NULL DEFAULT '', taken_by TEXT NOT NULL DEFAULT '',"
                                   " taken_at TEXT, source_photos TEXT NOT NULL DEFAULT '',"
                                   " photos_purged INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '')")
                        .arg(QLatin1String(kRowColumns), classRef)
                 << QStringLiteral("CREATE INDEX attendance_sessions_class ON attendance_sessions(class_id, date)")
                 << QStringLiteral("CREATE TABLE attendance_records (%1, session_id TEXT NOT NULL %2,"
                                   " student_uuid TEXT NOT NULL %3,"
                                   " status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'late', 'excused')),"
                                   " source TEXT NOT NULL CHECK (source IN ('automatic', 'manual')),"
                                   " distance REAL, photo_index INTEGER, box_x INTEGER, box_y INTEGER, box_w INTEGER,"
                                   " box_h INTEGER, UNIQUE (session_id, student_uuid))")
                        .arg(QLatin1String(kRowColumns), sessionRef, studentRef)
                 << QStringLiteral("CREATE INDEX attendance_records_student ON attendance_records(student_uuid)")
                 << QStringLiteral("CREATE TABLE audit_log (%1, actor TEXT NOT NULL, entity TEXT NOT NULL,"
                                   " entity_id TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT,"
                                   " source TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '')")
                        .arg(QLatin1String(kRowColumns))
                 << QStringLiteral("CREATE INDEX audit_log_entity ON audit_log(entity_id)");
    // Sync asks "what changed since T" per table. The tables of this version only: later
    // migrations index the tables they add.
    const QStringList version1Tables { QStringLiteral("departments"),
                                       QStringLiteral("classes"),
                                       QStringLiteral("students"),
                                       QStringLiteral("class_members"),
                                       QStringLiteral("enrolment_photos"),
                                       QStringLiteral("embeddings"),
                                       QStringLiteral("attendance_sessions"),
                                       QStringLiteral("attendance_records"),
                                       QStringLiteral("audit_log") };
    for (const QString &t : version1Tables)
        m.statements << QStringLiteral("CREATE INDEX %1_updated ON %1(updated_at)").arg(t);
    return m;
}

// A covering index for the class register (AttendanceQueries::classRegister): the records
// of a session are read from the index alone, without a table lookup per record.
Migration migration2()
{
    Migration m;
    m.version = 2;
    m.description = QStringLiteral("Covering index for class registers");
    m.statements
        = { QStringLiteral("CREATE INDEX attendance_records_register ON attendance_records(session_id, deleted,"
                           " student_uuid, status)") };
    return m;
}

// The 'review' status: an uncertain match nobody confirmed. SQLite cannot change a CHECK
// constraint in place, so the table is rebuilt (the documented 12-step way: nothing
// references attendance_records, so foreign keys stay on) and its indexes recreated.
Migration migration3()
{
    Migration m;
    m.version = 3;
    m.description = QStringLiteral("Attendance status 'review' for unconfirmed matches");
    const QString columns = QStringLiteral("id, created_at, updated_at, deleted, origin_device, session_id,"
                                           " student_uuid, status, source, distance, photo_index, box_x, box_y,"
                                           " box_w, box_h");
    m.statements
        << QStringLiteral("CREATE TABLE attendance_records_v3 (%1, session_id TEXT NOT NULL %2,"
                          " student_uuid TEXT NOT NULL %3,"
                          " status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'late', 'excused', 'review')),"
                          " source TEXT NOT NULL CHECK (source IN ('automatic', 'manual')),"
                          " distance REAL, photo_index INTEGER, box_x INTEGER, box_y INTEGER, box_w INTEGER,"
                          " box_h INTEGER, UNIQUE (session_id, student_uuid))")
               .arg(QLatin1String(kRowColumns), ref("attendance_sessions"), ref("students"))
        << QStringLiteral("INSERT INTO attendance_records_v3 (%1) SELECT %1 FROM attendance_records").arg(columns)
        << QStringLiteral("DROP TABLE attendance_records")
        << QStringLiteral("ALTER TABLE attendance_records_v3 RENAME TO attendance_records")
        << QStringLiteral("CREATE INDEX attendance_records_student ON attendance_records(student_uuid)")
        << QStringLiteral("CREATE INDEX attendance_records_updated ON attendance_records(updated_at)")
        << QStringLiteral("CREATE INDEX attendance_records_register ON attendance_records(session_id, deleted,"
                          " student_uuid, status)");
    return m;
}

// Erasures (GDPR-style "forget", consent withdrawn, photo retention) as synced records,
// so every PC and the server apply them and nothing erased comes back through sync.
// subject names a student (uuid) or a photo-store hash by value: no foreign key, since
// the student row may not have arrived yet on the PC that receives the erasure.
Migration migration4()
{
    Migration m;
    m.version = 4;
    m.description = QStringLiteral("Synced erasure records");
    m.statements << QStringLiteral("CREATE TABLE erasures (%1,"
                                   " kind TEXT NOT NULL CHECK (kind IN ('student', 'biometrics', 'photo')),"
                                   " subject TEXT NOT NULL, actor TEXT NOT NULL DEFAULT '',"
                                   " reason TEXT NOT NULL DEFAULT '')")
                        .arg(QLatin1String(kRowColumns))
                 << QStringLiteral("CREATE INDEX erasures_subject ON erasures(subject)")
                 << QStringLiteral("CREATE INDEX erasures_updated ON erasures(updated_at)");
    return m;
}

} // namespace

const std::vector<Migration> &Schema::migrations()
{
    static const std::vector<Migration> all { migration1(), migration2(), migration3(), migration4() };
    return all;
}

int Schema::latestVersion()
{
    return migrations().back().version;
}

QStringList Schema::syncedTables()
{
    return { QStringLiteral("departments"),
             QStringLiteral("classes"),
             QStringLiteral("students"),
             QStringLiteral("class_members"),
             QStringLiteral("enrolment_photos"),
             QStringLiteral("embeddings"),
             QStringLiteral("attendance_sessions"),
             QStringLiteral("attendance_records"),
             QStringLiteral("audit_log"),
             QStringLiteral("erasures") };
}

QStringList Schema::bookkeepingColumns()
{
    return { QStringLiteral("id"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
             QStringLiteral("deleted"), QStringLiteral("origin_device") };
}

} // namespace rollcall
