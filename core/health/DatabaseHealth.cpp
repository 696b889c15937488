#include "health/DatabaseHealth.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace coffer {

namespace {

// Whole numbers as they are, below ten one decimal (rounded down, so "6 h" is never really 5.97).
QString number(double value)
{
    const double tenths = std::floor(value * 10.0) / 10.0;
    if (tenths >= 10.0 || tenths == std::floor(tenths))
        return QLocale().toString(qint64(tenths));
    return QLocale().toString(tenths, 'f', 1);
}

// Hours as milliseconds; nothing when the hours are missing or not positive.
std::optional<qint64> positiveMs(const std::optional<double> &hours)
{
    if (!hours || !(*hours > 0.0))
        return std::nullopt;
    return std::llround(*hours * 3600.0 * 1000.0);
}

// Each name once: three failed smoke queries are one kind of trouble.
QString failedNames(const QList<CheckResult> &checks)
{
    QStringList names;
    for (const CheckResult &check : checks)
        if (!check.ok && !names.contains(check.name))
            names << check.name;
    return names.join(QStringLiteral(", "));
}

// Longer details (an SQLite error with the query) are cut: the reason is one line of an alert.
constexpr qsizetype kMaxDetail = 200;

// "smoke_query (SELECT count(*) FROM users: expected > 0, got 0)": the names, and what the first
// failed check found, so that an alert says what to look at.
QString failureSummary(const QList<CheckResult> &checks)
{
    const QString names = failedNames(checks);
    const auto first = std::find_if(checks.cbegin(), checks.cend(), [](const CheckResult &c) { return !c.ok; });
    if (first == checks.cend())
        return names;
    QString detail = first->detail.simplified();
    if (detail.isEmpty())
        return names;
    if (detail.size() > kMaxDetail)
        detail = detail.left(kMaxDetail - 1) + QChar(0x2026);
    return QStringLiteral("%1 (%2)").arg(names, detail);
}

} // namespace

DatabaseHealth DatabaseHealth::assess(const HealthInput &input, const QDateTime &now)
{
    DatabaseHealth health;
    health.m_level = HealthLevel::Green;
    const std::optional<qint64> intervalMs = positiveMs(input.intervalHours);
    health.m_intervalAssumed = !intervalMs;
    health.m_intervalHours = intervalMs ? *input.intervalHours : kDefaultIntervalHours;

    health.assessBackup(input, now);
    health.assessDrill(input, now);

    if (health.m_intervalAssumed)
        health.m_reasons << tr("no schedule interval in the workspace: assuming %1")
                                .arg(describeDuration(std::llround(kDefaultIntervalHours * 3600.0)));
    return health;
}

void DatabaseHealth::find(HealthLevel level, const QString &reason)
{
    m_level = std::max(m_level, level);
    m_reasons << reason;
    if (level != HealthLevel::Green)
        m_problems << reason;
}

void DatabaseHealth::assessBackup(const HealthInput &input, const QDateTime &now)
{
    const qint64 intervalMs = std::llround(m_intervalHours * 3600.0 * 1000.0);
    const QString interval = describeDuration(intervalMs / 1000);
    // A calendar's longest gap ("72 h") means little without the calendar ("weekdays at 02:30").
    const QString schedule
        = input.scheduleDescription.isEmpty() ? QString() : tr(" (%1)").arg(input.scheduleDescription);

    if (!input.newestBackup.isValid()) {
        m_overdue = true;
        find(HealthLevel::Red, tr("never backed up"));
        return;
    }
    const qint64 ageMs = std::max<qint64>(0, input.newestBackup.msecsTo(now));
    m_ageSeconds = ageMs / 1000;
    m_overdue = ageMs > intervalMs;
    const QString age = describeAge(ageMs / 1000);
    if (ageMs >= 2 * intervalMs)
        find(HealthLevel::Red, tr("last backup %1, at least twice its %2 interval%3").arg(age, interval, schedule));
    else if (ageMs > intervalMs)
        find(HealthLevel::Amber, tr("last backup %1, overdue: its interval is %2%3").arg(age, interval, schedule));
    else
        find(HealthLevel::Green, tr("last backup %1, within its %2 interval%3").arg(age, interval, schedule));

    if (!input.verification) {
        find(HealthLevel::Amber, tr("newest backup never verified"));
    } else if (!input.verification->ok()) {
        m_verificationFailed = true;
        const QString failed = failureSummary(input.verification->checks);
        find(HealthLevel::Red,
            failed.isEmpty() ? tr("verification failed: no checks were recorded")
                             : tr("verification failed: %1").arg(failed));
    } else if (input.verification->time.isValid()) {
        find(HealthLevel::Green,
            tr("newest backup verified ok (%1, %2)")
                .arg(
                    input.verification->level, describeAge(std::max<qint64>(0, input.verification->time.secsTo(now)))));
    } else {
        find(HealthLevel::Green, tr("newest backup verified ok (%1)").arg(input.verification->level));
    }
}

void DatabaseHealth::assessDrill(const HealthInput &input, const QDateTime &now)
{
    const std::optional<qint64> intervalMs = positiveMs(input.drillIntervalHours);
    const std::optional<DrillOutcome> &drill = input.drill;
    // An unscheduled database that was never drilled has nothing to say about drills.
    if (!drill && !intervalMs)
        return;
    if (!drill) {
        find(
            HealthLevel::Amber, tr("never drilled: drills are due every %1").arg(describeDuration(*intervalMs / 1000)));
        return;
    }

    const qint64 ageMs = drill->time.isValid() ? std::max<qint64>(0, drill->time.msecsTo(now)) : 0;
    const bool overdue = intervalMs && ageMs > *intervalMs;
    m_drillFailed = !drill->ok();
    if (overdue)
        find(HealthLevel::Amber,
            tr("no drill since %1 (%2): drills are due every %3")
                .arg(drill->time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")), describeAge(ageMs / 1000),
                    describeDuration(*intervalMs / 1000)));
    if (m_drillFailed) {
        const QString failed = failureSummary(drill->checks);
        find(HealthLevel::Red,
            failed.isEmpty() ? tr("drill failed: no checks were recorded") : tr("drill failed: %1").arg(failed));
    } else if (!overdue) {
        find(HealthLevel::Green,
            tr("last drill passed %1 (RTO %2)").arg(describeAge(ageMs / 1000), describeRto(drill->rtoMs)));
    }
}

QString DatabaseHealth::levelName(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Green:
        return QStringLiteral("green");
    case HealthLevel::Amber:
        return QStringLiteral("amber");
    case HealthLevel::Red:
        break;
    }
    return QStringLiteral("red");
}

QString DatabaseHealth::describeDuration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return tr("%1 h").arg(number(double(seconds) / 3600.0));
    return tr("%1 d").arg(number(double(seconds) / 86400.0));
}

QString DatabaseHealth::describeRto(qint64 milliseconds)
{
    milliseconds = std::max<qint64>(0, milliseconds);
    if (milliseconds < 1000)
        return tr("%1 ms").arg(milliseconds);
    if (milliseconds < 60 * 1000)
        return tr("%1 s").arg(number(double(milliseconds) / 1000.0));
    return describeDuration(milliseconds / 1000);
}

QString DatabaseHealth::failedCheckNames(const VerifyOutcome &outcome)
{
    return failedNames(outcome.checks);
}

QString DatabaseHealth::describeAge(qint64 seconds)
{
    if (seconds < 60)
        return tr("just now");
    return tr("%1 ago").arg(describeDuration(seconds));
}

} // namespace coffer
