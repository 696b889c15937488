#include "schedule/Cadence.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace coffer {

namespace {

constexpr qint64 kDaySeconds = 86400;
constexpr int kWeekMinutes = 7 * 24 * 60;
// lastSlot() and nextSlot() look this many days around the reference: a weekly slot is always found.
constexpr int kSearchDays = 8;

QTimeZone effectiveZone(const QTimeZone &zone)
{
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

// The calendar date an instant falls on in `zone`. Computed from the offset rather than with
// toTimeZone(), whose handling of transitions changed between Qt versions.
QDate localDate(const QDateTime &instant, const QTimeZone &zone)
{
    const QDateTime utc = instant.toUTC();
    return utc.addSecs(zone.offsetFromUtc(utc)).date();
}

// The instant a wall-clock time on a date names in `zone`. A time that happens twice (the hour
// repeated when clocks go back) is its first occurrence; a time that does not exist (the hour
// skipped when clocks go forward) is the first instant after the gap, the transition itself.
QDateTime wallClock(QDate date, QTime time, const QTimeZone &zone)
{
    // `naive` reads the wall-clock time as if it were UTC; the real instant is naive - offset.
    const QDateTime naive(date, time, Qt::UTC);
    const int offsets[] = { zone.offsetFromUtc(naive.addSecs(-kDaySeconds)), zone.offsetFromUtc(naive),
        zone.offsetFromUtc(naive.addSecs(kDaySeconds)) };
    QDateTime first;
    for (const int offset : offsets) {
        const QDateTime instant = naive.addSecs(-offset);
        if (zone.offsetFromUtc(instant) == offset && (!first.isValid() || instant < first))
            first = instant;
    }
    if (first.isValid())
        return first;

    // In a gap: every candidate instant is on the other side of the transition from its
    // offset. The transition lies between naive - (larger offset) and naive - (smaller offset).
    const int smaller = *std::min_element(std::begin(offsets), std::end(offsets));
    const int larger = *std::max_element(std::begin(offsets), std::end(offsets));
    QDateTime before = naive.addSecs(-larger);
    QDateTime after = naive.addSecs(-smaller);
    const int offsetAfter = zone.offsetFromUtc(after);
    if (zone.offsetFromUtc(before) == offsetAfter)
        return after; // no transition found: cannot happen with a consistent zone database
    while (before.secsTo(after) > 1) {
        const QDateTime middle = before.addSecs(before.secsTo(after) / 2);
        if (zone.offsetFromUtc(middle) == offsetAfter)
            after = middle;
        else
            before = middle;
    }
    return after;
}

QString dayName(int weekday)
{
    static const char *const kNames[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    return QLatin1String(kNames[std::clamp(weekday, 1, 7) - 1]);
}

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

Cadence Cadence::interval(double hours)
{
    Cadence cadence;
    cadence.kind = Kind::Interval;
    cadence.intervalHours = hours;
    return cadence;
}

Cadence Cadence::calendar(QList<QTime> times, QList<int> weekdays)
{
    Cadence cadence;
    cadence.kind = Kind::Calendar;
    for (QTime &time : times)
        time = QTime(time.hour(), time.minute()); // to the minute
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    std::sort(weekdays.begin(), weekdays.end());
    weekdays.erase(std::unique(weekdays.begin(), weekdays.end()), weekdays.end());
    // Every day listed is the same as none listed; one spelling keeps comparisons simple.
    if (weekdays == QList<int>{ 1, 2, 3, 4, 5, 6, 7 })
        weekdays.clear();
    cadence.times = times;
    cadence.weekdays = weekdays;
    return cadence;
}

Cadence Cadence::hourlyAt(int minute)
{
    QList<QTime> times;
    for (int hour = 0; hour < 24; ++hour)
        times.append(QTime(hour, minute));
    return calendar(times);
}

QDateTime Cadence::lastSlot(const QDateTime &now, const QTimeZone &zone) const
{
    if (kind != Kind::Calendar || times.isEmpty() || !now.isValid())
        return {};
    const QTimeZone tz = effectiveZone(zone);
    const QDate today = localDate(now, tz);
    for (int back = 0; back <= kSearchDays; ++back) {
        const QDate day = today.addDays(-back);
        if (!weekdays.isEmpty() && !weekdays.contains(day.dayOfWeek()))
            continue;
        for (auto it = times.crbegin(); it != times.crend(); ++it) {
            const QDateTime slot = wallClock(day, *it, tz);
            if (slot <= now)
                return slot;
        }
    }
    return {};
}

QDateTime Cadence::nextSlot(const QDateTime &after, const QTimeZone &zone) const
{
    if (kind != Kind::Calendar || times.isEmpty() || !after.isValid())
        return {};
    const QTimeZone tz = effectiveZone(zone);
    const QDate start = localDate(after, tz);
    // From the day before: near a transition a slot of yesterday's date may still lie ahead.
    for (int ahead = -1; ahead <= kSearchDays; ++ahead) {
        const QDate day = start.addDays(ahead);
        if (!weekdays.isEmpty() && !weekdays.contains(day.dayOfWeek()))
            continue;
        for (const QTime &time : times) {
            const QDateTime slot = wallClock(day, time, tz);
            if (slot > after)
                return slot;
        }
    }
    return {};
}

bool Cadence::isDue(const QDateTime &lastRun, const QDateTime &now, const QTimeZone &zone) const
{
    switch (kind) {
    case Kind::Off:
        return false;
    case Kind::Interval:
        if (!lastRun.isValid())
            return true;
        return double(lastRun.msecsTo(now)) >= intervalHours * 3600.0 * 1000.0;
    case Kind::Calendar: {
        if (!lastRun.isValid())
            return true;
        // One run covers every slot missed since the last one: the newest slot alone decides.
        const QDateTime slot = lastSlot(now, zone);
        return slot.isValid() && slot > lastRun;
    }
    }
    return false;
}

QDateTime Cadence::nextDue(const QDateTime &lastRun, const QDateTime &now, const QTimeZone &zone) const
{
    if (kind == Kind::Off)
        return {};
    if (isDue(lastRun, now, zone))
        return now;
    if (kind == Kind::Interval)
        return lastRun.addMSecs(qint64(std::llround(intervalHours * 3600.0 * 1000.0)));
    // Not due: no slot lies in (lastRun, now]; a last run dated after now (clock skew) waits for
    // the first slot after it.
    return nextSlot(std::max(lastRun, now), zone);
}

double Cadence::maxGapHours() const
{
    switch (kind) {
    case Kind::Off:
        return 0;
    case Kind::Interval:
        return intervalHours;
    case Kind::Calendar:
        break;
    }
    if (times.isEmpty())
        return 0;
    // Wall-clock minutes from Monday 00:00: a DST change lengthens one gap by an hour, twice a year.
    QList<int> points;
    for (int day = 1; day <= 7; ++day) {
        if (!weekdays.isEmpty() && !weekdays.contains(day))
            continue;
        for (const QTime &time : times)
            points.append((day - 1) * 24 * 60 + time.hour() * 60 + time.minute());
    }
    std::sort(points.begin(), points.end());
    int widest = points.constFirst() + kWeekMinutes - points.constLast();
    for (qsizetype i = 1; i < points.size(); ++i)
        widest = std::max(widest, points.at(i) - points.at(i - 1));
    return widest / 60.0;
}

QString Cadence::describe() const
{
    if (kind == Kind::Off)
        return QStringLiteral("off");
    if (kind == Kind::Interval) {
        if (intervalHours < 1)
            return QStringLiteral("every %1 min").arg(number(intervalHours * 60));
        return QStringLiteral("every %1 h").arg(number(intervalHours));
    }

    QString days;
    if (weekdays.isEmpty())
        days = QStringLiteral("daily");
    else if (weekdays == QList<int>{ 1, 2, 3, 4, 5 })
        days = QStringLiteral("weekdays");
    else if (weekdays == QList<int>{ 6, 7 })
        days = QStringLiteral("weekends");
    else {
        QStringList names;
        for (const int day : weekdays)
            names << dayName(day);
        days = names.join(QStringLiteral(", "));
    }

    bool hourly = times.size() == 24;
    for (qsizetype i = 0; hourly && i < times.size(); ++i)
        hourly = times.at(i).hour() == i && times.at(i).minute() == times.constFirst().minute();
    if (hourly) {
        const QString minute = QStringLiteral(":%1").arg(times.constFirst().minute(), 2, 10, QLatin1Char('0'));
        return weekdays.isEmpty() ? QStringLiteral("hourly at %1").arg(minute)
                                  : QStringLiteral("hourly at %1 on %2").arg(minute, days);
    }
    QStringList clock;
    for (const QTime &time : times)
        clock << time.toString(QStringLiteral("HH:mm"));
    return QStringLiteral("%1 at %2").arg(days, clock.join(QStringLiteral(", ")));
}

} // namespace coffer
