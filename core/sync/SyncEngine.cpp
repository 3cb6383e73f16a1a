#include "sync/SyncEngine.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/ErasureLog.h"
#include "storage/PhotoStore.h"
#include "storage/Schema.h"
#include "storage/SqlHelper.h"
#include "sync/CentralConnection.h"
#include "sync/CentralSchema.h"
#include "sync/ConflictResolver.h"
#include "vision/BuildInfo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace rollcall {
namespace {

// Columns that name photo-store files whose bytes travel with the row.
const QHash<QString, QString> &enrolmentPhotoColumns()
{
    static const QHash<QString, QString> columns { { QStringLiteral("enrolment_photos"),
                                                     QStringLiteral("photo_hash") } };
    return columns;
}

const QHash<QString, QString> &classroomPhotoColumns()
{
    static const QHash<QString, QString> columns { { QStringLiteral("attendance_sessions"),
                                                     QStringLiteral("source_photos") } };
    return columns;
}

const QString kServerIdKey = QStringLiteral("sync.server_id");
const QString kLastSuccessKey = QStringLiteral("sync.last_success");

// Qt binds a null QByteArray/QString as SQL NULL, but SQLite hands out an empty
// blob (x'') as a null QByteArray: keep "empty" and "NULL" apart on the way through.
QVariant keepEmpty(const QVariant &v)
{
    if (v.isNull())
        return v;
    if (v.metaType().id() == QMetaType::QByteArray && v.toByteArray().isNull())
        return QVariant(QByteArray(""));
    if (v.metaType().id() == QMetaType::QString && v.toString().isNull())
        return QVariant(QString(QLatin1String("")));
    return v;
}

QString placeholders(int n)
{
    QString s;
    s.reserve(n * 3);
    for (int i = 0; i < n; ++i)
        s += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return s;
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &n : names)
        quoted << SyncTable::quote(n);
    return quoted.join(QStringLiteral(", "));
}

// One push batch as rollcall_push() takes it: a JSON array of objects, every value
// as text (JSON numbers would lose the low bits of 64-bit clock stamps) in
// PostgreSQL's input form for the column's type (bytea as \x hex).
QByteArray pushJson(const SyncTable &table, const QList<QVariantList> &rows)
{
    QJsonArray array;
    for (const QVariantList &row : rows) {
        QJsonObject object;
        for (int i = 0; i < table.columns.size() && i < row.size(); ++i) {
            const QVariant &v = row.at(i);
            QJsonValue value;
            if (!v.isNull()) {
                if (table.columns.at(i).pgType() == QLatin1String("bytea"))
                    value = QString(QStringLiteral("\\x") + QString::fromLatin1(v.toByteArray().toHex()));
                else
                    value = v.toString();
            }
            object.insert(table.columns.at(i).name, value);
        }
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString localUpsert(const SyncTable &table)
{
    const QStringList cols = table.columnNames();
    QStringList sets;
    for (const QString &c : cols) {
        if (c != QLatin1String("id"))
            sets << SyncTable::quote(c) + QStringLiteral(" = excluded.") + SyncTable::quote(c);
    }
    const QString t = SyncTable::quote(table.name);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4 "
                          "WHERE (excluded.updated_at, excluded.origin_device) > (%1.updated_at, %1.origin_device)")
        .arg(t, quotedList(cols), placeholders(cols.size()), sets.join(QStringLiteral(", ")));
}

} // namespace

SyncEngine::SyncEngine(Database &db, Options options)
    : m_db(db)
    , m_options(std::move(options))
{ }

SyncEngine::~SyncEngine() = default;

void SyncEngine::progress(const QString &stage, qint64 done, qint64 total)
{
    if (m_progress)
        m_progress(stage, done, total);
}

Result<qint64> SyncEngine::metaNumber(const QString &key)
{
    auto value = m_db.metaValue(key, QStringLiteral("0"));
    if (!value)
        return value.error();
    return value->toLongLong();
}

Result<SyncReport> SyncEngine::run()
{
    QElapsedTimer timer;
    timer.start();
    SyncReport report;
    report.server = m_options.server.displayName();
    if (!m_db.isOpen())
        return Error::storage(QStringLiteral("sync: the local database is not open"));
    m_deviceId = m_db.deviceId();
    m_photos = std::make_unique<PhotoStore>(m_options.photoStoreDir);

    auto tables = SyncTable::discover(m_db.connection(), Schema::syncedTables());
    if (!tables)
        return tables.error();
    m_tables = *tables;
    for (SyncTable &t : m_tables) {
        t.photoColumn = enrolmentPhotoColumns().value(t.name);
        if (t.photoColumn.isEmpty() && m_options.classroomPhotos)
            t.photoColumn = classroomPhotoColumns().value(t.name);
    }

    // Nothing local is touched until the server has accepted us.
    if (Status st = connectAndPrepare(); !st.ok())
        return st.error();
    if (Status st = resetIfServerChanged(report); !st.ok())
        return st.error();
    // Erasures first: rows about an erased subject are scrubbed here before they are sent.
    if (Status st = pullErasures(report); !st.ok())
        return st.error();
    if (Status st = push(report); !st.ok())
        return st.error();
    if (Status st = pull(report); !st.ok())
        return st.error();
    // Pulled rows about erased subjects (an edit another PC made before it heard of the
    // erasure) lose their data again, before any photo is fetched.
    if (Status st = enforceErasures(report); !st.ok())
        return st.error();
    if (Status st = pullMissingBlobs(report); !st.ok())
        return st.error();
    report.elapsedMs = timer.elapsed();
    if (Status st = recordDevice(report); !st.ok())
        return st.error();
    if (Status st = m_db.setMetaValue(kLastSuccessKey, QString::number(QDateTime::currentMSecsSinceEpoch())); !st.ok())
        return st.error();
    m_central.reset();
    report.elapsedMs = timer.elapsed();
    qCInfo(lcSync).noquote() << "sync with" << report.server << "done:" << report.summary();
    return report;
}

Status SyncEngine::connectAndPrepare()
{
    progress(QStringLiteral("Connecting to %1").arg(m_options.server.displayName()), 0, 0);
    m_central = std::make_unique<CentralConnection>();
    if (Status st = m_central->open(m_options.server, m_options.password); !st.ok())
        return st;
    if (cancelled())
        return Error::cancelled();
    // PCs run no DDL: the administrator's `rollcall-cli server init` made the schema.
    progress(QStringLiteral("Checking the central database"), 0, 0);
    QSqlDatabase &pg = m_central->database();
    if (Status st = CentralSchema::checkCompatible(pg, m_db.schemaVersion()); !st.ok())
        return st;
    QSqlQuery hello(pg);
    hello.prepare(QStringLiteral("SELECT server_id FROM rollcall_hello(?, ?, ?)"));
    hello.addBindValue(m_deviceId);
    hello.addBindValue(m_db.schemaVersion());
    hello.addBindValue(BuildInfo::version());
    if (!hello.exec() || !hello.next())
        return m_central->queryError(QStringLiteral("registering this PC"), hello.lastError());
    m_serverId = hello.value(0).toString();
    if (m_serverId.isEmpty())
        return Error::network(QStringLiteral("central database: no server id; the schema is incomplete"));
    return {};
}

Status SyncEngine::resetIfServerChanged(SyncReport &report)
{
    auto known = m_db.metaValue(kServerIdKey);
    if (!known)
        return known.error();
    if (*known == m_serverId) // m_serverId: from rollcall_hello
        return {};
    // A different (or re-created) central database: the cursors and watermarks
    // describe another server, so push everything and pull everything again.
    if (!known->isEmpty()) {
        qCWarning(lcSync) << "the central database changed identity; syncing everything again";
        report.serverChanged = true;
    }
    return m_db.transaction([&]() -> Status {
        for (const SyncTable &t : std::as_const(m_tables)) {
            if (Status st = m_db.setMetaValue(pushedKey(t.name), QStringLiteral("0")); !st.ok())
                return st;
            if (Status st = m_db.setMetaValue(pushedIdKey(t.name), QString()); !st.ok())
                return st;
            if (Status st = m_db.setMetaValue(pulledKey(t.name), QStringLiteral("0")); !st.ok())
                return st;
        }
        return m_db.setMetaValue(kServerIdKey, m_serverId);
    });
}

QStringList SyncEngine::photoHashes(const SyncTable &table, const QVariantList &row) const
{
    if (table.photoColumn.isEmpty())
        return {};
    const int i = table.columnNames().indexOf(table.photoColumn);
    if (i < 0)
        return {};
    QStringList hashes;
    const QStringList parts = row.at(i).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &h : parts) {
        if (PhotoStore::isValidHash(h))
            hashes << h;
    }
    return hashes;
}

// ---- erasures --------------------------------------------------------------------------

Status SyncEngine::pullErasures(SyncReport &report)
{
    for (const SyncTable &table : std::as_const(m_tables)) {
        if (table.name != QLatin1String("erasures"))
            continue;
        // No snapshot needed: erasures name their subjects by value, without foreign keys.
        if (Status st = pullTable(table, report); !st.ok())
            return st;
    }
    return enforceErasures(report);
}

Status SyncEngine::enforceErasures(SyncReport &report)
{
    ErasureLog erasures(m_db, m_photos.get());
    auto enforced = erasures.enforce();
    if (!enforced)
        return enforced.error();
    // Crops whose rows a pulled version emptied or deleted (a forget on another PC).
    auto removed = erasures.removeUnusedPhotos(m_replacedPhotos);
    if (!removed)
        return removed.error();
    m_replacedPhotos.clear();
    report.erasedRows += enforced->rowsScrubbed;
    report.erasedFiles += enforced->filesRemoved + *removed;
    return {};
}

// ---- push ----------------------------------------------------------------------------

Status SyncEngine::push(SyncReport &report)
{
    for (const SyncTable &table : std::as_const(m_tables)) {
        if (cancelled())
            return Error::cancelled();
        if (Status st = pushTable(table, report); !st.ok())
            return st;
    }
    return {};
}

Status SyncEngine::pushTable(const SyncTable &table, SyncReport &report)
{
    SyncReport::TableCounts &counts = report.tables[table.name];
    auto watermark = metaNumber(pushedKey(table.name));
    if (!watermark)
        return watermark.error();
    auto watermarkId = m_db.metaValue(pushedIdKey(table.name));
    if (!watermarkId)
        return watermarkId.error();
    // Keyset over (updated_at, id): rows sharing one clock value never fall
    // between two batches.
    qint64 mark = *watermark;
    QString markId = *watermarkId;
    const QStringList cols = table.columnNames();
    const int updatedCol = cols.indexOf(QStringLiteral("updated_at"));
    const int idCol = cols.indexOf(QStringLiteral("id"));
    QSqlDatabase local = m_db.connection();
    QSqlDatabase &pg = m_central->database();

    while (true) {
        if (cancelled())
            return Error::cancelled();
        QList<QVariantList> rows;
        {
            auto select
                = SqlHelper::exec(local,
                                  QStringLiteral("SELECT %1 FROM %2 WHERE origin_device = ? AND "
                                                 "(updated_at > ? OR (updated_at = ? AND id > ?)) "
                                                 "AND updated_at <= ? ORDER BY updated_at, id LIMIT ?")
                                      .arg(quotedList(cols), SyncTable::quote(table.name)),
                                  { m_deviceId, mark, mark, markId, m_db.clock().ceiling(), m_options.pushBatchRows });
            if (!select)
                return select.error();
            while (select->next()) {
                QVariantList row;
                row.reserve(cols.size());
                for (int i = 0; i < cols.size(); ++i)
                    row << keepEmpty(select->value(i));
                rows << row;
            }
        }
        if (rows.isEmpty())
            break;
        progress(QStringLiteral("Sending %1").arg(table.name), counts.sent, 0);

        // Photos first: a PC that sees the row can always fetch its photo.
        QStringList hashes;
        for (const QVariantList &row : std::as_const(rows))
            hashes << photoHashes(table, row);
        if (!hashes.isEmpty()) {
            if (Status st = pushBlobs(hashes, report); !st.ok())
                return st;
        }

        // The server checks every row against this PC's registration, logs and skips
        // what it refuses, and stamps the rest (rollcall_push, docs/sync.md).
        QSqlQuery upsert(pg);
        upsert.prepare(QStringLiteral("SELECT accepted, refused FROM rollcall_push(?, CAST(? AS jsonb))"));
        upsert.addBindValue(table.name);
        upsert.addBindValue(QString::fromUtf8(pushJson(table, rows)));
        if (!upsert.exec() || !upsert.next())
            return m_central->queryError(QStringLiteral("uploading ") + table.name, upsert.lastError());
        const qint64 accepted = upsert.value(0).toLongLong();
        const qint64 refused = upsert.value(1).toLongLong();
        upsert.finish();
        if (refused > 0) {
            qCWarning(lcSync) << "the central database refused" << refused << "rows of" << table.name
                              << "(see its change log)";
            report.rowsRefused += refused;
        }

        // Only now move the watermark: if we die before this line, the batch is sent
        // again and the server ignores versions it already has.
        mark = rows.constLast().at(updatedCol).toLongLong();
        markId = rows.constLast().at(idCol).toString();
        Status saved = m_db.transaction([&]() -> Status {
            if (Status st = m_db.setMetaValue(pushedKey(table.name), QString::number(mark)); !st.ok())
                return st;
            return m_db.setMetaValue(pushedIdKey(table.name), markId);
        });
        if (!saved.ok())
            return saved;
        counts.sent += rows.size();
        counts.accepted += accepted;
        if (rows.size() < m_options.pushBatchRows)
            break;
    }
    return {};
}

Status SyncEngine::pushBlobs(const QStringList &hashes, SyncReport &report)
{
    QSqlDatabase &pg = m_central->database();
    const QStringList unique = QSet<QString>(hashes.cbegin(), hashes.cend()).values();
    QSqlQuery have(pg);
    have.prepare(QStringLiteral("SELECT sha256 FROM rollcall_blobs WHERE sha256 = ANY (CAST(? AS text[]))"));
    // Hashes are validated hex, so the array literal needs no escaping.
    have.addBindValue(QString(QLatin1Char('{') + unique.join(QLatin1Char(',')) + QLatin1Char('}')));
    if (!have.exec())
        return m_central->queryError(QStringLiteral("checking photos"), have.lastError());
    QSet<QString> present;
    while (have.next())
        present.insert(have.value(0).toString());

    QSqlQuery insert(pg);
    bool prepared = false;
    for (const QString &hash : unique) {
        if (present.contains(hash))
            continue;
        auto bytes = m_photos->read(hash);
        if (!bytes) {
            // A photo deleted locally (retention) or never here: the row still syncs.
            ++report.blobsMissing;
            qCWarning(lcSync) << "a photo referenced by a synced row is missing locally" << hash.left(12);
            continue;
        }
        if (!prepared) {
            // The server checks the hash and refuses erased photos.
            if (!insert.prepare(QStringLiteral("SELECT rollcall_put_blob(?, ?)")))
                return m_central->queryError(QStringLiteral("preparing the photo upload"), insert.lastError());
            prepared = true;
        }
        insert.addBindValue(hash);
        insert.addBindValue(*bytes);
        if (!insert.exec())
            return m_central->queryError(QStringLiteral("uploading a photo"), insert.lastError());
        insert.finish();
        ++report.blobsSent;
        report.blobBytesSent += bytes->size();
    }
    return {};
}

// ---- pull ----------------------------------------------------------------------------

Status SyncEngine::pull(SyncReport &report)
{
    QSqlDatabase &pg = m_central->database();
    // One snapshot for all tables: a child row visible here has its parents visible too.
    if (!pg.transaction())
        return m_central->queryError(QStringLiteral("starting the download"), pg.lastError());
    QSqlQuery iso(pg);
    if (!iso.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))) {
        const Error e = m_central->queryError(QStringLiteral("starting the download"), iso.lastError());
        pg.rollback();
        return e;
    }
    for (const SyncTable &table : std::as_const(m_tables)) {
        Status st = cancelled() ? Status(Error::cancelled()) : pullTable(table, report);
        if (!st.ok()) {
            pg.rollback();
            return st;
        }
    }
    if (!pg.commit())
        return m_central->queryError(QStringLiteral("ending the download"), pg.lastError());
    return {};
}

Status SyncEngine::pullTable(const SyncTable &table, SyncReport &report)
{
    SyncReport::TableCounts &counts = report.tables[table.name];
    auto cursor = metaNumber(pulledKey(table.name));
    if (!cursor)
        return cursor.error();
    auto pushed = metaNumber(pushedKey(table.name));
    if (!pushed)
        return pushed.error();
    qint64 seq = *cursor;
    const QStringList cols = table.columnNames();
    QSqlQuery select(m_central->database());
    select.setForwardOnly(true);
    // Our own versions up to the push watermark are already here (local versions
    // only grow), so they are not downloaded again.
    if (!select.prepare(QStringLiteral("SELECT %1, server_seq FROM %2 WHERE server_seq > ? "
                                       "AND NOT (origin_device = ? AND updated_at <= ?) ORDER BY server_seq LIMIT ?")
                            .arg(quotedList(cols), SyncTable::quote(table.name))))
        return m_central->queryError(QStringLiteral("preparing the download of ") + table.name, select.lastError());
    while (true) {
        if (cancelled())
            return Error::cancelled();
        select.addBindValue(seq);
        select.addBindValue(m_deviceId);
        select.addBindValue(*pushed);
        select.addBindValue(m_options.pullPageRows);
        if (!select.exec())
            return m_central->queryError(QStringLiteral("downloading ") + table.name, select.lastError());
        QList<QVariantList> rows;
        qint64 lastSeq = seq;
        while (select.next()) {
            QVariantList row;
            row.reserve(cols.size());
            for (int i = 0; i < cols.size(); ++i)
                row << keepEmpty(select.value(i));
            lastSeq = select.value(cols.size()).toLongLong();
            rows << row;
        }
        select.finish();
        if (rows.isEmpty())
            break;
        progress(QStringLiteral("Receiving %1").arg(table.name), counts.received, 0);
        if (Status st = applyPage(table, rows, lastSeq, counts, report); !st.ok())
            return st;
        seq = lastSeq;
        if (rows.size() < m_options.pullPageRows)
            break;
    }
    return {};
}

Status SyncEngine::applyPage(const SyncTable &table, const QList<QVariantList> &rows, qint64 lastSeq,
                             SyncReport::TableCounts &counts, SyncReport &report)
{
    const int updatedCol = table.columnNames().indexOf(QStringLiteral("updated_at"));
    qint64 newest = 0;
    qint64 applied = 0;
    qint64 refused = 0;
    int resolved = 0;
    // The rows and the cursor that covers them commit together: a page is either
    // fully applied and remembered, or not at all.
    Status st = m_db.transaction([&]() -> Status {
        QSqlDatabase local = m_db.connection();
        ConflictResolver resolver(local);
        // The crop a pulled enrolment photo replaces: its file may be unused afterwards.
        const QString cropColumn = enrolmentPhotoColumns().value(table.name);
        const int cropIndex = cropColumn.isEmpty() ? -1 : table.columnNames().indexOf(cropColumn);
        const int idIndex = table.columnNames().indexOf(QStringLiteral("id"));
        QSqlQuery previousCrop(local);
        if (cropIndex >= 0
            && !previousCrop.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                                         .arg(SyncTable::quote(cropColumn), SyncTable::quote(table.name))))
            return SqlHelper::toError(previousCrop.lastError(), QStringLiteral("sync: preparing ") + table.name);
        QSqlQuery upsert(local);
        if (!upsert.prepare(localUpsert(table)))
            return SqlHelper::toError(upsert.lastError(), QStringLiteral("sync: preparing ") + table.name);
        for (QVariantList row : rows) {
            // A row stamped beyond this PC's clock + the allowed skew comes from a PC whose
            // clock is wrong (or lies): applying it would let it win every conflict until then.
            const qint64 stamp = row.at(updatedCol).toLongLong();
            if (!m_db.clock().isPlausible(stamp)) {
                ++refused;
                continue;
            }
            newest = qMax(newest, stamp);
            if (cropIndex >= 0) {
                previousCrop.bindValue(0, row.at(idIndex));
                if (!previousCrop.exec())
                    return SqlHelper::toError(previousCrop.lastError(), QStringLiteral("sync: reading ") + table.name);
                if (previousCrop.next()) {
                    const QString old = previousCrop.value(0).toString();
                    if (!old.isEmpty() && old != row.at(cropIndex).toString())
                        m_replacedPhotos.insert(old);
                }
                previousCrop.finish();
            }
            for (int attempt = 0;; ++attempt) {
                for (int i = 0; i < row.size(); ++i)
                    upsert.bindValue(i, row.at(i));
                if (upsert.exec()) {
                    applied += qMax(0, upsert.numRowsAffected());
                    break;
                }
                const QSqlError error = upsert.lastError();
                if (attempt == 0 && SqlHelper::sqliteCode(error) == 19) {
                    auto outcome = resolver.resolve(table, row);
                    if (!outcome)
                        return outcome.error();
                    if (*outcome == ConflictResolver::Outcome::Retry)
                        continue;
                    if (*outcome == ConflictResolver::Outcome::Skip)
                        break;
                }
                return SqlHelper::toError(error, QStringLiteral("sync: applying a row of ") + table.name);
            }
        }
        resolved = resolver.resolvedCount();
        return m_db.setMetaValue(pulledKey(table.name), QString::number(lastSeq));
    });
    if (!st.ok())
        return st;
    // Local edits made after this sync must be newer than anything seen from others.
    if (newest > 0)
        m_db.clock().observe(newest);
    if (refused > 0) {
        qCWarning(lcSync) << "refused" << refused << "rows of" << table.name << "stamped more than"
                          << HybridLogicalClock::MaxSkewMs / 60000 << "minutes ahead of this PC's clock";
        report.futureRowsRefused += refused;
    }
    counts.received += rows.size();
    counts.applied += applied;
    report.conflictsResolved += resolved;
    return {};
}

Status SyncEngine::pullMissingBlobs(SyncReport &report)
{
    // Self-healing: every live row's photo that is not in the local store is
    // fetched, so a sync cut between rows and photos completes next time.
    auto erased = ErasureLog(m_db).erasedPhotos();
    if (!erased)
        return erased.error();
    QSet<QString> wanted;
    for (const SyncTable &table : std::as_const(m_tables)) {
        if (table.photoColumn.isEmpty())
            continue;
        auto q = SqlHelper::exec(m_db.connection(),
                                 QStringLiteral("SELECT DISTINCT %1 FROM %2 WHERE deleted = 0")
                                     .arg(SyncTable::quote(table.photoColumn), SyncTable::quote(table.name)));
        if (!q)
            return q.error();
        while (q->next()) {
            const QStringList parts = q->value(0).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString &h : parts) {
                // An erased photo is never fetched again (the server has dropped it anyway).
                if (PhotoStore::isValidHash(h) && !erased->contains(h) && !m_photos->contains(h))
                    wanted.insert(h);
            }
        }
    }
    if (wanted.isEmpty())
        return {};
    progress(QStringLiteral("Receiving photos"), 0, wanted.size());
    QSqlQuery fetch(m_central->database());
    fetch.setForwardOnly(true);
    if (!fetch.prepare(
            QStringLiteral("SELECT sha256, data FROM rollcall_blobs WHERE sha256 = ANY (CAST(? AS text[]))")))
        return m_central->queryError(QStringLiteral("preparing the photo download"), fetch.lastError());
    const QStringList all = wanted.values();
    constexpr int kChunk = 200;
    qint64 found = 0;
    for (int start = 0; start < all.size(); start += kChunk) {
        if (cancelled())
            return Error::cancelled();
        fetch.addBindValue(
            QString(QLatin1Char('{') + all.mid(start, kChunk).join(QLatin1Char(',')) + QLatin1Char('}')));
        if (!fetch.exec())
            return m_central->queryError(QStringLiteral("downloading photos"), fetch.lastError());
        while (fetch.next()) {
            const QString hash = fetch.value(0).toString();
            const QByteArray data = fetch.value(1).toByteArray();
            auto stored = m_photos->put(data);
            if (!stored)
                return stored.error();
            if (*stored != hash)
                return Error::network(
                    QStringLiteral("central database: photo %1 is damaged on the server").arg(hash.left(12)));
            ++found;
            ++report.blobsReceived;
            report.blobBytesReceived += data.size();
        }
        fetch.finish();
        progress(QStringLiteral("Receiving photos"), qMin<qint64>(start + kChunk, all.size()), all.size());
    }
    report.blobsMissing += all.size() - found;
    return {};
}

Status SyncEngine::recordDevice(const SyncReport &report)
{
    QSqlQuery q(m_central->database());
    q.prepare(QStringLiteral("SELECT rollcall_finish(?)"));
    q.addBindValue(report.rowsApplied());
    if (!q.exec())
        return m_central->queryError(QStringLiteral("recording this PC"), q.lastError());
    return {};
}

// ---- status ----------------------------------------------------------------------------

Result<qint64> SyncEngine::pendingChanges(Database &db)
{
    qint64 total = 0;
    for (const QString &table : Schema::syncedTables()) {
        auto mark = db.metaValue(pushedKey(table), QStringLiteral("0"));
        if (!mark)
            return mark.error();
        auto markId = db.metaValue(pushedIdKey(table));
        if (!markId)
            return markId.error();
        auto q = SqlHelper::exec(db.connection(),
                                 QStringLiteral("SELECT count(*) FROM %1 WHERE origin_device = ? AND "
                                                "(updated_at > ? OR (updated_at = ? AND id > ?))")
                                     .arg(SyncTable::quote(table)),
                                 { db.deviceId(), mark->toLongLong(), mark->toLongLong(), *markId });
        if (!q)
            return q.error();
        if (q->next())
            total += q->value(0).toLongLong();
    }
    return total;
}

QDateTime SyncEngine::lastSuccess(Database &db)
{
    auto value = db.metaValue(kLastSuccessKey);
    if (!value || value->isEmpty())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value->toLongLong(), QTimeZone::utc());
}

} // namespace rollcall
