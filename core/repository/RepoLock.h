#pragma once

#include "common/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace coffer {

// Who holds a repository: one file per holder under locks/. Shared holders (backup, verify)
// coexist; an exclusive holder (reindex, prune) excludes everyone. A lock whose process is
// gone (same host, dead pid) is stale and removed by the next acquirer.
class RepoLock final
{
public:
    enum class Kind { Shared, Exclusive };

    struct Holder {
        QString file;
        QString host;
        qint64 pid = 0;
        Kind kind = Kind::Shared;
        QDateTime since;
        QString purpose;
    };

    RepoLock() = default;
    ~RepoLock();
    RepoLock(RepoLock &&other) noexcept;
    RepoLock &operator=(RepoLock &&other) noexcept;
    RepoLock(const RepoLock &) = delete;
    RepoLock &operator=(const RepoLock &) = delete;

    // Waits up to timeoutMs for conflicting holders to go; Locked naming the holder otherwise.
    static Result<RepoLock> acquire(const QString &locksDir, Kind kind, const QString &purpose, int timeoutMs = 0);

    // The live holders, after removing stale locks.
    static QList<Holder> holders(const QString &locksDir);

    bool isHeld() const { return !m_file.isEmpty(); }
    void release();

private:
    QString m_file;
};

} // namespace coffer
