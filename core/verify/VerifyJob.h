#pragma once

#include "jobs/Job.h"
#include "verify/Verifier.h"

#include <QStringList>

#include <optional>

namespace coffer {

struct VerifyParams {
    QString repositoryPath;
    QStringList ids;          // full ids or unique prefixes; ignored when `all`
    bool all = false;         // every backup in the repository
    QString database;         // with `all`: only this database's backups
    VerifyLevel level = VerifyLevel::Quick;
    std::optional<double> maxAgeHours; // the newest backup of a database older than this fails "max_age"
    std::optional<qint64> minSize;     // an artifact smaller than this fails "min_size"
    // Databases that must have a backup (the workspace's); one without any fails "max_age".
    QStringList expectedDatabases;
    bool record = true;       // store the outcomes in the catalog
    Credentials credentials;  // opens encrypted backups for full verification
    int lockWaitMs = 30000;   // how long to wait for an exclusive holder (a prune, a delete) to finish
};

// Verifies a set of backups one after the other and records every outcome in the catalog.
// A backup that fails a check is an outcome, not a job failure; the job fails only when it
// cannot run (no repository, unknown id, cancelled).
class VerifyJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerifyJob)

public:
    explicit VerifyJob(VerifyParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("verify"); }
    QString title() const override;

    const VerifyParams &params() const { return m_params; }
    const QList<VerifyOutcome> &outcomes() const { return m_outcomes; }

    // The work itself, callable without a queue.
    static Result<QList<VerifyOutcome>> verifyAll(const VerifyParams &params, const CancelFlag &cancel,
                                                  const ProgressFn &progress);

protected:
    Result<void> execute() override;

private:
    const VerifyParams m_params;
    QList<VerifyOutcome> m_outcomes;
};

} // namespace coffer
