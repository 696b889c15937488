#pragma once

#include "drill/DrillOutcome.h"
#include "repository/Catalog.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace coffer {

// One drill in a report, with what the catalog knows of its backup.
struct DrillReportEntry {
    DrillOutcome outcome;
    QDateTime backupCreated; // invalid when there was no backup to drill
    qint64 artifactSize = 0;
    QString trigger; // of the backup: manual, scheduled, safety, ...
};

// A drill run rendered for people and machines (DrillReportJson, DrillReportHtml, the PDF writer).
struct DrillReport {
    QString scope; // "backup", "selection", "database", "group" or "repository"
    QString scopeLabel; // the backup id, database or group the scope names; empty otherwise
    QString repository; // a workspace name, else the path
    QDateTime started; // UTC
    QDateTime finished; // UTC
    QList<DrillReportEntry> entries; // in the order drilled

    int passed() const;
    int failed() const;
    bool ok() const { return failed() == 0; }
    // The longest RTO of the drills that passed; nullopt when none passed.
    std::optional<qint64> longestRtoMs() const;

    // The smoke queries a drill ran ("smoke_query" checks): 0 says the database has none.
    static int smokeQueries(const DrillOutcome &outcome);

    // Pairs each outcome with its backup from `backups` (what the catalog lists; may miss some).
    static DrillReport make(const QString &scope, const QString &scopeLabel, const QString &repository,
        const QDateTime &started, const QDateTime &finished, const QList<DrillOutcome> &outcomes,
        const QList<CatalogEntry> &backups);
};

} // namespace coffer
