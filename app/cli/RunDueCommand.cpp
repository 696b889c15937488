#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"
#include "JobRunner.h"
#include "ScheduleClock.h"

#include "schedule/ScheduledRunJob.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

// Output is split so that `run-due >/dev/null` in a cron line mails exactly what needs a person:
// what ran, "nothing due" and "another run holds the lock" go to stdout; failed tasks, unreadable
// repositories, publishing problems and a lock held for over an hour (a run that may hang, while
// nothing is published) go to stderr.

namespace {

QJsonObject runJson(const coffer::RunRecord &run, const QString &reason)
{
    return QJsonObject{ { QStringLiteral("kind"), run.kind }, { QStringLiteral("database"), run.database },
        { QStringLiteral("ok"), run.ok }, { QStringLiteral("message"), run.message },
        { QStringLiteral("reason"), reason },
        { QStringLiteral("backup_id"), run.backupId.isEmpty() ? QJsonValue() : QJsonValue(run.backupId) },
        { QStringLiteral("bytes"), run.bytes }, { QStringLiteral("rto_ms"), run.rtoMs },
        { QStringLiteral("started"), jsonview::time(run.started) }, { QStringLiteral("finished"), jsonview::time(run.finished) } };
}

void warnLockHeldLong(const coffer::ScheduledRunResult &result)
{
    cli::err(QStringLiteral("coffer-cli: warning: nothing done: %1. Nothing is run or published while it holds it; "
                            "if it hangs, stop it.")
                 .arg(result.skippedReason));
}

void printText(const coffer::ScheduledRunResult &result, bool published)
{
    if (result.isLockHeldLong()) {
        warnLockHeldLong(result);
        return;
    }
    if (result.skipped) {
        cli::out(QStringLiteral("Nothing done: %1.").arg(result.skippedReason));
        return;
    }
    if (result.runs.isEmpty())
        cli::out(QStringLiteral("Nothing due."));
    for (qsizetype i = 0; i < result.runs.size(); ++i) {
        const coffer::RunRecord &run = result.runs.at(i);
        const QString line = QStringLiteral("%1 %2: %3 — %4 (due: %5)")
                                 .arg(run.kind, run.database, run.ok ? QStringLiteral("ok") : QStringLiteral("FAILED"),
                                     run.message, result.reasons.value(i));
        if (run.ok)
            cli::out(line);
        else
            cli::err(QStringLiteral("coffer-cli: ") + line);
    }
    for (const QString &problem : result.problems)
        cli::err(QStringLiteral("coffer-cli: warning: %1").arg(problem));
    if (!published)
        return;
    const coffer::PublishReport &report = result.publishReport;
    for (const coffer::Alert &alert : report.alerts)
        cli::out(QStringLiteral("alert: %1").arg(alert.message));
    for (const QString &problem : report.problems)
        cli::err(QStringLiteral("coffer-cli: warning: publishing: %1").arg(problem));
}

} // namespace

int runRunDue(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, false);
    CliContext::addWaitOption(parser, 0);
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Run every backup, prune, verification and drill the workspace's schedules say is due, "
                           "then publish metrics and alerts. Safe to call every few minutes: a second call finds "
                           "nothing due, and a call while another runs exits at once (or waits --wait seconds).")))
        return *exit;
    const CliContext context(parser);
    if (!parser.positionalArguments().isEmpty())
        return cli::usageError(QStringLiteral("run-due takes no positional arguments"));
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();
    const auto now = scheduleclock::now();
    if (!now)
        return now.error();
    auto workspace = context.workspace();
    if (!workspace)
        return cli::reportError(workspace.error(), context.json(), kExitUsage);

    coffer::ScheduledRunParams params;
    params.workspace = *workspace;
    params.now = scheduleclock::isFixed() ? *now : QDateTime();
    params.lockWaitMs = *waitMs;
    auto job = std::make_shared<coffer::ScheduledRunJob>(params);
    runJobs({ job });
    if (job->state() != coffer::Job::State::Succeeded) {
        // What ran before the round stopped is in the RunLog; say what failed it.
        for (const coffer::RunRecord &run : job->result().runs)
            cli::err(QStringLiteral("coffer-cli: %1 %2: %3 — %4")
                         .arg(run.kind, run.database, run.ok ? QStringLiteral("ok") : QStringLiteral("FAILED"),
                             run.message));
        return cli::reportError(job->error(), context.json());
    }

    const coffer::ScheduledRunResult &result = job->result();
    const bool published = params.publish && !result.skipped;
    bool allOk = true;
    QJsonArray runs;
    for (qsizetype i = 0; i < result.runs.size(); ++i) {
        allOk = allOk && result.runs.at(i).ok;
        runs.append(runJson(result.runs.at(i), result.reasons.value(i)));
    }
    if (context.json()) {
        cli::printJson(QJsonObject{ { QStringLiteral("workspace"), workspace->filePath() },
            { QStringLiteral("skipped"), result.skipped },
            { QStringLiteral("skipped_reason"), result.skipped ? QJsonValue(result.skippedReason) : QJsonValue() },
            { QStringLiteral("lock_held_seconds"),
                result.skipped && result.lockHeldSeconds >= 0 ? QJsonValue(result.lockHeldSeconds) : QJsonValue() },
            { QStringLiteral("runs"), runs },
            { QStringLiteral("problems"), QJsonArray::fromStringList(result.problems) },
            { QStringLiteral("publish"), published ? QJsonValue(jsonview::publishReport(result.publishReport)) : QJsonValue() } });
        if (result.isLockHeldLong())
            warnLockHeldLong(result);
    } else {
        printText(result, published);
    }
    // A run held off by another is not a failure: cron must not mail, systemd must not mark it failed.
    return allOk ? kExitOk : kExitFailed;
}
