#include "sync/SyncReport.h"

namespace rollcall {

qint64 SyncReport::rowsSent() const
{
    qint64 n = 0;
    for (const TableCounts &c : tables)
        n += c.sent;
    return n;
}

qint64 SyncReport::rowsAccepted() const
{
    qint64 n = 0;
    for (const TableCounts &c : tables)
        n += c.accepted;
    return n;
}

qint64 SyncReport::rowsReceived() const
{
    qint64 n = 0;
    for (const TableCounts &c : tables)
        n += c.received;
    return n;
}

qint64 SyncReport::rowsApplied() const
{
    qint64 n = 0;
    for (const TableCounts &c : tables)
        n += c.applied;
    return n;
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
        { QStringLiteral("server_changed"), serverChanged },
        { QStringLiteral("elapsed_ms"), elapsedMs },
        { QStringLiteral("tables"), perTable },
    };
}

QString SyncReport::summary() const
{
    return QStringLiteral("pushed %1 rows (%2 accepted), pulled %3 rows (%4 applied), photos %5 sent / %6 received, "
                          "%7 ms")
        .arg(pushed())
        .arg(rowsAccepted())
        .arg(pulled())
        .arg(rowsApplied())
        .arg(blobsSent)
        .arg(blobsReceived)
        .arg(elapsedMs);
}

} // namespace rollcall
