#pragma once

#include "jobs/Job.h"
#include "retention/Pinning.h"

#include <QStringList>

namespace coffer {

struct PinParams {
    QString repositoryPath;
    QStringList ids; // full ids or unique prefixes
    bool pinned = true; // false: unpin
    int lockWaitMs = 30000; // how long to wait for an exclusive holder (a prune, a delete) to finish
};

// Pins or unpins backups of one repository, one after the other (Pinning::set: manifest, catalog,
// audit). Stops at the first backup that cannot be changed; the ones before it stay changed.
class PinJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PinJob)

public:
    explicit PinJob(PinParams params, QObject *parent = nullptr);

    QString kind() const override { return m_params.pinned ? QStringLiteral("pin") : QStringLiteral("unpin"); }
    QString title() const override;
    // Two changes of one manifest never interleave; backups and verifications go on meanwhile.
    QString exclusiveKey() const override;

    const PinParams &params() const { return m_params; }
    // Once finished: one change per backup changed, in the order asked — after a failure, the ones
    // changed before it.
    const QList<Pinning::Change> &changes() const { return m_changes; }

    // The work itself, callable without a queue (the CLI). `changes` gets one entry per backup
    // changed, also when it fails partway.
    static Result<void> setAll(
        const PinParams &params, const CancelFlag &cancel, const ProgressFn &progress, QList<Pinning::Change> &changes);

protected:
    Result<void> execute() override;

private:
    const PinParams m_params;
    QList<Pinning::Change> m_changes;
};

} // namespace coffer
