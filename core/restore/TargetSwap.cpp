#include "restore/TargetSwap.h"

#include "common/FileUtil.h"
#include "common/TestHooks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coffer {

namespace {

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

Result<void> renamePath(const QString &from, const QString &to, const QString &what)
{
    if (::rename(encoded(from).constData(), encoded(to).constData()) != 0)
        return std::unexpected(fileutil::errnoError(errno, what, to));
    return {};
}

bool present(const QString &path)
{
    struct stat st = {};
    return ::lstat(encoded(path).constData(), &st) == 0;
}

} // namespace

TargetSwap::TargetSwap(QString target)
    : m_target(std::move(target))
    // The process id says who kept it; the random part keeps a reused id (containers) from
    // meeting an earlier run's kept file.
    , m_keepBase(QStringLiteral("%1/.%2.coffer-old-%3-%4")
                     .arg(QFileInfo(m_target).absolutePath(), QFileInfo(m_target).fileName())
                     .arg(::getpid())
                     .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
}

QString TargetSwap::keptPath(const QString &suffix) const
{
    return m_keepBase + suffix;
}

Result<void> TargetSwap::install(const QString &replacement, int permissions)
{
    const QString folder = QFileInfo(m_target).absolutePath();
    struct stat old = {};
    m_hadTarget = ::stat(encoded(m_target).constData(), &old) == 0;
    if (m_hadTarget) {
        // A second name for the old file: the rename below then replaces the target in one step.
        if (::link(encoded(m_target).constData(), encoded(keptPath({})).constData()) != 0)
            return std::unexpected(
                fileutil::errnoError(errno, QStringLiteral("Keeping the old database"), keptPath({})));
        m_keptMain = true;
        // The old file's journals must not meet the new file: SQLite would replay them into it.
        for (const char *journal : { "-wal", "-journal" }) {
            const QString suffix = QLatin1String(journal);
            if (!present(m_target + suffix))
                continue;
            if (auto moved
                = renamePath(m_target + suffix, keptPath(suffix), QStringLiteral("Moving the old journal aside"));
                !moved)
                return moved;
            m_movedSuffixes << suffix;
        }
        QFile::remove(m_target + QStringLiteral("-shm"));
        // The application must still be able to open its database: same mode, owner and group
        // (the preflight refused a target another user owns unless this is root).
        const QByteArray path = encoded(replacement);
        struct stat made = {};
        const bool ownerOk = ::stat(path.constData(), &made) == 0
            && ((made.st_uid == old.st_uid && made.st_gid == old.st_gid)
                || ::chown(path.constData(), made.st_uid == old.st_uid ? uid_t(-1) : old.st_uid,
                       made.st_gid == old.st_gid ? gid_t(-1) : old.st_gid)
                    == 0);
        if (!ownerOk || ::chmod(path.constData(), mode_t(permissions)) != 0)
            return std::unexpected(fileutil::errnoError(
                errno, QStringLiteral("Giving the restored database the old file's owner, group and mode"), m_target));
    }
    if (auto hook = testhooks::point("restore-before-swap"); !hook)
        return hook;
    if (m_hadTarget) {
        if (auto renamed = renamePath(replacement, m_target, QStringLiteral("Installing the restored database"));
            !renamed)
            return renamed;
        m_swapped = true;
        if (auto synced = fileutil::fsyncDirectory(folder); !synced)
            return synced;
    } else {
        if (auto published = fileutil::publish(replacement, m_target); !published)
            return published;
        m_swapped = true;
    }
    return testhooks::point("restore-after-swap");
}

Result<void> TargetSwap::rollback()
{
    const QString folder = QFileInfo(m_target).absolutePath();
    if (m_swapped) {
        // The restored file's own -wal/-shm, if anything opened it, belong to it alone.
        QFile::remove(m_target + QStringLiteral("-wal"));
        QFile::remove(m_target + QStringLiteral("-shm"));
        QFile::remove(m_target + QStringLiteral("-journal"));
        if (m_keptMain) {
            if (auto back = renamePath(keptPath({}), m_target, QStringLiteral("Putting the old database back"));
                !back) {
                Error error = back.error();
                error.detail = QStringLiteral("the previous database is kept at %1 (with its -wal/-journal, if any, "
                                              "beside it); %2")
                                   .arg(keptPath({}), error.detail);
                return std::unexpected(error);
            }
            m_keptMain = false;
        } else if (!m_hadTarget) {
            QFile::remove(m_target);
        }
        m_swapped = false;
    } else if (m_keptMain) {
        QFile::remove(keptPath({})); // the target itself was never replaced
        m_keptMain = false;
    }
    for (const QString &suffix : std::as_const(m_movedSuffixes))
        if (auto back = renamePath(keptPath(suffix), m_target + suffix, QStringLiteral("Putting the old journal back"));
            !back)
            return back;
    m_movedSuffixes.clear();
    return fileutil::fsyncDirectory(folder);
}

void TargetSwap::removeRedundantKeeps(const QString &target)
{
    const QFileInfo info(target);
    struct stat current = {};
    if (::stat(encoded(target).constData(), &current) != 0)
        return;
    static const QRegularExpression keep(QStringLiteral("\\.coffer-old-(\\d+)-[0-9a-f]{8}$"));
    const QString prefix = QStringLiteral(".%1.coffer-old-").arg(info.fileName());
    const QStringList names
        = QDir(info.absolutePath()).entryList({ prefix + QLatin1Char('*') }, QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        const auto match = keep.match(name);
        if (!match.hasMatch())
            continue;
        const pid_t pid = pid_t(match.captured(1).toLongLong());
        const QString path = info.absolutePath() + QLatin1Char('/') + name;
        struct stat kept = {};
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH || ::stat(encoded(path).constData(), &kept) != 0
            || kept.st_dev != current.st_dev || kept.st_ino != current.st_ino)
            continue;
        ::unlink(encoded(path).constData());
        // Its journals were folded in before they were moved aside: empty ones go too.
        for (const char *suffix : { "-wal", "-journal" }) {
            const QFileInfo journal(path + QLatin1String(suffix));
            if (journal.exists() && journal.size() == 0)
                QFile::remove(journal.filePath());
        }
    }
}

Result<void> TargetSwap::commit()
{
    if (m_keptMain)
        QFile::remove(keptPath({}));
    for (const QString &suffix : std::as_const(m_movedSuffixes))
        QFile::remove(keptPath(suffix));
    m_keptMain = false;
    m_movedSuffixes.clear();
    return fileutil::fsyncDirectory(QFileInfo(m_target).absolutePath());
}

} // namespace coffer
