#pragma once

#include "common/Error.h"
#include "common/Result.h"
#include "storage/ClassInfo.h"
#include "storage/Student.h"

#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace rollcall {

class DataFolder;
class Database;
class ModelRegistry;
class PhotoStore;

// What every command gets: output streams and lazily created core services.
class CliContext
{
public:
    CliContext(QTextStream &out, QTextStream &err);
    ~CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    ModelRegistry &models();
    // The database at AppPaths::databasePath(), opened (and migrated) on first use, after
    // claiming the data folder (waiting up to DataFolderLock::defaultWaitMs() for another process).
    Result<Database *> database();
    // Takes the data folder's lock (kept until the context ends), waiting up to waitMs.
    Status claimDataFolder(int waitMs);
    // The photo store at AppPaths::photoStoreDir().
    PhotoStore &photoStore();
    // The live class with this code (opens the database).
    Result<ClassInfo> classByCode(const QString &code);
    // The student with this roll number (in department, when given).
    Result<Student> studentById(const QString &studentId, const QString &department = {});
    // Closes the database (restore replaces the file).
    void closeDatabase();

    // Prints "rollcall-cli: <message>" on stderr and returns the exit code.
    int fail(const Error &error);
    int usage(const QString &message);
    // Prints compact JSON on stdout.
    void printJson(const QJsonObject &object);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ModelRegistry> m_models;
    std::unique_ptr<DataFolder> m_folder;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PhotoStore> m_photos;
};

} // namespace rollcall
