#include "restore/Restorer.h"

#include "backup/BackupPipeline.h"
#include "common/SqliteDb.h"
#include "common/TestHooks.h"
#include "repository/RepoLock.h"
#include "restore/LiveCopy.h"
#include "restore/TargetSwap.h"
#include "verify/DatabaseChecks.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <optional>
#include <sys/stat.h>

namespace coffer {

namespace {

// Times consecutive phases into the result.
class PhaseClock final
{
public:
    PhaseClock(RestoreResult &result, qint64 preflightMs, const Restorer::PhaseFn &onPhase)
        : m_result(result)
        , m_onPhase(onPhase)
    {
        m_result.phases << RestorePhase{ QStringLiteral("preflight"), preflightMs };
        m_timer.start();
    }
    void next(const QString &name)
    {
        stop();
        m_name = name;
        m_timer.restart();
        if (m_onPhase)
            m_onPhase(name);
    }
    void stop()
    {
        if (!m_name.isEmpty())
            m_result.phases << RestorePhase{ m_name, m_timer.elapsed() };
        m_name.clear();
    }

private:
    RestoreResult &m_result;
    const Restorer::PhaseFn &m_onPhase;
    QElapsedTimer m_timer;
    QString m_name;
};

// Folds a -wal (or rolls back a hot -journal) into the old file, so that nothing the old
// database committed lives only in a journal that the swap moves aside.
Result<void> settle(const QString &target)
{
    auto db = SqliteDb::open(target, SqliteDb::Mode::ReadWrite);
    if (!db)
        return std::unexpected(db.error());
    if (auto read = db->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema")); !read)
        return std::unexpected(read.error());
    auto folded = db->scalar(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!folded)
        return std::unexpected(folded.error());
    if (folded->toInt() != 0) // busy: another connection kept the -wal from being folded in
        return fail(ErrorCode::Locked,
            QStringLiteral("%1 is in use: its -wal could not be folded in; stop the programs that use it").arg(target));
    return {};
}

// Decodes the safety backup next to the live target and copies it in. Not cancellable: a
// half-done rollback is worse than a slow one.
Result<void> putBackLive(Catalog &catalog, const QString &safetyId, const QString &target,
    const Credentials &credentials, const ProgressFn &progress)
{
    const CancelFlag never{ false };
    auto safety = catalog.backup(safetyId);
    if (!safety)
        return std::unexpected(safety.error());
    MaterialisedCopy previous(target);
    auto checks = previous.fill(safety->manifest, safety->artifactPath, never, progress, credentials);
    if (!checks)
        return std::unexpected(checks.error());
    for (const CheckResult &check : std::as_const(*checks))
        if (!check.ok)
            return fail(ErrorCode::Corrupt, QStringLiteral("the safety backup does not verify (%1)").arg(check.name),
                check.detail);
    return LiveCopy::copy(previous.path(), target, never, progress);
}

// Size and modification time of a database and its -wal: whether anyone wrote to it.
struct FileStamp {
    qint64 size = -1;
    qint64 mtimeNs = 0;
    qint64 walSize = -1;
    qint64 walMtimeNs = 0;
    bool operator==(const FileStamp &) const = default;
};

FileStamp stampOf(const QString &path)
{
    FileStamp stamp;
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        stamp.size = st.st_size;
        stamp.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    }
    // An empty -wal holds nothing (a read-only connection, like the snapshot's, may create one).
    if (::stat(QFile::encodeName(path + QStringLiteral("-wal")).constData(), &st) == 0 && st.st_size > 0) {
        stamp.walSize = st.st_size;
        stamp.walMtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    }
    return stamp;
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

RestoreResult Restorer::execute(
    const RestorePlan &plan, const CancelFlag &cancel, const ProgressFn &progress, const PhaseFn &onPhase)
{
    RestoreResult result;
    PhaseClock clock(result, plan.preflightMs, onPhase);
    const Manifest &m = plan.backup.manifest;
    const QString target = plan.target.path;
    const bool live = plan.mode == QStringLiteral("live");
    if (!plan.ok() || !plan.copy) {
        result.error = Error{ ErrorCode::InvalidArgument, QStringLiteral("The restore's preflight did not pass"), {} };
        return result;
    }

    auto repo = Repository::open(plan.repositoryRoot);
    if (!repo) {
        result.error = repo.error();
        return result;
    }
    auto lock = RepoLock::acquire(
        repo->locksDir(), RepoLock::Kind::Shared, QStringLiteral("restore %1").arg(m.database), plan.params.lockWaitMs);
    if (!lock) {
        result.error = lock.error();
        return result;
    }
    auto catalog = Catalog::open(*repo);
    if (!catalog) {
        result.error = catalog.error();
        return result;
    }
    auto audit = [&](const QString &operation, const QString &outcome, const QString &detail) {
        auto recorded = catalog->audit(
            { .operation = operation, .target = target, .backupId = m.id, .outcome = outcome, .detail = detail });
        if (!recorded)
            result.warnings << QStringLiteral("The %1 could not be recorded in the audit trail: %2")
                                   .arg(operation, recorded.error().toString());
    };
    auto refuse = [&](const Error &error) {
        result.error = error;
        clock.stop();
        audit(QStringLiteral("restore"), QStringLiteral("refused"), error.message);
        return result;
    };

    // The world may have moved while the user read the plan. A prune or delete may have removed
    // the backup; from here on the shared lock keeps them out until the restore is over.
    if (auto still = catalog->backup(m.id); !still)
        return refuse({ ErrorCode::NotFound,
            QStringLiteral("The backup %1 of %2 was deleted since the preflight (by a prune or delete); nothing was "
                           "changed")
                .arg(m.shortId(), m.database),
            still.error().toString() });
    const TargetState now = TargetProbe::probe(target);
    if (now.exists != plan.target.exists)
        return refuse({ ErrorCode::InvalidArgument,
            QStringLiteral("%1 %2 since the preflight; run the restore again")
                .arg(target, now.exists ? QStringLiteral("appeared") : QStringLiteral("disappeared")),
            {} });
    if (!live && now.inUse())
        return refuse({ ErrorCode::Locked,
            QStringLiteral("%1 came into use since the preflight (%2); stop those programs, or restore "
                           "with --live")
                .arg(target, now.describeUse()),
            {} });

    // 3. Safety backup of what is there now. Settled first: a hot -journal must be rolled back
    // (the snapshot reads through a read-only connection, which cannot), and for a swap nothing
    // may live only in a -wal.
    if (plan.target.exists && (!live || plan.target.hotJournal)) {
        if (auto settled = settle(target); !settled) {
            result.error = settled.error();
            clock.stop();
            audit(QStringLiteral("restore"), QStringLiteral("failed"), settled.error().toString());
            return result;
        }
    }
    const FileStamp beforeSafety = stampOf(target);
    QString replacedSha256;
    if (plan.takeSafetyBackup) {
        clock.next(QStringLiteral("safety backup"));
        BackupParams safety;
        safety.id = plan.safetyBackupId;
        safety.repositoryPath = plan.repositoryRoot;
        safety.sourcePath = target;
        safety.database = plan.safetyDatabase;
        safety.trigger = QStringLiteral("safety");
        safety.keepDays = plan.params.safetyKeepDays;
        safety.tags = { QStringLiteral("before-restore-%1").arg(m.shortId()) };
        safety.encryption = plan.safetyEncryption;
        safety.lockWaitMs = plan.params.lockWaitMs;
        auto taken = BackupPipeline::run(safety, cancel, progress);
        if (!taken) {
            Error error = taken.error();
            error.message = error.code == ErrorCode::Cancelled
                ? QStringLiteral("The restore was cancelled during the safety backup; %1 is unchanged").arg(target)
                : QStringLiteral("The safety backup failed, so nothing was restored and %1 is unchanged: "
                                 "%2")
                      .arg(target, error.message);
            result.error = error;
            clock.stop();
            audit(QStringLiteral("restore"), QStringLiteral("failed"), error.message);
            return result;
        }
        result.safetyBackupId = taken->manifest.id;
        replacedSha256 = taken->manifest.plaintextSha256;
    }
    // The safety backup knows exactly what is replaced; without one, the file's time is a hint.
    const bool differs
        = replacedSha256.isEmpty() ? m.created < plan.target.modified : replacedSha256 != m.plaintextSha256;
    if (plan.target.exists && differs)
        result.gap = QStringLiteral("the replaced database differs from the backup: data written between %1 and %2 "
                                    "is not in the restored database%3")
                         .arg(iso(m.created), iso(QDateTime::currentDateTimeUtc()),
                             result.safetyBackupId.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" (safety backup %1 has it)").arg(result.safetyBackupId.left(8)));

    // 4-6. Install, verify; any failure from here puts the previous database back.
    TargetSwap swap(target);
    bool copyStarted = false;
    bool copiedLive = false;
    FileStamp afterCopy;
    auto installAndVerify = [&]() -> Result<void> {
        if (auto hook = testhooks::point("restore-after-safety-backup"); !hook)
            return hook;
        if (cancel.load())
            return fail(ErrorCode::Cancelled, QStringLiteral("The restore was cancelled before the install"));
        clock.next(QStringLiteral("install"));
        if (live) {
            if (auto hook = testhooks::point("restore-before-swap"); !hook)
                return hook;
            copyStarted = true;
            if (auto copied = LiveCopy::copy(plan.copy->path(), target, cancel, progress); !copied)
                return copied;
            copiedLive = true;
            afterCopy = stampOf(target);
            if (auto hook = testhooks::point("restore-after-swap"); !hook)
                return hook;
        } else {
            if (plan.target.exists) {
                // A writer that came while the safety backup ran would lose its writes with the
                // old file: look once more, as late as possible.
                const TargetState last = TargetProbe::probe(target);
                if (last.inUse())
                    return fail(ErrorCode::Locked,
                        QStringLiteral("%1 came into use during the safety backup (%2); stop those programs, "
                                       "or restore with --live")
                            .arg(target, last.describeUse()));
                if (!(stampOf(target) == beforeSafety))
                    return fail(ErrorCode::Locked,
                        QStringLiteral("%1 was written to during the safety backup, which does not have those "
                                       "writes; stop the programs that use it and run the restore again")
                            .arg(target));
            }
            if (auto installed = swap.install(plan.copy->path(), plan.target.exists ? plan.target.permissions : 0600);
                !installed)
                return installed;
            plan.copy->release();
        }
        result.installed = true;
        clock.next(QStringLiteral("verify"));
        if (progress)
            progress(QStringLiteral("verify"), 0, 0);
        if (auto hook = testhooks::point("restore-mid-verify"); !hook)
            return hook;
        // Swapped: the very file checked before the swap, so the quick check suffices. Live:
        // the content went through a copy and writers may already be adding to it.
        DatabaseChecks::Options options;
        options.quick = !live;
        options.rowCounts = !live;
        options.pageCount = !live;
        options.schema = !live; // a connected application may create its tables at once
        options.mode = live ? SqliteDb::Mode::ReadOnly : SqliteDb::Mode::Immutable;
        result.installedChecks = DatabaseChecks::againstManifest(target, m, options);
        for (const CheckResult &check : std::as_const(result.installedChecks))
            if (!check.ok)
                return fail(ErrorCode::Corrupt,
                    QStringLiteral("The installed database failed its check %1").arg(check.name), check.detail);
        return {};
    };

    auto done = installAndVerify();
    if (done) {
        if (!live)
            swap.commit();
        clock.stop();
        QStringList detail{ QStringLiteral("%1 install").arg(plan.mode) };
        if (!result.safetyBackupId.isEmpty())
            detail << QStringLiteral("safety backup %1").arg(result.safetyBackupId);
        if (!result.gap.isEmpty())
            detail << result.gap;
        audit(QStringLiteral("restore"), QStringLiteral("ok"), detail.join(QStringLiteral("; ")));
        return result;
    }

    // Put the previous database back.
    result.error = done.error();
    clock.next(QStringLiteral("rollback"));
    Result<void> back;
    if (!live) {
        const bool replaced = swap.swapped();
        back = swap.rollback();
        result.rolledBack = replaced && back.has_value();
        result.rollbackDetail = !replaced  ? QStringLiteral("%1 was not changed").arg(target)
            : !back                        ? QStringLiteral("putting the previous database back failed: %1")
                                                 .arg(back.error().toString())
            : plan.target.exists ? QStringLiteral("the previous database is back in place at %1").arg(target)
                                 : QStringLiteral("the restored file was removed again; %1 does not exist, as before")
                                       .arg(target);
    } else if (!copiedLive) {
        // The copy is one SQLite transaction: whatever it wrote before failing, SQLite undid.
        result.rolledBack = copyStarted;
        result.rollbackDetail = copyStarted
            ? QStringLiteral("SQLite rolled the copy back; %1 was not changed").arg(target)
            : QStringLiteral("%1 was not changed").arg(target);
    } else if (!(stampOf(target) == afterCopy)) {
        // Connected programs have written since the copy: copying the safety backup back would
        // throw their writes away. Leave it to a person.
        back = fail(ErrorCode::Internal, QStringLiteral("the database was written to after the copy"));
        result.rollbackDetail = QStringLiteral("the restored content stays in place: programs have written to it since "
                                               "the copy, and putting the safety backup back would lose that; "
                                               "safety backup %1 holds the previous database")
                                    .arg(result.safetyBackupId.left(8));
    } else if (result.safetyBackupId.isEmpty()) {
        back = fail(ErrorCode::Internal, QStringLiteral("there is no safety backup to put back"));
        result.rollbackDetail
            = QStringLiteral("the restored content stays in place: there is no safety backup to put back");
    } else {
        back = putBackLive(*catalog, result.safetyBackupId, target, plan.params.credentials, progress);
        result.rolledBack = back.has_value();
        result.rollbackDetail = back ? QStringLiteral("safety backup %1 was copied back into the live database")
                                           .arg(result.safetyBackupId.left(8))
                                     : QStringLiteral("putting safety backup %1 back failed: %2")
                                           .arg(result.safetyBackupId.left(8), back.error().toString());
    }
    result.rollbackFailed = !back;
    clock.stop();
    audit(QStringLiteral("restore"), QStringLiteral("failed"), result.error->toString());
    if (result.rolledBack || !back)
        audit(
            QStringLiteral("rollback"), back ? QStringLiteral("ok") : QStringLiteral("failed"), result.rollbackDetail);
    return result;
}

} // namespace coffer
