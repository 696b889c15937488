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

} // namespace

DatabaseHealth DatabaseHealth::assess(const HealthInput &input, const QDateTime &now)
{
    DatabaseHealth health;
    health.m_level = HealthLevel::Green;
    health.m_intervalAssumed = !input.intervalHours || !(*input.intervalHours > 0.0);
    health.m_intervalHours = health.m_intervalAssumed ? kDefaultIntervalHours : *input.intervalHours;
    const qint64 intervalMs = std::llround(health.m_intervalHours * 3600.0 * 1000.0);
    const QString interval = describeDuration(intervalMs / 1000);
    auto worsen = [&health](HealthLevel level) { health.m_level = std::max(health.m_level, level); };

    if (!input.newestBackup.isValid()) {
        worsen(HealthLevel::Red);
        health.m_reasons << tr("never backed up");
    } else {
        const qint64 ageMs = std::max<qint64>(0, input.newestBackup.msecsTo(now));
        health.m_ageSeconds = ageMs / 1000;
        const QString age = describeAge(ageMs / 1000);
        if (ageMs >= 2 * intervalMs) {
            worsen(HealthLevel::Red);
            health.m_reasons << tr("last backup %1, at least twice its %2 interval").arg(age, interval);
        } else if (ageMs > intervalMs) {
            worsen(HealthLevel::Amber);
            health.m_reasons << tr("last backup %1, overdue: its interval is %2").arg(age, interval);
        } else {
            health.m_reasons << tr("last backup %1, within its %2 interval").arg(age, interval);
        }

        if (!input.verification) {
            worsen(HealthLevel::Amber);
            health.m_reasons << tr("newest backup never verified");
        } else if (!input.verification->ok()) {
            worsen(HealthLevel::Red);
            const QString failed = failedCheckNames(*input.verification);
            health.m_reasons << (failed.isEmpty() ? tr("verification failed: no checks were recorded")
                                                  : tr("verification failed: %1").arg(failed));
        } else if (input.verification->time.isValid()) {
            health.m_reasons << tr("newest backup verified ok (%1, %2)")
                                    .arg(input.verification->level,
                                        describeAge(std::max<qint64>(0, input.verification->time.secsTo(now))));
        } else {
            health.m_reasons << tr("newest backup verified ok (%1)").arg(input.verification->level);
        }
    }

    if (health.m_intervalAssumed)
        health.m_reasons << tr("no schedule interval in the workspace: assuming %1").arg(interval);
    return health;
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

QString DatabaseHealth::failedCheckNames(const VerifyOutcome &outcome)
{
    return outcome.failedCheckNames().join(QStringLiteral(", "));
}

QString DatabaseHealth::describeAge(qint64 seconds)
{
    if (seconds < 60)
        return tr("just now");
    return tr("%1 ago").arg(describeDuration(seconds));
}

} // namespace coffer
