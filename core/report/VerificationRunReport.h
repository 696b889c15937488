#pragma once

#include "repository/Catalog.h"
#include "verify/CheckResult.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace coffer {

// What a verification run covered, for the report's title and the JSON "scope".
enum class ReportScope { Backup, Selection, Database, Repository, Workspace };

QString scopeName(ReportScope scope); // "backup", "selection", "database", "repository", "workspace"

// One repository's part of a run: the backups in scope as the catalog knows them after the
// run, this run's outcomes, or why the repository could not be verified.
struct ReportRepositoryRun {
    QString repository; // a workspace name, else the path
    QList<CatalogEntry> backups;
    QList<VerifyOutcome> outcomes;
    QString error; // non-empty: nothing was verified there
};

// One backup's result in this run. `created` is invalid and backupId empty for a database
// that should have a backup and has none (the "max_age" rule).
struct ReportEntry {
    QString repository;
    QString backupId;
    QString database;
    QDateTime created;
    qint64 artifactSize = 0;
    VerifyOutcome outcome;
};

// Where the backups in scope stand after the run; each counts in exactly one of verified,
// failed, stale and neverVerified.
struct ReportSummary {
    int backups = 0;
    int verified = 0; // latest verification passed, within the stale threshold
    int failed = 0; // latest verification failed
    int stale = 0; // latest verification passed longer ago than the threshold
    int neverVerified = 0;
    std::optional<ReportEntry> oldestUnverified; // oldest backup never verified (no outcome)
    int checked = 0; // outcomes in this run
    int passed = 0;
    int failedNow = 0; // outcomes of this run that failed
};

// A verification run rendered for people and machines (ReportJson, ReportHtml, the PDF writer).
struct VerificationRunReport {
    static constexpr int kDefaultStaleAfterDays = 30;

    ReportScope scope = ReportScope::Repository;
    QString scopeLabel; // the database, repository or backup the scope names; empty for a workspace
    QString level; // "quick" or "full"
    QDateTime started; // UTC
    QDateTime finished; // UTC
    int staleAfterDays = kDefaultStaleAfterDays;
    QList<ReportEntry> entries; // in the order verified
    QList<ReportRepositoryRun> repositories; // kept only for their errors and names
    ReportSummary summary;

    bool ok() const { return summary.failedNow == 0 && errors().isEmpty(); }
    // "repository: message" for each repository that could not be verified.
    QStringList errors() const;

    // Builds the entries and the summary; `now` decides staleness.
    static VerificationRunReport make(ReportScope scope, const QString &scopeLabel, const QString &level,
        const QDateTime &started, const QDateTime &finished, const QList<ReportRepositoryRun> &runs,
        int staleAfterDays = kDefaultStaleAfterDays, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace coffer
