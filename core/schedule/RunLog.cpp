#include "schedule/RunLog.h"

#include "common/FileUtil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

namespace coffer {

namespace {

constexpr int kSchemaVersion = 1;
// Several run-due processes and the console may write at once; a record is a few hundred bytes.
constexpr int kBusyTimeoutMs = 15000;

const QString kColumns = QStringLiteral("kind, database, started, finished, ok, message, backup_id, bytes, rto_ms");

qint64 toMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(qint64 ms)
{
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// Reads the columns of kColumns, in that order, from `column` on.
RunRecord readRecord(const SqliteStatement &row, int column = 0)
{
    RunRecord record;
    record.kind = row.text(column);
    record.database = row.text(column + 1);
    record.started = fromMs(row.integer(column + 2));
    record.finished = fromMs(row.integer(column + 3));
    record.ok = row.integer(column + 4) != 0;
    record.message = row.text(column + 5);
    record.backupId = row.text(column + 6);
    record.bytes = row.integer(column + 7);
    record.rtoMs = row.integer(column + 8);
    return record;
}

Result<void> migrate(SqliteDb &db)
{
    auto version = db.scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return std::unexpected(version.error());
    if (version->toInt() > kSchemaVersion)
        return fail(ErrorCode::UnsupportedFormat,
            QStringLiteral("The scheduler's run log was written by a newer Coffer; upgrade Coffer"), db.path());
    if (version->toInt() == kSchemaVersion)
        return {};
    if (auto begun = db.exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    auto created = db.exec(QStringLiteral(R"(
        CREATE TABLE IF NOT EXISTS runs(
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            database TEXT NOT NULL,
            started INTEGER NOT NULL,
            finished INTEGER NOT NULL,
            ok INTEGER NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            backup_id TEXT NOT NULL DEFAULT '',
            bytes INTEGER NOT NULL DEFAULT 0,
            rto_ms INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS runs_by_task ON runs(kind, database, started);
        PRAGMA user_version = 1;)"));
    if (!created) {
        (void)db.exec(QStringLiteral("ROLLBACK"));
        return created;
    }
    return db.exec(QStringLiteral("COMMIT"));
}

} // namespace

QString stateDirectoryPath(const QString &workspacePath)
{
    const QFileInfo info(workspacePath);
    QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        canonical = QDir::cleanPath(info.absoluteFilePath());
    const QString id = QString::fromLatin1(
        QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));

    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    // The XDG spec ignores a relative value.
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return QStringLiteral("%1/coffer/%2").arg(base, id);
}

Result<QString> stateDirectory(const QString &workspacePath)
{
    const QString dir = stateDirectoryPath(workspacePath);
    if (auto made = fileutil::makePrivateDirs(dir); !made)
        return std::unexpected(made.error());
    return dir;
}

RunLog::RunLog(SqliteDb db)
    : m_db(std::move(db))
{
}

Result<RunLog> RunLog::open(const QString &workspacePath)
{
    auto dir = stateDirectory(workspacePath);
    if (!dir)
        return std::unexpected(dir.error());
    const QString path = *dir + QStringLiteral("/runs.db");
    auto db = SqliteDb::open(path, SqliteDb::Mode::Create, kBusyTimeoutMs);
    if (!db)
        return std::unexpected(db.error());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // WAL: a `schedule list` or the console reads while a run-due writes.
    if (auto wal = db->scalar(QStringLiteral("PRAGMA journal_mode=WAL")); !wal)
        return std::unexpected(wal.error());
    if (auto migrated = migrate(*db); !migrated)
        return std::unexpected(migrated.error());
    return RunLog(std::move(*db));
}

Result<std::optional<RunLog>> RunLog::openIfExists(const QString &workspacePath)
{
    if (!QFileInfo::exists(stateDirectoryPath(workspacePath) + QStringLiteral("/runs.db")))
        return std::optional<RunLog>();
    auto log = open(workspacePath);
    if (!log)
        return std::unexpected(log.error());
    return std::optional<RunLog>(std::move(*log));
}

Result<void> RunLog::record(const RunRecord &record)
{
    auto insert = m_db.prepare(QStringLiteral("INSERT INTO runs(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, record.kind)
        .bind(2, record.database)
        .bind(3, toMs(record.started))
        .bind(4, toMs(record.finished))
        .bind(5, qint64(record.ok ? 1 : 0))
        .bind(6, record.message)
        .bind(7, record.backupId)
        .bind(8, record.bytes)
        .bind(9, record.rtoMs);
    return insert->run();
}

Result<std::optional<RunRecord>> RunLog::lastAttempt(const QString &kind, const QString &database)
{
    auto query = m_db.prepare(QStringLiteral("SELECT %1 FROM runs WHERE kind = ? AND database = ? "
                                             "ORDER BY started DESC, id DESC LIMIT 1")
                                  .arg(kColumns));
    if (!query)
        return std::unexpected(query.error());
    query->bind(1, kind).bind(2, database);
    auto row = query->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<RunRecord>();
    return std::optional<RunRecord>(readRecord(*query));
}

Result<QList<RunRecord>> RunLog::failuresSinceSuccess(const QString &kind, const QString &database, int limit)
{
    // Rows are inserted as attempts finish: "since" is by insertion.
    auto query
        = m_db.prepare(QStringLiteral("SELECT %1 FROM runs WHERE kind = ?1 AND database = ?2 AND ok = 0 AND id > "
                                      "COALESCE((SELECT max(id) FROM runs WHERE kind = ?1 AND database = ?2 "
                                      "AND ok = 1), 0) ORDER BY id DESC LIMIT ?3")
                           .arg(kColumns));
    if (!query)
        return std::unexpected(query.error());
    query->bind(1, kind).bind(2, database).bind(3, qint64(std::max(0, limit)));
    QList<RunRecord> result;
    while (true) {
        auto row = query->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        result.append(readRecord(*query));
    }
    return result;
}

Result<QList<RunTotals>> RunLog::totals()
{
    // Oldest first: the last record of a task seen is its newest.
    auto query = m_db.prepare(QStringLiteral("SELECT %1 FROM runs ORDER BY kind, database, started, id").arg(kColumns));
    if (!query)
        return std::unexpected(query.error());
    QList<RunTotals> result;
    while (true) {
        auto row = query->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const RunRecord record = readRecord(*query);
        if (result.isEmpty() || result.constLast().kind != record.kind
            || result.constLast().database != record.database) {
            RunTotals fresh;
            fresh.kind = record.kind;
            fresh.database = record.database;
            result.append(fresh);
        }
        RunTotals &totals = result.last();
        if (record.ok) {
            ++totals.succeeded;
            totals.lastSuccess = record;
        } else {
            ++totals.failed;
        }
        totals.lastAttempt = record;
    }
    return result;
}

Result<QList<RunRecord>> RunLog::recent(int limit)
{
    auto query
        = m_db.prepare(QStringLiteral("SELECT %1 FROM runs ORDER BY started DESC, id DESC LIMIT ?").arg(kColumns));
    if (!query)
        return std::unexpected(query.error());
    query->bind(1, qint64(std::max(0, limit)));
    QList<RunRecord> result;
    while (true) {
        auto row = query->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        result.append(readRecord(*query));
    }
    return result;
}

} // namespace coffer
