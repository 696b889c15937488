#include "schedule/ScheduledTaskRunner.h"

#include "backup/BackupJob.h"
#include "drill/DrillJob.h"
#include "retention/PruneJob.h"
#include "verify/VerifyJob.h"
#include "workspace/WorkspaceJobs.h"

#include <QLocale>

namespace coffer {

namespace {

// A scheduled task waits this long for a repository another process holds exclusively (a
// prune, a delete) before it counts as failed and is retried later.
constexpr int kLockWaitMs = 30000;

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString failedChecks(const QList<CheckResult> &checks)
{
    QStringList failed;
    for (const CheckResult &check : checks) {
        if (!check.ok)
            failed << (check.detail.isEmpty() ? check.name : QStringLiteral("%1 (%2)").arg(check.name, check.detail));
    }
    return failed.join(QStringLiteral("; "));
}

} // namespace

ScheduledTaskRunner::ScheduledTaskRunner(const Workspace &workspace, const CancelFlag &cancel, ProgressFn progress)
    : m_workspace(workspace)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{
}

std::optional<RunRecord> ScheduledTaskRunner::run(
    const PlannedTask &task, const DatabaseState &state, const QDateTime &plannedAt)
{
    if (m_cancel.load())
        return std::nullopt;
    m_cancelled = false;
    RunRecord record;
    record.kind = task.kind;
    record.database = task.database;
    record.started = QDateTime::currentDateTimeUtc();
    if (m_progress)
        m_progress(QStringLiteral("%1 %2").arg(task.kind, task.database), 0, 0);
    if (task.kind == DuePlanner::kBackup)
        backup(record);
    else if (task.kind == DuePlanner::kPrune)
        prune(record, state, plannedAt);
    else if (task.kind == DuePlanner::kVerify)
        verify(record, state);
    else if (task.kind == DuePlanner::kDrill)
        drill(record, state);
    else
        record.message = QStringLiteral("unknown task %1").arg(task.kind);
    record.finished = QDateTime::currentDateTimeUtc();
    if (m_cancelled || (m_cancel.load() && !record.ok))
        return std::nullopt;
    return record;
}

bool ScheduledTaskRunner::runInline(Job &job, const QString &phase)
{
    // The job runs on this thread: its signals arrive directly, and its cancel flag is set from
    // here as soon as the round's own is.
    QObject::connect(&job, &Job::progress, &job, [this, &job, phase](const QString &, qint64 done, qint64 total) {
        if (m_cancel.load())
            job.cancel();
        if (m_progress)
            m_progress(phase, done, total);
    });
    if (m_cancel.load())
        job.cancel();
    job.run();
    m_cancelled = job.state() == Job::State::Cancelled;
    return !m_cancelled;
}

void ScheduledTaskRunner::backup(RunRecord &record)
{
    auto params = workspacejobs::backupParams(m_workspace, record.database);
    if (!params) {
        record.message = params.error().toString();
        return;
    }
    params->trigger = QStringLiteral("scheduled");
    BackupJob job(*params);
    if (!runInline(job, QStringLiteral("backup %1").arg(record.database)))
        return;
    if (job.state() != Job::State::Succeeded) {
        record.message = job.error().toString();
        return;
    }
    const Manifest &manifest = job.result().manifest;
    record.ok = true;
    record.backupId = manifest.id;
    record.bytes = manifest.artifactSize;
    record.message = QStringLiteral("backup %1, %2").arg(manifest.shortId(), sizeText(manifest.artifactSize));
}

void ScheduledTaskRunner::prune(RunRecord &record, const DatabaseState &state, const QDateTime &plannedAt)
{
    int deleted = 0;
    qint64 freed = 0;
    QStringList problems;
    QStringList sharedWith;
    QStringList wider; // scopes wider than the database: a size limit covers them
    for (const PruneTarget &target : state.pruneTargets) {
        if (const auto done = m_prunedScopes.constFind(target.key()); done != m_prunedScopes.constEnd()) {
            sharedWith << QStringLiteral("%1 already pruned this round (for %2)").arg(target.scopeText(), *done);
            continue;
        }
        PruneParams params;
        params.repositoryPath = target.repository;
        params.database = target.database;
        params.group = target.group;
        params.policies = target.policies;
        params.lockWaitMs = kLockWaitMs;
        params.now = plannedAt;
        auto result = PruneJob::prune(params, m_cancel, [this, &record](const QString &, qint64 done, qint64 total) {
            if (m_progress)
                m_progress(QStringLiteral("prune %1").arg(record.database), done, total);
        });
        if (!result) {
            problems << QStringLiteral("%1: %2").arg(target.repository, result.error().toString());
            continue;
        }
        m_prunedScopes.insert(target.key(), record.database);
        if (target.database.isEmpty())
            wider << target.scopeText();
        deleted += result->deleted;
        freed += result->freedBytes;
        problems << result->failures;
        if (result->cancelled) {
            m_cancelled = true;
            return;
        }
    }
    record.ok = problems.isEmpty();
    record.bytes = freed;
    record.message = QStringLiteral("deleted %1 backup(s), freed %2").arg(deleted).arg(sizeText(freed));
    if (!wider.isEmpty())
        record.message += QStringLiteral(" in %1 (its size limit covers more than %2)")
                              .arg(wider.join(QStringLiteral(", ")), record.database);
    if (!sharedWith.isEmpty())
        record.message += QStringLiteral("; ") + sharedWith.join(QStringLiteral("; "));
    if (!problems.isEmpty())
        record.message += QStringLiteral("; failed: ") + problems.join(QStringLiteral("; "));
}

void ScheduledTaskRunner::verify(RunRecord &record, const DatabaseState &state)
{
    const DatabaseSchedule schedule = m_workspace.schedule(record.database);
    auto level = levelFromName(schedule.verifyLevel);
    if (!level) {
        record.message = level.error().toString();
        return;
    }
    VerifyParams params;
    params.repositoryPath = state.newestBackupRepository;
    params.ids = { state.newestBackupId };
    params.level = *level;
    params.credentials = workspacejobs::credentials(m_workspace);
    params.lockWaitMs = kLockWaitMs;
    record.backupId = state.newestBackupId;
    const QString phase = QStringLiteral("verify %1").arg(record.database);
    auto outcomes = VerifyJob::verifyAll(params, m_cancel, [this, &phase](const QString &, qint64 done, qint64 total) {
        if (m_progress)
            m_progress(phase, done, total);
    });
    if (!outcomes) {
        m_cancelled = outcomes.error().code == ErrorCode::Cancelled;
        record.message = outcomes.error().toString();
        return;
    }
    const QString what
        = QStringLiteral("%1 verification of %2").arg(schedule.verifyLevel, state.newestBackupId.left(8));
    QList<CheckResult> checks;
    for (const VerifyOutcome &outcome : std::as_const(*outcomes))
        checks << outcome.checks;
    record.ok = allPassed(checks);
    record.message = record.ok ? what + QStringLiteral(" passed")
                               : QStringLiteral("%1 failed: %2").arg(what, failedChecks(checks));
}

void ScheduledTaskRunner::drill(RunRecord &record, const DatabaseState &state)
{
    DrillParams params;
    params.repositoryPath = state.newestBackupRepository;
    params.databases = { record.database };
    params.sample = m_workspace.schedule(record.database).drillSample;
    params.workspace = m_workspace;
    params.credentials = workspacejobs::credentials(m_workspace);
    DrillJob job(params);
    if (!runInline(job, QStringLiteral("drill %1").arg(record.database)))
        return;
    if (job.state() != Job::State::Succeeded) {
        record.message = job.error().toString();
        return;
    }
    const QList<DrillOutcome> &outcomes = job.outcomes();
    QStringList failed;
    for (const DrillOutcome &outcome : outcomes) {
        if (!outcome.ok())
            failed << QStringLiteral("%1: %2").arg(outcome.backupId.left(8), failedChecks(outcome.checks));
        // The newest backup is drilled first: its RTO is the one to report.
        if (record.backupId.isEmpty() && !outcome.backupId.isEmpty()) {
            record.backupId = outcome.backupId;
            record.rtoMs = outcome.rtoMs;
        }
    }
    record.ok = !outcomes.isEmpty() && failed.isEmpty();
    if (outcomes.isEmpty())
        record.message = QStringLiteral("nothing was drilled");
    else if (record.ok)
        record.message = QStringLiteral("drilled %1 backup(s), RTO %2 ms").arg(outcomes.size()).arg(record.rtoMs);
    else
        record.message = QStringLiteral("drill failed: %1").arg(failed.join(QStringLiteral("; ")));
}

} // namespace coffer
