#pragma once

#include "common/Error.h"
#include "common/SqliteDb.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace coffer {

// One scheduled run of one task: a backup, verification, prune or drill of one database.
struct RunRecord {
    QString kind;        // "backup", "verify", "prune", "drill"
    QString database;
    QDateTime started;   // UTC
    QDateTime finished;  // UTC
    bool ok = false;
    QString message;     // the error for a person when !ok; a summary otherwise
    QString backupId;    // the backup made, verified or drilled, when there is one
    qint64 bytes = 0;    // backup: the artifact's size
    qint64 rtoMs = 0;    // drill: the recovery time
};

// Totals of one task of one database over the whole log (counters for metrics).
struct RunTotals {
    QString kind;
    QString database;
    qint64 succeeded = 0;
    qint64 failed = 0;
    std::optional<RunRecord> lastSuccess;
    std::optional<RunRecord> lastAttempt;
};

// What the scheduler ran, kept per workspace in its state folder (runs.db, SQLite, WAL) so that
// counters survive prunes and the scheduler knows a failed attempt (and waits before retrying it).
// Safe to open from several processes; one connection per thread.
class RunLog final
{
public:
    // <state folder of the workspace>/runs.db, created on first use.
    static Result<RunLog> open(const QString &workspacePath);
    // The same, but only when the log is there already: nothing when no scheduled run has been
    // recorded yet, and then neither the state folder nor the log is created. For readers that
    // merely look (the console's dashboard).
    static Result<std::optional<RunLog>> openIfExists(const QString &workspacePath);

    Result<void> record(const RunRecord &record);
    // The newest attempt of `kind` for `database`, if any.
    Result<std::optional<RunRecord>> lastAttempt(const QString &kind, const QString &database);
    // The failed attempts of `kind` for `database` since its last successful one, newest first,
    // at most `limit` (the scheduler's backoff doubles with each).
    Result<QList<RunRecord>> failuresSinceSuccess(const QString &kind, const QString &database, int limit);
    Result<QList<RunTotals>> totals();
    // Newest first, at most `limit`.
    Result<QList<RunRecord>> recent(int limit);

private:
    explicit RunLog(SqliteDb db);
    SqliteDb m_db;
};

// The folder Coffer keeps a workspace's scheduler state in: $XDG_STATE_HOME (else
// ~/.local/state)/coffer/<first 16 hex digits of the SHA-256 of the workspace's canonical path>/,
// created 0700 on first use. Holds runs.db, the run-due lock and the alert state.
Result<QString> stateDirectory(const QString &workspacePath);
// Where stateDirectory() is, without creating it.
QString stateDirectoryPath(const QString &workspacePath);

} // namespace coffer
