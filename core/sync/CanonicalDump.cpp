#include "sync/CanonicalDump.h"

#include "storage/Database.h"
#include "storage/Schema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rollcall {
namespace {

QString format(const QVariant &v)
{
    if (v.isNull())
        return QStringLiteral("NULL");
    switch (v.metaType().id()) {
    case QMetaType::QByteArray:
        return QStringLiteral("x'") + QString::fromLatin1(v.toByteArray().toHex()) + QLatin1Char('\'');
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(v.toDouble(), 'g', 17);
    case QMetaType::QString:
        return QLatin1Char('\'') + v.toString() + QLatin1Char('\'');
    default:
        return v.toString();
    }
}

Result<QStringList> dump(const QSqlDatabase &db, const QList<SyncTable> &tables, const QString &who)
{
    QStringList lines;
    for (const SyncTable &table : tables) {
        QStringList cols;
        for (const QString &c : table.columnNames())
            cols << SyncTable::quote(c);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY id")
                        .arg(cols.join(QStringLiteral(", ")), SyncTable::quote(table.name))))
            return Error::storage(QStringLiteral("dumping %1 of %2: %3").arg(table.name, who, q.lastError().text()));
        while (q.next()) {
            QString line = table.name;
            for (int i = 0; i < table.columns.size(); ++i)
                line += QLatin1Char('|') + table.columns.at(i).name + QLatin1Char('=') + format(q.value(i));
            lines << line;
        }
    }
    lines.sort();
    return lines;
}

} // namespace

Result<QStringList> CanonicalDump::ofLocal(Database &db)
{
    auto tables = SyncTable::discover(db.connection(), Schema::syncedTables());
    if (!tables)
        return tables.error();
    return dump(db.connection(), *tables, QStringLiteral("the local database"));
}

Result<QStringList> CanonicalDump::ofCentral(const QSqlDatabase &pg, const QList<SyncTable> &tables)
{
    return dump(pg, tables, QStringLiteral("the central database"));
}

} // namespace rollcall
