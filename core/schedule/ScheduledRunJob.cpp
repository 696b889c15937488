#include "schedule/ScheduledRunJob.h"

#include "common/TestHooks.h"
#include "health/DatabaseHealth.h"
#include "health/HealthSurvey.h"
#include "schedule/DuePlanner.h"
#include "schedule/ScheduleSurvey.h"
#include "schedule/ScheduledTaskRunner.h"

#include <QFileInfo>
#include <QLockFile>

#include <algorithm>

namespace coffer {

namespace {

const QString kLockFileName = QStringLiteral("run-due.lock");

// Who holds the run lock `lock` (which failed to lock) and since when.
RunLockHolder holderOf(const QLockFile &lock, const QString &lockPath)
{
    RunLockHolder holder;
    QString application;
    if (!lock.getLockInfo(&holder.pid, &holder.host, &application)) {
        holder.pid = 0;
        holder.host.clear();
    }
    // The lock file is written when the lock is taken: its age is the holder's. Real time,
    // whatever clock the round plans with.
    const QDateTime taken = QFileInfo(lockPath).lastModified();
    if (taken.isValid())
        holder.heldSeconds = std::max<qint64>(0, taken.secsTo(QDateTime::currentDateTimeUtc()));
    return holder;
}

} // namespace

ScheduledRunJob::ScheduledRunJob(ScheduledRunParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString ScheduledRunJob::title() const
{
    return tr("Run the scheduled work of %1").arg(QFileInfo(m_params.workspace.filePath()).fileName());
}

QStringList ScheduledRunJob::exclusiveKeys() const
{
    QStringList keys;
    for (const RepositoryEntry &repository : m_params.workspace.repositories())
        keys << repositoryKey(repository.path);
    return keys;
}

Result<void> ScheduledRunJob::execute()
{
    const Workspace &workspace = m_params.workspace;
    if (workspace.filePath().isEmpty())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The workspace has no file: scheduled runs keep their state per workspace file"));
    auto stateDir = stateDirectory(workspace.filePath());
    if (!stateDir)
        return std::unexpected(stateDir.error());

    // Never two rounds at once, across processes. No stale time: a long round (a big backup)
    // must not look abandoned; a holder that died is detected by its pid being gone.
    const QString lockPath = *stateDir + QLatin1Char('/') + kLockFileName;
    QLockFile lock(lockPath);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(std::max(0, m_params.lockWaitMs))) {
        if (lock.error() != QLockFile::LockFailedError)
            return fail(lock.error() == QLockFile::PermissionError ? ErrorCode::PermissionDenied : ErrorCode::Io,
                QStringLiteral("Cannot take the scheduler's run lock in %1").arg(*stateDir),
                QStringLiteral("check that the folder is writable"));
        const RunLockHolder holder = holderOf(lock, lockPath);
        const QString by = holder.pid != 0 ? QStringLiteral(" (pid %1 on %2)").arg(holder.pid).arg(holder.host) : QString();
        m_result.skipped = true;
        if (holder.heldSeconds >= 0)
            m_result.lockHeldSeconds = holder.heldSeconds;
        m_result.skippedReason = m_result.isLockHeldLong()
            ? QStringLiteral("another run has held the lock for %1%2")
                  .arg(DatabaseHealth::describeDuration(m_result.lockHeldSeconds), by)
            : QStringLiteral("another run is in progress%1").arg(by);
        return {};
    }
    if (auto hook = testhooks::point("run-due-locked"); !hook)
        return hook;

    auto log = RunLog::open(workspace.filePath());
    if (!log)
        return std::unexpected(log.error());
    const auto now = [this] {
        if (m_params.clock)
            return m_params.clock().toUTC();
        return m_params.now.isValid() ? m_params.now.toUTC() : QDateTime::currentDateTimeUtc();
    };
    ScheduledTaskRunner runner(workspace, cancelFlag(), progressReporter());

    // Backups first; then the state is read again, so that prunes, verifications and drills
    // see the backups this round made (a first backup can be verified in the same round).
    const QStringList kinds[]
        = { { DuePlanner::kBackup }, { DuePlanner::kPrune, DuePlanner::kVerify, DuePlanner::kDrill } };
    // Every catalog is read once, and again only after a task may have changed it: an idle round
    // (the common case, every few minutes) reads each catalog once in all.
    std::optional<WorkspaceCatalogs> catalogs;
    const auto current = [&]() -> const WorkspaceCatalogs & {
        if (!catalogs)
            catalogs = WorkspaceCatalogs::read(workspace);
        return *catalogs;
    };
    for (const QStringList &stage : kinds) {
        const QDateTime at = now();
        const ScheduleSurvey survey = ScheduleSurvey::take(workspace, current(), &*log, at);
        for (const QString &problem : survey.problems) {
            if (!m_result.problems.contains(problem))
                m_result.problems << problem;
        }
        for (const PlannedTask &task : DuePlanner::due(DuePlanner::plan(workspace, survey.states, at))) {
            if (!stage.contains(task.kind))
                continue;
            if (isCancelRequested())
                return fail(ErrorCode::Cancelled, QStringLiteral("The scheduled run was cancelled"));
            const auto state = std::find_if(survey.states.cbegin(), survey.states.cend(),
                [&](const DatabaseState &s) { return s.database == task.database; });
            // One clock per stage: the prune deletes what the survey at `at` counted.
            auto record = runner.run(task, *state, at);
            if (!record)
                return fail(ErrorCode::Cancelled, QStringLiteral("The scheduled run was cancelled"));
            if (auto recorded = log->record(*record); !recorded)
                m_result.problems << QStringLiteral("run log: %1").arg(recorded.error().toString());
            m_result.runs << *record;
            m_result.reasons << task.reason;
            catalogs.reset();
        }
    }

    if (m_params.publish)
        m_result.publishReport = Publisher::publish(
            workspace, m_result.runs, HealthSurvey::take(workspace, current(), now()), workspace.monitoring());
    return {};
}

Result<std::optional<RunLockHolder>> ScheduledRunJob::runLockHolder(const QString &workspacePath)
{
    const QString lockPath = stateDirectoryPath(workspacePath) + QLatin1Char('/') + kLockFileName;
    // No file, no holder. Taking the lock just to look would, for that instant, make a cron
    // run-due skip.
    if (!QFileInfo::exists(lockPath))
        return std::optional<RunLockHolder>();
    QLockFile lock(lockPath);
    lock.setStaleLockTime(0); // as execute() takes it: only a holder that died is stale
    if (lock.tryLock(0)) {
        lock.unlock();
        return std::optional<RunLockHolder>();
    }
    if (lock.error() != QLockFile::LockFailedError)
        return fail(lock.error() == QLockFile::PermissionError ? ErrorCode::PermissionDenied : ErrorCode::Io,
            QStringLiteral("Cannot inspect the scheduler's run lock %1").arg(lockPath),
            QStringLiteral("check that the folder is readable and writable"));
    const RunLockHolder holder = holderOf(lock, lockPath);
    return std::optional<RunLockHolder>(holder);
}

} // namespace coffer
