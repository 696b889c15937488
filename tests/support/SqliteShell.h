#pragma once

#include <QProcess>
#include <QString>

namespace testsupport {

// A real sqlite3 shell process with a database open: another program using the database
// while Coffer works on it. Statements go in on stdin, results come back line by line.
class SqliteShell final
{
public:
    ~SqliteShell();

    // Starts `sqlite3 path` and runs `setup` (e.g. "PRAGMA journal_mode=WAL") so the file is
    // open before this returns. False when the shell does not start or answer.
    bool start(const QString &path, const QString &setup = {});
    // Runs statements; returns their output, trimmed ("error: ..." on an SQL error).
    QString query(const QString &sql, int timeoutMs = 15000);
    qint64 pid() const { return m_process.processId(); }
    // SIGKILL: the connection dies without closing (a -wal it wrote stays behind).
    void kill();

private:
    QProcess m_process;
};

// integrity_check's verdict and the row count of every table, e.g.
// "ok; customers=300; marker=2; orders=300": equal summaries mean the same data here.
QString contentSummary(const QString &path);

} // namespace testsupport
