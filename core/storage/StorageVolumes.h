#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace coffer {

// A mounted file system and its space.
struct StorageVolume {
    QString name; // the volume's label, else its mount point's last folder
    QString rootPath; // where it is mounted
    QString device;
    qint64 freeBytes = -1; // available to this user; -1 when unknown
    qint64 totalBytes = -1;
    bool removable = false;

    qint64 usedBytes() const { return totalBytes >= 0 && freeBytes >= 0 ? totalBytes - freeBytes : -1; }
};

// The file systems the storage page shows: the one under a repository, and removable media
// (USB sticks, external drives, SD cards) an operator could move backups to.
class StorageVolumes final
{
public:
    // The file system holding `path` (or its nearest existing parent); free and total -1 when unknown.
    static StorageVolume of(const QString &path);
    // The mounted, ready, writable removable media, by mount point.
    static QList<StorageVolume> removableMedia();

    // Whether a mounted file system looks like removable media: mounted under /media, /run/media
    // or /Volumes (where desktops mount plugged-in drives), or its block device says removable in
    // sysfs (`sysRemovable`); never a pseudo, network or system file system.
    static bool looksRemovable(const QString &rootPath, const QByteArray &fileSystemType, bool sysRemovable);
};

} // namespace coffer
