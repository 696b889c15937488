#pragma once

#include "common/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace coffer {

// Who holds a repository: one file per holder under locks/. Shared holders (backup, verify,
// restore, pin) coexist; an exclusive holder (prune, delete, reindex) excludes everyone. A lock
// whose process is gone (same host, dead pid, or the pid now belongs to a process that started
// later) is stale and removed by the next acquirer; a lock from another host stays until
// `repo unlock` (unlock()) removes it.
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

    struct UnlockReport {
        QList<Holder> removed; // locks of other hosts, which this host cannot check
        QList<Holder> running; // held by live processes on this host: left alone
    };
    // Removes every lock that no live process on this host holds.
    static UnlockReport unlock(const QString &locksDir);
    // "exclusive lock held by pid 42 on host since 2026-11-22T10:00:00Z (prune)"
    static QString describe(const Holder &holder);

    bool isHeld() const { return !m_file.isEmpty(); }
    void release();

private:
    QString m_file;
};

} // namespace coffer
