#include "report/VerificationRunReport.h"

#include <QHash>

namespace coffer {

QString scopeName(ReportScope scope)
{
    switch (scope) {
    case ReportScope::Backup:
        return QStringLiteral("backup");
    case ReportScope::Selection:
        return QStringLiteral("selection");
    case ReportScope::Database:
        return QStringLiteral("database");
    case ReportScope::Repository:
        return QStringLiteral("repository");
    case ReportScope::Workspace:
        return QStringLiteral("workspace");
    }
    return {};
}

QStringList VerificationRunReport::errors() const
{
    QStringList lines;
    for (const ReportRepositoryRun &run : repositories)
        if (!run.error.isEmpty())
            lines << QStringLiteral("%1: %2").arg(run.repository, run.error);
    return lines;
}

VerificationRunReport VerificationRunReport::make(ReportScope scope, const QString &scopeLabel, const QString &level,
    const QDateTime &started, const QDateTime &finished, const QList<ReportRepositoryRun> &runs, int staleAfterDays,
    const QDateTime &now)
{
    VerificationRunReport report;
    report.scope = scope;
    report.scopeLabel = scopeLabel;
    report.level = level;
    report.started = started.toUTC();
    report.finished = finished.toUTC();
    report.staleAfterDays = staleAfterDays;
    const QDateTime staleBefore = now.toUTC().addDays(-staleAfterDays);
    ReportSummary &summary = report.summary;

    for (const ReportRepositoryRun &run : runs) {
        ReportRepositoryRun kept{ run.repository, {}, {}, run.error };
        report.repositories << kept;
        QHash<QString, const CatalogEntry *> byId;
        for (const CatalogEntry &backup : run.backups)
            byId.insert(backup.manifest.id, &backup);
        // This run's outcome is the latest even when it was not recorded in the catalog.
        QHash<QString, const VerifyOutcome *> latest;
        for (const VerifyOutcome &outcome : run.outcomes) {
            ReportEntry entry;
            entry.repository = run.repository;
            entry.backupId = outcome.backupId;
            entry.database = outcome.database;
            entry.outcome = outcome;
            if (const CatalogEntry *backup = byId.value(outcome.backupId)) {
                entry.created = backup->manifest.created;
                entry.artifactSize = backup->manifest.artifactSize;
            }
            report.entries << entry;
            ++summary.checked;
            outcome.ok() ? ++summary.passed : ++summary.failedNow;
            if (!outcome.backupId.isEmpty())
                latest.insert(outcome.backupId, &outcome);
        }
        for (const CatalogEntry &backup : run.backups) {
            ++summary.backups;
            const VerifyOutcome *last = latest.value(backup.manifest.id);
            if (!last && backup.lastVerification)
                last = &*backup.lastVerification;
            if (!last) {
                ++summary.neverVerified;
                if (!summary.oldestUnverified || backup.manifest.created < summary.oldestUnverified->created)
                    summary.oldestUnverified = ReportEntry{ run.repository, backup.manifest.id,
                        backup.manifest.database, backup.manifest.created, backup.manifest.artifactSize, {} };
            } else if (!last->ok()) {
                ++summary.failed;
            } else if (last->time.isValid() && last->time < staleBefore) {
                ++summary.stale;
            } else {
                ++summary.verified;
            }
        }
    }
    return report;
}

} // namespace coffer
