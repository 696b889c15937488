#pragma once

#include "jobs/Job.h"
#include "restore/RestorePlan.h"

namespace coffer {

// The first half of a restore, so a person can read the plan before anything changes:
// plans and checks (RestorePlanner). RestoreJob carries out a plan that passed; the GUI's
// wizard and the CLI run the same pair.
class RestorePreflightJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestorePreflightJob)

public:
    explicit RestorePreflightJob(RestoreParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("restore-preflight"); }
    QString title() const override;

    // Valid once succeeded() has been emitted; the checks say whether the restore may go on.
    const RestorePlan &plan() const { return m_plan; }
    // Moves the plan out, so the restored copy it holds is removed when the caller drops the plan,
    // not when the queue forgets this job.
    RestorePlan takePlan() { return std::move(m_plan); }

Q_SIGNALS:
    // One check was decided (emitted from the worker thread, in the order of plan().checks).
    void checked(const coffer::CheckResult &check);

protected:
    Result<void> execute() override;

private:
    const RestoreParams m_params;
    RestorePlan m_plan;
};

} // namespace coffer
