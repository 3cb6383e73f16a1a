#include "sync/SyncReport.h"

namespace rollcall {

namespace {

qint64 total(const QMap<QString, SyncReport::TableCounts> &tables, qint64 SyncReport::TableCounts::*field)
{
    qint64 n = 0;
    for (const SyncReport::TableCounts &c : tables)
        n += c.*field;
    return n;
}

} // namespace

qint64 SyncReport::rowsSent() const
{
    return total(tables, &TableCounts::sent);
}

qint64 SyncReport::rowsAccepted() const
{
    return total(tables, &TableCounts::accepted);
}

qint64 SyncReport::rowsReceived() const
{
    return total(tables, &TableCounts::received);
}

qint64 SyncReport::rowsApplied() const
{
    return total(tables, &TableCounts::applied);
}

QJsonObject SyncReport::toJson() const
{
    QJsonObject perTable;
    for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
        perTable.insert(it.key(),
                        QJsonObject { { QStringLiteral("sent"), it->sent },
                                      { QStringLiteral("accepted"), it->accepted },
                                      { QStringLiteral("received"), it->received },
                                      { QStringLiteral("applied"), it->applied } });
    }
    return QJsonObject {
        { QStringLiteral("server"), server },
        { QStringLiteral("pushed"), pushed() },
        { QStringLiteral("pushed_accepted"), rowsAccepted() },
        { QStringLiteral("pulled"), pulled() },
        { QStringLiteral("pulled_applied"), rowsApplied() },
        { QStringLiteral("photos_sent"), blobsSent },
        { QStringLiteral("photos_received"), blobsReceived },
        { QStringLiteral("photo_bytes_sent"), blobBytesSent },
        { QStringLiteral("photo_bytes_received"), blobBytesReceived },
        { QStringLiteral("photos_missing"), blobsMissing },
        { QStringLiteral("conflicts_resolved"), conflictsResolved },
        { QStringLiteral("pushed_refused"), rowsRefused },
        { QStringLiteral("future_rows_refused"), futureRowsRefused },
        { QStringLiteral("erased_rows"), erasedRows },
        { QStringLiteral("erased_photos"), erasedFiles },
        { QStringLiteral("server_changed"), serverChanged },
        { QStringLiteral("elapsed_ms"), elapsedMs },
        { QStringLiteral("tables"), perTable },
    };
}

QString SyncReport::summary() const
{
    QString text = QStringLiteral("pushed %1 rows (%2 accepted), pulled %3 rows (%4 applied), photos %5 sent / %6 "
                                  "received, %7 ms")
                       .arg(pushed())
                       .arg(rowsAccepted())
                       .arg(pulled())
                       .arg(rowsApplied())
                       .arg(blobsSent)
                       .arg(blobsReceived)
                       .arg(elapsedMs);
    if (rowsRefused > 0)
        text += QStringLiteral("; the central database refused %1 rows this PC may not write (its change log says "
                               "why)")
                    .arg(rowsRefused);
    if (erasedRows > 0 || erasedFiles > 0)
        text += QStringLiteral("; erasures removed data from %1 rows and %2 photo files")
                    .arg(erasedRows)
                    .arg(erasedFiles);
    if (futureRowsRefused > 0)
        text += QStringLiteral("; refused %1 rows stamped ahead of this PC's clock (another PC's clock is wrong)")
                    .arg(futureRowsRefused);
    return text;
}

} // namespace rollcall
