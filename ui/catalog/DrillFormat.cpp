#include "catalog/DrillFormat.h"

#include "DisplayFormat.h"
#include "drill/DrillOutcome.h"
#include "health/DatabaseHealth.h"

#include <QStringList>

#include <algorithm>

namespace coffer::ui {

QString DrillFormat::cell(const std::optional<DrillOutcome> &drill)
{
    if (!drill)
        return {};
    if (!drill->ok())
        return tr("FAILED");
    return tr("passed · RTO %1").arg(DatabaseHealth::describeRto(drill->rtoMs));
}

QString DrillFormat::detail(const std::optional<DrillOutcome> &drill)
{
    if (!drill)
        return tr("This backup has not been restored in a drill yet.");
    const QString when = DisplayFormat::localTime(drill->time);
    if (drill->ok())
        return tr("Restore drill %1: passed, usable after %2 (RTO); the drill took %3.")
            .arg(when, DatabaseHealth::describeRto(drill->rtoMs), DisplayFormat::duration(drill->durationMs));
    const QString checks = failedChecks(*drill, QStringLiteral("\n"));
    return tr("Restore drill %1: FAILED\n%2").arg(when, checks.isEmpty() ? tr("No checks were recorded.") : checks);
}

QString DrillFormat::failedChecks(const DrillOutcome &drill, const QString &separator)
{
    QStringList lines;
    for (const CheckResult &check : failedOf(drill.checks))
        lines << tr("%1: %2").arg(check.name, check.detail);
    return lines.join(separator);
}

QString DrillFormat::failure(const DrillOutcome &drill)
{
    const QString checks = failedChecks(drill);
    return tr("Restore drill of %1 (%2) failed: %3")
        .arg(drill.database, drill.backupId.left(8), checks.isEmpty() ? tr("no checks were recorded") : checks);
}

QString DrillFormat::summary(const DrillOutcome &drill, const QDateTime &now)
{
    const QString age = DatabaseHealth::describeAge(std::max<qint64>(0, drill.time.secsTo(now)));
    if (drill.ok())
        return tr("%1 · passed · RTO %2").arg(age, DatabaseHealth::describeRto(drill.rtoMs));
    QStringList names;
    for (const CheckResult &check : failedOf(drill.checks))
        names << check.name;
    names.removeDuplicates();
    return names.isEmpty() ? tr("%1 · FAILED").arg(age)
                           : tr("%1 · FAILED: %2").arg(age, names.join(QStringLiteral(", ")));
}

} // namespace coffer::ui
