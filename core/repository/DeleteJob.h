#pragma once

#include "jobs/Job.h"
#include "repository/Catalog.h"

#include <QStringList>

namespace coffer {

struct DeleteParams {
    QString repositoryPath;
    QStringList ids; // full ids or unique prefixes
    QString reason; // for the audit trail, e.g. "deleted by hand with coffer-cli delete"
    int lockWaitMs = 0; // how long to wait for the repository's other holders to finish
};

struct DeleteFailure {
    CatalogEntry backup;
    Error error;
};

struct DeleteResult {
    QList<CatalogEntry> deleted;
    QList<CatalogEntry> refused; // pinned: kept until they are unpinned
    QList<DeleteFailure> failures; // backups that could not be deleted, and why
    qint64 freedBytes = 0;
    bool cancelled = false;
};

// Deletes backups by hand: under the repository's exclusive lock, each id is looked up again
// (a prune or pin may have come in since the user chose it), pinned backups are refused, and
// the rest go through BackupDeleter (crash-safe order, audited as "delete"). An unknown id
// fails the whole request before anything is deleted.
class DeleteJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteJob)

public:
    explicit DeleteJob(DeleteParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("delete"); }
    QString title() const override;
    QString exclusiveKey() const override;

    const DeleteParams &params() const { return m_params; }
    // Valid once finished() has been emitted (also when only some backups were deleted).
    const DeleteResult &result() const { return m_result; }

    // The work itself, callable without a queue (the CLI).
    static Result<DeleteResult> remove(
        const DeleteParams &params, const CancelFlag &cancel, const ProgressFn &progress);

protected:
    // Fails when a deletion failed, when cancelled, or when every backup asked for was refused.
    Result<void> execute() override;

private:
    const DeleteParams m_params;
    DeleteResult m_result;
};

} // namespace coffer
