#include "restore/RestoreJob.h"

#include <QDir>
#include <QFileInfo>

namespace coffer {

RestoreJob::RestoreJob(RestorePlan plan, QObject *parent)
    : Job(parent)
    , m_plan(std::move(plan))
{
}

QString RestoreJob::title() const
{
    return tr("Restore %1 to %2").arg(m_plan.backup.manifest.database, m_plan.target.path);
}

QString RestoreJob::exclusiveKey() const
{
    return repositoryKey(m_plan.repositoryRoot);
}

Result<void> RestoreJob::execute()
{
    m_result = Restorer::execute(
        m_plan, cancelFlag(), progressReporter(), [this](const QString &phase) { Q_EMIT phaseStarted(phase); });
    // The queue keeps finished jobs: a copy that was not installed (cancelled, failed, or a live restore
    // that copied from it) must not wait next to the target until the program ends.
    m_plan.copy.reset();
    if (m_result.error)
        return std::unexpected(*m_result.error);
    return {};
}

} // namespace coffer
