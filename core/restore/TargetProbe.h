#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace coffer {

// What a restore finds at its target before it touches anything.
struct TargetState {
    QString path; // absolute, symbolic links resolved
    bool exists = false;
    bool isFile = false; // a regular file (not a folder or a device)
    bool isSqlite = false; // starts with the SQLite header
    qint64 bytes = 0; // the file plus its -wal
    QDateTime modified; // the newer of the file and its -wal (UTC)
    int permissions = 0; // st_mode & 07777 of the file
    uint owner = 0; // uid and gid of the file
    uint group = 0;
    int links = 0; // names the file has (st_nlink)
    bool danglingLink = false; // the path is a symbolic link to nothing
    int pageSize = 0; // from the SQLite header
    bool walMode = false; // the header says WAL
    QStringList users; // other processes with the file open: "pid 123 (python3)"
    bool locked = false; // another process holds an SQLite lock on it (a transaction, a WAL connection)
    bool hotWal = false; // a non-empty -wal beside it
    bool hotJournal = false; // a non-empty -journal beside it (an interrupted transaction)

    bool inUse() const { return !users.isEmpty() || locked; }
    // "in use by pid 123 (app), pid 456 (sqlite3)", for messages.
    QString describeUse() const;
};

// Looks at a restore target without opening it through SQLite: /proc for other processes
// that have it (or its -wal/-shm) open, and POSIX lock probes for SQLite's lock bytes.
class TargetProbe final
{
public:
    // Call it while this process has no SQLite connection to the target: closing the
    // probe's descriptor would drop that connection's POSIX locks.
    static TargetState probe(const QString &path);
};

} // namespace coffer
