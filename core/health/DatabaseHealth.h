#pragma once

#include "drill/DrillOutcome.h"
#include "verify/CheckResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace coffer {

// How well a database is protected, best first: the order is the severity.
enum class HealthLevel { Green, Amber, Red };

// What a database's health is judged from. The caller gathers it (HealthSurvey from the catalogs and
// the workspace's schedule); DatabaseHealth::assess() itself does no I/O.
struct HealthInput {
    // The longest expected gap between two backups: the schedule's backup cadence (its
    // maxGapHours()), else the runbook's interval_hours. Missing or not positive: 24 hours are assumed.
    std::optional<double> intervalHours;
    // A calendar schedule for a person ("weekdays at 02:30"), shown next to the interval it
    // implies; empty for a plain interval, which says it all.
    QString scheduleDescription;
    // When the newest backup of the database was created; invalid when it was never backed up.
    QDateTime newestBackup;
    // The newest verification of that newest backup; none when it was never verified.
    std::optional<VerifyOutcome> verification;
    // The newest restore drill of the database, of whichever backup; none when it was never drilled.
    std::optional<DrillOutcome> drill;
    // The longest expected gap between two drills (the drill cadence's maxGapHours()); none or not
    // positive when the workspace schedules no drill, and then a missing or old drill is no finding.
    std::optional<double> drillIntervalHours;
};

// The health of one database against its schedule, and the reasons for a person.
//   Green: the newest backup is no older than the interval, and its newest verification passed.
//   Amber: overdue (older than the interval), or the newest backup was never verified, or drills
//          are scheduled and the newest is older than their interval (or there is none).
//   Red:   overdue by twice the interval (at least 2 x the interval old), or the newest
//          verification of the newest backup failed, or the newest drill failed, or the database
//          was never backed up.
// The worst finding sets the level. The boundaries: a backup exactly one interval old is still
// within it; one exactly twice the interval old is red; the same one-interval boundary holds for
// drills. A backup or drill dated after `now` (clock skew) counts as just made.
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
    // verified", "verification failed: integrity_check (page 3: …)", "drill failed: smoke_query
    // (SELECT count(*) FROM users: expected > 0, got 0)", "no schedule interval: assuming 24 h".
    // A failure names each failed check once, then the first failed check's detail.
    const QStringList &reasons() const { return m_reasons; }
    // Only the findings that made the level worse than green, in the same order (for alerts and
    // the CLI's table, where the good news is already in the columns).
    const QStringList &problems() const { return m_problems; }
    // The interval the backup's age was judged against, and whether it is the assumed default.
    double intervalHours() const { return m_intervalHours; }
    bool isIntervalAssumed() const { return m_intervalAssumed; }
    // How old the newest backup was at `now`, in seconds; none when never backed up.
    std::optional<qint64> ageSeconds() const { return m_ageSeconds; }
    // Never backed up, or the newest backup is older than the interval.
    bool isOverdue() const { return m_overdue; }
    // The newest verification of the newest backup failed a check.
    bool isVerificationFailed() const { return m_verificationFailed; }
    // The newest drill failed a check.
    bool isDrillFailed() const { return m_drillFailed; }

    // "green", "amber", "red": stable names for JSON and exit codes.
    static QString levelName(HealthLevel level);
    // A duration for a person: "40 s", "25 min", "6.5 h", "3 d".
    static QString describeDuration(qint64 seconds);
    // An age for a person: "just now" under a minute, else "3 h ago".
    static QString describeAge(qint64 seconds);
    // A recovery time for a person: "850 ms", "4.2 s", else as describeDuration().
    static QString describeRto(qint64 milliseconds);
    // The names of the checks a verification failed, each once, e.g. "integrity_check, page_count".
    static QString failedCheckNames(const VerifyOutcome &outcome);

private:
    void assessBackup(const HealthInput &input, const QDateTime &now);
    void assessDrill(const HealthInput &input, const QDateTime &now);
    // Records a finding; one that is worse than green is also a problem.
    void find(HealthLevel level, const QString &reason);

    HealthLevel m_level = HealthLevel::Red;
    QStringList m_reasons;
    QStringList m_problems;
    double m_intervalHours = kDefaultIntervalHours;
    bool m_intervalAssumed = true;
    bool m_overdue = true;
    bool m_verificationFailed = false;
    bool m_drillFailed = false;
    std::optional<qint64> m_ageSeconds;
};

} // namespace coffer
