#include "retention/PinJob.h"

namespace coffer {

PinJob::PinJob(PinParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString PinJob::title() const
{
    const int n = int(m_params.ids.size());
    return m_params.pinned ? tr("Pin %n backup(s)", nullptr, n) : tr("Unpin %n backup(s)", nullptr, n);
}

QString PinJob::exclusiveKey() const
{
    return QStringLiteral("pin:") + repositoryKey(m_params.repositoryPath);
}

Result<void> PinJob::execute()
{
    return setAll(m_params, cancelFlag(), progressReporter(), m_changes);
}

Result<void> PinJob::setAll(
    const PinParams &params, const CancelFlag &cancel, const ProgressFn &progress, QList<Pinning::Change> &changes)
{
    const QString phase = params.pinned ? QStringLiteral("pin") : QStringLiteral("unpin");
    for (const QString &id : params.ids) {
        if (cancel.load())
            return fail(ErrorCode::Cancelled,
                QStringLiteral("Cancelled after %1 of %2 backups").arg(changes.size()).arg(params.ids.size()));
        auto change = Pinning::set(params.repositoryPath, id, params.pinned, params.lockWaitMs);
        if (!change)
            return std::unexpected(change.error());
        changes << *change;
        if (progress)
            progress(phase, changes.size(), params.ids.size());
    }
    return {};
}

} // namespace coffer
