#pragma once

#include "repository/Catalog.h"
#include "crypto/EncryptionKeys.h"
#include "restore/MaterialisedCopy.h"
#include "restore/TargetProbe.h"
#include "verify/CheckResult.h"
#include "workspace/Workspace.h"

#include <QList>
#include <QString>

#include <memory>

namespace coffer {

// What the user asks for.
struct RestoreParams {
    QString repositoryPath;
    QString backupId; // an id or unique prefix ...
    QString latestOf; // ... or a database name: its newest backup not known to be bad
    QString targetPath; // empty: the workspace's path for the backup's database, else its source path
    QList<DatabaseEntry> workspaceDatabases; // to find targets and check they match the backup
    bool ignoreNameMismatch = false; // restore a backup of one database over another
    bool live = false; // copy in through SQLite while other connections stay open
    bool dryRun = false; // plan and check, change nothing
    bool safetyBackup = true;
    int safetyKeepDays = 7;
    Credentials credentials; // opens the backup when it is encrypted
    // Who else can open the safety backup. It is encrypted when the repository requires it,
    // the restored backup is encrypted, or this is not empty; always to `credentials` too, so
    // a rollback can open it.
    EncryptionKeys safetyRecipients;
    int lockWaitMs = 30000; // how long the preflight, the restore and its safety backup wait for the repository
};

// What a restore will do, and whether the checks before it allow it. Holds the verified
// copy of the backup next to the target until the restore installs it or the plan is dropped.
struct RestorePlan {
    RestoreParams params;
    QString repositoryRoot;
    CatalogEntry backup;
    TargetState target;
    QString targetDatabase; // the workspace's name for the target path (empty when it has none)
    QString mode; // "swap" (atomic rename) or "live" (SQLite backup API into the open database)
    bool takeSafetyBackup = false;
    QString safetyBackupId; // the id the safety backup will have (chosen by the preflight)
    QString safetyDatabase; // the catalog name the safety backup is filed under
    EncryptionKeys safetyEncryption; // empty: the safety backup is not encrypted
    QList<CheckResult> checks; // the preflight, in order
    QList<CheckResult> verification; // the full verification of the backup (artifact and copy)
    QStringList notes; // things worth saying that are not failures
    qint64 preflightMs = 0;
    std::shared_ptr<MaterialisedCopy> copy; // present when the checks passed and this is no dry run

    bool ok() const { return allPassed(checks); }
    QList<CheckResult> failedChecks() const { return failedOf(checks); }
};

} // namespace coffer
