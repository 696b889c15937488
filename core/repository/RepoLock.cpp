#include "repository/RepoLock.h"

#include "common/FileUtil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace coffer {

namespace {

QString kindName(RepoLock::Kind kind)
{
    return kind == RepoLock::Kind::Exclusive ? QStringLiteral("exclusive") : QStringLiteral("shared");
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

// When a process started (field 22 of /proc/PID/stat, clock ticks since boot); 0 when unknown.
// A lock records its holder's, so a pid reused by a later process does not keep it alive.
qint64 processStart(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0;
}

} // namespace

QString RepoLock::describe(const Holder &holder)
{
    return QStringLiteral("%1 lock held by pid %2 on %3 since %4 (%5)")
        .arg(kindName(holder.kind))
        .arg(holder.pid)
        .arg(holder.host, holder.since.toString(Qt::ISODate), holder.purpose);
}

RepoLock::~RepoLock()
{
    release();
}

RepoLock::RepoLock(RepoLock &&other) noexcept
    : m_file(std::exchange(other.m_file, QString()))
{
}

RepoLock &RepoLock::operator=(RepoLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_file = std::exchange(other.m_file, QString());
    }
    return *this;
}

void RepoLock::release()
{
    if (!m_file.isEmpty())
        QFile::remove(std::exchange(m_file, QString()));
}

QList<RepoLock::Holder> RepoLock::holders(const QString &locksDir)
{
    QList<Holder> live;
    const QString thisHost = QSysInfo::machineHostName();
    const QDir dir(locksDir);
    for (const QString &name : dir.entryList({ QStringLiteral("*.lock") }, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        Holder holder;
        holder.file = file.fileName();
        holder.host = json.value(QStringLiteral("host")).toString();
        holder.pid = qint64(json.value(QStringLiteral("pid")).toDouble());
        holder.kind = json.value(QStringLiteral("kind")).toString() == QStringLiteral("exclusive") ? Kind::Exclusive
                                                                                                   : Kind::Shared;
        holder.since = QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODate);
        holder.purpose = json.value(QStringLiteral("purpose")).toString();
        const qint64 start = qint64(json.value(QStringLiteral("start")).toDouble());
        // A lock file without a pid is being written right now, or its writer died mid-write:
        // stale only once it is old enough that the first cannot be the case.
        const bool unfinished
            = holder.pid <= 0 && QFileInfo(file).lastModified().secsTo(QDateTime::currentDateTime()) > 10;
        // The start time is compared only where it can be read (not across users under hidepid).
        const auto reused = [&] {
            const qint64 now = processStart(holder.pid);
            return start > 0 && now > 0 && now != start;
        };
        if (holder.pid <= 0 && !unfinished) {
            live << holder;
            continue;
        }
        const bool stale
            = unfinished || (holder.host == thisHost && (!processAlive(holder.pid) || reused()));
        if (stale) {
            file.close();
            QFile::remove(holder.file);
            continue;
        }
        live << holder;
    }
    return live;
}

RepoLock::UnlockReport RepoLock::unlock(const QString &locksDir)
{
    UnlockReport report;
    const QString thisHost = QSysInfo::machineHostName();
    for (const Holder &holder : holders(locksDir)) {
        if (holder.host == thisHost) {
            report.running << holder;
        } else if (QFile::remove(holder.file)) {
            report.removed << holder;
        }
    }
    return report;
}

Result<RepoLock> RepoLock::acquire(const QString &locksDir, Kind kind, const QString &purpose, int timeoutMs)
{
    if (auto made = fileutil::makePrivateDirs(locksDir); !made)
        return std::unexpected(made.error());
    const QString host = QSysInfo::machineHostName();
    const QString path
        = QDir(locksDir).filePath(QStringLiteral("%1-%2-%3.%4.lock")
                                      .arg(host)
                                      .arg(::getpid())
                                      .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
                                      .arg(kindName(kind)));
    const QByteArray body = QJsonDocument(
        QJsonObject{ { QStringLiteral("host"), host }, { QStringLiteral("pid"), qint64(::getpid()) },
            { QStringLiteral("kind"), kindName(kind) }, { QStringLiteral("start"), processStart(::getpid()) },
            { QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
            { QStringLiteral("purpose"),
                purpose } }).toJson(QJsonDocument::Compact);
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return std::unexpected(fileutil::errnoError(errno, QStringLiteral("Taking the repository lock"), path));
        const ssize_t written = ::write(fd, body.constData(), size_t(body.size()));
        const int err = written < 0 ? errno : ENOSPC; // a short write of a few bytes: the disk is full
        ::close(fd);
        if (written != body.size()) {
            QFile::remove(path);
            return std::unexpected(fileutil::errnoError(err, QStringLiteral("Taking the repository lock"), path));
        }
        RepoLock lock;
        lock.m_file = path;

        std::optional<Holder> conflict;
        for (const Holder &holder : holders(locksDir)) {
            if (holder.file == path)
                continue;
            if (kind == Kind::Exclusive || holder.kind == Kind::Exclusive) {
                conflict = holder;
                break;
            }
        }
        if (!conflict)
            return lock;
        lock.release();
        if (timer.elapsed() >= timeoutMs)
            return fail(ErrorCode::Locked,
                QStringLiteral("The repository is busy: %1. Try again when it has finished, or wait for it with "
                               "--wait SECONDS%2")
                    .arg(describe(*conflict),
                        conflict->host == QSysInfo::machineHostName()
                            ? QString()
                            : QStringLiteral("; if that process is gone, remove its lock with 'coffer-cli repo unlock'")),
                conflict->file);
        // Two exclusive acquirers back off by different amounts, so one wins.
        QThread::msleep(50 + QRandomGenerator::global()->bounded(100));
    }
}

} // namespace coffer
