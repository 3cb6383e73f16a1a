#include "TestDatabase.h"

#include <QDir>

namespace rollcall::test {

TestDatabase::TestDatabase()
{
    m_db = std::make_unique<Database>(path());
    m_photos = std::make_unique<PhotoStore>(QDir(m_dir.path()).filePath(QStringLiteral("photos")));
    m_status = m_db->open();
    if (!m_status)
        m_errorText = m_status.error().message().toUtf8();
}

QString TestDatabase::path() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("rollcall.sqlite"));
}

const char *TestDatabase::errorText() const
{
    return m_errorText.constData();
}

} // namespace rollcall::test
