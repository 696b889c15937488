#include "report/DrillReport.h"

#include <QHash>

namespace coffer {

int DrillReport::passed() const
{
    int count = 0;
    for (const DrillReportEntry &entry : entries)
        count += entry.outcome.ok() ? 1 : 0;
    return count;
}

int DrillReport::failed() const
{
    return int(entries.size()) - passed();
}

std::optional<qint64> DrillReport::longestRtoMs() const
{
    std::optional<qint64> longest;
    for (const DrillReportEntry &entry : entries)
        if (entry.outcome.ok() && (!longest || entry.outcome.rtoMs > *longest))
            longest = entry.outcome.rtoMs;
    return longest;
}

int DrillReport::smokeQueries(const DrillOutcome &outcome)
{
    int count = 0;
    for (const CheckResult &check : outcome.checks)
        count += check.name == QStringLiteral("smoke_query") ? 1 : 0;
    return count;
}

DrillReport DrillReport::make(const QString &scope, const QString &scopeLabel, const QString &repository,
    const QDateTime &started, const QDateTime &finished, const QList<DrillOutcome> &outcomes,
    const QList<CatalogEntry> &backups)
{
    DrillReport report;
    report.scope = scope;
    report.scopeLabel = scopeLabel;
    report.repository = repository;
    report.started = started.toUTC();
    report.finished = finished.toUTC();
    QHash<QString, const CatalogEntry *> byId;
    for (const CatalogEntry &backup : backups)
        byId.insert(backup.manifest.id, &backup);
    for (const DrillOutcome &outcome : outcomes) {
        DrillReportEntry entry;
        entry.outcome = outcome;
        if (const CatalogEntry *backup = outcome.backupId.isEmpty() ? nullptr : byId.value(outcome.backupId)) {
            entry.backupCreated = backup->manifest.created;
            entry.artifactSize = backup->manifest.artifactSize;
            entry.trigger = backup->manifest.trigger;
        }
        report.entries << entry;
    }
    return report;
}

} // namespace coffer
