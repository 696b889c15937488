#pragma once

#include "common/Error.h"

#include <QString>

namespace coffer {

// A new file only its owner can read (0600), written through a plain descriptor: it refuses
// to replace an existing file, and close() fsyncs before it reports success. Artifacts and
// restored databases are written this way.
class PrivateFile final
{
public:
    PrivateFile() = default;
    ~PrivateFile();
    PrivateFile(const PrivateFile &) = delete;
    PrivateFile &operator=(const PrivateFile &) = delete;

    // `what` names the file in error messages ("the artifact", "the restored copy").
    Result<void> create(const QString &path, const QString &what);
    Result<void> write(const char *data, qsizetype size);
    // fsync + close; `durable` false skips the fsync (scratch copies nobody keeps).
    Result<void> close(bool durable = true);

    QString path() const { return m_path; }
    qint64 size() const { return m_size; }

private:
    QString m_path;
    QString m_what;
    int m_fd = -1;
    qint64 m_size = 0;
};

} // namespace coffer
