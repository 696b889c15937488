#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace coffer {

// When a scheduled task (a backup, a verification, a drill) falls due: every N hours since it
// last ran, or at calendar times ("daily at 02:30", "weekdays at 02:30", "hourly at :15") in a
// time zone. Pure: every answer is computed from the times passed in, so tests use a fake clock.
// Calendar times are wall-clock times: on a DST day a time that does not exist runs at the
// first instant after the gap, a time that happens twice runs once, at its first occurrence.
struct Cadence {
    enum class Kind { Off, Interval, Calendar };

    Kind kind = Kind::Off;
    double intervalHours = 0;   // Interval
    QList<QTime> times;         // Calendar: times of day, sorted, to the minute
    QList<int> weekdays;        // Calendar: 1 = Monday ... 7 = Sunday, sorted; empty = every day

    static Cadence interval(double hours);
    static Cadence calendar(QList<QTime> times, QList<int> weekdays = {});
    static Cadence hourlyAt(int minute); // 24 calendar times, one per hour at :minute

    bool isOff() const { return kind == Kind::Off; }

    // Calendar: the newest slot at or before `now`; invalid when there is none in the eight
    // days before (a cadence that never fires).
    QDateTime lastSlot(const QDateTime &now, const QTimeZone &zone) const;
    // Calendar: the first slot strictly after `after`.
    QDateTime nextSlot(const QDateTime &after, const QTimeZone &zone) const;

    // Whether a task that last ran at `lastRun` (invalid: never) is due at `now`.
    //   Interval: never run, or now - lastRun >= interval.
    //   Calendar: never run, or a slot lies in (lastRun, now]. However many slots were
    //   missed, one run catches them all up.
    //   Off: never due.
    bool isDue(const QDateTime &lastRun, const QDateTime &now, const QTimeZone &zone) const;
    // When it is next due: `now` when due now; invalid when Off.
    QDateTime nextDue(const QDateTime &lastRun, const QDateTime &now, const QTimeZone &zone) const;

    // The longest expected gap between two runs, in hours (Interval: the interval; Calendar:
    // the longest distance between consecutive slots over a week, e.g. 72 for weekdays at
    // 02:30). Health judges a backup's age against it. 0 when Off.
    double maxGapHours() const;

    // For a person: "every 6 h", "daily at 02:30", "weekdays at 02:30, 14:30",
    // "Mon, Thu at 04:00", "hourly at :15", "off".
    QString describe() const;

    friend bool operator==(const Cadence &, const Cadence &) = default;
};

} // namespace coffer
