#pragma once

#include <QString>
#include <QTemporaryDir>

namespace testsupport {

// A real, small file system (tmpfs) for full-disk and read-only tests; needs root.
// Unmounted when dropped.
class SmallDisk final
{
public:
    explicit SmallDisk(const QString &size); // e.g. "8m"
    ~SmallDisk();
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    bool isMounted() const { return m_mounted; }
    QString path() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Writes a file until the disk is full; returns its path.
    QString fill();
    bool remountReadOnly();

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace testsupport
