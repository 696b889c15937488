#pragma once

#include <QFile>
#include <QStringList>

namespace coffer {

// Removes the files it was given when it goes, unless they were kept: what a failed or
// cancelled operation leaves behind (staged artifacts, partial outputs).
class FileCleanup final
{
    Q_DISABLE_COPY_MOVE(FileCleanup)

public:
    FileCleanup() = default;
    explicit FileCleanup(const QString &path) { add(path); }
    ~FileCleanup()
    {
        for (const QString &path : std::as_const(m_paths))
            QFile::remove(path);
    }

    void add(const QString &path) { m_paths << path; }
    void keep(const QString &path) { m_paths.removeAll(path); }
    void keepAll() { m_paths.clear(); }

private:
    QStringList m_paths;
};

} // namespace coffer
