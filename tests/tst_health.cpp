// A database's health against its schedule, as the dashboard, the health command and alerts show
// it: every boundary of the interval, missing intervals, missing and failed verifications, the
// newest drill and the drill cadence, the interval a workspace's schedule implies, and the reasons
// a person reads.
#include "health/DatabaseHealth.h"
#include "health/HealthSurvey.h"
#include "workspace/Workspace.h"

#include <QtTest>

#include <limits>

using coffer::CheckResult;
using coffer::DatabaseHealth;
using coffer::DrillOutcome;
using coffer::HealthInput;
using coffer::HealthLevel;
using coffer::VerifyOutcome;
using namespace Qt::StringLiterals;

namespace {

enum class Verified { Never, Ok, Failed, FailedWithoutChecks };
enum class Drilled { Never, Passed, Failed, FailedWithoutChecks, FailedManyTimes, FailedWithoutDetail };

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kNever = std::numeric_limits<qint64>::min(); // age of a database never backed up

const QDateTime kNow = QDateTime(QDate(2024, 5, 6), QTime(12, 0), Qt::UTC);

VerifyOutcome outcome(Verified verified)
{
    VerifyOutcome result;
    result.backupId = QStringLiteral("0123456789abcdef0123456789abcdef");
    result.database = QStringLiteral("orders");
    result.level = QStringLiteral("full");
    result.time = kNow.addSecs(-3600);
    result.checks = { { QStringLiteral("artifact_sha256"), true, {} } };
    if (verified == Verified::Failed)
        result.checks << CheckResult{ QStringLiteral("integrity_check"), false, QStringLiteral("page 3 is corrupt") }
                      << CheckResult{ QStringLiteral("page_count"), false, QStringLiteral("expected 4, found 3") };
    if (verified == Verified::FailedWithoutChecks)
        result.checks.clear();
    return result;
}

DrillOutcome drill(Drilled drilled, qint64 ageMs, qint64 rtoMs)
{
    DrillOutcome result;
    result.backupId = QStringLiteral("0123456789abcdef0123456789abcdef");
    result.database = QStringLiteral("orders");
    result.time = kNow.addMSecs(-ageMs);
    result.rtoMs = rtoMs;
    result.durationMs = rtoMs + 200;
    result.checks = { { QStringLiteral("integrity_check"), true, {} }, { QStringLiteral("smoke_query"), true, {} } };
    if (drilled == Drilled::Failed)
        result.checks[1] = { QStringLiteral("smoke_query"), false,
            QStringLiteral("SELECT count(*) FROM users: expected > 0, got 0") };
    if (drilled == Drilled::FailedWithoutChecks)
        result.checks.clear();
    // Three smoke queries and the cleanup failed; the first detail spans lines and is long.
    if (drilled == Drilled::FailedManyTimes)
        result.checks = { { QStringLiteral("integrity_check"), true, {} },
            { QStringLiteral("smoke_query"), false,
                QStringLiteral("SELECT * FROM orders\n  WHERE total < 0: no such column: total ")
                    + QString(200, u'x') },
            { QStringLiteral("smoke_query"), false, QStringLiteral("SELECT 1 FROM users: returned no row") },
            { QStringLiteral("cleanup"), false, QStringLiteral("the scratch folder could not be removed") },
            { QStringLiteral("smoke_query"), false, QStringLiteral("SELECT 2: returned no row") } };
    if (drilled == Drilled::FailedWithoutDetail)
        result.checks[1] = { QStringLiteral("smoke_query"), false, {} };
    return result;
}

} // namespace

Q_DECLARE_METATYPE(Drilled)
Q_DECLARE_METATYPE(Verified)
Q_DECLARE_METATYPE(HealthLevel)

class HealthTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Reasons are compared word for word: decimals with a point, whatever the machine's locale.
        QLocale::setDefault(QLocale::c());
    }

    void assess_data()
    {
        QTest::addColumn<double>("intervalHours"); // 0 or less: the workspace gives none
        QTest::addColumn<qint64>("ageMs"); // kNever: never backed up; negative: dated in the future
        QTest::addColumn<Verified>("verified");
        QTest::addColumn<HealthLevel>("level");
        QTest::addColumn<QStringList>("reasons");

        const QString verifiedOk = QStringLiteral("newest backup verified ok (full, 1 h ago)");
        const QString unverified = QStringLiteral("newest backup never verified");
        const QString failed = QStringLiteral("verification failed: integrity_check, page_count (page 3 is corrupt)");
        const QString assumed = QStringLiteral("no schedule interval in the workspace: assuming 24 h");

        QTest::newRow("fresh and verified")
            << 6.0 << 3 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 3 h ago, within its 6 h interval"_s, verifiedOk };
        QTest::newRow("made just now") << 6.0 << 30 * kSecond << Verified::Ok << HealthLevel::Green
                                       << QStringList{ u"last backup just now, within its 6 h interval"_s, verifiedOk };
        QTest::newRow("exactly at the interval")
            << 6.0 << 6 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 6 h ago, within its 6 h interval"_s, verifiedOk };
        QTest::newRow("one second past the interval")
            << 6.0 << 6 * kHour + kSecond << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 6 h ago, overdue: its interval is 6 h"_s, verifiedOk };
        QTest::newRow("halfway to twice")
            << 6.0 << 9 * kHour << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 9 h ago, overdue: its interval is 6 h"_s, verifiedOk };
        QTest::newRow("one second short of twice")
            << 6.0 << 12 * kHour - kSecond << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 11 h ago, overdue: its interval is 6 h"_s, verifiedOk };
        QTest::newRow("exactly twice the interval")
            << 6.0 << 12 * kHour << Verified::Ok << HealthLevel::Red
            << QStringList{ u"last backup 12 h ago, at least twice its 6 h interval"_s, verifiedOk };
        QTest::newRow("days overdue") << 6.0 << 80 * kHour << Verified::Ok << HealthLevel::Red
                                      << QStringList{ u"last backup 3.3 d ago, at least twice its 6 h interval"_s,
                                             verifiedOk };

        QTest::newRow("fresh but never verified")
            << 6.0 << 2 * kHour << Verified::Never << HealthLevel::Amber
            << QStringList{ u"last backup 2 h ago, within its 6 h interval"_s, unverified };
        QTest::newRow("fresh but verification failed")
            << 6.0 << 2 * kHour << Verified::Failed << HealthLevel::Red
            << QStringList{ u"last backup 2 h ago, within its 6 h interval"_s, failed };
        QTest::newRow("a verification without checks failed")
            << 6.0 << 2 * kHour << Verified::FailedWithoutChecks << HealthLevel::Red
            << QStringList{ u"last backup 2 h ago, within its 6 h interval"_s,
                   u"verification failed: no checks were recorded"_s };
        QTest::newRow("overdue and never verified")
            << 6.0 << 7 * kHour << Verified::Never << HealthLevel::Amber
            << QStringList{ u"last backup 7 h ago, overdue: its interval is 6 h"_s, unverified };
        QTest::newRow("overdue and verification failed")
            << 6.0 << 7 * kHour << Verified::Failed << HealthLevel::Red
            << QStringList{ u"last backup 7 h ago, overdue: its interval is 6 h"_s, failed };

        QTest::newRow("never backed up") << 6.0 << kNever << Verified::Never << HealthLevel::Red
                                         << QStringList{ u"never backed up"_s };
        QTest::newRow("never backed up, no interval")
            << 0.0 << kNever << Verified::Never << HealthLevel::Red << QStringList{ u"never backed up"_s, assumed };

        QTest::newRow("no interval: 24 h assumed, within")
            << 0.0 << 24 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 24 h ago, within its 24 h interval"_s, verifiedOk, assumed };
        QTest::newRow("no interval: 24 h assumed, overdue")
            << 0.0 << 25 * kHour << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 25 h ago, overdue: its interval is 24 h"_s, verifiedOk, assumed };
        QTest::newRow("no interval: 24 h assumed, twice")
            << 0.0 << 48 * kHour << Verified::Ok << HealthLevel::Red
            << QStringList{ u"last backup 2 d ago, at least twice its 24 h interval"_s, verifiedOk, assumed };
        QTest::newRow("a negative interval counts as none")
            << -6.0 << 7 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 7 h ago, within its 24 h interval"_s, verifiedOk, assumed };

        QTest::newRow("half-hour interval, 31 min old")
            << 0.5 << 31 * kMinute << Verified::Ok << HealthLevel::Amber
            << QStringList{ u"last backup 31 min ago, overdue: its interval is 30 min"_s, verifiedOk };
        QTest::newRow("weekly interval, 6.5 d old")
            << 168.0 << 156 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup 6.5 d ago, within its 7 d interval"_s, verifiedOk };
        QTest::newRow("dated in the future counts as just made")
            << 6.0 << -2 * kHour << Verified::Ok << HealthLevel::Green
            << QStringList{ u"last backup just now, within its 6 h interval"_s, verifiedOk };
    }

    void assess()
    {
        QFETCH(double, intervalHours);
        QFETCH(qint64, ageMs);
        QFETCH(Verified, verified);
        QFETCH(HealthLevel, level);
        QFETCH(QStringList, reasons);

        HealthInput input;
        if (intervalHours != 0.0)
            input.intervalHours = intervalHours;
        if (ageMs != kNever)
            input.newestBackup = kNow.addMSecs(-ageMs);
        if (verified != Verified::Never)
            input.verification = outcome(verified);

        const DatabaseHealth health = DatabaseHealth::assess(input, kNow);
        QCOMPARE(health.reasons(), reasons);
        QCOMPARE(DatabaseHealth::levelName(health.level()), DatabaseHealth::levelName(level));
        QCOMPARE(health.level(), level);

        const bool assumed = intervalHours <= 0.0;
        QCOMPARE(health.isIntervalAssumed(), assumed);
        QCOMPARE(health.intervalHours(), assumed ? DatabaseHealth::kDefaultIntervalHours : intervalHours);
        if (ageMs == kNever)
            QVERIFY(!health.ageSeconds());
        else
            QCOMPARE(health.ageSeconds(), std::optional<qint64>(std::max<qint64>(0, ageMs) / 1000));
    }

    // A verification does not rescue a database that was never backed up, and the default-made
    // health (nothing known yet) is red.
    void nothingKnownIsRed()
    {
        QCOMPARE(DatabaseHealth().level(), HealthLevel::Red);
        HealthInput input;
        input.verification = outcome(Verified::Ok);
        QCOMPARE(DatabaseHealth::assess(input, kNow).level(), HealthLevel::Red);
    }

    // The newest drill and the drill cadence, on top of a fresh, verified backup (green by itself).
    void drills_data()
    {
        QTest::addColumn<double>("drillIntervalHours"); // 0: the workspace schedules no drill
        QTest::addColumn<Drilled>("drilled");
        QTest::addColumn<qint64>("drillAgeMs");
        QTest::addColumn<qint64>("rtoMs");
        QTest::addColumn<HealthLevel>("level");
        QTest::addColumn<QStringList>("drillReasons"); // after the backup's and the verification's
        QTest::addColumn<bool>("failed");

        constexpr qint64 kDay = 24 * kHour;
        QTest::newRow("not scheduled, never drilled: nothing to say")
            << 0.0 << Drilled::Never << qint64(0) << qint64(0) << HealthLevel::Green << QStringList{} << false;
        QTest::newRow("not scheduled, passed")
            << 0.0 << Drilled::Passed << 2 * kDay << qint64(1250) << HealthLevel::Green
            << QStringList{ u"last drill passed 2 d ago (RTO 1.2 s)"_s } << false;
        QTest::newRow("not scheduled, passed long ago is still no finding")
            << 0.0 << Drilled::Passed << 400 * kDay << qint64(850) << HealthLevel::Green
            << QStringList{ u"last drill passed 400 d ago (RTO 850 ms)"_s } << false;
        QTest::newRow("not scheduled, failed")
            << 0.0 << Drilled::Failed << 2 * kDay << qint64(900) << HealthLevel::Red
            << QStringList{ u"drill failed: smoke_query (SELECT count(*) FROM users: expected > 0, got 0)"_s } << true;
        QTest::newRow("failed many times: each name once, the first detail on one line, cut")
            << 0.0 << Drilled::FailedManyTimes << kHour << qint64(900) << HealthLevel::Red
            << QStringList{ u"drill failed: smoke_query, cleanup (SELECT * FROM orders WHERE total < 0: no such column: total "_s
                   + QString(139, u'x') + QChar(0x2026) + u")"_s }
            << true;
        QTest::newRow("a failed check without detail: its name")
            << 0.0 << Drilled::FailedWithoutDetail << kHour << qint64(900) << HealthLevel::Red
            << QStringList{ u"drill failed: smoke_query"_s } << true;
        QTest::newRow("a drill without checks failed")
            << 0.0 << Drilled::FailedWithoutChecks << kHour << qint64(0) << HealthLevel::Red
            << QStringList{ u"drill failed: no checks were recorded"_s } << true;
        QTest::newRow("weekly, never drilled")
            << 168.0 << Drilled::Never << qint64(0) << qint64(0) << HealthLevel::Amber
            << QStringList{ u"never drilled: drills are due every 7 d"_s } << false;
        QTest::newRow("weekly, passed 6 d ago")
            << 168.0 << Drilled::Passed << 6 * kDay << qint64(75 * 1000) << HealthLevel::Green
            << QStringList{ u"last drill passed 6 d ago (RTO 1 min)"_s } << false;
        QTest::newRow("weekly, passed exactly a week ago")
            << 168.0 << Drilled::Passed << 7 * kDay << qint64(4000) << HealthLevel::Green
            << QStringList{ u"last drill passed 7 d ago (RTO 4 s)"_s } << false;
        QTest::newRow("weekly, one second past the week")
            << 168.0 << Drilled::Passed << 7 * kDay + kSecond << qint64(4000) << HealthLevel::Amber
            << QStringList{ u"no drill since 2024-04-29 11:59 UTC (7 d ago): drills are due every 7 d"_s } << false;
        QTest::newRow("weekly, overdue and failed")
            << 168.0 << Drilled::Failed << 10 * kDay << qint64(4000) << HealthLevel::Red
            << QStringList{ u"no drill since 2024-04-26 12:00 UTC (10 d ago): drills are due every 7 d"_s,
                   u"drill failed: smoke_query (SELECT count(*) FROM users: expected > 0, got 0)"_s }
            << true;
        QTest::newRow("weekly, failed yesterday")
            << 168.0 << Drilled::Failed << kDay << qint64(4000) << HealthLevel::Red
            << QStringList{ u"drill failed: smoke_query (SELECT count(*) FROM users: expected > 0, got 0)"_s } << true;
        QTest::newRow("daily, passed 25 h ago")
            << 24.0 << Drilled::Passed << 25 * kHour << qint64(4000) << HealthLevel::Amber
            << QStringList{ u"no drill since 2024-05-05 11:00 UTC (25 h ago): drills are due every 24 h"_s } << false;
        QTest::newRow("dated in the future counts as just made")
            << 24.0 << Drilled::Passed << -kHour << qint64(20) << HealthLevel::Green
            << QStringList{ u"last drill passed just now (RTO 20 ms)"_s } << false;
    }

    void drills()
    {
        QFETCH(double, drillIntervalHours);
        QFETCH(Drilled, drilled);
        QFETCH(qint64, drillAgeMs);
        QFETCH(qint64, rtoMs);
        QFETCH(HealthLevel, level);
        QFETCH(QStringList, drillReasons);
        QFETCH(bool, failed);

        HealthInput input;
        input.intervalHours = 6.0;
        input.newestBackup = kNow.addSecs(-3 * 3600);
        input.verification = outcome(Verified::Ok);
        if (drillIntervalHours > 0)
            input.drillIntervalHours = drillIntervalHours;
        if (drilled != Drilled::Never)
            input.drill = drill(drilled, drillAgeMs, rtoMs);

        const DatabaseHealth health = DatabaseHealth::assess(input, kNow);
        const QStringList base{ u"last backup 3 h ago, within its 6 h interval"_s,
            u"newest backup verified ok (full, 1 h ago)"_s };
        QCOMPARE(health.reasons(), base + drillReasons);
        QCOMPARE(health.level(), level);
        QCOMPARE(health.isDrillFailed(), failed);
        QVERIFY(!health.isOverdue());
        // Only the drill can have made it worse than green here: its findings are the problems.
        QStringList problems;
        if (level != HealthLevel::Green)
            for (const QString &reason : drillReasons)
                if (!reason.startsWith(u"last drill passed"_s))
                    problems << reason;
        QCOMPARE(health.problems(), problems);
    }

    // problems() holds exactly the findings that made the level worse, in order.
    void problemsAreTheBadNews()
    {
        HealthInput input;
        input.intervalHours = 6.0;
        input.newestBackup = kNow.addSecs(-7 * 3600);
        const DatabaseHealth health = DatabaseHealth::assess(input, kNow);
        QCOMPARE(health.level(), HealthLevel::Amber);
        QVERIFY(health.isOverdue());
        QVERIFY(!health.isVerificationFailed());
        QCOMPARE(health.problems(),
            (QStringList{ u"last backup 7 h ago, overdue: its interval is 6 h"_s, u"newest backup never verified"_s }));

        input.newestBackup = kNow.addSecs(-3600);
        input.verification = outcome(Verified::Failed);
        const DatabaseHealth failed = DatabaseHealth::assess(input, kNow);
        QVERIFY(!failed.isOverdue());
        QVERIFY(failed.isVerificationFailed());
        QCOMPARE(failed.problems(),
            QStringList{ u"verification failed: integrity_check, page_count (page 3 is corrupt)"_s });

        QVERIFY(DatabaseHealth::assess(HealthInput{}, kNow).isOverdue()); // never backed up
    }

    // The interval a backup's age is judged against comes from the workspace's schedule: a
    // calendar's longest gap, an interval, else the runbook's interval_hours, else 24 h assumed.
    void scheduledIntervals_data()
    {
        QTest::addColumn<QByteArray>("schedules"); // YAML appended to the workspace
        QTest::addColumn<double>("intervalHours"); // 0: assumed
        QTest::addColumn<QString>("description");
        QTest::addColumn<double>("drillIntervalHours"); // 0: no drill scheduled
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<HealthLevel>("level");
        QTest::addColumn<QString>("backupReason");

        QTest::newRow("nothing: 24 h assumed")
            << QByteArray() << 0.0 << QString() << 0.0 << 20 * kHour << HealthLevel::Green
            << u"last backup 20 h ago, within its 24 h interval"_s;
        QTest::newRow("runbook interval_hours")
            << QByteArray("backup:\n  schedules:\n    orders: {interval_hours: 6, retain_count: 10}\n") << 6.0
            << QString() << 0.0 << 7 * kHour << HealthLevel::Amber
            << u"last backup 7 h ago, overdue: its interval is 6 h"_s;
        QTest::newRow("schedule interval")
            << QByteArray("schedules:\n  default:\n    backup: {interval_hours: 12}\n") << 12.0 << QString() << 0.0
            << 11 * kHour << HealthLevel::Green << u"last backup 11 h ago, within its 12 h interval"_s;
        QTest::newRow("daily at 02:30") << QByteArray(
            "schedules:\n  timezone: UTC\n  default:\n    backup: {at: \"02:30\"}\n")
                                        << 24.0 << u"daily at 02:30"_s << 0.0 << 25 * kHour << HealthLevel::Amber
                                        << u"last backup 25 h ago, overdue: its interval is 24 h (daily at 02:30)"_s;
        QTest::newRow("weekdays at 02:30: the weekend gap is 72 h")
            << QByteArray("schedules:\n  timezone: UTC\n  default:\n    backup: {at: \"02:30\", days: weekdays}\n")
            << 72.0 << u"weekdays at 02:30"_s << 0.0 << 70 * kHour << HealthLevel::Green
            << u"last backup 2.9 d ago, within its 3 d interval (weekdays at 02:30)"_s;
        QTest::newRow("twice a day: the longer gap")
            << QByteArray("schedules:\n  timezone: UTC\n  default:\n    backup: {at: [\"02:00\", \"08:00\"]}\n") << 18.0
            << u"daily at 02:00, 08:00"_s << 0.0 << 17 * kHour << HealthLevel::Green
            << u"last backup 17 h ago, within its 18 h interval (daily at 02:00, 08:00)"_s;
        QTest::newRow("hourly at :15") << QByteArray("schedules:\n  default:\n    backup: {hourly_at: 15}\n") << 1.0
                                       << u"hourly at :15"_s << 0.0 << 90 * kMinute << HealthLevel::Amber
                                       << u"last backup 1.5 h ago, overdue: its interval is 1 h (hourly at :15)"_s;
        QTest::newRow("the runbook's line for the database beats the default")
            << QByteArray("schedules:\n  timezone: UTC\n  default:\n    backup: {at: \"02:30\"}\n"
                          "backup:\n  schedules:\n    orders: {interval_hours: 6}\n")
            << 6.0 << QString() << 0.0 << 7 * kHour << HealthLevel::Amber
            << u"last backup 7 h ago, overdue: its interval is 6 h"_s;
        QTest::newRow("the database's own schedule beats the runbook")
            << QByteArray("schedules:\n  timezone: UTC\n  databases:\n    orders: {backup: {at: \"02:30\"}}\n"
                          "backup:\n  schedules:\n    orders: {interval_hours: 6}\n")
            << 24.0 << u"daily at 02:30"_s << 0.0 << 7 * kHour << HealthLevel::Green
            << u"last backup 7 h ago, within its 24 h interval (daily at 02:30)"_s;
        QTest::newRow("database beats group beats default")
            << QByteArray("schedules:\n  timezone: UTC\n  default:\n    backup: {interval_hours: 48}\n"
                          "  groups:\n    acme: {backup: {at: \"02:30\", days: weekdays}}\n"
                          "  databases:\n    orders: {backup: {interval_hours: 2}}\n")
            << 2.0 << QString() << 0.0 << 5 * kHour << HealthLevel::Red
            << u"last backup 5 h ago, at least twice its 2 h interval"_s;
        QTest::newRow("group beats default")
            << QByteArray("schedules:\n  timezone: UTC\n  default:\n    backup: {interval_hours: 48}\n"
                          "  groups:\n    acme: {backup: {at: \"02:30\", days: weekdays}}\n")
            << 72.0 << u"weekdays at 02:30"_s << 0.0 << 73 * kHour << HealthLevel::Amber
            << u"last backup 3 d ago, overdue: its interval is 3 d (weekdays at 02:30)"_s;
        QTest::newRow("a weekly drill") << QByteArray(
            "schedules:\n  timezone: UTC\n  default:\n    drill: {at: \"04:00\", days: [sun]}\n")
                                        << 0.0 << QString() << 168.0 << 2 * kHour << HealthLevel::Amber
                                        << u"last backup 2 h ago, within its 24 h interval"_s; // amber: never drilled
    }

    void scheduledIntervals()
    {
        QFETCH(QByteArray, schedules);
        QFETCH(double, intervalHours);
        QFETCH(QString, description);
        QFETCH(double, drillIntervalHours);
        QFETCH(qint64, ageMs);
        QFETCH(HealthLevel, level);
        QFETCH(QString, backupReason);

        const QByteArray yaml = "repositories:\n  - {name: local, path: /nonexistent/repo}\n"
                                "databases:\n  - {name: orders, path: /nonexistent/orders.db, group: acme}\n"
            + schedules;
        auto workspace = coffer::Workspace::parse(yaml, u"/nonexistent/workspace.yaml"_s);
        QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toString()));
        const auto entry = workspace->database(u"orders"_s);
        QVERIFY(entry.has_value());

        HealthInput input = coffer::HealthSurvey::scheduledInput(*workspace, *entry);
        QCOMPARE(input.intervalHours.value_or(0.0), intervalHours);
        QCOMPARE(input.scheduleDescription, description);
        QCOMPARE(input.drillIntervalHours.value_or(0.0), drillIntervalHours);

        input.newestBackup = kNow.addMSecs(-ageMs);
        input.verification = outcome(Verified::Ok);
        const DatabaseHealth health = DatabaseHealth::assess(input, kNow);
        QCOMPARE(health.reasons().value(0), backupReason);
        QCOMPARE(health.level(), level);
        QCOMPARE(health.isIntervalAssumed(), intervalHours == 0.0);
    }

    void describeRto_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"0 ms"_s;
        QTest::newRow("milliseconds") << qint64(999) << u"999 ms"_s;
        QTest::newRow("a second") << qint64(1000) << u"1 s"_s;
        QTest::newRow("seconds with a fraction") << qint64(4290) << u"4.2 s"_s;
        QTest::newRow("just under a minute") << qint64(59999) << u"59 s"_s;
        QTest::newRow("minutes") << qint64(125000) << u"2 min"_s;
    }

    void describeRto()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(DatabaseHealth::describeRto(ms), text);
    }

    void levelNames()
    {
        QCOMPARE(DatabaseHealth::levelName(HealthLevel::Green), u"green"_s);
        QCOMPARE(DatabaseHealth::levelName(HealthLevel::Amber), u"amber"_s);
        QCOMPARE(DatabaseHealth::levelName(HealthLevel::Red), u"red"_s);
    }

    void describeDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QString>("age");
        QTest::newRow("negative") << qint64(-5) << u"0 s"_s << u"just now"_s;
        QTest::newRow("seconds") << qint64(59) << u"59 s"_s << u"just now"_s;
        QTest::newRow("a minute") << qint64(60) << u"1 min"_s << u"1 min ago"_s;
        QTest::newRow("minutes") << qint64(3599) << u"59 min"_s << u"59 min ago"_s;
        QTest::newRow("an hour") << qint64(3600) << u"1 h"_s << u"1 h ago"_s;
        QTest::newRow("hours with a fraction") << qint64(5 * 3600 + 59 * 60) << u"5.9 h"_s << u"5.9 h ago"_s;
        QTest::newRow("hours above ten, whole") << qint64(13 * 3600 + 45 * 60) << u"13 h"_s << u"13 h ago"_s;
        QTest::newRow("just under two days") << qint64(48 * 3600 - 1) << u"47 h"_s << u"47 h ago"_s;
        QTest::newRow("two days") << qint64(48 * 3600) << u"2 d"_s << u"2 d ago"_s;
        QTest::newRow("weeks") << qint64(30 * 86400 + 3600) << u"30 d"_s << u"30 d ago"_s;
    }

    void describeDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, duration);
        QFETCH(QString, age);
        QCOMPARE(DatabaseHealth::describeDuration(seconds), duration);
        QCOMPARE(DatabaseHealth::describeAge(seconds), age);
    }
};

QTEST_GUILESS_MAIN(HealthTest)
#include "tst_health.moc"
