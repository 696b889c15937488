#pragma once

#include "backup/Manifest.h"
#include "common/Error.h"
#include "common/SqliteDb.h"
#include "drill/DrillOutcome.h"
#include "repository/AuditTrail.h"
#include "repository/Repository.h"
#include "verify/CheckResult.h"

#include <QList>
#include <QString>

#include <optional>

namespace coffer {

// One backup as the catalog knows it.
struct CatalogEntry {
    Manifest manifest;
    QString artifactPath; // absolute
    QString manifestPath; // absolute
    std::optional<VerifyOutcome> lastVerification;
    std::optional<DrillOutcome> lastDrill; // the newest drill of this backup
};

// What a rebuild of the catalog found.
struct ReindexReport {
    int indexed = 0;
    QStringList problems; // manifests that could not be read, artifacts that are missing
};

// catalog.db: the SQLite index of a repository's backups, verifications, drills and audit trail.
// Only an index — rebuild() recreates the backup list from the manifests. One connection;
// open one Catalog per thread.
class Catalog final
{
public:
    // 2: the hash-chained audit trail; 3: backups.deleting (a prune's mark before it deletes files);
    // 4: the drills table (restore drills, kept when their backup is deleted or the index rebuilt)
    static constexpr int kSchemaVersion = 4;

    static Result<Catalog> open(const Repository &repository);

    const Repository &repository() const { return m_repository; }

    // Indexes a published backup; `published` is the manifest file's bytes when they are at hand
    // (a rebuild), so that `repo check` can compare the file with the index byte for byte.
    Result<void> insertBackup(const Manifest &manifest, const QByteArray &published = {});
    Result<void> removeBackup(const QString &id);
    // Removes the row and appends `record` to the audit trail in one transaction: a deletion is
    // in the trail exactly when its row is gone.
    Result<void> removeBackup(const QString &id, const AuditRecord &record);
    // The indexed copy of a backup's manifest after pin or unpin rewrote the file.
    Result<void> replaceManifest(const Manifest &manifest);
    // A backup about to be deleted vanishes from every listing and lookup before its files go.
    Result<void> markDeleting(const QString &id);
    // Ids of the rows marked for deletion (a deletion that a crash interrupted).
    Result<QStringList> markedForDeletion();
    // The manifest as indexed, exactly as it was published; empty when the id is not indexed.
    Result<QByteArray> indexedManifest(const QString &id);
    // Newest first; all databases when `database` is empty. Rows marked for deletion are left out.
    Result<QList<CatalogEntry>> backups(const QString &database = {});
    // By full id or unique prefix (at least 4 characters).
    Result<CatalogEntry> backup(const QString &idOrPrefix);

    Result<void> recordVerification(const VerifyOutcome &outcome);
    // Verification outcomes of the backups still indexed, newest first; only one backup's when
    // `backupId` (a full id) is given.
    Result<QList<VerifyOutcome>> verifications(const QString &backupId = {});

    Result<void> recordDrill(const DrillOutcome &outcome);
    // Drill outcomes, newest first, including those of backups deleted since; only one
    // database's when `database` is given.
    Result<QList<DrillOutcome>> drills(const QString &database = {});

    // Appends one record to the audit trail (AuditTrail::append fills who, when and the hashes).
    Result<AuditRecord> audit(const AuditRecord &record);
    // Oldest first; only records at or after `since` when it is valid.
    Result<QList<AuditRecord>> auditTrail(const QDateTime &since = {});
    Result<AuditChainReport> verifyAuditTrail();

    // Replaces the backup index with what the manifests under backups/ say; verifications and
    // drills stay (they are keyed by backup id and meet their backups again).
    Result<ReindexReport> rebuild();

private:
    explicit Catalog(const Repository &repository);
    Result<void> migrate();
    // `condition` is ANDed with "not marked for deletion"; `argument` binds its one parameter.
    Result<QList<CatalogEntry>> query(const QString &condition, const QString &argument);

    Repository m_repository;
    SqliteDb m_db;
};

} // namespace coffer
