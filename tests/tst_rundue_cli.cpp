// `coffer-cli run-due` and `coffer-cli schedule list` as real processes over a real workspace,
// real databases and a real repository (ScheduleCliFixture). `schedule install` is in
// tst_schedule_install_cli.
#include "ScheduleCliFixture.h"

#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <csignal>

using namespace coffer;
using testsupport::CliRun;
using namespace testsupport::schedulecli;

class TestRunDueCli final : public QObject
{
    Q_OBJECT

private slots:
    void runDueBacksUpWhatIsDue();
    void runDueRunsEveryKindOfTask();
    void failedDrillIsAFindingNotRetried();
    void twoRunsAtOnce();
    void waitingRunFindsNothingDue();
    void failedTaskExitsThreeAndBacksOff();
    void scheduleListJson();
    void scheduleListText();
    void staleLockIsTakenOver();
    void longHeldLockIsReportedOnStderr();
    void pruneEnforcesTheRepositorySizeCap();
    void newBackupIsVerifiedInTheNextRound();
    void scheduleListWarnsOfUnknownGroups();
};

void TestRunDueCli::runDueBacksUpWhatIsDue()
{
    Fixture f;
    QVERIFY(f.isValid());
    const CliRun first = f.run({ QStringLiteral("run-due") });
    QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
    QVERIFY2(first.out.contains("backup orders: ok"), qPrintable(describe(first)));
    QVERIFY2(first.out.contains("backup shop: ok"), qPrintable(describe(first)));
    QVERIFY2(first.out.contains("(due: never backed up)"), qPrintable(describe(first)));
    QVERIFY2(first.err.isEmpty(), qPrintable(describe(first)));
    // Scheduled backups of the scheduled databases; scratch is left alone.
    QCOMPARE(f.backups(), (QStringList{ QStringLiteral("orders scheduled"), QStringLiteral("shop scheduled") }));
    const QList<RunRecord> runs = recentRuns(f);
    QCOMPARE(runs.size(), 2);
    for (const RunRecord &run : runs) {
        QVERIFY(run.ok);
        QCOMPARE(run.kind, QStringLiteral("backup"));
        QCOMPARE(run.backupId.size(), 32);
        QVERIFY(run.bytes > 0);
    }

    // Right after: nothing is due, nothing is added.
    const CliRun second = f.run({ QStringLiteral("run-due") });
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QCOMPARE(second.out.trimmed(), QByteArray("Nothing due."));
    QCOMPARE(f.backups().size(), 2);
    const CliRun json = f.run({ QStringLiteral("run-due"), QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    QCOMPARE(json.json().object().value(QStringLiteral("runs")).toArray().size(), 0);
    QCOMPARE(json.json().object().value(QStringLiteral("skipped")).toBool(), false);
    QCOMPARE(recentRuns(f).size(), 2);
}

void TestRunDueCli::runDueRunsEveryKindOfTask()
{
    Fixture f;
    QVERIFY(f.isValid());
    QVERIFY(f.write("databases:\n"
                    "  orders:\n"
                    "    path: orders.db\n"
                    "    smoke_queries: [{sql: SELECT count(*) FROM customers, expect: \"> 0\"}]\n"
                    "  shop: shop.db\n"
                    "schedules:\n"
                    "  default:\n"
                    "    backup: {interval_hours: 6}\n"
                    "    verify: {interval_hours: 24, level: full}\n"
                    "    drill: {interval_hours: 24}\n"
                    "    prune: auto\n"
                    "retention: {default: {keep_last: 1}}\n"));
    // Two manual backups of orders: the newest makes its backup not due; the older is one too many.
    for (int i = 0; i < 2; ++i) {
        const CliRun backup = f.run({ QStringLiteral("backup"), QStringLiteral("--db"), QStringLiteral("orders") });
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
    }
    const CliRun run = f.run({ QStringLiteral("run-due"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QStringList done;
    for (const QJsonValue &value : run.json().object().value(QStringLiteral("runs")).toArray()) {
        const QJsonObject task = value.toObject();
        QVERIFY2(task.value(QStringLiteral("ok")).toBool(), qPrintable(describe(run)));
        done << task.value(QStringLiteral("kind")).toString() + QLatin1Char(' ')
                + task.value(QStringLiteral("database")).toString();
        if (task.value(QStringLiteral("kind")).toString() == QLatin1String("drill"))
            QCOMPARE(task.value(QStringLiteral("backup_id")).toString().size(), 32);
    }
    // Backups first, then what the new backups make possible: shop's first backup is verified
    // and drilled in the same round.
    QCOMPARE(done,
        (QStringList{ QStringLiteral("backup shop"), QStringLiteral("prune orders"), QStringLiteral("verify orders"),
            QStringLiteral("verify shop"), QStringLiteral("drill orders"), QStringLiteral("drill shop") }));
    QCOMPARE(f.backups(), (QStringList{ QStringLiteral("orders manual"), QStringLiteral("shop scheduled") }));

    const CliRun again = f.run({ QStringLiteral("run-due") });
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QCOMPARE(again.out.trimmed(), QByteArray("Nothing due."));
}

void TestRunDueCli::failedDrillIsAFindingNotRetried()
{
    Fixture f;
    QVERIFY(f.isValid());
    QVERIFY(f.write("databases:\n"
                    "  orders:\n"
                    "    path: orders.db\n"
                    "    smoke_queries: [{sql: SELECT count(*) FROM customers, expect: \"= 0\"}]\n"
                    "schedules: {default: {backup: {interval_hours: 6}, drill: {interval_hours: 24}}}\n"));
    const CliRun run = f.run({ QStringLiteral("run-due") });
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(run.out.contains("backup orders: ok"), qPrintable(describe(run)));
    QVERIFY2(run.err.contains("drill orders: FAILED"), qPrintable(describe(run)));
    QVERIFY2(run.err.contains("SELECT count(*) FROM customers"), qPrintable(describe(run)));
    // The drill ran and found a problem: it is recorded, and runs again at its next slot, not
    // on every call.
    const CliRun again = f.run({ QStringLiteral("run-due") });
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QCOMPARE(again.out.trimmed(), QByteArray("Nothing due."));
}

void TestRunDueCli::twoRunsAtOnce()
{
    Fixture f;
    QVERIFY(f.isValid());
    // The first run stops itself right after taking the lock, as a long backup would hold it.
    QProcess first;
    QByteArray firstErr;
    QVERIFY2(testsupport::startHeld(first, QStringLiteral("run-due-locked"),
                 { QStringLiteral("run-due"), QStringLiteral("--workspace"), f.workspace(), QStringLiteral("--json") },
                 &firstErr, f.environment()),
        firstErr.constData());

    const CliRun second = f.run({ QStringLiteral("run-due") });
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QVERIFY2(
        second.out.contains(QStringLiteral("another run is in progress (pid %1 on ").arg(first.processId()).toUtf8()),
        qPrintable(describe(second)));
    QVERIFY2(second.err.isEmpty(), qPrintable(describe(second)));
    const CliRun json = f.run({ QStringLiteral("run-due"), QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    QCOMPARE(json.json().object().value(QStringLiteral("skipped")).toBool(), true);
    QVERIFY(f.backups().isEmpty()); // neither held run did anything

    ::kill(pid_t(first.processId()), SIGCONT);
    QVERIFY(first.waitForFinished(120000));
    QCOMPARE(first.exitCode(), 0);
    const QJsonObject result = QJsonDocument::fromJson(first.readAllStandardOutput()).object();
    QCOMPARE(result.value(QStringLiteral("runs")).toArray().size(), 2);
    QCOMPARE(f.backups(), (QStringList{ QStringLiteral("orders scheduled"), QStringLiteral("shop scheduled") }));
}

void TestRunDueCli::waitingRunFindsNothingDue()
{
    Fixture f;
    QVERIFY(f.isValid());
    QProcess first;
    QByteArray firstErr;
    QVERIFY2(
        testsupport::startHeld(first, QStringLiteral("run-due-locked"),
            { QStringLiteral("run-due"), QStringLiteral("--workspace"), f.workspace() }, &firstErr, f.environment()),
        firstErr.constData());
    // --wait: the second run waits for the lock instead of leaving; once the first has backed
    // everything up, it finds nothing due.
    QProcess second;
    second.setProcessEnvironment(testsupport::cliEnvironment(f.workspace(), f.environment()));
    second.start(QStringLiteral(COFFER_CLI_PATH),
        { QStringLiteral("run-due"), QStringLiteral("--workspace"), f.workspace(), QStringLiteral("--wait"),
            QStringLiteral("60") });
    QVERIFY(second.waitForStarted());
    QVERIFY2(!second.waitForFinished(1500), "the second run should wait while the first holds the lock");
    ::kill(pid_t(first.processId()), SIGCONT);
    QVERIFY(first.waitForFinished(120000));
    QCOMPARE(first.exitCode(), 0);
    QVERIFY(second.waitForFinished(120000));
    QCOMPARE(second.exitCode(), 0);
    QCOMPARE(second.readAllStandardOutput().trimmed(), QByteArray("Nothing due."));
    QCOMPARE(f.backups().size(), 2);
}

void TestRunDueCli::failedTaskExitsThreeAndBacksOff()
{
    Fixture f;
    QVERIFY(f.isValid());
    QVERIFY(f.write("databases:\n"
                    "  orders: orders.db\n"
                    "  ghost: no-such.db\n"
                    "schedules: {default: {backup: {interval_hours: 6}}}\n"));
    const CliRun first = f.run({ QStringLiteral("run-due") });
    QVERIFY2(first.exitCode == 3, qPrintable(describe(first)));
    QVERIFY2(first.out.contains("backup orders: ok"), qPrintable(describe(first)));
    // The failure goes to stderr, which cron mails; the success does not.
    QVERIFY2(first.err.contains("backup ghost: FAILED"), qPrintable(describe(first)));
    QVERIFY2(!first.err.contains("orders"), qPrintable(describe(first)));
    QCOMPARE(f.backups(), QStringList{ QStringLiteral("orders scheduled") });

    // Retried 30 minutes after the failure at the earliest, not on the next call.
    const CliRun second = f.run({ QStringLiteral("run-due") });
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QCOMPARE(second.out.trimmed(), QByteArray("Nothing due."));
    const CliRun list = f.run({ QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    bool found = false;
    for (const QJsonValue &value : list.json().object().value(QStringLiteral("tasks")).toArray()) {
        const QJsonObject task = value.toObject();
        if (task.value(QStringLiteral("database")).toString() != QLatin1String("ghost"))
            continue;
        found = true;
        QCOMPARE(task.value(QStringLiteral("due")).toBool(), false);
        QVERIFY2(task.value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("last attempt failed")),
            qPrintable(task.value(QStringLiteral("reason")).toString()));
        const QDateTime next
            = QDateTime::fromString(task.value(QStringLiteral("next_due")).toString(), Qt::ISODateWithMs);
        const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(next);
        QVERIFY2(wait > 25 * 60 && wait <= 30 * 60, qPrintable(QString::number(wait)));
    }
    QVERIFY(found);
    const QList<RunRecord> runs = recentRuns(f);
    QCOMPARE(runs.size(), 2);
}

void TestRunDueCli::scheduleListJson()
{
    // Backups at chosen times and a fixed clock (COFFER_NOW, test-only): Berlin's 02:30 does
    // not exist on 29 March 2026, so the next slot is 03:00 CEST = 01:00 UTC.
    testsupport::MonitorScenario scenario;
    QVERIFY(scenario.isValid());
    QVERIFY(scenario.backup(QStringLiteral("orders"),
        QDateTime::fromString(QStringLiteral("2026-03-28T01:31:00Z"), Qt::ISODate), QStringLiteral("scheduled")));
    QVERIFY(scenario.backup(QStringLiteral("shop"),
        QDateTime::fromString(QStringLiteral("2026-03-28T20:00:00Z"), Qt::ISODate), QStringLiteral("manual")));
    QVERIFY(
        scenario.writeWorkspace("databases:\n  orders: /d/orders.db\n  shop: /d/shop.db\n  idle: /d/idle.db\n"
                                "schedules:\n"
                                "  timezone: Europe/Berlin\n"
                                "  databases:\n"
                                "    orders: {backup: {at: \"02:30\"}, verify: {interval_hours: 24, level: quick}}\n"
                                "    shop: {backup: {interval_hours: 6}}\n"));
    QTemporaryDir state;
    QVERIFY(state.isValid());
    const QStringList env{ QStringLiteral("XDG_STATE_HOME=") + state.path(),
        QStringLiteral("COFFER_NOW=2026-03-29T00:45:00Z") };
    const CliRun list
        = testsupport::runCli({ QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--json"),
                                  QStringLiteral("--workspace"), scenario.workspacePath() },
            scenario.workspacePath(), 120000, env);
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    const QJsonObject root = list.json().object();
    QCOMPARE(root.value(QStringLiteral("timezone")).toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(root.value(QStringLiteral("now")).toString(), QStringLiteral("2026-03-29T00:45:00.000Z"));
    QCOMPARE(root.value(QStringLiteral("unscheduled")).toArray(), QJsonArray{ QStringLiteral("idle") });
    QStringList tasks;
    for (const QJsonValue &value : root.value(QStringLiteral("tasks")).toArray()) {
        const QJsonObject task = value.toObject();
        tasks << QStringLiteral("%1 %2 | %3 | %4 | %5 | %6 | %7")
                     .arg(task.value(QStringLiteral("database")).toString(),
                         task.value(QStringLiteral("kind")).toString(),
                         task.value(QStringLiteral("cadence")).toString(),
                         task.value(QStringLiteral("last_run")).toString(),
                         task.value(QStringLiteral("next_due")).toString(),
                         task.value(QStringLiteral("due")).toBool() ? QStringLiteral("due") : QStringLiteral("not due"),
                         task.value(QStringLiteral("reason")).toString());
    }
    QCOMPARE(tasks,
        (QStringList{
            QStringLiteral("orders backup | daily at 02:30 | 2026-03-28T01:31:00.000Z | 2026-03-29T01:00:00.000Z | not "
                           "due | last backup yesterday at 02:31, next slot today at 03:00"),
            QStringLiteral("orders verify | every 24 h |  | 2026-03-29T00:45:00.000Z | due | never verified"),
            QStringLiteral("shop backup | every 6 h | 2026-03-28T20:00:00.000Z | 2026-03-29T02:00:00.000Z | not due | "
                           "last backup 4.7 h ago, every 6 h"),
        }));
}

void TestRunDueCli::scheduleListText()
{
    testsupport::MonitorScenario scenario;
    QVERIFY(scenario.isValid());
    QVERIFY(scenario.backup(QStringLiteral("orders"),
        QDateTime::fromString(QStringLiteral("2026-05-06T02:31:00Z"), Qt::ISODate), QStringLiteral("scheduled")));
    QVERIFY(scenario.writeWorkspace("databases:\n  orders: /d/orders.db\n  idle: /d/idle.db\n"
                                    "schedules: {timezone: UTC, databases: {orders: {backup: {at: \"02:30\", days: "
                                    "weekdays}}}}\n"));
    QTemporaryDir state;
    QVERIFY(state.isValid());
    const CliRun list = testsupport::runCli(
        { QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--workspace"), scenario.workspacePath() },
        scenario.workspacePath(), 120000,
        { QStringLiteral("XDG_STATE_HOME=") + state.path(), QStringLiteral("COFFER_NOW=2026-05-08T12:00:00Z") });
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    const QStringList lines = QString::fromUtf8(list.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).contains(QStringLiteral("times in UTC; now 2026-05-08 12:00")), qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1).simplified(), QStringLiteral("DATABASE TASK CADENCE LAST RUN NEXT WHY"));
    // Friday noon, last run Wednesday: Thursday's and Friday's slots passed, one run catches up.
    QCOMPARE(lines.at(2).simplified(),
        QStringLiteral("orders backup weekdays at 02:30 2026-05-06 02:31 due now slot 02:30 passed, last backup Wed "
                       "2026-05-06 at 02:31"));
    QCOMPARE(lines.at(3), QStringLiteral("Not scheduled: idle"));
}

void TestRunDueCli::staleLockIsTakenOver()
{
    // A run-due killed while it holds the lock (kill -9, a power cut) leaves the lock file behind;
    // the next run sees that its holder is gone and takes over, rather than skipping for ever.
    Fixture f;
    QVERIFY(f.isValid());
    const CliRun killed = f.run({ QStringLiteral("run-due") }, { QStringLiteral("COFFER_KILL_AT=run-due-locked") });
    QVERIFY2(killed.exitCode == -1, qPrintable(describe(killed))); // died of a signal
    QVERIFY2(QFileInfo::exists(f.stateFolder() + QStringLiteral("/run-due.lock")), "the dead run left its lock");
    QVERIFY(f.backups().isEmpty());

    const CliRun next = f.run({ QStringLiteral("run-due") });
    QVERIFY2(next.exitCode == 0, qPrintable(describe(next)));
    QVERIFY2(next.out.contains("backup orders: ok"), qPrintable(describe(next)));
    QVERIFY2(next.out.contains("backup shop: ok"), qPrintable(describe(next)));
    QVERIFY2(!next.out.contains("another run"), qPrintable(describe(next)));
    QCOMPARE(f.backups().size(), 2);
    QVERIFY(!QFileInfo::exists(f.stateFolder() + QStringLiteral("/run-due.lock")));
}

void TestRunDueCli::longHeldLockIsReportedOnStderr()
{
    // A round that has held the lock for hours may hang, and meanwhile nothing runs and nothing
    // is published: cron must mail that (stderr), not drop it with stdout.
    Fixture f;
    QVERIFY(f.isValid());
    QProcess first;
    QByteArray firstErr;
    QVERIFY2(
        testsupport::startHeld(first, QStringLiteral("run-due-locked"),
            { QStringLiteral("run-due"), QStringLiteral("--workspace"), f.workspace() }, &firstErr, f.environment()),
        firstErr.constData());
    const auto cleanup = qScopeGuard([&first] {
        first.kill();
        first.waitForFinished();
    });
    QFile lock(f.stateFolder() + QStringLiteral("/run-due.lock"));
    QVERIFY(lock.open(QIODevice::ReadWrite));
    QVERIFY(
        lock.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-2 * 3600 - 60), QFileDevice::FileModificationTime));
    lock.close();

    const CliRun second = f.run({ QStringLiteral("run-due") });
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QVERIFY2(second.out.isEmpty(), qPrintable(describe(second)));
    QVERIFY2(second.err.contains(QStringLiteral("coffer-cli: warning: nothing done: another run has held the lock for "
                                                "2 h (pid %1 on ")
                                     .arg(first.processId())
                                     .toUtf8()),
        qPrintable(describe(second)));
    const CliRun json = f.run({ QStringLiteral("run-due"), QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    QVERIFY(json.json().object().value(QStringLiteral("lock_held_seconds")).toInteger() >= 2 * 3600);
    QVERIFY2(json.err.contains("has held the lock for 2 h"), qPrintable(describe(json)));
}

void TestRunDueCli::pruneEnforcesTheRepositorySizeCap()
{
    // Each database alone is under the repository's size cap, together they are over it: the
    // scheduled prune plans over the whole repository, as the cap means, and deletes what
    // `coffer-cli prune` would, not nothing.
    Fixture f;
    QVERIFY(f.isValid());
    QVERIFY(f.write("databases:\n  orders: orders.db\n  shop: shop.db\n"));
    for (const char *name : { "orders", "orders", "shop" }) {
        const CliRun backup = f.run({ QStringLiteral("backup"), QStringLiteral("--db"), QLatin1String(name) });
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
    }
    const CliRun list
        = testsupport::runCli({ QStringLiteral("list"), QStringLiteral("--repo"), f.repo(), QStringLiteral("--json") });
    qint64 orders = 0;
    qint64 shop = 0;
    for (const QJsonValue &value : list.json().array()) {
        const QJsonObject backup = value.toObject();
        const qint64 size = backup.value(QStringLiteral("artifact_size")).toInteger();
        (backup.value(QStringLiteral("database")).toString() == QLatin1String("orders") ? orders : shop) += size;
    }
    QVERIFY(orders > 0 && shop > 0);
    // Over orders' total, under everything: only a plan over the whole repository sees it exceeded.
    const double cap = double(orders + shop / 2) / 1e9;
    QVERIFY(f.write("databases:\n  orders: orders.db\n  shop: shop.db\n"
                    "schedules: {default: {prune: auto}}\n"
                    "retention: {default: {keep_last: 10, max_size_gb: "
        + QByteArray::number(cap, 'g', 12) + "}}\n"));
    // What `coffer-cli prune` says, schedule list and run-due agree with.
    const CliRun preview
        = f.run({ QStringLiteral("prune"), QStringLiteral("--dry-run"), QStringLiteral("--repo"), f.repo() });
    QVERIFY2(preview.exitCode == 0, qPrintable(describe(preview)));
    QVERIFY2(preview.out.contains("would delete 1 of 3 backup(s)"), qPrintable(describe(preview)));
    const CliRun planned = f.run({ QStringLiteral("schedule"), QStringLiteral("list") });
    QVERIFY2(planned.out.contains("retention would delete 1 backup(s)"), qPrintable(describe(planned)));

    const CliRun run = f.run({ QStringLiteral("run-due") });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains("prune orders: ok — deleted 1 backup(s)"), qPrintable(describe(run)));
    QVERIFY2(run.out.contains("in the repository"), qPrintable(describe(run)));
    QCOMPARE(f.backups(), (QStringList{ QStringLiteral("orders manual"), QStringLiteral("shop manual") }));
    const CliRun again = f.run({ QStringLiteral("run-due") });
    QCOMPARE(again.out.trimmed(), QByteArray("Nothing due."));
}

void TestRunDueCli::newBackupIsVerifiedInTheNextRound()
{
    // Backups every 6 h, verifications every 24 h: a backup made after the day's verification
    // is verified in the next round, so health (which wants the newest backup verified) stays green.
    Fixture f;
    QVERIFY(f.isValid());
    QVERIFY(f.write("databases:\n  orders: orders.db\n"
                    "schedules: {default: {backup: {interval_hours: 6}, verify: {interval_hours: 24}}}\n"));
    const CliRun first = f.run({ QStringLiteral("run-due") });
    QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
    QVERIFY2(first.out.contains("verify orders: ok"), qPrintable(describe(first)));
    const CliRun manual = f.run({ QStringLiteral("backup"), QStringLiteral("--db"), QStringLiteral("orders") });
    QVERIFY2(manual.exitCode == 0, qPrintable(describe(manual)));

    const CliRun next = f.run({ QStringLiteral("run-due") });
    QVERIFY2(next.exitCode == 0, qPrintable(describe(next)));
    QVERIFY2(next.out.contains("verify orders: ok"), qPrintable(describe(next)));
    QVERIFY2(next.out.contains("(due: newest backup (today at "), qPrintable(describe(next)));
    const CliRun health = f.run({ QStringLiteral("health") });
    QVERIFY2(health.exitCode == 0, qPrintable(describe(health)));
}

void TestRunDueCli::scheduleListWarnsOfUnknownGroups()
{
    // A misspelt group loads (its databases may come later; retention.groups does the same), but
    // schedule list says that it applies to nothing.
    Fixture f;
    QVERIFY(f.isValid());
    QVERIFY(f.write(
        "databases:\n  orders: {path: orders.db, group: acme}\n"
        "schedules:\n  groups:\n    acmee: {backup: {interval_hours: 6}}\n    acme: {backup: {at: \"02:30\"}}\n"));
    const CliRun list = f.run({ QStringLiteral("schedule"), QStringLiteral("list") });
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QVERIFY2(list.err.contains("coffer-cli: warning: schedules.groups.acmee applies to no database: none is in group "
                               "'acmee' (groups: acme)"),
        qPrintable(describe(list)));
    QVERIFY2(!list.err.contains("groups.acme "), qPrintable(describe(list)));
    const CliRun json = f.run({ QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--json") });
    const QJsonArray warnings = json.json().object().value(QStringLiteral("warnings")).toArray();
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.at(0).toString().startsWith(QStringLiteral("schedules.groups.acmee applies to no database")));
}

QTEST_GUILESS_MAIN(TestRunDueCli)
#include "tst_rundue_cli.moc"
