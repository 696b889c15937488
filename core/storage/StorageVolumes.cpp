#include "storage/StorageVolumes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStorageInfo>

#include <algorithm>

namespace coffer {

namespace {

StorageVolume volumeOf(const QStorageInfo &info)
{
    StorageVolume volume;
    volume.rootPath = info.rootPath();
    volume.device = QString::fromLocal8Bit(info.device());
    volume.name = info.name().isEmpty() ? QFileInfo(info.rootPath()).fileName() : info.name();
    if (volume.name.isEmpty())
        volume.name = info.rootPath();
    if (info.isValid() && info.isReady()) {
        volume.freeBytes = info.bytesAvailable();
        volume.totalBytes = info.bytesTotal();
    }
    return volume;
}

// /sys/block/<disk>/removable for a device such as /dev/sdb1 or /dev/mmcblk0p1.
bool sysRemovable(const QByteArray &device)
{
    static const QRegularExpression disk(QStringLiteral("^/dev/((?:sd|vd|hd)[a-z]+|mmcblk\\d+|nvme\\d+n\\d+)"));
    const auto match = disk.match(QString::fromLocal8Bit(device));
    if (!match.hasMatch())
        return false;
    QFile flag(QStringLiteral("/sys/block/%1/removable").arg(match.captured(1)));
    return flag.open(QIODevice::ReadOnly) && flag.read(1) == "1";
}

} // namespace

StorageVolume StorageVolumes::of(const QString &path)
{
    QString existing = path;
    while (!existing.isEmpty() && !QFileInfo::exists(existing) && existing != QStringLiteral("/"))
        existing = QFileInfo(existing).absolutePath();
    return volumeOf(QStorageInfo(existing));
}

bool StorageVolumes::looksRemovable(const QString &rootPath, const QByteArray &fileSystemType, bool sysRemovable)
{
    static const QList<QByteArray> notMedia{ "tmpfs", "devtmpfs", "proc", "sysfs", "overlay", "squashfs", "ramfs",
        "cgroup", "cgroup2", "autofs", "nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p", "devpts", "mqueue" };
    if (notMedia.contains(fileSystemType) || rootPath == QStringLiteral("/"))
        return false;
    static const QStringList mediaRoots{ QStringLiteral("/media/"), QStringLiteral("/run/media/"),
        QStringLiteral("/Volumes/") };
    const bool underMedia
        = std::ranges::any_of(mediaRoots, [&rootPath](const QString &root) { return rootPath.startsWith(root); });
    const bool system = rootPath.startsWith(QStringLiteral("/boot")) || rootPath.startsWith(QStringLiteral("/proc"))
        || rootPath.startsWith(QStringLiteral("/sys")) || rootPath.startsWith(QStringLiteral("/dev"));
    return underMedia || (sysRemovable && !system);
}

QList<StorageVolume> StorageVolumes::removableMedia()
{
    QList<StorageVolume> media;
    for (const QStorageInfo &info : QStorageInfo::mountedVolumes()) {
        if (!info.isValid() || !info.isReady() || info.isReadOnly())
            continue;
        if (!looksRemovable(info.rootPath(), info.fileSystemType(), sysRemovable(info.device())))
            continue;
        StorageVolume volume = volumeOf(info);
        volume.removable = true;
        media << volume;
    }
    std::ranges::sort(media, {}, &StorageVolume::rootPath);
    return media;
}

} // namespace coffer
