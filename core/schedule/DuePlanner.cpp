#include "schedule/DuePlanner.h"

#include "health/DatabaseHealth.h"

#include <algorithm>

namespace coffer {

QString PruneTarget::scopeText() const
{
    if (!database.isEmpty())
        return QStringLiteral("database %1").arg(database);
    if (!group.isEmpty())
        return QStringLiteral("group %1").arg(group);
    return QStringLiteral("the repository");
}

namespace {

// How each task speaks of its last run: "last backup 7 h ago", "never backed up".
struct Wording {
    QString last; // "last backup"
    QString never; // "never backed up"
};

Wording wordingOf(const QString &kind)
{
    if (kind == DuePlanner::kVerify)
        return { QStringLiteral("last verification"), QStringLiteral("never verified") };
    if (kind == DuePlanner::kDrill)
        return { QStringLiteral("last drill"), QStringLiteral("never drilled") };
    return { QStringLiteral("last backup"), QStringLiteral("never backed up") };
}

qint64 secondsBetween(const QDateTime &from, const QDateTime &to)
{
    return std::max<qint64>(0, from.secsTo(to));
}

// A time for a person, relative to `now` in the schedule's zone: "today at 02:31",
// "yesterday at 02:31", "tomorrow at 02:30", "Mon 2026-05-04 at 02:30".
QString whenText(const QDateTime &time, const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime local = time.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QString clock = local.toString(QStringLiteral("HH:mm"));
    const qint64 days = today.daysTo(local.date());
    if (days == 0)
        return QStringLiteral("today at %1").arg(clock);
    if (days == -1)
        return QStringLiteral("yesterday at %1").arg(clock);
    if (days == 1)
        return QStringLiteral("tomorrow at %1").arg(clock);
    return QStringLiteral("%1 at %2").arg(local.toString(QStringLiteral("ddd yyyy-MM-dd")), clock);
}

// The cadence's verdict on a task that last ran at `lastRun`, with its reason.
PlannedTask judgeCadence(const QString &kind, const QString &database, const Cadence &cadence, const QDateTime &lastRun,
    const QDateTime &now, const QTimeZone &zone)
{
    const Wording words = wordingOf(kind);
    PlannedTask task;
    task.kind = kind;
    task.database = database;
    task.cadence = cadence.describe();
    task.lastRun = lastRun;
    task.due = cadence.isDue(lastRun, now, zone);
    task.nextDue = cadence.nextDue(lastRun, now, zone);
    if (!lastRun.isValid()) {
        task.reason = words.never;
        return task;
    }
    if (cadence.kind == Cadence::Kind::Interval) {
        task.reason = QStringLiteral("%1 %2, %3")
                          .arg(words.last, DatabaseHealth::describeAge(secondsBetween(lastRun, now)), task.cadence);
        return task;
    }
    if (task.due) {
        const QDateTime slot = cadence.lastSlot(now, zone);
        const QString slotText = slot.toTimeZone(zone).date() == now.toTimeZone(zone).date()
            ? slot.toTimeZone(zone).toString(QStringLiteral("HH:mm"))
            : whenText(slot, now, zone);
        task.reason = QStringLiteral("slot %1 passed, %2 %3").arg(slotText, words.last, whenText(lastRun, now, zone));
    } else {
        task.reason = QStringLiteral("%1 %2, next slot %3")
                          .arg(words.last, whenText(lastRun, now, zone), whenText(task.nextDue, now, zone));
    }
    return task;
}

// A failed attempt after the last success holds the task back: the retry delay doubles with each
// failure in a row, up to `capHours`.
void applyBackoff(
    PlannedTask &task, const DatabaseState &state, double capHours, const QDateTime &now, const QTimeZone &zone)
{
    const auto attempt = state.lastAttempts.constFind(task.kind);
    if (attempt == state.lastAttempts.constEnd() || attempt->ok)
        return;
    const QDateTime failed = attempt->finished.isValid() ? attempt->finished : attempt->started;
    if (!failed.isValid() || (task.lastRun.isValid() && task.lastRun >= failed))
        return;
    if (!task.due)
        return; // the cadence itself waits longer than the retry would
    // Failures before the task last ran (a manual backup succeeded meanwhile) no longer count.
    int failures = 0;
    for (const QDateTime &time : state.failures.value(task.kind)) {
        if (!task.lastRun.isValid() || time > task.lastRun)
            ++failures;
    }
    failures = std::max(failures, 1);
    const QDateTime retry = failed.addSecs(DuePlanner::retryDelaySeconds(failures, capHours));
    const QString age = DatabaseHealth::describeAge(secondsBetween(failed, now));
    const QString inARow = failures > 1 ? QStringLiteral(", %1 failures in a row").arg(failures) : QString();
    if (now < retry) {
        task.due = false;
        task.nextDue = retry;
        task.reason = QStringLiteral("last attempt failed %1 (%2)%3; retrying in %4 (%5)")
                          .arg(age, attempt->message, inARow,
                              DatabaseHealth::describeDuration(secondsBetween(now, retry)), whenText(retry, now, zone));
    } else {
        task.reason = QStringLiteral("retrying: last attempt failed %1%2; %3").arg(age, inARow, task.reason);
    }
}

// The longest a failing task waits between attempts: its cadence's longest gap. A prune has no
// cadence of its own; it follows the backups, else waits a day at most.
double retryCapHours(const QString &kind, const DatabaseSchedule &schedule)
{
    const Cadence *cadence = kind == DuePlanner::kVerify ? &schedule.verify
        : kind == DuePlanner::kDrill                     ? &schedule.drill
                                                         : &schedule.backup;
    const double gap = cadence->maxGapHours();
    return gap > 0 ? gap : 24.0;
}

} // namespace

QList<PlannedTask> DuePlanner::plan(
    const Workspace &workspace, const QList<DatabaseState> &states, const QDateTime &now)
{
    const QTimeZone zone = workspace.scheduleTimeZone();
    QHash<QString, const DatabaseState *> byName;
    for (const DatabaseState &state : states)
        byName.insert(state.database, &state);

    QList<PlannedTask> planned;
    for (const DatabaseEntry &database : workspace.databases()) {
        const DatabaseSchedule schedule = workspace.schedule(database.name);
        DatabaseState empty;
        empty.database = database.name;
        const DatabaseState &state = byName.contains(database.name) ? *byName.value(database.name) : empty;
        const bool hasBackup = !state.newestBackupId.isEmpty();

        if (!schedule.backup.isOff()) {
            PlannedTask task = judgeCadence(kBackup, database.name, schedule.backup, state.newestBackup, now, zone);
            applyBackoff(task, state, retryCapHours(kBackup, schedule), now, zone);
            planned << task;
        }
        if (schedule.prune == DatabaseSchedule::PruneMode::Auto) {
            PlannedTask task;
            task.kind = kPrune;
            task.database = database.name;
            task.cadence = QStringLiteral("auto");
            // A prune leaves no trace in the catalog but its audit record: its last run is its last
            // successful attempt.
            if (const auto attempt = state.lastAttempts.constFind(kPrune);
                attempt != state.lastAttempts.constEnd() && attempt->ok)
                task.lastRun = attempt->started;
            task.due = state.prunable > 0;
            task.nextDue = task.due ? now : QDateTime();
            task.reason = task.due           ? QStringLiteral("retention would delete %1 backup(s)").arg(state.prunable)
                : !state.pruneNote.isEmpty() ? state.pruneNote
                                             : QStringLiteral("retention keeps every backup");
            applyBackoff(task, state, retryCapHours(kPrune, schedule), now, zone);
            planned << task;
        }
        const std::pair<QString, const Cadence *> checks[]
            = { { kVerify, &schedule.verify }, { kDrill, &schedule.drill } };
        for (const auto &[kind, cadence] : checks) {
            if (cadence->isOff())
                continue;
            const QDateTime lastRun = kind == kVerify ? state.newestVerification : state.newestDrill;
            if (!hasBackup) {
                PlannedTask task;
                task.kind = kind;
                task.database = database.name;
                task.cadence = cadence->describe();
                task.lastRun = lastRun;
                task.reason = QStringLiteral("no backup to %1 yet").arg(kind);
                planned << task;
                continue;
            }
            PlannedTask task = judgeCadence(kind, database.name, *cadence, lastRun, now, zone);
            // Health wants the newest backup verified: a backup made since the last verification
            // is verified in the next round, whatever the cadence says (which sets the least often).
            if (kind == kVerify && lastRun.isValid() && !state.newestBackupVerified) {
                task.due = true;
                task.nextDue = now;
                task.reason = QStringLiteral("newest backup (%1) not verified yet")
                                  .arg(whenText(state.newestBackup, now, zone));
            }
            applyBackoff(task, state, retryCapHours(kind, schedule), now, zone);
            planned << task;
        }
    }
    return planned;
}

qint64 DuePlanner::retryDelaySeconds(int failures, double capHours)
{
    const qint64 cap = std::max<qint64>(kRetryDelaySeconds, qint64(capHours * 3600));
    const int doublings = std::clamp(failures - 1, 0, kCountedFailures);
    return std::min(cap, kRetryDelaySeconds << doublings);
}

QList<PlannedTask> DuePlanner::due(const QList<PlannedTask> &planned)
{
    QList<PlannedTask> result;
    for (const QString &kind : { kBackup, kPrune, kVerify, kDrill }) {
        for (const PlannedTask &task : planned) {
            if (task.due && task.kind == kind)
                result << task;
        }
    }
    return result;
}

} // namespace coffer
