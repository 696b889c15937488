#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace coffer {

class SqliteStatement;

// One SQLite connection (the C API; Qt SQL would hide the backup API). Move-only; use it
// on one thread at a time.
class SqliteDb final
{
public:
    // Immutable: read-only, no locks, no -wal/-shm; only for files nobody else touches
    // (a snapshot in staging, a restored copy in a scratch folder).
    enum class Mode { ReadOnly, Immutable, ReadWrite, Create };

    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(SqliteDb &&other) noexcept;
    SqliteDb &operator=(SqliteDb &&other) noexcept;
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    static Result<SqliteDb> open(const QString &path, Mode mode, int busyTimeoutMs = 10000);

    Result<void> exec(const QString &sql);
    Result<SqliteStatement> prepare(const QString &sql);
    // First column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql);

    sqlite3 *handle() const { return m_db; }
    QString path() const { return m_path; }
    // An Error for the connection's last failure: SQLITE_NOTADB, BUSY/LOCKED, CORRUPT, FULL
    // and CANTOPEN get their own codes.
    Error lastError(const QString &what) const;
    static Error errorFor(int rc, const QString &what, const QString &detail);

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// A prepared statement with positional binds (1-based) and typed column reads (0-based).
class SqliteStatement final
{
public:
    SqliteStatement(sqlite3_stmt *stmt, const SqliteDb *db)
        : m_stmt(stmt)
        , m_db(db)
    {
    }
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    SqliteStatement &operator=(SqliteStatement &&) = delete;

    SqliteStatement &bind(int index, const QString &value);
    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, const QByteArray &value);

    // true: a row is ready; false: done.
    Result<bool> step();
    // Runs to completion, ignoring rows.
    Result<void> run();
    void reset();

    QString text(int column) const;
    qint64 integer(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    const SqliteDb *m_db = nullptr;
};

} // namespace coffer
