#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace rollcall {

// What one sync did: rows and photos sent and received, per table and in total.
class SyncReport
{
public:
    struct TableCounts
    {
        qint64 sent = 0; // local rows sent to the server
        qint64 accepted = 0; // of those, rows the server took (newer than its copy)
        qint64 received = 0; // rows received from the server
        qint64 applied = 0; // of those, rows that changed the local database
    };

    QMap<QString, TableCounts> tables;
    qint64 blobsSent = 0;
    qint64 blobsReceived = 0;
    qint64 blobBytesSent = 0;
    qint64 blobBytesReceived = 0;
    qint64 blobsMissing = 0; // referenced photos neither side has
    qint64 conflictsResolved = 0; // natural-key duplicates merged (docs/sync.md)
    qint64 rowsRefused = 0; // pushed rows the central database refused (its change log says why)
    qint64 futureRowsRefused = 0; // received rows stamped beyond this PC's clock + HybridLogicalClock::MaxSkewMs
    qint64 erasedRows = 0; // local rows scrubbed by erasures (ErasureLog::enforce)
    qint64 erasedFiles = 0; // photo files deleted by erasures
    bool serverChanged = false; // a different central database than last time: started over
    qint64 elapsedMs = 0;
    QString server;

    qint64 rowsSent() const;
    qint64 rowsAccepted() const;
    qint64 rowsReceived() const;
    qint64 rowsApplied() const;
    // "pushed" and "pulled" as the CLI prints them: rows sent, rows received.
    qint64 pushed() const { return rowsSent(); }
    qint64 pulled() const { return rowsReceived(); }

    QJsonObject toJson() const;
    QString summary() const;
};

} // namespace rollcall
