#include "common/PrivateFile.h"

#include "common/FileUtil.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace coffer {

PrivateFile::~PrivateFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<void> PrivateFile::create(const QString &path, const QString &what)
{
    m_path = path;
    m_what = what;
    m_fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (m_fd < 0)
        return std::unexpected(fileutil::errnoError(errno, QStringLiteral("Creating %1").arg(what), path));
    return {};
}

Result<void> PrivateFile::write(const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return std::unexpected(fileutil::errnoError(errno, QStringLiteral("Writing %1").arg(m_what), m_path));
        }
        data += n;
        size -= n;
        m_size += n;
    }
    return {};
}

Result<void> PrivateFile::close(bool durable)
{
    const int fd = std::exchange(m_fd, -1);
    const bool synced = !durable || ::fsync(fd) == 0;
    const int err = errno;
    if (::close(fd) != 0 || !synced)
        return std::unexpected(
            fileutil::errnoError(synced ? errno : err, QStringLiteral("Flushing %1").arg(m_what), m_path));
    return {};
}

} // namespace coffer
