#include "monitor/MetricsFile.h"

#include "common/FileUtil.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coffer {

namespace {

constexpr mode_t kMode = 0644;

Result<void> writeAll(int fd, const QByteArray &data, const QString &path)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return std::unexpected(
                fileutil::errnoError(n < 0 ? errno : EIO, QStringLiteral("Writing the metrics file"), path));
        done += n;
    }
    return {};
}

} // namespace

Result<void> MetricsFile::write(const QString &path, const QByteArray &text)
{
    const QFileInfo target(path);
    const QString dir = target.absolutePath();
    if (!QFileInfo(dir).isDir())
        return fail(ErrorCode::NotFound,
            QStringLiteral("The metrics file's folder %1 does not exist; create it (node_exporter's "
                           "--collector.textfile.directory) or change monitoring.metrics_file")
                .arg(dir));
    if (target.isDir())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The metrics file %1 is a folder; name a file such as coffer.prom").arg(path));

    // Hidden and not ending in .prom: the textfile collector never reads a half-written file.
    const QString temporary = QStringLiteral("%1/.%2.%3.tmp")
                                  .arg(dir, target.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(12));
    const QByteArray temporaryName = QFile::encodeName(temporary);
    const int fd = ::open(temporaryName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kMode);
    if (fd < 0)
        return std::unexpected(fileutil::errnoError(errno, QStringLiteral("Writing the metrics file"), temporary));

    Result<void> done = writeAll(fd, text, temporary);
    if (done && ::fchmod(fd, kMode) != 0) // the umask may have taken the exporter's read bit
        done = std::unexpected(
            fileutil::errnoError(errno, QStringLiteral("Setting the metrics file's mode"), temporary));
    if (done && ::fsync(fd) != 0)
        done = std::unexpected(fileutil::errnoError(errno, QStringLiteral("Flushing the metrics file"), temporary));
    ::close(fd);
    if (done && ::rename(temporaryName.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        done = std::unexpected(fileutil::errnoError(errno, QStringLiteral("Replacing the metrics file"), path));
    if (!done) {
        ::unlink(temporaryName.constData());
        return done;
    }
    return fileutil::fsyncDirectory(dir);
}

} // namespace coffer
