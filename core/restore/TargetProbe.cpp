#include "restore/TargetProbe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coffer {

namespace {

// SQLite's unix VFS lock bytes (os_unix.c): the database file's PENDING, RESERVED and SHARED
// range starts at 1 GiB; in the -shm file every connection holds a read lock on the DMS byte.
constexpr off_t kPendingByte = 0x40000000;
constexpr off_t kLockRange = 2 + 510;
constexpr off_t kShmDmsByte = 120 + 8;

struct FileId {
    dev_t dev = 0;
    ino_t ino = 0;
    bool valid = false;
};

FileId idOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return { st.st_dev, st.st_ino, true };
}

qint64 sizeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_size) : 0;
}

// True when another process holds a lock that conflicts with a write lock on the range.
bool lockedByOther(const QString &path, off_t start, off_t length)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock probe = {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = start;
    probe.l_len = length;
    const bool held = ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

// Other processes with any of `files` open, from /proc/<pid>/fd (only the processes this
// user may inspect; root sees all).
QStringList processesUsing(const QList<FileId> &files)
{
    QStringList users;
    const QString self = QString::number(::getpid());
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool numeric = false;
        pid.toLongLong(&numeric);
        if (!numeric || pid == self)
            continue;
        const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
        const QStringList fds = QDir(fdDir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
        for (const QString &fd : fds) {
            const FileId id = idOf(fdDir + QLatin1Char('/') + fd);
            const bool match = id.valid && std::any_of(files.begin(), files.end(), [&](const FileId &file) {
                return file.valid && file.dev == id.dev && file.ino == id.ino;
            });
            if (match) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                const QString name = comm.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(comm.readAll()).trimmed()
                                                                    : QStringLiteral("?");
                users << QStringLiteral("pid %1 (%2)").arg(pid, name);
                break;
            }
        }
    }
    return users;
}

} // namespace

QString TargetState::describeUse() const
{
    QStringList parts;
    if (!users.isEmpty())
        parts << QStringLiteral("open in %1").arg(users.join(QStringLiteral(", ")));
    if (locked)
        parts << QStringLiteral("locked by another SQLite connection");
    return parts.join(QStringLiteral("; "));
}

TargetState TargetProbe::probe(const QString &path)
{
    TargetState state;
    QFileInfo info(path);
    state.path = info.exists() ? info.canonicalFilePath() : QDir::cleanPath(info.absoluteFilePath());
    struct stat st = {};
    if (::stat(QFile::encodeName(state.path).constData(), &st) != 0) {
        state.danglingLink = ::lstat(QFile::encodeName(state.path).constData(), &st) == 0;
        state.exists = state.danglingLink;
        return state;
    }
    state.exists = true;
    state.isFile = S_ISREG(st.st_mode);
    state.permissions = int(st.st_mode & 07777);
    state.owner = st.st_uid;
    state.group = st.st_gid;
    state.links = int(st.st_nlink);
    if (!state.isFile)
        return state;

    const QString wal = state.path + QStringLiteral("-wal");
    const QString shm = state.path + QStringLiteral("-shm");
    const QString journal = state.path + QStringLiteral("-journal");
    QFile file(state.path);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray header = file.read(20);
        state.isSqlite = header.startsWith(QByteArrayLiteral("SQLite format 3\0"));
        if (state.isSqlite && header.size() == 20) {
            // Offsets 16-17: page size, big-endian (1 means 65536); 18: write version, 2 = WAL.
            const int size = (uchar(header[16]) << 8) | uchar(header[17]);
            state.pageSize = size == 1 ? 65536 : size;
            state.walMode = uchar(header[18]) == 2;
        }
    }
    file.close();
    state.bytes = qint64(st.st_size) + sizeOf(wal);
    state.modified = QFileInfo(state.path).lastModified().toUTC();
    if (QFileInfo::exists(wal) && QFileInfo(wal).lastModified().toUTC() > state.modified)
        state.modified = QFileInfo(wal).lastModified().toUTC();
    state.hotWal = sizeOf(wal) > 0;
    state.hotJournal = sizeOf(journal) > 0;
    state.users = processesUsing({ idOf(state.path), idOf(wal), idOf(shm) });
    state.locked = lockedByOther(state.path, kPendingByte, kLockRange)
        || (QFileInfo::exists(shm) && lockedByOther(shm, kShmDmsByte, 1));
    return state;
}

} // namespace coffer
