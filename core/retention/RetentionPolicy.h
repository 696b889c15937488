#pragma once

#include "common/Error.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace coffer {

// A length of time as people write it: "7d", "12h", "2w", "6m", "1y", "1y6m2d" (units y, m for
// months, w, d, h; each at most once, largest first). Months and years are calendar months and
// years, days are calendar days in the policy's time zone.
struct RetentionDuration {
    int years = 0;
    int months = 0;
    int weeks = 0;
    int days = 0;
    int hours = 0;

    static Result<RetentionDuration> parse(const QString &text);
    QString toString() const; // canonical, e.g. "1y6m"
    bool isZero() const;
    // `now` minus this duration, counted in `zone`'s calendar.
    QDateTime before(const QDateTime &now, const QTimeZone &zone) const;

    friend bool operator==(const RetentionDuration &, const RetentionDuration &) = default;
};

// Which backups to keep. Rules are ORed: a backup is kept when any rule keeps it, and deleted
// when none does. Protections (pinned, newest verified, the minimum count, unexpired safety
// backups) keep a backup whatever the rules say. Every field is optional so that a database's
// policy can override single fields of its group's and the repository's (resolve()).
struct RetentionPolicy {
    std::optional<int> keepLast;    // the newest N
    std::optional<int> keepHourly;  // the newest backup of each of the last N hours that have one
    std::optional<int> keepDaily;   // ... days
    std::optional<int> keepWeekly;  // ... ISO weeks (Monday to Sunday)
    std::optional<int> keepMonthly; // ... calendar months
    std::optional<int> keepYearly;  // ... calendar years
    std::optional<RetentionDuration> keepWithin; // everything younger than this
    std::optional<int> retentionDays; // runbook `retention_days`: everything younger than N days
    std::optional<int> retainCount;   // runbook `retain_count`: the newest N
    // Not a keep rule but a cap: while the backups this policy governs total more than this,
    // the oldest unprotected one is deleted. Alone (no keep rule) it keeps everything else.
    std::optional<double> maxSizeGb;
    std::optional<int> minCount; // protection: the newest N of each database (default 1)

    static constexpr int kDefaultMinCount = 1;
    static constexpr qint64 kBytesPerGb = 1000LL * 1000 * 1000;

    int effectiveMinCount() const { return minCount.value_or(kDefaultMinCount); }
    // A keep rule is set (keep-*, retention-days, retain-count).
    bool hasKeepRule() const;
    // Neither a keep rule nor a size cap: such a policy would delete everything and is refused.
    bool isEmpty() const { return !hasKeepRule() && !maxSizeGb; }
    // Fields set here win; unset fields come from `fallback`.
    RetentionPolicy overriding(const RetentionPolicy &fallback) const;
    // "keep-daily 7, keep-weekly 4, retention-days 30, min-count 1", or "no rules".
    QString describe() const;
    // Checks ranges (counts >= 1, min-count >= 0, max size > 0, duration not zero).
    Result<void> validate() const;

    friend bool operator==(const RetentionPolicy &, const RetentionPolicy &) = default;
};

// The policies of a workspace or a command line: a repository default, per group and per
// database. A database's effective keep rules are its own fields over its group's over the
// default's. A size cap is different: it applies to the total of the backups at the level it is
// written (one database, one group, or everything the prune considers) and is not inherited.
struct RetentionPolicySet {
    RetentionPolicy repositoryDefault;
    QMap<QString, RetentionPolicy> groups;    // by group name
    QMap<QString, RetentionPolicy> databases; // by database name
    // IANA id ("Europe/Berlin", "UTC"); empty means the system's time zone.
    QString timeZone;

    // The keep rules and protections for one database (maxSizeGb cleared: see above).
    RetentionPolicy resolve(const QString &database, const QString &group) const;
    QTimeZone zone() const;
    bool isEmpty() const;
    Result<void> validate() const;
    // Every level in one line: "default: keep-daily 7; group acme: ...; database orders: keep-last 3".
    QString describe() const;
};

} // namespace coffer
