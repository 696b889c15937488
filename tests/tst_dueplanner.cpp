// What the scheduler decides is due (DuePlanner, pure, with a fixed "now"), what it is fed
// (ScheduleSurvey over a real repository) and where attempts are kept (RunLog).
#include "GeneratedBackups.h"
#include "MonitorScenario.h"
#include "TestSupport.h"

#include "health/HealthSurvey.h"
#include "retention/PruneJob.h"
#include "schedule/DuePlanner.h"
#include "schedule/RunLog.h"
#include "schedule/ScheduleSurvey.h"
#include "schedule/ScheduledRunJob.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace coffer;

Q_DECLARE_METATYPE(coffer::DatabaseState)

namespace {

// Expected lines are plain text: the project builds with QT_NO_CAST_FROM_ASCII.
QString operator""_q(const char *text, size_t size)
{
    return QString::fromUtf8(text, qsizetype(size));
}

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-05-06T12:00:00Z"), Qt::ISODate); // a Wednesday

QDateTime ago(qint64 seconds)
{
    return kNow.addSecs(-seconds);
}

constexpr qint64 kHour = 3600;
constexpr qint64 kMinute = 60;

Workspace workspace(const QByteArray &schedules)
{
    const QByteArray yaml = "databases:\n  orders: /d/orders.db\n  shop: /d/shop.db\n"
                            "retention: {default: {keep_last: 2}}\n"
        + schedules;
    auto ws = Workspace::parse(yaml, QStringLiteral("/srv/workspace.yaml"));
    if (!ws)
        qFatal("%s", qPrintable(ws.error().toString()));
    return *ws;
}

DatabaseState state(const QDateTime &newestBackup = {})
{
    DatabaseState s;
    s.database = QStringLiteral("orders");
    s.newestBackup = newestBackup;
    if (newestBackup.isValid()) {
        s.newestBackupId = QStringLiteral("0123456789abcdef0123456789abcdef");
        s.newestBackupRepository = QStringLiteral("/srv/repo");
    }
    return s;
}

RunRecord attempt(const QString &kind, bool ok, const QDateTime &finished, const QString &message = {})
{
    RunRecord record;
    record.kind = kind;
    record.database = QStringLiteral("orders");
    record.started = finished.addSecs(-5);
    record.finished = finished;
    record.ok = ok;
    record.message = message;
    return record;
}

// One line per planned task of orders: "backup due: never backed up",
// "backup waits until 2026-05-06T18:00:00Z: last backup 2 h ago, every 6 h".
QStringList describe(const QList<PlannedTask> &tasks)
{
    QStringList lines;
    for (const PlannedTask &task : tasks) {
        if (task.database != QLatin1String("orders"))
            continue;
        const QString verdict = task.due ? QStringLiteral("due")
            : task.nextDue.isValid()     ? QStringLiteral("waits until %1").arg(task.nextDue.toString(Qt::ISODate))
                                         : QStringLiteral("waits");
        lines << QStringLiteral("%1 %2: %3").arg(task.kind, verdict, task.reason);
    }
    return lines;
}

} // namespace

class TestDuePlanner final : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void dueOrder();
    void surveyReadsTheRepository();
    void surveyReportsUnreadableRepositories();
    void surveyEnforcesSizeCaps_data();
    void surveyEnforcesSizeCaps();
    void surveySharesTheHealthSurveysCatalogs();
    void roundPrunesAtTheTimeItPlanned();
    void runLog();
    void stateDirectoryPerWorkspace();
};

void TestDuePlanner::decisions_data()
{
    QTest::addColumn<QByteArray>("schedules");
    QTest::addColumn<DatabaseState>("state");
    QTest::addColumn<QStringList>("expected");

    const QByteArray every6 = "schedules: {timezone: UTC, default: {backup: {interval_hours: 6}}}\n";
    const QByteArray daily = "schedules: {timezone: UTC, default: {backup: {at: \"02:30\"}}}\n";

    QTest::newRow("never backed up") << every6 << state() << QStringList{ "backup due: never backed up"_q };
    QTest::newRow("interval elapsed") << every6 << state(ago(7 * kHour))
                                      << QStringList{ "backup due: last backup 7 h ago, every 6 h"_q };
    QTest::newRow("interval exactly elapsed")
        << every6 << state(ago(6 * kHour)) << QStringList{ "backup due: last backup 6 h ago, every 6 h"_q };
    QTest::newRow("interval not elapsed")
        << every6 << state(ago(2 * kHour))
        << QStringList{ "backup waits until 2026-05-06T16:00:00Z: last backup 2 h ago, every 6 h"_q };
    QTest::newRow("calendar slot passed")
        << daily << state(QDateTime::fromString(QStringLiteral("2026-05-05T02:31:00Z"), Qt::ISODate))
        << QStringList{ "backup due: slot 02:30 passed, last backup yesterday at 02:31"_q };
    QTest::newRow("calendar slot not yet")
        << daily << state(QDateTime::fromString(QStringLiteral("2026-05-06T02:31:00Z"), Qt::ISODate))
        << QStringList{ "backup waits until 2026-05-07T02:30:00Z: last backup today at 02:31, next slot tomorrow at "
                        "02:30"_q };
    QTest::newRow("calendar, closed for days: one run")
        << daily << state(QDateTime::fromString(QStringLiteral("2026-05-01T02:31:00Z"), Qt::ISODate))
        << QStringList{ "backup due: slot 02:30 passed, last backup Fri 2026-05-01 at 02:31"_q };

    // A failure after the last backup holds the task back 30 minutes.
    DatabaseState failedRecently = state(ago(7 * kHour));
    failedRecently.lastAttempts.insert(QStringLiteral("backup"),
        attempt(QStringLiteral("backup"), false, ago(10 * kMinute), QStringLiteral("disk full")));
    QTest::newRow("failure 10 min ago: backoff")
        << every6 << failedRecently
        << QStringList{ "backup waits until 2026-05-06T12:20:00Z: last attempt failed 10 min ago (disk full); "
                        "retrying in 20 min (today at 12:20)"_q };
    DatabaseState failedLongAgo = state(ago(7 * kHour));
    failedLongAgo.lastAttempts.insert(QStringLiteral("backup"),
        attempt(QStringLiteral("backup"), false, ago(30 * kMinute), QStringLiteral("disk full")));
    QTest::newRow("failure 30 min ago: retried")
        << every6 << failedLongAgo
        << QStringList{ "backup due: retrying: last attempt failed 30 min ago; last backup 7 h ago, every 6 h"_q };
    DatabaseState neverButFailed = state();
    neverButFailed.lastAttempts.insert(QStringLiteral("backup"),
        attempt(QStringLiteral("backup"), false, ago(1 * kMinute), QStringLiteral("no such file")));
    QTest::newRow("never backed up, failed a minute ago")
        << every6 << neverButFailed
        << QStringList{ "backup waits until 2026-05-06T12:29:00Z: last attempt failed 1 min ago (no such file); "
                        "retrying in 29 min (today at 12:29)"_q };
    DatabaseState failedBeforeBackup = state(ago(7 * kHour));
    failedBeforeBackup.lastAttempts.insert(
        QStringLiteral("backup"), attempt(QStringLiteral("backup"), false, ago(8 * kHour), QStringLiteral("old")));
    QTest::newRow("failure before the last backup: no backoff")
        << every6 << failedBeforeBackup << QStringList{ "backup due: last backup 7 h ago, every 6 h"_q };
    DatabaseState succeeded = state(ago(7 * kHour));
    succeeded.lastAttempts.insert(QStringLiteral("backup"), attempt(QStringLiteral("backup"), true, ago(5 * kMinute)));
    QTest::newRow("a successful attempt: no backoff")
        << every6 << succeeded << QStringList{ "backup due: last backup 7 h ago, every 6 h"_q };

    // Each failure in a row doubles the wait (30 min, 1 h, 2 h, ...), up to the cadence's gap: a
    // task that cannot succeed does not run, and alert, every 30 minutes for ever.
    const auto failing = [](qint64 lastBackupAgo, QList<qint64> failedAgo) {
        DatabaseState s = state(ago(lastBackupAgo));
        s.lastAttempts.insert(QStringLiteral("backup"),
            attempt(QStringLiteral("backup"), false, ago(failedAgo.constFirst()), QStringLiteral("no passphrase")));
        for (const qint64 seconds : failedAgo)
            s.failures[QStringLiteral("backup")] << ago(seconds);
        return s;
    };
    QTest::newRow("3 failures in a row: 2 h")
        << every6 << failing(7 * kHour, { 10 * kMinute, 50 * kMinute, 2 * kHour })
        << QStringList{ "backup waits until 2026-05-06T13:50:00Z: last attempt failed 10 min ago (no passphrase), "
                        "3 failures in a row; retrying in 1.8 h (today at 13:50)"_q };
    QTest::newRow("3 failures, the wait passed")
        << every6 << failing(7 * kHour, { 2 * kHour, 3 * kHour, 4 * kHour })
        << QStringList{ "backup due: retrying: last attempt failed 2 h ago, 3 failures in a row; last backup 7 h ago, "
                        "every 6 h"_q };
    QTest::newRow("7 failures: capped at the 6 h interval")
        << every6
        << failing(30 * kHour, { kHour, 7 * kHour, 13 * kHour, 19 * kHour, 20 * kHour, 21 * kHour, 22 * kHour })
        << QStringList{ "backup waits until 2026-05-06T17:00:00Z: last attempt failed 1 h ago (no passphrase), 7 "
                        "failures in a row; retrying in 5 h (today at 17:00)"_q };
    QTest::newRow("3 failures, hourly: capped at 1 h")
        << QByteArray("schedules: {timezone: UTC, default: {backup: {hourly_at: 0}}}\n")
        << failing(3 * kHour, { 10 * kMinute, 40 * kMinute, 70 * kMinute })
        << QStringList{ "backup waits until 2026-05-06T12:50:00Z: last attempt failed 10 min ago (no passphrase), 3 "
                        "failures in a row; retrying in 50 min (today at 12:50)"_q };
    // A backup made meanwhile (by hand) ends the streak: failures before it no longer count.
    QTest::newRow("failures before the last backup do not count")
        << every6 << failing(7 * kHour, { 10 * kMinute, 8 * kHour, 9 * kHour })
        << QStringList{ "backup waits until 2026-05-06T12:20:00Z: last attempt failed 10 min ago (no passphrase); "
                        "retrying in 20 min (today at 12:20)"_q };

    // Prune auto: due when the retention planner would delete something.
    const QByteArray pruneAuto = "schedules: {default: {prune: auto}}\n";
    DatabaseState nothingToDelete = state(ago(kHour));
    QTest::newRow("prune auto, nothing to delete")
        << pruneAuto << nothingToDelete << QStringList{ "prune waits: retention keeps every backup"_q };
    DatabaseState deletable = state(ago(kHour));
    deletable.prunable = 3;
    QTest::newRow("prune auto, 3 to delete")
        << pruneAuto << deletable << QStringList{ "prune due: retention would delete 3 backup(s)"_q };
    DatabaseState pruneFailed = deletable;
    pruneFailed.lastAttempts.insert(QStringLiteral("prune"),
        attempt(QStringLiteral("prune"), false, ago(2 * kMinute), QStringLiteral("repository busy")));
    QTest::newRow("prune auto, failed 2 min ago")
        << pruneAuto << pruneFailed
        << QStringList{ "prune waits until 2026-05-06T12:28:00Z: last attempt failed 2 min ago (repository busy); "
                        "retrying in 28 min (today at 12:28)"_q };
    QTest::newRow("prune never: not listed")
        << QByteArray("schedules: {default: {prune: never}}\n") << deletable << QStringList{};

    // Verify and drill need a backup.
    const QByteArray checks
        = "schedules: {timezone: UTC, default: {verify: {interval_hours: 24}, drill: {at: \"04:00\", "
          "days: [sun]}}}\n";
    QTest::newRow("verify and drill without a backup")
        << checks << state()
        << QStringList{ "verify waits: no backup to verify yet"_q, "drill waits: no backup to drill yet"_q };
    QTest::newRow("verify and drill, never done")
        << checks << state(ago(kHour)) << QStringList{ "verify due: never verified"_q, "drill due: never drilled"_q };
    DatabaseState checked = state(ago(kHour));
    checked.newestBackupVerified = true;
    checked.newestVerification = ago(3 * kHour);
    checked.newestDrill = QDateTime::fromString(QStringLiteral("2026-05-03T04:10:00Z"), Qt::ISODate); // Sunday
    QTest::newRow("verify and drill recently done")
        << checks << checked
        << QStringList{ "verify waits until 2026-05-07T09:00:00Z: last verification 3 h ago, every 24 h"_q,
               "drill waits until 2026-05-10T04:00:00Z: last drill Sun 2026-05-03 at 04:10, next slot Sun 2026-05-10 "
               "at 04:00"_q };
    checked.newestVerification = ago(25 * kHour);
    QTest::newRow("verify overdue")
        << checks << checked
        << QStringList{ "verify due: last verification 25 h ago, every 24 h"_q,
               "drill waits until 2026-05-10T04:00:00Z: last drill Sun 2026-05-03 at 04:10, "
               "next slot Sun 2026-05-10 at 04:00"_q };

    // Health wants the newest backup verified: a backup made after the last verification is
    // verified in the next round, not at the verify cadence's next turn.
    DatabaseState unverified = checked;
    unverified.newestBackupVerified = false;
    unverified.newestVerification = ago(3 * kHour);
    QTest::newRow("newest backup not verified")
        << checks << unverified
        << QStringList{ "verify due: newest backup (today at 11:00) not verified yet"_q,
               "drill waits until 2026-05-10T04:00:00Z: last drill Sun 2026-05-03 at 04:10, next slot Sun 2026-05-10 "
               "at 04:00"_q };
    DatabaseState unverifiedFailed = unverified;
    unverifiedFailed.lastAttempts.insert(QStringLiteral("verify"),
        attempt(QStringLiteral("verify"), false, ago(5 * kMinute), QStringLiteral("repository busy")));
    QTest::newRow("newest backup not verified, verify failed 5 min ago")
        << QByteArray("schedules: {timezone: UTC, default: {verify: {interval_hours: 24}}}\n") << unverifiedFailed
        << QStringList{ "verify waits until 2026-05-06T12:25:00Z: last attempt failed 5 min ago (repository busy); "
                        "retrying in 25 min (today at 12:25)"_q };

    // Nothing scheduled: nothing listed, even for a database never backed up.
    QTest::newRow("no schedule") << QByteArray() << state() << QStringList{};
}

void TestDuePlanner::decisions()
{
    QFETCH(QByteArray, schedules);
    QFETCH(DatabaseState, state);
    QFETCH(QStringList, expected);
    const QList<PlannedTask> planned = DuePlanner::plan(workspace(schedules), { state }, kNow);
    QCOMPARE(describe(planned), expected);
    for (const PlannedTask &task : planned) {
        QVERIFY(!task.cadence.isEmpty());
        if (task.due)
            QCOMPARE(task.nextDue, kNow);
    }
}

void TestDuePlanner::dueOrder()
{
    // Backups of every database first, then prunes, verifications, drills.
    const Workspace ws = workspace("schedules:\n"
                                   "  default:\n"
                                   "    backup: {interval_hours: 1}\n"
                                   "    verify: {interval_hours: 1}\n"
                                   "    drill: {interval_hours: 1}\n"
                                   "    prune: auto\n");
    DatabaseState orders = state(ago(2 * kHour));
    orders.prunable = 1;
    DatabaseState shop = state(ago(2 * kHour));
    shop.database = QStringLiteral("shop");
    shop.prunable = 1;
    const QList<PlannedTask> planned = DuePlanner::plan(ws, { orders, shop }, kNow);
    QCOMPARE(planned.size(), 8);
    QStringList order;
    for (const PlannedTask &task : DuePlanner::due(planned))
        order << task.kind + QLatin1Char(' ') + task.database;
    QCOMPARE(order,
        (QStringList{ "backup orders"_q, "backup shop"_q, "prune orders"_q, "prune shop"_q, "verify orders"_q,
            "verify shop"_q, "drill orders"_q, "drill shop"_q }));
    // A database without a state is one that has nothing: due for its backup.
    const QList<PlannedTask> fresh = DuePlanner::due(DuePlanner::plan(ws, {}, kNow));
    QCOMPARE(fresh.size(), 2);
    QCOMPARE(fresh.at(0).reason, QStringLiteral("never backed up"));
}

void TestDuePlanner::surveyReadsTheRepository()
{
    testsupport::MonitorScenario scenario;
    QVERIFY(scenario.isValid());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // orders: a manual backup 5 h ago, then a newer safety backup (a restore's) and a drill's own
    // backup, which must not count; shop: only a safety backup.
    const auto manual = scenario.backup(QStringLiteral("orders"), now.addSecs(-5 * kHour), QStringLiteral("manual"));
    const auto older = scenario.backup(QStringLiteral("orders"), now.addSecs(-30 * kHour), QStringLiteral("scheduled"));
    const auto oldest
        = scenario.backup(QStringLiteral("orders"), now.addSecs(-50 * kHour), QStringLiteral("pre-migration"));
    QVERIFY(manual && older && oldest);
    QVERIFY(scenario.backup(QStringLiteral("orders"), now.addSecs(-1 * kHour), QStringLiteral("safety")));
    QVERIFY(scenario.backup(QStringLiteral("orders"), now.addSecs(-2 * kHour), QStringLiteral("drill")));
    QVERIFY(scenario.backup(QStringLiteral("shop"), now.addSecs(-1 * kHour), QStringLiteral("safety")));
    QVERIFY(scenario.verify(*older, now.addSecs(-20 * kHour), true));
    QVERIFY(scenario.verify(*oldest, now.addSecs(-40 * kHour), true));
    QVERIFY(scenario.drill(*oldest, now.addSecs(-10 * kHour), true, 900));
    QVERIFY(scenario.writeWorkspace("databases:\n  orders: /d/orders.db\n  shop: /d/shop.db\n"
                                    "schedules: {default: {backup: {interval_hours: 6}}, databases: {orders: {prune: "
                                    "auto}}}\n"
                                    "retention: {default: {keep_last: 2}}\n"));
    const auto ws = scenario.workspace();
    COFFER_VERIFY_OK(ws);

    QTemporaryDir state;
    QVERIFY(state.isValid());
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    auto log = RunLog::open(ws->filePath());
    COFFER_VERIFY_OK(log);
    COFFER_VERIFY_OK(log->record(attempt(QStringLiteral("verify"), false, now.addSecs(-60), QStringLiteral("boom"))));

    const ScheduleSurvey survey = ScheduleSurvey::take(*ws, &*log, now);
    QVERIFY2(survey.problems.isEmpty(), qPrintable(survey.problems.join(QLatin1Char('\n'))));
    QCOMPARE(survey.states.size(), 2);
    const DatabaseState &orders = survey.states.at(0);
    QCOMPARE(orders.database, QStringLiteral("orders"));
    QCOMPARE(orders.newestBackup, manual->created);
    QCOMPARE(orders.newestBackupId, manual->id);
    QCOMPARE(
        QFileInfo(orders.newestBackupRepository).canonicalFilePath(), QFileInfo(scenario.repo()).canonicalFilePath());
    QCOMPARE(orders.newestVerification, now.addSecs(-20 * kHour));
    QCOMPARE(orders.newestDrill, now.addSecs(-10 * kHour));
    // As the prune itself plans it: keep_last 2 keeps the safety and drill copies (without an
    // expiry they are ordinary backups to retention), the newest verified one is protected, so the
    // manual and the pre-migration backups would go.
    QCOMPARE(orders.prunable, 2);
    QCOMPARE(orders.lastAttempts.value(QStringLiteral("verify")).message, QStringLiteral("boom"));
    QCOMPARE(orders.failures.value(QStringLiteral("verify")), QList<QDateTime>{ now.addSecs(-60) });
    QVERIFY2(!orders.newestBackupVerified, "the manual backup was never verified");
    QVERIFY(!orders.lastAttempts.contains(QStringLiteral("backup")));
    const DatabaseState &shop = survey.states.at(1);
    QVERIFY2(!shop.newestBackup.isValid(), "a safety backup alone is no backup for the schedule");
    QCOMPARE(shop.prunable, 0); // shop's schedule does not prune: not even planned

    const QList<PlannedTask> due = DuePlanner::due(DuePlanner::plan(*ws, survey.states, now));
    QStringList names;
    for (const PlannedTask &task : due)
        names << task.kind + QLatin1Char(' ') + task.database;
    QCOMPARE(names, (QStringList{ "backup shop"_q, "prune orders"_q }));
    qunsetenv("XDG_STATE_HOME");
}

void TestDuePlanner::surveyReportsUnreadableRepositories()
{
    testsupport::MonitorScenario scenario;
    QVERIFY(scenario.isValid());
    QVERIFY(scenario.backup(QStringLiteral("orders"), QDateTime::currentDateTimeUtc().addSecs(-kHour)));
    QVERIFY(scenario.writeWorkspace("databases:\n  orders: /d/orders.db\n",
        "  - {name: gone, path: " + testsupport::MonitorScenario::quoted(scenario.path(QStringLiteral("gone")))
            + "}\n"));
    const auto ws = scenario.workspace();
    COFFER_VERIFY_OK(ws);
    const ScheduleSurvey survey = ScheduleSurvey::take(*ws, nullptr, QDateTime::currentDateTimeUtc());
    QCOMPARE(survey.problems.size(), 1);
    QVERIFY2(survey.problems.constFirst().startsWith(QStringLiteral("repository gone (")),
        qPrintable(survey.problems.constFirst()));
    // The readable repository still counts.
    QVERIFY(survey.states.constFirst().newestBackup.isValid());
}

void TestDuePlanner::surveyEnforcesSizeCaps_data()
{
    QTest::addColumn<QByteArray>("policies"); // `retention:` and `schedules:`, with CAP for 2.5 backups' size
    QTest::addColumn<QStringList>("backups"); // "database group hours-ago"
    QTest::addColumn<QStringList>("expected"); // "database prunable: scope [databases a prune of it deletes]"

    const QByteArray pruneAll = "schedules: {default: {prune: auto}}\n";
    // Each database alone is under the cap; together they are over it. A plan of one database's
    // backups never sees that, and a cap nobody enforces fills the disk.
    QTest::newRow("repository cap over two databases")
        << QByteArray("retention: {default: {keep_last: 10, max_size_gb: CAP}}\n") + pruneAll
        << QStringList{ "orders - 3"_q, "orders - 2"_q, "shop - 1"_q }
        << QStringList{ "orders 1: the repository [orders]"_q };
    // `prune: never` keeps every backup of shop, even when the cap then cannot be met.
    QTest::newRow("repository cap spares prune: never")
        << QByteArray("retention: {default: {keep_last: 10, max_size_gb: CAP}}\n"
                      "schedules: {default: {prune: auto}, databases: {shop: {prune: never}}}\n")
        << QStringList{ "shop - 5"_q, "shop - 4"_q, "orders - 3"_q, "orders - 2"_q }
        << QStringList{ "orders 1: the repository [orders]"_q };
    QTest::newRow("group cap")
        << QByteArray("retention: {default: {keep_last: 10}, groups: {acme: {max_size_gb: CAP}}}\n") + pruneAll
        << QStringList{ "orders acme 3"_q, "orders acme 2"_q, "invoices acme 1"_q, "shop - 5"_q, "shop - 4"_q }
        << QStringList{ "orders 1: group acme [orders]"_q };
    QTest::newRow("database cap: the database alone")
        << QByteArray("retention: {default: {keep_last: 10}, databases: {orders: {max_size_gb: CAP}}}\n") + pruneAll
        << QStringList{ "orders - 5"_q, "orders - 4"_q, "orders - 3"_q, "shop - 2"_q, "shop - 1"_q }
        << QStringList{ "orders 1: database orders [orders]"_q };
    QTest::newRow("no cap: each database alone") << QByteArray("retention: {default: {keep_last: 1}}\n") + pruneAll
                                                 << QStringList{ "orders - 3"_q, "orders - 2"_q, "shop - 1"_q }
                                                 << QStringList{ "orders 1: database orders [orders]"_q };
}

void TestDuePlanner::surveyEnforcesSizeCaps()
{
    QFETCH(QByteArray, policies);
    QFETCH(QStringList, backups);
    QFETCH(QStringList, expected);
    testsupport::MonitorScenario scenario;
    QVERIFY(scenario.isValid());
    for (const QString &backup : std::as_const(backups)) {
        const QStringList parts = backup.split(QLatin1Char(' '));
        const QString group = parts.at(1) == QLatin1String("-") ? QString() : parts.at(1);
        QVERIFY(testsupport::cloneBackup(
            scenario.repo(), scenario.seed(), kNow.addSecs(-parts.at(2).toInt() * kHour), parts.at(0), group));
    }
    const double cap = 2.5 * double(scenario.seed().artifactSize) / double(RetentionPolicy::kBytesPerGb);
    QVERIFY(scenario.writeWorkspace("databases:\n"
                                    "  orders: {path: /d/orders.db, group: acme}\n"
                                    "  invoices: {path: /d/invoices.db, group: acme}\n"
                                    "  shop: /d/shop.db\n"
        + QByteArray(policies).replace("CAP", QByteArray::number(cap, 'g', 12))));
    const auto ws = scenario.workspace();
    COFFER_VERIFY_OK(ws);

    const ScheduleSurvey survey = ScheduleSurvey::take(*ws, nullptr, kNow);
    QVERIFY2(survey.problems.isEmpty(), qPrintable(survey.problems.join(QLatin1Char('\n'))));
    QStringList found;
    for (const DatabaseState &state : survey.states) {
        if (state.prunable == 0 && state.pruneTargets.isEmpty())
            continue;
        for (const PruneTarget &target : state.pruneTargets) {
            // What the scheduled prune of this target would delete, planned as it plans.
            PruneParams params;
            params.repositoryPath = target.repository;
            params.database = target.database;
            params.group = target.group;
            params.policies = target.policies;
            params.dryRun = true;
            params.now = kNow;
            CancelFlag cancel{ false };
            const auto preview = PruneJob::prune(params, cancel, {});
            COFFER_VERIFY_OK(preview);
            QStringList deleted;
            for (const RetentionDecision &decision : preview->plan.deletions())
                deleted << decision.backup.database;
            found << QStringLiteral("%1 %2: %3 [%4]")
                         .arg(state.database)
                         .arg(state.prunable)
                         .arg(target.scopeText(), deleted.join(QLatin1Char(' ')));
        }
    }
    QCOMPARE(found, expected);
}

void TestDuePlanner::surveySharesTheHealthSurveysCatalogs()
{
    // One read of the catalogs serves both surveys, and gives what each gives alone.
    testsupport::MonitorScenario scenario;
    QVERIFY(scenario.isValid());
    const auto old = scenario.backup(QStringLiteral("orders"), kNow.addSecs(-30 * kHour));
    const auto newest = scenario.backup(QStringLiteral("orders"), kNow.addSecs(-2 * kHour), QStringLiteral("manual"));
    QVERIFY(old && newest);
    QVERIFY(scenario.backup(QStringLiteral("orders"), kNow.addSecs(-kHour), QStringLiteral("safety")));
    QVERIFY(scenario.verify(*old, kNow.addSecs(-29 * kHour), true));
    QVERIFY(scenario.drill(*old, kNow.addSecs(-20 * kHour), true, 700));
    QVERIFY(scenario.writeWorkspace("databases:\n  orders: /d/orders.db\n"
                                    "schedules: {default: {backup: {interval_hours: 6}, verify: {interval_hours: 24}, "
                                    "prune: auto}}\n"
                                    "retention: {default: {keep_last: 1}}\n",
        "  - {name: gone, path: " + testsupport::MonitorScenario::quoted(scenario.path(QStringLiteral("gone")))
            + "}\n"));
    const auto ws = scenario.workspace();
    COFFER_VERIFY_OK(ws);

    const WorkspaceCatalogs catalogs = WorkspaceCatalogs::read(*ws);
    QCOMPARE(catalogs.repositories.size(), 1);
    QCOMPARE(catalogs.repositories.constFirst().backups.size(), 4); // the seed, the safety backup too
    QCOMPARE(catalogs.problems.size(), 1);
    const ScheduleSurvey shared = ScheduleSurvey::take(*ws, catalogs, nullptr, kNow);
    const ScheduleSurvey alone = ScheduleSurvey::take(*ws, nullptr, kNow);
    QCOMPARE(shared.problems, alone.problems);
    QCOMPARE(shared.problems.size(), 1);
    const DatabaseState &state = shared.states.constFirst();
    QCOMPARE(state.newestBackupId, newest->id);
    QCOMPARE(state.newestBackupVerified, false);
    QCOMPARE(state.newestVerification, kNow.addSecs(-29 * kHour));
    QCOMPARE(state.newestDrill, kNow.addSecs(-20 * kHour));
    // keep_last 1 keeps the newest (the safety copy); the old one is the newest verified: the manual one goes.
    QCOMPARE(state.prunable, 1);
    QCOMPARE(state.prunable, alone.states.constFirst().prunable);
    QCOMPARE(state.newestBackup, alone.states.constFirst().newestBackup);

    const HealthSurvey health = HealthSurvey::take(*ws, catalogs, kNow);
    const HealthSurvey healthAlone = HealthSurvey::take(*ws, kNow);
    QCOMPARE(health.databases.size(), 1);
    QCOMPARE(health.databases.constFirst().newestBackup->manifest.id, newest->id);
    QCOMPARE(health.databases.constFirst().backupCount, healthAlone.databases.constFirst().backupCount);
    QCOMPARE(health.databases.constFirst().health.reasons(), healthAlone.databases.constFirst().health.reasons());
    QCOMPARE(health.problems.size(), 1);

    // Health calls the newest backup never verified: its verification is due now, although the
    // last verification (of an older backup) is an hour old and the cadence is 24 h.
    QVERIFY(scenario.verify(*old, kNow.addSecs(-kHour), true));
    const ScheduleSurvey later = ScheduleSurvey::take(*ws, nullptr, kNow);
    QStringList verify;
    for (const PlannedTask &task : DuePlanner::plan(*ws, later.states, kNow)) {
        if (task.kind == DuePlanner::kVerify)
            verify << QStringLiteral("%1: %2").arg(
                task.due ? QStringLiteral("due") : QStringLiteral("waits"), task.reason);
    }
    QCOMPARE(verify, QStringList{ "due: newest backup (today at 10:00) not verified yet"_q });
}

void TestDuePlanner::roundPrunesAtTheTimeItPlanned()
{
    // A round's clock moves on while it runs (a backup takes a while). The prune must delete
    // what the survey that found it due counted, at that survey's time, not at the round's start.
    testsupport::MonitorScenario scenario;
    QVERIFY(scenario.isValid());
    QVERIFY(scenario.backup(QStringLiteral("orders"), kNow.addSecs(-kHour)));
    // Inside keep_within 7d at kNow; outside two hours later.
    QVERIFY(scenario.backup(QStringLiteral("orders"), kNow.addSecs(-7 * 24 * kHour + kHour)));
    QVERIFY(scenario.writeWorkspace("databases:\n  orders: /d/orders.db\n"
                                    "schedules: {default: {prune: auto}}\n"
                                    "retention: {default: {keep_within: 7d}}\n"));
    const auto ws = scenario.workspace();
    COFFER_VERIFY_OK(ws);
    QTemporaryDir state;
    QVERIFY(state.isValid());
    qputenv("XDG_STATE_HOME", state.path().toUtf8());

    ScheduledRunParams params;
    params.workspace = *ws;
    params.publish = false;
    int reads = 0;
    // The first reading is the round's start; every later one is two hours on.
    params.clock = [&reads] { return reads++ == 0 ? kNow : kNow.addSecs(2 * kHour); };
    ScheduledRunJob round(params);
    round.run();
    qunsetenv("XDG_STATE_HOME");
    QCOMPARE(round.state(), Job::State::Succeeded);
    const QList<RunRecord> &runs = round.result().runs;
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.constFirst().kind, QStringLiteral("prune"));
    QVERIFY2(runs.constFirst().ok, qPrintable(runs.constFirst().message));
    QVERIFY2(runs.constFirst().message.startsWith(QStringLiteral("deleted 1 backup(s)")),
        qPrintable(runs.constFirst().message));
}

void TestDuePlanner::runLog()
{
    QTemporaryDir state;
    QVERIFY(state.isValid());
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    const QString workspacePath = state.filePath(QStringLiteral("ws.yaml"));
    {
        auto log = RunLog::open(workspacePath);
        COFFER_VERIFY_OK(log);
        QCOMPARE(log->lastAttempt(QStringLiteral("backup"), QStringLiteral("orders")).value(), std::nullopt);
        COFFER_VERIFY_OK(log->record(attempt(QStringLiteral("backup"), true, ago(3 * kHour))));
        COFFER_VERIFY_OK(
            log->record(attempt(QStringLiteral("backup"), false, ago(2 * kHour), QStringLiteral("disk full"))));
        RunRecord drill = attempt(QStringLiteral("drill"), true, ago(kHour));
        drill.rtoMs = 1234;
        drill.backupId = QStringLiteral("abc");
        COFFER_VERIFY_OK(log->record(drill));
    }
    // A second connection (another process would do the same) reads what the first wrote.
    auto log = RunLog::open(workspacePath);
    COFFER_VERIFY_OK(log);
    const auto last = log->lastAttempt(QStringLiteral("backup"), QStringLiteral("orders"));
    COFFER_VERIFY_OK(last);
    QVERIFY(last->has_value());
    QCOMPARE((*last)->ok, false);
    QCOMPARE((*last)->message, QStringLiteral("disk full"));
    QCOMPARE((*last)->finished, ago(2 * kHour));

    const auto totals = log->totals();
    COFFER_VERIFY_OK(totals);
    QCOMPARE(totals->size(), 2);
    const RunTotals &backup = totals->at(0);
    QCOMPARE(backup.kind, QStringLiteral("backup"));
    QCOMPARE(backup.succeeded, 1);
    QCOMPARE(backup.failed, 1);
    QCOMPARE(backup.lastSuccess->finished, ago(3 * kHour));
    QCOMPARE(backup.lastAttempt->ok, false);
    QCOMPARE(totals->at(1).lastSuccess->rtoMs, 1234);

    const auto recent = log->recent(2);
    COFFER_VERIFY_OK(recent);
    QCOMPARE(recent->size(), 2);
    QCOMPARE(recent->at(0).kind, QStringLiteral("drill"));
    QCOMPARE(recent->at(0).backupId, QStringLiteral("abc"));
    QCOMPARE(recent->at(1).message, QStringLiteral("disk full"));

    // The failures since the last success, newest first: what the retry delay doubles with.
    COFFER_VERIFY_OK(log->record(attempt(QStringLiteral("backup"), false, ago(90 * kMinute), QStringLiteral("again"))));
    auto failures = log->failuresSinceSuccess(QStringLiteral("backup"), QStringLiteral("orders"), 10);
    COFFER_VERIFY_OK(failures);
    QCOMPARE(failures->size(), 2);
    QCOMPARE(failures->at(0).message, QStringLiteral("again"));
    QCOMPARE(failures->at(1).message, QStringLiteral("disk full"));
    QCOMPARE(log->failuresSinceSuccess(QStringLiteral("backup"), QStringLiteral("orders"), 1)->size(), 1);
    QCOMPARE(log->failuresSinceSuccess(QStringLiteral("drill"), QStringLiteral("orders"), 10)->size(), 0);
    COFFER_VERIFY_OK(log->record(attempt(QStringLiteral("backup"), true, ago(80 * kMinute))));
    QCOMPARE(log->failuresSinceSuccess(QStringLiteral("backup"), QStringLiteral("orders"), 10)->size(), 0);
    COFFER_VERIFY_OK(log->record(attempt(QStringLiteral("backup"), false, ago(70 * kMinute), QStringLiteral("new"))));
    QCOMPARE(log->failuresSinceSuccess(QStringLiteral("backup"), QStringLiteral("orders"), 10)->size(), 1);

    const auto dir = stateDirectory(workspacePath);
    COFFER_VERIFY_OK(dir);
    QVERIFY(dir->startsWith(state.path() + QStringLiteral("/coffer/")));
    QVERIFY(QFileInfo::exists(*dir + QStringLiteral("/runs.db")));
    QCOMPARE(testsupport::sqlite(*dir + QStringLiteral("/runs.db"), QStringLiteral("PRAGMA journal_mode")),
        QStringLiteral("wal"));
    QCOMPARE(QFileInfo(*dir).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    qunsetenv("XDG_STATE_HOME");
}

void TestDuePlanner::stateDirectoryPerWorkspace()
{
    QTemporaryDir state;
    QVERIFY(state.isValid());
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    QVERIFY(QDir().mkpath(state.filePath(QStringLiteral("w"))));
    QFile(state.filePath(QStringLiteral("w/a.yaml"))).open(QIODevice::WriteOnly);
    // The same file however it is spelt shares one folder; another file has its own.
    const auto a = stateDirectory(state.filePath(QStringLiteral("w/a.yaml")));
    const auto same = stateDirectory(state.filePath(QStringLiteral("w/../w/./a.yaml")));
    const auto b = stateDirectory(state.filePath(QStringLiteral("w/b.yaml")));
    COFFER_VERIFY_OK(a);
    COFFER_VERIFY_OK(same);
    COFFER_VERIFY_OK(b);
    QCOMPARE(*same, *a);
    QVERIFY(*b != *a);
    QCOMPARE(QFileInfo(*a).fileName().size(), 16);
    qunsetenv("XDG_STATE_HOME");
}

QTEST_GUILESS_MAIN(TestDuePlanner)
#include "tst_dueplanner.moc"
