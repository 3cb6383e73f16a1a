#pragma once

#include "storage/Database.h"
#include "storage/PhotoStore.h"

#include <QTemporaryDir>

#include <memory>

namespace rollcall::test {

// A fresh, opened RollCall database and photo store in a temporary folder, for tests.
// QVERIFY2(fixture.ok(), fixture.errorText()) after constructing it.
class TestDatabase
{
public:
    TestDatabase();

    bool ok() const { return m_status.ok(); }
    const char *errorText() const;

    Database &db() { return *m_db; }
    PhotoStore &photos() { return *m_photos; }
    QString dir() const { return m_dir.path(); } // data folder: rollcall.sqlite, photos/
    QString path() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PhotoStore> m_photos;
    Status m_status;
    QByteArray m_errorText;
};

} // namespace rollcall::test
