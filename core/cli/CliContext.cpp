#include "cli/CliContext.h"

#include "common/AppPaths.h"
#include "models/ModelRegistry.h"
#include "storage/ClassRepository.h"
#include "storage/DataFolder.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rollcall {

CliContext::CliContext(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

CliContext::~CliContext() = default;

ModelRegistry &CliContext::models()
{
    if (!m_models)
        m_models = std::make_unique<ModelRegistry>(AppPaths::modelsDir());
    return *m_models;
}

Status CliContext::claimDataFolder(int waitMs)
{
    if (!m_folder)
        m_folder = std::make_unique<DataFolder>(AppPaths::dataDir());
    return m_folder->claim(waitMs);
}

Result<Database *> CliContext::database()
{
    if (!m_database) {
        if (Status s = claimDataFolder(DataFolderLock::defaultWaitMs()); !s)
            return s.error();
        auto db = std::make_unique<Database>(AppPaths::databasePath());
        if (Status s = db->open(); !s)
            return s.error();
        m_database = std::move(db);
    }
    return m_database.get();
}

PhotoStore &CliContext::photoStore()
{
    if (!m_photos)
        m_photos = std::make_unique<PhotoStore>(AppPaths::photoStoreDir());
    return *m_photos;
}

Result<ClassInfo> CliContext::classByCode(const QString &code)
{
    auto db = database();
    if (!db)
        return db.error();
    return ClassRepository(**db).findByCode(code);
}

Result<Student> CliContext::studentById(const QString &studentId, const QString &department)
{
    auto db = database();
    if (!db)
        return db.error();
    return StudentRepository(**db).findByStudentId(studentId, department);
}

void CliContext::closeDatabase()
{
    m_database.reset();
}

int CliContext::fail(const Error &error)
{
    QString message = error.message();
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_err << "rollcall-cli: " << message << Qt::endl;
    return error.exitCode();
}

int CliContext::usage(const QString &message)
{
    return fail(Error::usage(message));
}

void CliContext::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

} // namespace rollcall
