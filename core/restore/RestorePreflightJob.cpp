#include "restore/RestorePreflightJob.h"

#include "restore/RestorePlanner.h"

namespace coffer {

RestorePreflightJob::RestorePreflightJob(RestoreParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString RestorePreflightJob::title() const
{
    return tr("Check the restore of %1")
        .arg(m_params.backupId.isEmpty() ? m_params.latestOf : m_params.backupId.left(8));
}

Result<void> RestorePreflightJob::execute()
{
    auto plan = RestorePlanner::prepare(
        m_params, cancelFlag(), progressReporter(), [this](const CheckResult &check) { Q_EMIT checked(check); });
    if (!plan)
        return std::unexpected(plan.error());
    m_plan = std::move(*plan);
    return {};
}

} // namespace coffer
