// Retention rules as a user relies on them: durations, policies and their layers, and which
// backups each keep rule keeps across calendar and time zone edges, and why.
#include "RetentionScenario.h"

#include <QtTest>

#include <cmath>
#include <limits>

// Policies are written with designated initializers naming only the rules a case sets; GCC 12
// warns about the omitted members, which are meant to stay empty optionals.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace coffer;
using namespace testsupport::retention;
using namespace Qt::StringLiterals;

class RetentionTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void durationParse_data();
    void durationParse();
    void durationBefore_data();
    void durationBefore();
    void policyDescribe();
    void policyValidate_data();
    void policyValidate();
    void resolveLayers();

    void periodicSeries_data();
    void periodicSeries();
    void calendarBuckets_data();
    void calendarBuckets() { checkScenario(); }

private:
    // Hourly backups at :10 UTC from 2024-01-01 to 2026-11-20 14:10, almost three years.
    QList<RetentionCandidate> m_hourly;
};

void RetentionTest::initTestCase()
{
    for (QDateTime t = utc("2024-01-01T00:10"); t <= utc("2026-11-20T14:10"); t = t.addSecs(3600))
        m_hourly << backup(t.toString(QStringLiteral("yyyy-MM-ddTHH:mm")));
    QCOMPARE(m_hourly.size(), (366 + 365 + 323) * 24 + 15);
}

void RetentionTest::durationParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: must be refused
    QTest::newRow("days") << u"7d"_s << u"7d"_s;
    QTest::newRow("hours") << u"12h"_s << u"12h"_s;
    QTest::newRow("weeks") << u"2w"_s << u"2w"_s;
    QTest::newRow("months") << u"6m"_s << u"6m"_s;
    QTest::newRow("years") << u"1y"_s << u"1y"_s;
    QTest::newRow("all units") << u"1y6m2w2d3h"_s << u"1y6m2w2d3h"_s;
    QTest::newRow("trimmed, upper case") << u"  1Y6M \t"_s << u"1y6m"_s;
    QTest::newRow("zero parts dropped") << u"0y7d"_s << u"7d"_s;
    QTest::newRow("largest number") << u"100000d"_s << u"100000d"_s;
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("blank") << u"   "_s << u""_s;
    QTest::newRow("zero") << u"0d"_s << u""_s;
    QTest::newRow("unknown unit") << u"7x"_s << u""_s;
    QTest::newRow("no unit") << u"7"_s << u""_s;
    QTest::newRow("no number") << u"d"_s << u""_s;
    QTest::newRow("negative") << u"-7d"_s << u""_s;
    QTest::newRow("repeated unit") << u"1d1d"_s << u""_s;
    QTest::newRow("smallest first") << u"1d1y"_s << u""_s;
    QTest::newRow("too large") << u"100001d"_s << u""_s;
    QTest::newRow("huge") << u"99999999999999999999d"_s << u""_s;
    QTest::newRow("inner space") << u"1y 6m"_s << u""_s;
    QTest::newRow("fraction") << u"1.5d"_s << u""_s;
}

void RetentionTest::durationParse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto parsed = RetentionDuration::parse(text);
    if (canonical.isEmpty()) {
        QVERIFY2(!parsed, qPrintable(QStringLiteral("'%1' was accepted").arg(text)));
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(parsed.error().message,
            QStringLiteral("'%1' is not a duration: write a number and a unit, e.g. 7d, 12h, 2w, 6m, 1y")
                .arg(text.trimmed()));
        return;
    }
    COFFER_VERIFY_OK(parsed);
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(RetentionDuration::parse(canonical).value(), *parsed);
}

void RetentionTest::durationBefore_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("month end") << utc("2026-03-31T10:00") << QByteArray("UTC") << u"1m"_s << utc("2026-02-28T10:00");
    QTest::newRow("leap month end") << utc("2028-03-31T10:00") << QByteArray("UTC") << u"1m"_s
                                    << utc("2028-02-29T10:00");
    QTest::newRow("leap day minus a year")
        << utc("2028-02-29T10:00") << QByteArray("UTC") << u"1y"_s << utc("2027-02-28T10:00");
    QTest::newRow("every unit") << utc("2026-11-20T10:00") << QByteArray("UTC") << u"1y6m2d3h"_s
                                << utc("2025-05-18T07:00");
    QTest::newRow("weeks") << utc("2026-11-20T10:00") << QByteArray("UTC") << u"2w"_s << utc("2026-11-06T10:00");
    // A calendar day across spring forward is 23 hours; 24h stays 24 hours.
    QTest::newRow("day over spring DST") << utc("2026-03-29T12:00") << QByteArray("Europe/Berlin") << u"1d"_s
                                         << utc("2026-03-28T13:00");
    QTest::newRow("24h over spring DST") << utc("2026-03-29T12:00") << QByteArray("Europe/Berlin") << u"24h"_s
                                         << utc("2026-03-28T12:00");
    QTest::newRow("day over autumn DST") << utc("2026-10-25T12:00") << QByteArray("Europe/Berlin") << u"1d"_s
                                         << utc("2026-10-24T11:00");
    // 22:00 on 28 February in New York: a month earlier is 28 January there, not 1 February.
    QTest::newRow("month in New York") << utc("2026-03-01T03:00") << QByteArray("America/New_York") << u"1m"_s
                                       << utc("2026-01-29T03:00");
}

void RetentionTest::durationBefore()
{
    QFETCH(QDateTime, now);
    QFETCH(QByteArray, zone);
    QFETCH(QString, duration);
    QFETCH(QDateTime, expected);
    const QDateTime before = RetentionDuration::parse(duration).value().before(now, QTimeZone(zone));
    QCOMPARE(before.toUTC(), expected);
    QCOMPARE(before.timeSpec(), Qt::UTC);
}

void RetentionTest::policyDescribe()
{
    QCOMPARE(RetentionPolicy{}.describe(), QStringLiteral("no rules"));
    const RetentionPolicy mixed{ .keepLast = 10,
        .keepDaily = 7,
        .keepWithin = RetentionDuration{ .days = 7 },
        .retentionDays = 30,
        .retainCount = 10,
        .maxSizeGb = 5,
        .minCount = 1 };
    QCOMPARE(mixed.describe(),
        u"keep-last 10, keep-daily 7, keep-within 7d, retention-days 30, retain-count 10, "
        u"max-size-gb 5, min-count 1"_s);
    const RetentionPolicy periodic{
        .keepHourly = 24, .keepDaily = 7, .keepWeekly = 4, .keepMonthly = 12, .keepYearly = 2, .maxSizeGb = 2.5
    };
    QCOMPARE(periodic.describe(),
        QStringLiteral("keep-hourly 24, keep-daily 7, keep-weekly 4, keep-monthly 12, keep-yearly 2, max-size-gb 2.5"));

    QVERIFY(!RetentionPolicy{ .maxSizeGb = 1 }.hasKeepRule());
    QVERIFY(!RetentionPolicy{ .maxSizeGb = 1 }.isEmpty());
    QVERIFY(RetentionPolicy{ .minCount = 3 }.isEmpty());
    QVERIFY(RetentionPolicy{ .keepWithin = RetentionDuration{ .hours = 1 } }.hasKeepRule());
    QVERIFY(RetentionPolicy{ .retainCount = 1 }.hasKeepRule());

    const RetentionPolicy fallback{ .keepLast = 5, .keepDaily = 7, .maxSizeGb = 2 };
    QCOMPARE(RetentionPolicy{ .keepLast = 3 }.overriding(fallback).describe(),
        QStringLiteral("keep-last 3, keep-daily 7, max-size-gb 2"));
}

void RetentionTest::policyValidate_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QString>("message"); // empty: valid
    QTest::newRow("min-count 0 is allowed") << RetentionPolicy{ .keepLast = 1, .minCount = 0 } << u""_s;
    QTest::newRow("keep-daily 0") << RetentionPolicy{ .keepDaily = 0 } << u"keep-daily must be at least 1"_s;
    QTest::newRow("keep-last -1") << RetentionPolicy{ .keepLast = -1 } << u"keep-last must be at least 1"_s;
    QTest::newRow("keep-yearly 0") << RetentionPolicy{ .keepYearly = 0 } << u"keep-yearly must be at least 1"_s;
    QTest::newRow("retention-days 0") << RetentionPolicy{ .retentionDays = 0 }
                                      << u"retention-days must be at least 1"_s;
    QTest::newRow("retain-count 0") << RetentionPolicy{ .retainCount = 0 } << u"retain-count must be at least 1"_s;
    QTest::newRow("keep-within zero") << RetentionPolicy{ .keepWithin = RetentionDuration{} }
                                      << u"keep-within must not be zero"_s;
    QTest::newRow("max size 0") << RetentionPolicy{ .maxSizeGb = 0 } << u"max-size-gb must be a positive number"_s;
    QTest::newRow("max size infinite") << RetentionPolicy{ .maxSizeGb = std::numeric_limits<double>::infinity() }
                                       << u"max-size-gb must be a positive number"_s;
    QTest::newRow("max size NaN") << RetentionPolicy{ .maxSizeGb = std::nan("") }
                                  << u"max-size-gb must be a positive number"_s;
    QTest::newRow("min-count -1") << RetentionPolicy{ .keepLast = 1, .minCount = -1 }
                                  << u"min-count must not be negative"_s;
}

void RetentionTest::policyValidate()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(QString, message);
    const auto valid = policy.validate();
    QCOMPARE(valid ? QString() : valid.error().message, message);
    if (!valid)
        QCOMPARE(valid.error().code, ErrorCode::InvalidArgument);
}

void RetentionTest::resolveLayers()
{
    RetentionPolicySet set;
    set.repositoryDefault = { .keepDaily = 7, .retentionDays = 30, .maxSizeGb = 100, .minCount = 2 };
    set.groups[QStringLiteral("acme")] = { .keepDaily = 14, .keepWeekly = 4, .maxSizeGb = 10 };
    set.databases[QStringLiteral("orders")] = { .keepLast = 3, .maxSizeGb = 1 };
    QCOMPARE(set.resolve(QStringLiteral("orders"), QStringLiteral("acme")).describe(),
        QStringLiteral("keep-last 3, keep-daily 14, keep-weekly 4, retention-days 30, min-count 2"));
    QCOMPARE(set.resolve(QStringLiteral("logs"), QStringLiteral("acme")).describe(),
        QStringLiteral("keep-daily 14, keep-weekly 4, retention-days 30, min-count 2"));
    QCOMPARE(set.resolve(QStringLiteral("orders"), QString()).describe(),
        QStringLiteral("keep-last 3, keep-daily 7, retention-days 30, min-count 2"));
    QCOMPARE(set.resolve(QStringLiteral("logs"), QStringLiteral("unknown")).describe(),
        QStringLiteral("keep-daily 7, retention-days 30, min-count 2"));

    QCOMPARE(set.zone(), QTimeZone::systemTimeZone());
    set.timeZone = QStringLiteral("Europe/Berlin");
    QCOMPARE(set.zone().id(), QByteArray("Europe/Berlin"));
    QVERIFY(!set.isEmpty());
    QVERIFY(RetentionPolicySet{}.isEmpty());
    RetentionPolicySet capOnly;
    capOnly.groups[QStringLiteral("acme")] = { .maxSizeGb = 1 };
    QVERIFY(!capOnly.isEmpty());
}

void RetentionTest::periodicSeries_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<int>("keptCount");
    // Decisions that must be in the plan. When it lists keptCount kept ones, they are all of them.
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("keep-last 5") << RetentionPolicy{ .keepLast = 5, .minCount = 0 } << 5
                                 << QStringList{ u"2026-11-20T14:10 kept: last 5"_s, u"2026-11-20T13:10 kept: last 5"_s,
                                        u"2026-11-20T12:10 kept: last 5"_s, u"2026-11-20T11:10 kept: last 5"_s,
                                        u"2026-11-20T10:10 kept: last 5"_s,
                                        u"2026-11-20T09:10 deleted: not among the last 5"_s };
    QTest::newRow("retain-count 2") << RetentionPolicy{ .retainCount = 2, .minCount = 0 } << 2
                                    << QStringList{ u"2026-11-20T14:10 kept: retain-count 2"_s,
                                           u"2026-11-20T13:10 kept: retain-count 2"_s,
                                           u"2026-11-20T12:10 deleted: not among the last 2"_s };
    // now is 14:30: the cutoff is 2026-11-18 14:30.
    QTest::newRow("keep-within 2d") << RetentionPolicy{
        .keepWithin = RetentionDuration{ .days = 2 }, .minCount = 0
    } << 48 << QStringList{ u"2026-11-18T15:10 kept: within 2d"_s, u"2026-11-18T14:10 deleted: older than 2d"_s };
    QTest::newRow("retention-days 30") << RetentionPolicy{ .retentionDays = 30, .minCount = 0 } << 30 * 24
                                       << QStringList{ u"2026-10-21T15:10 kept: within 30 days"_s,
                                              u"2026-10-21T14:10 deleted: older than 30 days"_s,
                                              u"2024-01-01T00:10 deleted: older than 30 days"_s };
    QTest::newRow("keep-hourly 3") << RetentionPolicy{ .keepHourly = 3, .minCount = 0 } << 3
                                   << QStringList{ u"2026-11-20T14:10 kept: hourly 2026-11-20 14:00"_s,
                                          u"2026-11-20T13:10 kept: hourly 2026-11-20 13:00"_s,
                                          u"2026-11-20T12:10 kept: hourly 2026-11-20 12:00"_s,
                                          u"2026-11-20T11:10 deleted: beyond 3 hourly periods"_s };
    QTest::newRow("keep-hourly 48") << RetentionPolicy{ .keepHourly = 48, .minCount = 0 } << 48
                                    << QStringList{ u"2026-11-18T15:10 kept: hourly 2026-11-18 15:00"_s,
                                           u"2026-11-18T14:10 deleted: beyond 48 hourly periods"_s };
    QTest::newRow("keep-daily 7")
        << RetentionPolicy{ .keepDaily = 7, .minCount = 0 } << 7
        << QStringList{ u"2026-11-20T14:10 kept: daily 2026-11-20"_s,
               u"2026-11-20T13:10 deleted: not the newest of its day"_s, u"2026-11-19T23:10 kept: daily 2026-11-19"_s,
               u"2026-11-18T23:10 kept: daily 2026-11-18"_s, u"2026-11-17T23:10 kept: daily 2026-11-17"_s,
               u"2026-11-16T23:10 kept: daily 2026-11-16"_s, u"2026-11-15T23:10 kept: daily 2026-11-15"_s,
               u"2026-11-14T23:10 kept: daily 2026-11-14"_s, u"2026-11-14T22:10 deleted: not the newest of its day"_s,
               u"2026-11-13T23:10 deleted: beyond 7 daily periods"_s };
    // 2026-11-20 is a Friday in ISO week 47; earlier weeks end on Sundays.
    QTest::newRow("keep-weekly 4") << RetentionPolicy{ .keepWeekly = 4, .minCount = 0 } << 4
                                   << QStringList{ u"2026-11-20T14:10 kept: weekly 2026-W47"_s,
                                          u"2026-11-16T00:10 deleted: not the newest of its week"_s,
                                          u"2026-11-15T23:10 kept: weekly 2026-W46"_s,
                                          u"2026-11-08T23:10 kept: weekly 2026-W45"_s,
                                          u"2026-11-01T23:10 kept: weekly 2026-W44"_s,
                                          u"2026-10-25T23:10 deleted: beyond 4 weekly periods"_s };
    QTest::newRow("keep-monthly 12") << RetentionPolicy{ .keepMonthly = 12, .minCount = 0 } << 12
                                     << QStringList{ u"2026-11-20T14:10 kept: monthly 2026-11"_s,
                                            u"2026-02-28T23:10 kept: monthly 2026-02"_s,
                                            u"2025-12-31T23:10 kept: monthly 2025-12"_s,
                                            u"2025-11-30T23:10 deleted: beyond 12 monthly periods"_s };
    // Only three years have backups: keep-yearly 5 keeps three.
    QTest::newRow("keep-yearly 5") << RetentionPolicy{ .keepYearly = 5, .minCount = 0 } << 3
                                   << QStringList{ u"2026-11-20T14:10 kept: yearly 2026"_s,
                                          u"2025-12-31T23:10 kept: yearly 2025"_s,
                                          u"2024-12-31T23:10 kept: yearly 2024"_s,
                                          u"2024-01-01T00:10 deleted: not the newest of its year"_s };
    // 7 days + weeks 45 and 44 (46, 47 overlap the days) + 11 month ends (November overlaps): 20.
    QTest::newRow("daily 7, weekly 4, monthly 12")
        << RetentionPolicy{ .keepDaily = 7, .keepWeekly = 4, .keepMonthly = 12, .minCount = 0 } << 20
        << QStringList{ u"2026-11-20T14:10 kept: daily 2026-11-20, weekly 2026-W47, monthly 2026-11"_s,
               u"2026-11-15T23:10 kept: daily 2026-11-15, weekly 2026-W46"_s,
               u"2026-11-08T23:10 kept: weekly 2026-W45"_s, u"2026-10-31T23:10 kept: monthly 2026-10"_s,
               u"2025-12-31T23:10 kept: monthly 2025-12"_s,
               u"2026-11-13T23:10 deleted: beyond 7 daily periods, not the newest of its week, not the newest of "_s
               u"its month"_s };
    QTest::newRow("default min count adds to the newest")
        << RetentionPolicy{ .keepLast = 1 } << 1
        << QStringList{ u"2026-11-20T14:10 kept: last 1, minimum count 1"_s,
               u"2026-11-20T13:10 deleted: not among the last 1"_s };
}

void RetentionTest::periodicSeries()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(int, keptCount);
    QFETCH(QStringList, expected);
    const auto plan = RetentionPlanner::plan(m_hourly, policySet(policy), utc("2026-11-20T14:30"));
    COFFER_VERIFY_OK(plan);
    QCOMPARE(plan->decisions.size(), m_hourly.size());
    QCOMPARE(int(plan->decisions.size()) - plan->deletedCount(), keptCount);
    const QStringList all = lines(*plan);
    for (const QString &line : expected)
        QVERIFY2(all.contains(line), qPrintable(QStringLiteral("missing: ") + line));
}

void RetentionTest::calendarBuckets_data()
{
    addScenarioColumns();
    const auto daily2 = RetentionPolicy{ .keepDaily = 2, .minCount = 0 };
    const QStringList lateEvening{ u"2026-11-20T10:00"_s, u"2026-11-19T23:30"_s, u"2026-11-19T22:30"_s };
    QTest::newRow("days in UTC") << policySet(daily2) << lateEvening
                                 << QStringList{ u"2026-11-20T10:00 kept: daily 2026-11-20"_s,
                                        u"2026-11-19T23:30 kept: daily 2026-11-19"_s,
                                        u"2026-11-19T22:30 deleted: not the newest of its day"_s }
                                 << QStringList{};
    // 23:30 UTC is 00:30 on the next day in Berlin.
    QTest::newRow("days in Berlin") << policySet(daily2, u"Europe/Berlin"_s) << lateEvening
                                    << QStringList{ u"2026-11-20T10:00 kept: daily 2026-11-20"_s,
                                           u"2026-11-19T23:30 deleted: not the newest of its day"_s,
                                           u"2026-11-19T22:30 kept: daily 2026-11-19"_s }
                                    << QStringList{};
    const QStringList earlyMorning{ u"2026-11-20T10:00"_s, u"2026-11-20T06:00"_s, u"2026-11-20T03:00"_s };
    QTest::newRow("days in New York") << policySet(daily2, u"America/New_York"_s) << earlyMorning
                                      << QStringList{ u"2026-11-20T10:00 kept: daily 2026-11-20"_s,
                                             u"2026-11-20T06:00 deleted: not the newest of its day"_s,
                                             u"2026-11-20T03:00 kept: daily 2026-11-19"_s }
                                      << QStringList{};
    QTest::newRow("same backups in UTC") << policySet(daily2) << earlyMorning
                                         << QStringList{ u"2026-11-20T10:00 kept: daily 2026-11-20"_s,
                                                u"2026-11-20T06:00 deleted: not the newest of its day"_s,
                                                u"2026-11-20T03:00 deleted: not the newest of its day"_s }
                                         << QStringList{};
    // Cutoffs are exclusive; a calendar month before 20 November is 20 October, 31 days.
    QTest::newRow("cutoffs") << policySet(
        RetentionPolicy{ .keepWithin = RetentionDuration{ .months = 1 }, .retentionDays = 30, .minCount = 0 })
                             << QStringList{ u"2026-10-21T12:01"_s, u"2026-10-21T12:00"_s, u"2026-10-20T12:01"_s,
                                    u"2026-10-20T12:00"_s }
                             << QStringList{ u"2026-10-21T12:01 kept: within 1m, within 30 days"_s,
                                    u"2026-10-21T12:00 kept: within 1m"_s, u"2026-10-20T12:01 kept: within 1m"_s,
                                    u"2026-10-20T12:00 deleted: older than 1m, older than 30 days"_s }
                             << QStringList{};
    const auto hourly = RetentionPolicy{ .keepHourly = 10, .minCount = 0 };
    // 01:00 UTC on 2026-03-29: Berlin jumps from 02:00 to 03:00, so there is no 02:00 hour.
    QTest::newRow("hours over spring forward")
        << policySet(hourly, u"Europe/Berlin"_s)
        << QStringList{ u"2026-03-29T02:10"_s, u"2026-03-29T01:40"_s, u"2026-03-29T01:10"_s, u"2026-03-29T00:40"_s,
               u"2026-03-29T00:10"_s }
        << QStringList{ u"2026-03-29T02:10 kept: hourly 2026-03-29 04:00"_s,
               u"2026-03-29T01:40 kept: hourly 2026-03-29 03:00"_s,
               u"2026-03-29T01:10 deleted: not the newest of its hour"_s,
               u"2026-03-29T00:40 kept: hourly 2026-03-29 01:00"_s,
               u"2026-03-29T00:10 deleted: not the newest of its hour"_s }
        << QStringList{};
    // 01:00 UTC on 2026-10-25: Berlin lives 02:00-03:00 twice. Buckets are wall-clock hours (as in
    // restic), so both passes of the repeated hour are one bucket.
    const QStringList fallBack{ u"2026-10-25T02:10"_s, u"2026-10-25T01:40"_s, u"2026-10-25T01:10"_s,
        u"2026-10-25T00:40"_s, u"2026-10-25T00:10"_s };
    QTest::newRow("hours over fall back") << policySet(hourly, u"Europe/Berlin"_s) << fallBack
                                          << QStringList{ u"2026-10-25T02:10 kept: hourly 2026-10-25 03:00"_s,
                                                 u"2026-10-25T01:40 kept: hourly 2026-10-25 02:00"_s,
                                                 u"2026-10-25T01:10 deleted: not the newest of its hour"_s,
                                                 u"2026-10-25T00:40 deleted: not the newest of its hour"_s,
                                                 u"2026-10-25T00:10 deleted: not the newest of its hour"_s }
                                          << QStringList{};
    QTest::newRow("same hours in UTC") << policySet(hourly) << fallBack
                                       << QStringList{ u"2026-10-25T02:10 kept: hourly 2026-10-25 02:00"_s,
                                              u"2026-10-25T01:40 kept: hourly 2026-10-25 01:00"_s,
                                              u"2026-10-25T01:10 deleted: not the newest of its hour"_s,
                                              u"2026-10-25T00:40 kept: hourly 2026-10-25 00:00"_s,
                                              u"2026-10-25T00:10 deleted: not the newest of its hour"_s }
                                       << QStringList{};
    const auto yearly = RetentionPolicy{ .keepYearly = 5, .minCount = 0 };
    const QStringList newYear{ u"2027-01-01T00:30"_s, u"2026-12-31T23:30"_s, u"2026-12-31T12:00"_s };
    QTest::newRow("new year in UTC") << policySet(yearly) << newYear
                                     << QStringList{ u"2027-01-01T00:30 kept: yearly 2027"_s,
                                            u"2026-12-31T23:30 kept: yearly 2026"_s,
                                            u"2026-12-31T12:00 deleted: not the newest of its year"_s }
                                     << QStringList{};
    QTest::newRow("new year in Berlin") << policySet(yearly, u"Europe/Berlin"_s) << newYear
                                        << QStringList{ u"2027-01-01T00:30 kept: yearly 2027"_s,
                                               u"2026-12-31T23:30 deleted: not the newest of its year"_s,
                                               u"2026-12-31T12:00 kept: yearly 2026"_s }
                                        << QStringList{};
    QTest::newRow("leap February") << policySet(RetentionPolicy{ .keepDaily = 2, .keepMonthly = 2, .minCount = 0 })
                                   << QStringList{ u"2028-03-01T12:00"_s, u"2028-02-29T12:00"_s, u"2028-02-28T12:00"_s,
                                          u"2028-01-31T12:00"_s }
                                   << QStringList{ u"2028-03-01T12:00 kept: daily 2028-03-01, monthly 2028-03"_s,
                                          u"2028-02-29T12:00 kept: daily 2028-02-29, monthly 2028-02"_s,
                                          u"2028-02-28T12:00 deleted: beyond 2 daily periods, not the newest of its "_s
                                          u"month"_s,
                                          u"2028-01-31T12:00 deleted: beyond 2 daily periods, beyond 2 monthly "_s
                                          u"periods"_s }
                                   << QStringList{};
    // 2026 has 53 ISO weeks; 1 January 2027 (a Friday) belongs to 2026-W53.
    QTest::newRow("ISO week 53") << policySet(RetentionPolicy{ .keepWeekly = 3, .minCount = 0 })
                                 << QStringList{ u"2027-01-04T12:00"_s, u"2027-01-01T12:00"_s, u"2026-12-31T12:00"_s,
                                        u"2026-12-28T12:00"_s, u"2026-12-27T12:00"_s, u"2026-12-20T12:00"_s }
                                 << QStringList{ u"2027-01-04T12:00 kept: weekly 2027-W01"_s,
                                        u"2027-01-01T12:00 kept: weekly 2026-W53"_s,
                                        u"2026-12-31T12:00 deleted: not the newest of its week"_s,
                                        u"2026-12-28T12:00 deleted: not the newest of its week"_s,
                                        u"2026-12-27T12:00 kept: weekly 2026-W52"_s,
                                        u"2026-12-20T12:00 deleted: beyond 3 weekly periods"_s }
                                 << QStringList{};
}

QTEST_GUILESS_MAIN(RetentionTest)
#include "tst_retention.moc"
