#pragma once

#include "jobs/Job.h"
#include "restore/RestorePlan.h"
#include "restore/Restorer.h"

namespace coffer {

// The second half of a restore: carries out a plan whose preflight passed (Restorer).
class RestoreJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreJob)

public:
    explicit RestoreJob(RestorePlan plan, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("restore"); }
    QString title() const override;
    // It writes a safety backup into the repository, like a backup does.
    QString exclusiveKey() const override;

    // Once finished, without its decoded copy (removed from next to the target unless it was installed).
    const RestorePlan &plan() const { return m_plan; }
    // Valid once finished() has been emitted, whether the restore succeeded or not.
    const RestoreResult &result() const { return m_result; }

Q_SIGNALS:
    // A phase of the restore began: "safety backup", "install", "verify" or "rollback"
    // (emitted from the worker thread).
    void phaseStarted(const QString &phase);

protected:
    Result<void> execute() override;

private:
    RestorePlan m_plan;
    RestoreResult m_result;
};

} // namespace coffer
