#include "common/FileUtil.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coffer::fileutil {

Error errnoError(int err, const QString &what, const QString &path)
{
    const QString detail = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err)));
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return { ErrorCode::Io, QStringLiteral("%1 failed: the disk is full; free space and try again").arg(what),
            detail };
    case EACCES:
    case EPERM:
    case EROFS:
        return { ErrorCode::PermissionDenied,
            QStringLiteral("%1 failed: permission denied; check the owner and mode of the folder").arg(what), detail };
    case ENOENT:
        return { ErrorCode::NotFound, QStringLiteral("%1 failed: no such file or folder").arg(what), detail };
    default:
        return { ErrorCode::Io, QStringLiteral("%1 failed").arg(what), detail };
    }
}

Result<void> makePrivateDirs(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (QFileInfo(clean).isDir())
        return {};
    const QString parent = QFileInfo(clean).path();
    if (parent != clean) {
        if (auto made = makePrivateDirs(parent); !made)
            return made;
    }
    if (::mkdir(QFile::encodeName(clean).constData(), 0700) != 0 && errno != EEXIST)
        return std::unexpected(errnoError(errno, QStringLiteral("Creating a folder"), clean));
    return {};
}

Result<void> fsyncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::unexpected(errnoError(errno, QStringLiteral("Opening for fsync"), path));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return std::unexpected(errnoError(err, QStringLiteral("Flushing to disk"), path));
    return {};
}

Result<void> fsyncDirectory(const QString &dir)
{
    return fsyncPath(dir);
}

Result<void> publish(const QString &from, const QString &to)
{
    const QString dir = QFileInfo(to).absolutePath();
    if (auto made = makePrivateDirs(dir); !made)
        return made;
    // Never replace an existing file. renameat2(RENAME_NOREPLACE) where the file system
    // has it; otherwise (FAT media, some network shares) check-then-rename.
    const QByteArray src = QFile::encodeName(from);
    const QByteArray dst = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, src.constData(), AT_FDCWD, dst.constData(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST)
            return fail(ErrorCode::Io, QStringLiteral("Publishing failed: the destination already exists"), to);
        if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
            return std::unexpected(errnoError(errno, QStringLiteral("Publishing"), to));
        if (QFileInfo::exists(to))
            return fail(ErrorCode::Io, QStringLiteral("Publishing failed: the destination already exists"), to);
        if (::rename(src.constData(), dst.constData()) != 0)
            return std::unexpected(errnoError(errno, QStringLiteral("Publishing"), to));
    }
    if (auto synced = fsyncDirectory(dir); !synced)
        return synced;
    return fsyncDirectory(QFileInfo(from).absolutePath());
}

Result<void> writeDurably(const QString &path, const QByteArray &data)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected(errnoError(errno, QStringLiteral("Writing"), path));
    const bool ok = ::write(fd, data.constData(), size_t(data.size())) == data.size() && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok)
        return std::unexpected(errnoError(err ? err : EIO, QStringLiteral("Writing"), path));
    return {};
}

Result<void> writeAtomically(const QString &to, const QByteArray &data, const QString &stagingDir)
{
    if (auto made = makePrivateDirs(stagingDir); !made)
        return made;
    const QString staged
        = QStringLiteral("%1/write-%2.tmp").arg(stagingDir, QUuid::createUuid().toString(QUuid::Id128));
    auto done = writeDurably(staged, data);
    if (done)
        done = publish(staged, to);
    if (!done)
        QFile::remove(staged);
    return done;
}

Result<void> replaceAtomically(const QString &to, const QByteArray &data, const QString &stagingDir)
{
    if (auto made = makePrivateDirs(stagingDir); !made)
        return made;
    const QString staged
        = QStringLiteral("%1/write-%2.tmp").arg(stagingDir, QUuid::createUuid().toString(QUuid::Id128));
    auto done = writeDurably(staged, data);
    if (done && ::rename(QFile::encodeName(staged).constData(), QFile::encodeName(to).constData()) != 0)
        done = std::unexpected(errnoError(errno, QStringLiteral("Replacing"), to));
    if (!done) {
        QFile::remove(staged);
        return done;
    }
    return fsyncDirectory(QFileInfo(to).absolutePath());
}

QString userName(uint uid)
{
    struct passwd entry = {};
    struct passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid_t(uid), &entry, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return QString::number(uid);
}

QString currentUser()
{
    // The account, not what the environment claims (cron and services often set neither).
    return userName(::geteuid());
}

namespace {

// `path`, or the nearest of its parents that exists: where a file there would live.
QString nearestExisting(const QString &path)
{
    QFileInfo info(path);
    while (!info.exists() && info.absolutePath() != info.absoluteFilePath())
        info = QFileInfo(info.absolutePath());
    return info.absoluteFilePath();
}

} // namespace

qint64 freeBytes(const QString &path)
{
    return QStorageInfo(nearestExisting(path)).bytesAvailable();
}

bool sameFileSystem(const QString &a, const QString &b)
{
    struct stat first = {};
    struct stat second = {};
    return ::stat(QFile::encodeName(nearestExisting(a)).constData(), &first) == 0
        && ::stat(QFile::encodeName(nearestExisting(b)).constData(), &second) == 0 && first.st_dev == second.st_dev;
}

} // namespace coffer::fileutil
