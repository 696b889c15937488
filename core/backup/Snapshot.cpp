#include "backup/Snapshot.h"

#include "common/SqliteDb.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <sqlite3.h>

namespace coffer::snapshot {

namespace {

constexpr int kPagesPerStep = 2048;
constexpr int kBusyRetries = 600; // x 50 ms: a writer holding the destination or source for 30 s

} // namespace

Result<void> checkSource(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("The database to back up does not exist"), path);
    if (!info.isFile())
        return fail(ErrorCode::NotSqlite, QStringLiteral("The path to back up is not a file"), path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::PermissionDenied, QStringLiteral("The database to back up cannot be read"),
                    QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(16);
    if (header != QByteArrayLiteral("SQLite format 3\0"))
        return fail(ErrorCode::NotSqlite,
                    header.isEmpty() ? QStringLiteral("The file to back up is empty, not an SQLite database")
                                     : QStringLiteral("The file to back up is not an SQLite database"),
                    path);
    return {};
}

Result<void> take(const QString &source, const QString &destination, const CancelFlag &cancel,
                  const ProgressFn &progress)
{
    if (auto ok = checkSource(source); !ok)
        return ok;
    auto src = SqliteDb::open(source, SqliteDb::Mode::ReadOnly);
    if (!src)
        return std::unexpected(src.error());
    // Start the read transaction now and keep it: the backup then never restarts when
    // other connections commit, and the copy is the database as of this instant.
    if (auto begun = src->exec(QStringLiteral("BEGIN")); !begun)
        return begun;
    if (auto read = src->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema")); !read)
        return std::unexpected(read.error());

    auto dst = SqliteDb::open(destination, SqliteDb::Mode::Create);
    if (!dst)
        return std::unexpected(dst.error());
    // The copy is a work file that is hashed and deleted; it needs no journal and no fsync.
    if (auto pragmas = dst->exec(QStringLiteral("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF")); !pragmas)
        return pragmas;

    sqlite3_backup *backup = sqlite3_backup_init(dst->handle(), "main", src->handle(), "main");
    if (!backup)
        return std::unexpected(dst->lastError(QStringLiteral("Starting the snapshot")));

    int busy = 0;
    int rc = SQLITE_OK;
    for (;;) {
        if (cancel.load()) {
            sqlite3_backup_finish(backup);
            return fail(ErrorCode::Cancelled, QStringLiteral("The backup was cancelled"));
        }
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        const qint64 total = sqlite3_backup_pagecount(backup);
        if (progress)
            progress(QStringLiteral("snapshot"), total - sqlite3_backup_remaining(backup), total);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++busy > kBusyRetries)
                break;
            QThread::msleep(50);
            continue;
        }
        if (rc != SQLITE_OK)
            break;
    }
    const int finishRc = sqlite3_backup_finish(backup);
    src->exec(QStringLiteral("COMMIT"));
    if (rc != SQLITE_DONE) {
        const int code = rc != SQLITE_OK ? rc : finishRc;
        return std::unexpected(SqliteDb::errorFor(code, QStringLiteral("Taking the snapshot"),
                                                  QStringLiteral("%1: %2").arg(source, QString::fromUtf8(sqlite3_errstr(code)))));
    }
    if (finishRc != SQLITE_OK)
        return std::unexpected(dst->lastError(QStringLiteral("Finishing the snapshot")));
    return {};
}

} // namespace coffer::snapshot
