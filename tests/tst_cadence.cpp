#include "schedule/Cadence.h"

#include <QTest>
#include <QTimeZone>

using namespace coffer;

Q_DECLARE_METATYPE(coffer::Cadence)

namespace {

// Every time below is fixed: the tests never read the clock.
QDateTime utc(const char *iso)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(time.isValid());
    return time.toUTC();
}

// A wall-clock time that exists once in `zone` ("2026-03-28 02:31").
QDateTime local(const char *zone, const char *text)
{
    const QDateTime naive = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-dd HH:mm"));
    Q_ASSERT(naive.isValid());
    return QDateTime(naive.date(), naive.time(), QTimeZone(zone)).toUTC();
}

QTime at(int hour, int minute)
{
    return QTime(hour, minute);
}

const Cadence kDaily0230 = Cadence::calendar({ at(2, 30) });
const Cadence kWeekdays0230 = Cadence::calendar({ at(2, 30) }, { 1, 2, 3, 4, 5 });
const Cadence kWeekends1000 = Cadence::calendar({ at(10, 0) }, { 6, 7 });
const Cadence kMonThu0400 = Cadence::calendar({ at(4, 0) }, { 4, 1 });
const Cadence kTwice = Cadence::calendar({ at(14, 30), at(2, 30) });
const Cadence kHourly15 = Cadence::hourlyAt(15);

} // namespace

class TestCadence final : public QObject
{
    Q_OBJECT

private slots:
    void isDue_data();
    void isDue();
    void catchUpOnce();
    void lastAndNextSlot_data();
    void lastAndNextSlot();
    void nextDue_data();
    void nextDue();
    void maxGapHours_data();
    void maxGapHours();
    void describe_data();
    void describe();
    void normalises();
};

void TestCadence::isDue_data()
{
    QTest::addColumn<Cadence>("cadence");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("lastRun");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("due");

    const QString utcZone = QStringLiteral("UTC");
    const QString berlin = QStringLiteral("Europe/Berlin");
    const QString newYork = QStringLiteral("America/New_York");
    const QDateTime noon = utc("2026-05-06T12:00:00Z"); // a Wednesday

    // Intervals: due when exactly the interval has passed, not a millisecond before.
    QTest::newRow("interval never run") << Cadence::interval(6) << utcZone << QDateTime() << noon << true;
    QTest::newRow("interval exactly elapsed")
        << Cadence::interval(6) << utcZone << noon.addSecs(-6 * 3600) << noon << true;
    QTest::newRow("interval 1 ms short") << Cadence::interval(6) << utcZone << noon.addMSecs(-6 * 3600 * 1000 + 1)
                                         << noon << false;
    QTest::newRow("interval 1.5 h elapsed") << Cadence::interval(1.5) << utcZone << noon.addSecs(-5400) << noon << true;
    QTest::newRow("interval 1.5 h not yet")
        << Cadence::interval(1.5) << utcZone << noon.addSecs(-5399) << noon << false;
    QTest::newRow("interval last run in the future")
        << Cadence::interval(6) << utcZone << noon.addSecs(3600) << noon << false;
    QTest::newRow("off never due") << Cadence() << utcZone << QDateTime() << noon << false;

    // Daily at 02:30.
    QTest::newRow("daily never run") << kDaily0230 << utcZone << QDateTime() << noon << true;
    QTest::newRow("daily before today's slot")
        << kDaily0230 << utcZone << utc("2026-05-05T02:31:00Z") << utc("2026-05-06T02:29:59Z") << false;
    QTest::newRow("daily at the slot") << kDaily0230 << utcZone << utc("2026-05-05T02:31:00Z")
                                       << utc("2026-05-06T02:30:00Z") << true;
    QTest::newRow("daily ran at the slot itself")
        << kDaily0230 << utcZone << utc("2026-05-06T02:30:00Z") << utc("2026-05-06T23:59:00Z") << false;
    QTest::newRow("daily in a zone") << kDaily0230 << berlin << local("Europe/Berlin", "2026-05-05 02:31")
                                     << utc("2026-05-06T00:30:00Z") << true; // 02:30 CEST
    QTest::newRow("daily in a zone, UTC slot not local")
        << kDaily0230 << berlin << local("Europe/Berlin", "2026-05-05 02:31") << utc("2026-05-06T00:29:00Z") << false;

    // Weekdays at 02:30: Friday's run covers the weekend.
    QTest::newRow("weekdays Saturday") << kWeekdays0230 << utcZone << utc("2026-05-08T02:31:00Z")
                                       << utc("2026-05-09T12:00:00Z") << false;
    QTest::newRow("weekdays Sunday night")
        << kWeekdays0230 << utcZone << utc("2026-05-08T02:31:00Z") << utc("2026-05-11T02:29:00Z") << false;
    QTest::newRow("weekdays Monday") << kWeekdays0230 << utcZone << utc("2026-05-08T02:31:00Z")
                                     << utc("2026-05-11T02:30:00Z") << true;
    QTest::newRow("weekends Friday") << kWeekends1000 << utcZone << utc("2026-05-03T10:01:00Z")
                                     << utc("2026-05-08T23:00:00Z") << false;
    QTest::newRow("weekends Saturday") << kWeekends1000 << utcZone << utc("2026-05-03T10:01:00Z")
                                       << utc("2026-05-09T10:00:00Z") << true;
    QTest::newRow("mon,thu Wednesday") << kMonThu0400 << utcZone << utc("2026-05-04T04:01:00Z")
                                       << utc("2026-05-06T23:00:00Z") << false;
    QTest::newRow("mon,thu Thursday") << kMonThu0400 << utcZone << utc("2026-05-04T04:01:00Z")
                                      << utc("2026-05-07T04:00:00Z") << true;
    QTest::newRow("two times, morning run, afternoon")
        << kTwice << utcZone << utc("2026-05-06T02:31:00Z") << utc("2026-05-06T14:29:00Z") << false;
    QTest::newRow("two times, second slot")
        << kTwice << utcZone << utc("2026-05-06T02:31:00Z") << utc("2026-05-06T14:30:00Z") << true;
    QTest::newRow("hourly before :15") << kHourly15 << utcZone << utc("2026-05-06T10:16:00Z")
                                       << utc("2026-05-06T11:14:59Z") << false;
    QTest::newRow("hourly at :15") << kHourly15 << utcZone << utc("2026-05-06T10:16:00Z") << utc("2026-05-06T11:15:00Z")
                                   << true;
    QTest::newRow("weekly, last slot six days ago")
        << Cadence::calendar({ at(4, 0) }, { 7 }) << utcZone << utc("2026-04-20T00:00:00Z")
        << utc("2026-05-02T12:00:00Z") << true;

    // Spring forward, Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC); 02:30
    // does not exist and runs at the first instant after the gap.
    QTest::newRow("berlin spring, just before the gap ends")
        << kDaily0230 << berlin << local("Europe/Berlin", "2026-03-28 02:31") << utc("2026-03-29T00:59:59Z") << false;
    QTest::newRow("berlin spring, at 03:00 CEST")
        << kDaily0230 << berlin << local("Europe/Berlin", "2026-03-28 02:31") << utc("2026-03-29T01:00:00Z") << true;
    QTest::newRow("berlin spring, ran at 03:00, later that day")
        << kDaily0230 << berlin << utc("2026-03-29T01:00:00Z") << utc("2026-03-29T20:00:00Z") << false;
    // Fall back, Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30
    // happens at 00:30 UTC and again at 01:30 UTC, and runs only at the first.
    QTest::newRow("berlin fall, first 02:30")
        << kDaily0230 << berlin << local("Europe/Berlin", "2026-10-24 02:31") << utc("2026-10-25T00:30:00Z") << true;
    QTest::newRow("berlin fall, second 02:30 after the first ran")
        << kDaily0230 << berlin << utc("2026-10-25T00:30:10Z") << utc("2026-10-25T01:45:00Z") << false;
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT (07:00 UTC).
    QTest::newRow("new york spring, before the gap ends")
        << kDaily0230 << newYork << local("America/New_York", "2026-03-07 02:31") << utc("2026-03-08T06:59:00Z")
        << false;
    QTest::newRow("new york spring, at 03:00 EDT")
        << kDaily0230 << newYork << local("America/New_York", "2026-03-07 02:31") << utc("2026-03-08T07:00:00Z")
        << true;
    // New York, 1 November 2026: 02:00 EDT becomes 01:00 EST (06:00 UTC); 01:30 happens twice.
    QTest::newRow("new york fall, first 01:30")
        << Cadence::calendar({ at(1, 30) }) << newYork << local("America/New_York", "2026-10-31 01:31")
        << utc("2026-11-01T05:30:00Z") << true;
    QTest::newRow("new york fall, second 01:30 after the first ran")
        << Cadence::calendar({ at(1, 30) }) << newYork << utc("2026-11-01T05:30:05Z") << utc("2026-11-01T06:45:00Z")
        << false;
}

void TestCadence::isDue()
{
    QFETCH(Cadence, cadence);
    QFETCH(QString, zone);
    QFETCH(QDateTime, lastRun);
    QFETCH(QDateTime, now);
    QFETCH(bool, due);
    QCOMPARE(cadence.isDue(lastRun, now, QTimeZone(zone.toUtf8())), due);
}

void TestCadence::catchUpOnce()
{
    // The console was closed from Monday morning to Friday noon: four 02:30 slots passed.
    const QTimeZone zone("Europe/Berlin");
    const QDateTime lastRun = local("Europe/Berlin", "2026-05-04 02:31");
    const QDateTime reopened = local("Europe/Berlin", "2026-05-08 12:00");
    QVERIFY(kDaily0230.isDue(lastRun, reopened, zone));
    // One run at reopening catches them all up: a minute later nothing is due, and the next
    // run is tomorrow's slot, not another missed one.
    const QDateTime ran = reopened.addSecs(5);
    QVERIFY(!kDaily0230.isDue(ran, reopened.addSecs(60), zone));
    QCOMPARE(kDaily0230.nextDue(ran, reopened.addSecs(60), zone), local("Europe/Berlin", "2026-05-09 02:30"));
    // The same with an interval: one run, then the interval counts from it.
    const Cadence every6 = Cadence::interval(6);
    QVERIFY(every6.isDue(lastRun, reopened, zone));
    QVERIFY(!every6.isDue(ran, reopened.addSecs(60), zone));
    QCOMPARE(every6.nextDue(ran, reopened.addSecs(60), zone), ran.addSecs(6 * 3600));
}

void TestCadence::lastAndNextSlot_data()
{
    QTest::addColumn<Cadence>("cadence");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("reference");
    QTest::addColumn<QDateTime>("last");
    QTest::addColumn<QDateTime>("next");

    const QString berlin = QStringLiteral("Europe/Berlin");
    const QString newYork = QStringLiteral("America/New_York");
    QTest::newRow("utc daily") << kDaily0230 << QStringLiteral("UTC") << utc("2026-05-06T12:00:00Z")
                               << utc("2026-05-06T02:30:00Z") << utc("2026-05-07T02:30:00Z");
    QTest::newRow("exactly at a slot: last is it, next is the following")
        << kDaily0230 << QStringLiteral("UTC") << utc("2026-05-06T02:30:00Z") << utc("2026-05-06T02:30:00Z")
        << utc("2026-05-07T02:30:00Z");
    QTest::newRow("weekdays over a weekend") << kWeekdays0230 << QStringLiteral("UTC") << utc("2026-05-09T12:00:00Z")
                                             << utc("2026-05-08T02:30:00Z") << utc("2026-05-11T02:30:00Z");
    // 02:30 on 29 March does not exist in Berlin: the slot is 03:00 CEST = 01:00 UTC.
    QTest::newRow("berlin spring gap") << kDaily0230 << berlin << utc("2026-03-29T10:00:00Z")
                                       << utc("2026-03-29T01:00:00Z") << utc("2026-03-30T00:30:00Z");
    QTest::newRow("berlin spring gap, next from the night before")
        << kDaily0230 << berlin << utc("2026-03-28T23:00:00Z") << utc("2026-03-28T01:30:00Z")
        << utc("2026-03-29T01:00:00Z");
    // 02:30 on 25 October happens at 00:30 and 01:30 UTC; only the first is a slot.
    QTest::newRow("berlin fall overlap") << kDaily0230 << berlin << utc("2026-10-25T01:45:00Z")
                                         << utc("2026-10-25T00:30:00Z") << utc("2026-10-26T01:30:00Z");
    QTest::newRow("berlin fall, hourly skips the repeated hour")
        << Cadence::hourlyAt(30) << berlin << utc("2026-10-25T00:45:00Z") << utc("2026-10-25T00:30:00Z")
        << utc("2026-10-25T02:30:00Z");
    QTest::newRow("berlin spring, hourly: 02:15 runs at 03:00")
        << kHourly15 << berlin << utc("2026-03-29T00:50:00Z") << utc("2026-03-29T00:15:00Z")
        << utc("2026-03-29T01:00:00Z");
    QTest::newRow("new york spring gap") << kDaily0230 << newYork << utc("2026-03-08T12:00:00Z")
                                         << utc("2026-03-08T07:00:00Z") << utc("2026-03-09T06:30:00Z");
    QTest::newRow("new york fall overlap") << Cadence::calendar({ at(1, 30) }) << newYork << utc("2026-11-01T06:45:00Z")
                                           << utc("2026-11-01T05:30:00Z") << utc("2026-11-02T06:30:00Z");
}

void TestCadence::lastAndNextSlot()
{
    QFETCH(Cadence, cadence);
    QFETCH(QString, zone);
    QFETCH(QDateTime, reference);
    QFETCH(QDateTime, last);
    QFETCH(QDateTime, next);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    QCOMPARE(cadence.lastSlot(reference, tz), last);
    QCOMPARE(cadence.nextSlot(reference, tz), next);
}

void TestCadence::nextDue_data()
{
    QTest::addColumn<Cadence>("cadence");
    QTest::addColumn<QDateTime>("lastRun");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime noon = utc("2026-05-06T12:00:00Z");
    QTest::newRow("interval not due") << Cadence::interval(6) << noon.addSecs(-3600) << noon << noon.addSecs(5 * 3600);
    QTest::newRow("interval due: now") << Cadence::interval(6) << noon.addSecs(-7 * 3600) << noon << noon;
    QTest::newRow("interval never run: now") << Cadence::interval(6) << QDateTime() << noon << noon;
    QTest::newRow("calendar not due: next slot")
        << kDaily0230 << utc("2026-05-06T02:31:00Z") << noon << utc("2026-05-07T02:30:00Z");
    QTest::newRow("calendar due: now") << kDaily0230 << utc("2026-05-05T02:31:00Z") << noon << noon;
    QTest::newRow("calendar last run in the future")
        << kDaily0230 << utc("2026-05-07T03:00:00Z") << noon << utc("2026-05-08T02:30:00Z");
    QTest::newRow("off: never") << Cadence() << QDateTime() << noon << QDateTime();
}

void TestCadence::nextDue()
{
    QFETCH(Cadence, cadence);
    QFETCH(QDateTime, lastRun);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, expected);
    QCOMPARE(cadence.nextDue(lastRun, now, QTimeZone("UTC")), expected);
}

void TestCadence::maxGapHours_data()
{
    QTest::addColumn<Cadence>("cadence");
    QTest::addColumn<double>("hours");
    QTest::newRow("off") << Cadence() << 0.0;
    QTest::newRow("interval") << Cadence::interval(6) << 6.0;
    QTest::newRow("daily") << kDaily0230 << 24.0;
    QTest::newRow("twice a day, uneven") << Cadence::calendar({ at(2, 30), at(8, 30) }) << 18.0;
    QTest::newRow("weekdays") << kWeekdays0230 << 72.0;
    QTest::newRow("weekends") << kWeekends1000 << 144.0;
    QTest::newRow("mon, thu") << kMonThu0400 << 96.0;
    QTest::newRow("weekly") << Cadence::calendar({ at(4, 0) }, { 7 }) << 168.0;
    QTest::newRow("hourly") << kHourly15 << 1.0;
}

void TestCadence::maxGapHours()
{
    QFETCH(Cadence, cadence);
    QFETCH(double, hours);
    QCOMPARE(cadence.maxGapHours(), hours);
}

void TestCadence::describe_data()
{
    QTest::addColumn<Cadence>("cadence");
    QTest::addColumn<QString>("text");
    QTest::newRow("off") << Cadence() << QStringLiteral("off");
    QTest::newRow("every 6 h") << Cadence::interval(6) << QStringLiteral("every 6 h");
    QTest::newRow("every 1.5 h") << Cadence::interval(1.5) << QStringLiteral("every 1.5 h");
    QTest::newRow("every 30 min") << Cadence::interval(0.5) << QStringLiteral("every 30 min");
    QTest::newRow("daily") << kDaily0230 << QStringLiteral("daily at 02:30");
    QTest::newRow("weekdays twice") << Cadence::calendar({ at(14, 30), at(2, 30) }, { 5, 4, 3, 2, 1 })
                                    << QStringLiteral("weekdays at 02:30, 14:30");
    QTest::newRow("weekends") << kWeekends1000 << QStringLiteral("weekends at 10:00");
    QTest::newRow("days") << kMonThu0400 << QStringLiteral("Mon, Thu at 04:00");
    QTest::newRow("hourly") << kHourly15 << QStringLiteral("hourly at :15");
    QTest::newRow("hourly at :05") << Cadence::hourlyAt(5) << QStringLiteral("hourly at :05");
    Cadence hourlyWeekdays = Cadence::hourlyAt(0);
    hourlyWeekdays.weekdays = { 1, 2, 3, 4, 5 };
    QTest::newRow("hourly on weekdays") << hourlyWeekdays << QStringLiteral("hourly at :00 on weekdays");
}

void TestCadence::describe()
{
    QFETCH(Cadence, cadence);
    QFETCH(QString, text);
    QCOMPARE(cadence.describe(), text);
}

void TestCadence::normalises()
{
    // Seconds dropped, duplicates merged, times and days sorted, all seven days = daily.
    const Cadence c = Cadence::calendar({ QTime(14, 30, 59), at(2, 30), at(14, 30) }, { 7, 1, 2, 3, 4, 5, 6, 1 });
    QCOMPARE(c.times, (QList<QTime>{ at(2, 30), at(14, 30) }));
    QVERIFY(c.weekdays.isEmpty());
    QCOMPARE(c, Cadence::calendar({ at(2, 30), at(14, 30) }));
    QCOMPARE(Cadence::hourlyAt(15).times.size(), 24);
}

QTEST_GUILESS_MAIN(TestCadence)
#include "tst_cadence.moc"
