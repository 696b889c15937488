#include "backup/BackupJob.h"

#include <QDir>
#include <QFileInfo>

namespace coffer {

BackupJob::BackupJob(BackupParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString BackupJob::title() const
{
    const QString name = m_params.database.isEmpty() ? QFileInfo(m_params.sourcePath).completeBaseName() : m_params.database;
    return tr("Back up %1").arg(name);
}

QString BackupJob::exclusiveKey() const
{
    return repositoryKey(m_params.repositoryPath);
}

Result<void> BackupJob::execute()
{
    auto result = BackupPipeline::run(m_params, cancelFlag(), progressReporter());
    if (!result)
        return std::unexpected(result.error());
    m_result = *result;
    return {};
}

} // namespace coffer
