#pragma once

#include "verify/CheckResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace coffer {

// How well a database is protected, best first: the order is the severity.
enum class HealthLevel { Green, Amber, Red };

// What a database's health is judged from. The caller gathers it (the dashboard from the catalogs,
// a `health` command or an alert the same way); DatabaseHealth::assess() itself does no I/O.
struct HealthInput {
    // The schedule (DatabaseEntry::intervalHours). Missing or not positive: 24 hours are assumed.
    std::optional<double> intervalHours;
    // When the newest backup of the database was created; invalid when it was never backed up.
    QDateTime newestBackup;
    // The newest verification of that newest backup; none when it was never verified.
    std::optional<VerifyOutcome> verification;
};

// The health of one database against its schedule, and the reasons for a person.
//   Green: the newest backup is no older than the interval, and its newest verification passed.
//   Amber: overdue (older than the interval), or the newest backup was never verified.
//   Red:   overdue by twice the interval (at least 2 x the interval old), or the newest
//          verification of the newest backup failed, or the database was never backed up.
// The worst finding sets the level. The boundaries: a backup exactly one interval old is still
// within it; one exactly twice the interval old is red. A backup dated after `now` (clock skew)
// counts as just made.
class DatabaseHealth final
{
    Q_DECLARE_TR_FUNCTIONS(coffer::DatabaseHealth)

public:
    static constexpr double kDefaultIntervalHours = 24.0;

    // Never backed up, judged against the default interval.
    DatabaseHealth() = default;

    static DatabaseHealth assess(const HealthInput &input, const QDateTime &now);

    HealthLevel level() const { return m_level; }
    // One finding each, e.g. "last backup 3 h ago, within its 6 h interval", "newest backup never
    // verified", "verification failed: integrity_check", "no schedule interval: assuming 24 h".
    const QStringList &reasons() const { return m_reasons; }
    // The interval the backup's age was judged against, and whether it is the assumed default.
    double intervalHours() const { return m_intervalHours; }
    bool isIntervalAssumed() const { return m_intervalAssumed; }
    // How old the newest backup was at `now`, in seconds; none when never backed up.
    std::optional<qint64> ageSeconds() const { return m_ageSeconds; }

    // "green", "amber", "red": stable names for JSON and exit codes.
    static QString levelName(HealthLevel level);
    // A duration for a person: "40 s", "25 min", "6.5 h", "3 d".
    static QString describeDuration(qint64 seconds);
    // An age for a person: "just now" under a minute, else "3 h ago".
    static QString describeAge(qint64 seconds);
    // The names of the checks a verification failed, e.g. "integrity_check, page_count".
    static QString failedCheckNames(const VerifyOutcome &outcome);

private:
    HealthLevel m_level = HealthLevel::Red;
    QStringList m_reasons;
    double m_intervalHours = kDefaultIntervalHours;
    bool m_intervalAssumed = true;
    std::optional<qint64> m_ageSeconds;
};

} // namespace coffer
