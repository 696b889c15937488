#pragma once

#include "crypto/EncryptionKeys.h"
#include "drill/DrillOutcome.h"
#include "jobs/Job.h"
#include "workspace/Workspace.h"

#include <QStringList>

#include <optional>

namespace coffer {

struct DrillParams {
    QString repositoryPath;
    QStringList databases; // the workspace databases to drill (their smoke queries come from `workspace`)
    QStringList ids; // or exactly these backups (full ids or unique prefixes)
    int sample = 1; // per database: the newest backup, plus sample - 1 others chosen at random
    Workspace workspace; // smoke queries per database
    QString scratchDirectory; // where the restored copies go; empty: a temporary folder. Removed afterwards.
    Credentials credentials; // opens encrypted backups
    bool record = true; // store the outcomes in the catalog (and a full verification of each backup)
    std::optional<quint32> seed; // for the random sample; tests fix it
};

// Restore drills: each chosen backup is restored into a scratch folder, verified in full, smoke
// queried, timed (RTO) and removed; first, the folders killed drills left in the scratch folder are
// removed (BackupDrill::removeLeftovers). The live databases are never touched. A drill that fails
// a check is an outcome, not a job failure; the job fails only when it cannot run.
class DrillJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrillJob)

public:
    explicit DrillJob(DrillParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("drill"); }
    QString title() const override;

    const DrillParams &params() const { return m_params; }
    const QList<DrillOutcome> &outcomes() const { return m_outcomes; }

protected:
    Result<void> execute() override;

private:
    const DrillParams m_params;
    QList<DrillOutcome> m_outcomes;
};

} // namespace coffer
