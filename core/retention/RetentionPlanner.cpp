#include "retention/RetentionPlanner.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace coffer {

namespace {

const QString kSafetyTrigger = QStringLiteral("safety");

// A decision being built, plus what the size caps need to know.
struct Work {
    RetentionDecision decision;
    bool isProtected = false; // pinned, newest verified, minimum count, unexpired safety backup, no rules
};

bool newerFirst(const RetentionCandidate &a, const RetentionCandidate &b)
{
    if (a.created != b.created)
        return a.created > b.created;
    return a.id > b.id;
}

bool isSafety(const RetentionCandidate &backup)
{
    return backup.trigger == kSafetyTrigger && backup.expires.isValid();
}

QString plural(int count, const QString &singular, const QString &pluralForm)
{
    return count == 1 ? singular : pluralForm;
}

enum class Period { Hour, Day, Week, Month, Year };

struct PeriodRule {
    Period period;
    std::optional<int> count;
    QString label; // "daily"
    QString unit; // "day"
};

QString periodKey(Period period, const QDateTime &local)
{
    const QDate date = local.date();
    switch (period) {
    case Period::Hour:
        return local.toString(QStringLiteral("yyyy-MM-dd HH:00"));
    case Period::Day:
        return date.toString(QStringLiteral("yyyy-MM-dd"));
    case Period::Week: {
        int year = 0;
        const int week = date.weekNumber(&year);
        return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
    }
    case Period::Month:
        return date.toString(QStringLiteral("yyyy-MM"));
    case Period::Year:
        return date.toString(QStringLiteral("yyyy"));
    }
    return {};
}

// The keep rules on one database's ordinary backups, newest first. Fills keep and reasons.
void applyRules(QList<Work *> &ordinary, const RetentionPolicy &policy, const QDateTime &now, const QTimeZone &zone)
{
    if (!policy.hasKeepRule()) {
        for (Work *work : ordinary) {
            work->decision.keep = true;
            work->decision.reasons = { QStringLiteral("no keep rule; size limit only") };
        }
        return;
    }

    const qsizetype n = ordinary.size();
    QList<QStringList> keepReasons(n);
    QList<QStringList> deleteReasons(n);

    const auto newest = [&](const std::optional<int> &count, const QString &kept) {
        if (!count)
            return;
        for (qsizetype i = 0; i < n; ++i) {
            if (i < *count)
                keepReasons[i] << kept.arg(*count);
            else
                deleteReasons[i] << QStringLiteral("not among the last %1").arg(*count);
        }
    };
    const auto younger = [&](const QDateTime &cutoff, const QString &within, const QString &older) {
        for (qsizetype i = 0; i < n; ++i) {
            if (ordinary[i]->decision.backup.created > cutoff)
                keepReasons[i] << within;
            else
                deleteReasons[i] << older;
        }
    };

    newest(policy.keepLast, QStringLiteral("last %1"));
    newest(policy.retainCount, QStringLiteral("retain-count %1"));
    if (policy.keepWithin) {
        const QString text = policy.keepWithin->toString();
        younger(policy.keepWithin->before(now, zone), QStringLiteral("within ") + text,
            QStringLiteral("older than ") + text);
    }
    if (policy.retentionDays) {
        const int days = *policy.retentionDays;
        const QString span = QString::number(days) + plural(days, QStringLiteral(" day"), QStringLiteral(" days"));
        younger(
            now.addSecs(-qint64(days) * 86400), QStringLiteral("within ") + span, QStringLiteral("older than ") + span);
    }

    const PeriodRule periodRules[] = {
        { Period::Hour, policy.keepHourly, QStringLiteral("hourly"), QStringLiteral("hour") },
        { Period::Day, policy.keepDaily, QStringLiteral("daily"), QStringLiteral("day") },
        { Period::Week, policy.keepWeekly, QStringLiteral("weekly"), QStringLiteral("week") },
        { Period::Month, policy.keepMonthly, QStringLiteral("monthly"), QStringLiteral("month") },
        { Period::Year, policy.keepYearly, QStringLiteral("yearly"), QStringLiteral("year") },
    };
    QList<QDateTime> local(n);
    for (qsizetype i = 0; i < n; ++i)
        local[i] = ordinary[i]->decision.backup.created.toTimeZone(zone);
    for (const PeriodRule &rule : periodRules) {
        if (!rule.count)
            continue;
        // restic's algorithm: newest first, the first backup of each new period is kept until N
        // periods have been taken.
        const int limit = *rule.count;
        const QString beyond = QStringLiteral("beyond %1 %2 %3")
                                   .arg(limit)
                                   .arg(rule.label, plural(limit, QStringLiteral("period"), QStringLiteral("periods")));
        int taken = 0;
        QString lastKey;
        bool lastTaken = false;
        for (qsizetype i = 0; i < n; ++i) {
            const QString key = periodKey(rule.period, local[i]);
            if (i > 0 && key == lastKey) {
                if (lastTaken)
                    deleteReasons[i] << QStringLiteral("not the newest of its ") + rule.unit;
                else
                    deleteReasons[i] << beyond;
                continue;
            }
            lastKey = key;
            lastTaken = taken < limit;
            if (lastTaken) {
                ++taken;
                keepReasons[i] << rule.label + QLatin1Char(' ') + key;
            } else {
                deleteReasons[i] << beyond;
            }
        }
    }

    for (qsizetype i = 0; i < n; ++i) {
        RetentionDecision &decision = ordinary[i]->decision;
        decision.keep = !keepReasons[i].isEmpty();
        decision.reasons = decision.keep ? keepReasons[i] : deleteReasons[i];
    }
}

// Protections win over the rules: a protected backup the rules delete keeps only these reasons.
void applyProtections(QList<Work *> &ordinary, const RetentionPolicy &policy)
{
    const int minCount = policy.effectiveMinCount();
    bool verifiedSeen = false;
    for (qsizetype i = 0; i < ordinary.size(); ++i) {
        Work &work = *ordinary[i];
        QStringList protections;
        if (work.decision.backup.pinned)
            protections << QStringLiteral("pinned");
        if (work.decision.backup.verified && !verifiedSeen) {
            verifiedSeen = true;
            protections << QStringLiteral("newest verified");
        }
        if (i < minCount)
            protections << QStringLiteral("minimum count %1").arg(minCount);
        if (protections.isEmpty())
            continue;
        work.isProtected = true;
        if (!work.decision.keep)
            work.decision.reasons.clear();
        work.decision.keep = true;
        work.decision.reasons << protections;
    }
}

// Safety backups (taken before a restore) live until they expire, whatever the rules say.
void applySafety(Work &work, const QDateTime &now, const QTimeZone &zone)
{
    const RetentionCandidate &backup = work.decision.backup;
    const QString date = backup.expires.toTimeZone(zone).date().toString(QStringLiteral("yyyy-MM-dd"));
    const bool unexpired = backup.expires > now;
    work.decision.keep = unexpired || backup.pinned;
    work.isProtected = work.decision.keep;
    if (unexpired)
        work.decision.reasons << QStringLiteral("safety backup until ") + date;
    if (backup.pinned)
        work.decision.reasons << QStringLiteral("pinned");
    if (!work.decision.keep)
        work.decision.reasons << QStringLiteral("safety backup expired ") + date;
}

// Rounded up so that a total over a cap never prints as equal to it.
QString formatGb(qint64 bytes)
{
    constexpr qint64 kHundredth = RetentionPolicy::kBytesPerGb / 100;
    return QString::number(double((bytes + kHundredth - 1) / kHundredth) / 100.0);
}

// Deletes the oldest unprotected kept backups of `set` until it fits `capGb`; a warning when the
// protected ones alone are over it.
void applyCap(QList<Work *> set, double capGb, const QString &ofWhat, const QString &whose, QStringList &warnings)
{
    std::sort(set.begin(), set.end(), [](const Work *a, const Work *b) {
        if (a->decision.backup.created != b->decision.backup.created)
            return a->decision.backup.created < b->decision.backup.created;
        return a->decision.backup.id < b->decision.backup.id;
    });
    qint64 total = 0;
    for (const Work *work : set) {
        if (work->decision.keep)
            total += work->decision.backup.bytes;
    }
    const double limit = capGb * double(RetentionPolicy::kBytesPerGb);
    const QString reason = QStringLiteral("over the %1 GB size limit of %2").arg(QString::number(capGb), ofWhat);
    for (Work *work : set) {
        if (double(total) <= limit)
            return;
        if (!work->decision.keep || work->isProtected)
            continue;
        work->decision.keep = false;
        work->decision.reasons = { reason };
        total -= work->decision.backup.bytes;
    }
    if (double(total) > limit) {
        warnings << QStringLiteral("%1 total %2 GB after the prune, over its %3 GB limit: the rest are protected "
                                   "(pinned, newest verified, minimum count or unexpired safety backups)")
                        .arg(whose, formatGb(total), QString::number(capGb));
    }
}

} // namespace

QString RetentionDecision::explanation() const
{
    return (keep ? QStringLiteral("kept: ") : QStringLiteral("deleted: ")) + reasons.join(QStringLiteral(", "));
}

int RetentionPlan::deletedCount() const
{
    return int(std::ranges::count_if(decisions, [](const RetentionDecision &d) { return !d.keep; }));
}

qint64 RetentionPlan::freedBytes() const
{
    qint64 total = 0;
    for (const RetentionDecision &decision : decisions) {
        if (!decision.keep)
            total += decision.backup.bytes;
    }
    return total;
}

QList<RetentionDecision> RetentionPlan::deletions() const
{
    QList<RetentionDecision> result;
    for (const RetentionDecision &decision : decisions) {
        if (!decision.keep)
            result << decision;
    }
    return result;
}

Result<RetentionPlan> RetentionPlanner::plan(
    const QList<RetentionCandidate> &backups, const RetentionPolicySet &policies, const QDateTime &now)
{
    if (auto valid = policies.validate(); !valid)
        return std::unexpected(valid.error());
    if (policies.isEmpty())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("the retention policy has no rules; refusing to plan a prune that would delete every backup"),
            QStringLiteral("set keep-last, keep-daily, keep-within, retention-days, retain-count or max-size-gb"));
    const QTimeZone zone = policies.zone();

    // Sorted once, so every list below (per database, per cap) is newest first.
    QList<Work> works;
    works.reserve(backups.size());
    for (const RetentionCandidate &backup : backups)
        works.append(Work{ RetentionDecision{ backup, true, {} }, false });
    std::sort(works.begin(), works.end(), [](const Work &a, const Work &b) {
        if (a.decision.backup.database != b.decision.backup.database)
            return a.decision.backup.database < b.decision.backup.database;
        return newerFirst(a.decision.backup, b.decision.backup);
    });
    QMap<QString, QList<Work *>> byDatabase;
    for (Work &work : works)
        byDatabase[work.decision.backup.database].append(&work);

    RetentionPlan plan;
    plan.now = now;
    plan.timeZone = QString::fromUtf8(zone.id());

    for (auto it = byDatabase.begin(); it != byDatabase.end(); ++it) {
        const QString &database = it.key();
        // A database moved between groups is governed by the group of its latest backup.
        const QString group = it.value().constFirst()->decision.backup.group;
        const RetentionPolicy policy = policies.resolve(database, group);
        const bool capped = policies.databases.value(database).maxSizeGb || policies.groups.value(group).maxSizeGb
            || policies.repositoryDefault.maxSizeGb;
        if (policy.isEmpty() && !capped) {
            // No rule speaks for this database (say the workspace names only others): it is not
            // pruned at all, rather than every backup of it deleted.
            for (Work *work : it.value()) {
                work->decision.reasons = { QStringLiteral("no retention rule for this database") };
                work->isProtected = true;
            }
            plan.warnings << QStringLiteral("database %1 has no retention rules, so its %2 backup(s) are all kept")
                                 .arg(database)
                                 .arg(it.value().size());
            continue;
        }

        QList<Work *> ordinary;
        for (Work *work : it.value()) {
            if (isSafety(work->decision.backup))
                applySafety(*work, now, zone);
            else
                ordinary.append(work);
        }
        applyRules(ordinary, policy, now, zone);
        applyProtections(ordinary, policy);
    }

    // Narrowest first, so a database's own cap decides before its group's and the repository's.
    for (auto it = byDatabase.cbegin(); it != byDatabase.cend(); ++it) {
        if (const auto cap = policies.databases.value(it.key()).maxSizeGb) {
            applyCap(it.value(), *cap, QStringLiteral("database ") + it.key(),
                QStringLiteral("the backups of database %1").arg(it.key()), plan.warnings);
        }
    }
    for (auto it = policies.groups.cbegin(); it != policies.groups.cend(); ++it) {
        if (!it.value().maxSizeGb)
            continue;
        QList<Work *> set;
        for (Work &work : works) {
            if (work.decision.backup.group == it.key())
                set.append(&work);
        }
        if (!set.isEmpty()) {
            applyCap(set, *it.value().maxSizeGb, QStringLiteral("group ") + it.key(),
                QStringLiteral("the backups of group %1").arg(it.key()), plan.warnings);
        }
    }
    if (const auto cap = policies.repositoryDefault.maxSizeGb) {
        QList<Work *> set;
        for (Work &work : works)
            set.append(&work);
        applyCap(
            set, *cap, QStringLiteral("the repository"), QStringLiteral("the repository's backups"), plan.warnings);
    }

    // Whatever the rules, caps and expiries say, a database keeps its newest backup (this
    // matters where min-count is 0, or where only expired safety backups are left).
    for (auto it = byDatabase.cbegin(); it != byDatabase.cend(); ++it) {
        const QList<Work *> &all = it.value();
        if (std::ranges::none_of(all, [](const Work *work) { return work->decision.keep; })) {
            all.constFirst()->decision.keep = true;
            all.constFirst()->decision.reasons = { QStringLiteral("the last backup of its database") };
        }
    }

    for (const Work &work : works) {
        const RetentionDecision &decision = work.decision;
        if (plan.databases.isEmpty() || plan.databases.constLast().database != decision.backup.database)
            plan.databases.append(RetentionDatabaseSummary{ decision.backup.database });
        RetentionDatabaseSummary &summary = plan.databases.last();
        if (decision.keep) {
            ++summary.kept;
            summary.keptBytes += decision.backup.bytes;
        } else {
            ++summary.deleted;
            summary.freedBytes += decision.backup.bytes;
        }
        plan.decisions.append(decision);
    }
    return plan;
}

} // namespace coffer
