#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace rollcall {

// Small helpers shared by the repositories: prepared statements with bound values,
// SQLite errors turned into user-facing Errors, NULL/empty text handling.
class SqlHelper
{
public:
    // Prepares sql, binds values positionally (?), executes. Returns the active query.
    static Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    // Executes an already prepared query with values bound positionally.
    static Status execPrepared(QSqlQuery &query, const QVariantList &values);

    // A clear message for a failed statement; `what` says what was being done.
    static Error toError(const QSqlError &error, const QString &what);
    // The SQLite primary result code (SQLITE_BUSY = 5, …) of an error, or -1.
    static int sqliteCode(const QSqlError &error);

    static QString newId();
    // A UUIDv5 derived from kind and parts, for rows identified by what they link
    // (a record per session and student, a membership per class and student, a
    // department per name): two PCs creating "the same" row give it the same id, so
    // sync merges them by last-writer-wins instead of colliding on a UNIQUE rule.
    static QString derivedId(const QString &kind, const QStringList &parts);
    // Non-null text (NOT NULL columns), and NULL values of each column type.
    static QVariant text(const QString &value);
    static QVariant nullableText(const QString &value);
    static QVariant nullReal();
    static QVariant nullInteger();
};

} // namespace rollcall
