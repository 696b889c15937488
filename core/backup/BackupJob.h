#pragma once

#include "backup/BackupPipeline.h"
#include "jobs/Job.h"

namespace coffer {

// Backs up one database into one repository (BackupPipeline on a pool thread).
class BackupJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupJob)

public:
    explicit BackupJob(BackupParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("backup"); }
    QString title() const override;
    // Writers of one repository run one at a time.
    QString exclusiveKey() const override;

    const BackupParams &params() const { return m_params; }
    // Valid once succeeded() has been emitted.
    const BackupResult &result() const { return m_result; }

protected:
    Result<void> execute() override;

private:
    const BackupParams m_params;
    BackupResult m_result;
};

} // namespace coffer
