#include "storage/SqlHelper.h"

#include "common/LogCategories.h"

#include <QUuid>

namespace rollcall {

Result<QSqlQuery> SqlHelper::exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return toError(query.lastError(), QStringLiteral("preparing a statement"));
    if (Status s = execPrepared(query, values); !s)
        return s.error();
    return query;
}

Status SqlHelper::execPrepared(QSqlQuery &query, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(static_cast<int>(i), values.at(i));
    if (!query.exec()) {
        qCDebug(lcStorage) << "statement failed:" << query.lastQuery() << query.lastError().text();
        return toError(query.lastError(), QString());
    }
    return {};
}

int SqlHelper::sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // Extended result codes carry the primary code in the low byte.
    return ok ? (code & 0xff) : -1;
}

Error SqlHelper::toError(const QSqlError &error, const QString &what)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    QString message;
    switch (sqliteCode(error)) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        message = QStringLiteral("The database is locked by another program (busy timeout expired); nothing was "
                                 "changed. Close the other program or try again.");
        break;
    case 8: // SQLITE_READONLY
        message = QStringLiteral("The database is read-only; nothing was changed. Check the file's permissions.");
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        message = QStringLiteral("The database file is damaged or not a database (%1). Restore a backup.").arg(detail);
        break;
    case 13: // SQLITE_FULL
        message = QStringLiteral("The disk is full; the change was not saved.");
        break;
    case 10: // SQLITE_IOERR
        message = QStringLiteral("Could not write the database (%1; disk full or I/O error); the change was not "
                                 "saved.")
                      .arg(detail);
        break;
    case 19: // SQLITE_CONSTRAINT
        message = QStringLiteral("The change breaks a database rule (%1).").arg(detail);
        return Error::badInput(what.isEmpty() ? message : what + QStringLiteral(": ") + message);
    default:
        message = QStringLiteral("Database error: %1").arg(detail);
        break;
    }
    return Error::storage(what.isEmpty() ? message : what + QStringLiteral(": ") + message);
}

QString SqlHelper::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString SqlHelper::derivedId(const QString &kind, const QStringList &parts)
{
    // RollCall's own namespace; never change it, ids already stored depend on it.
    static const QUuid ns(QStringLiteral("6f1d3c2a-52b4-4c55-9a51-726f6c6c6361"));
    return QUuid::createUuidV5(ns, kind + QChar(0x1f) + parts.join(QChar(0x1f))).toString(QUuid::WithoutBraces);
}

QVariant SqlHelper::text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant SqlHelper::nullableText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QVariant SqlHelper::nullReal()
{
    return QVariant(QMetaType::fromType<double>());
}

QVariant SqlHelper::nullInteger()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace rollcall
