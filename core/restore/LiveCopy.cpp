#include "restore/LiveCopy.h"

#include "common/SqliteDb.h"

#include <QThread>

#include <sqlite3.h>

namespace coffer {

namespace {

constexpr int kPagesPerStep = 2048;
constexpr int kBusyRetries = 600; // x 50 ms: half a minute for readers to let go

} // namespace

Result<void> LiveCopy::copy(
    const QString &source, const QString &target, const CancelFlag &cancel, const ProgressFn &progress)
{
    auto from = SqliteDb::open(source, SqliteDb::Mode::Immutable);
    if (!from)
        return std::unexpected(from.error());
    // No busy handler: the loop below waits, and notices a cancel while it does.
    auto to = SqliteDb::open(target, SqliteDb::Mode::ReadWrite, 0);
    if (!to)
        return std::unexpected(to.error());
    sqlite3_backup *backup = sqlite3_backup_init(to->handle(), "main", from->handle(), "main");
    if (!backup)
        return std::unexpected(to->lastError(QStringLiteral("Starting the live copy")));

    int rc = SQLITE_OK;
    int busy = 0;
    for (;;) {
        if (cancel.load()) {
            sqlite3_backup_finish(backup); // rolls the target's transaction back
            return fail(
                ErrorCode::Cancelled, QStringLiteral("The restore was cancelled; the live database was not changed"));
        }
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        if (progress)
            progress(QStringLiteral("install"), sqlite3_backup_pagecount(backup) - sqlite3_backup_remaining(backup),
                sqlite3_backup_pagecount(backup));
        if (rc == SQLITE_DONE)
            break;
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy < kBusyRetries) {
            QThread::msleep(50);
            continue;
        }
        if (rc != SQLITE_OK)
            break;
    }
    const int finished = sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE && finished == SQLITE_OK)
        return {};
    const int code = rc == SQLITE_DONE ? finished : rc;
    if ((code & 0xff) == SQLITE_READONLY)
        return fail(ErrorCode::Sqlite,
            QStringLiteral("SQLite cannot copy into this live database (a WAL database whose page size differs "
                           "from the backup's); stop the programs using it and restore without --live"),
            target);
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        return fail(ErrorCode::Locked,
            QStringLiteral("The live database stayed busy for 30 seconds; the restore could not take its write "
                           "lock, and nothing was changed"),
            target);
    return std::unexpected(SqliteDb::errorFor(code, QStringLiteral("Copying into the live database"), target));
}

} // namespace coffer
