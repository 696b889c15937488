#include "common/SqliteDb.h"

#include <QFile>
#include <QUrl>

#include <sqlite3.h>

#include <utility>

namespace coffer {

SqliteDb::~SqliteDb()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

SqliteDb::SqliteDb(SqliteDb &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
{
}

SqliteDb &SqliteDb::operator=(SqliteDb &&other) noexcept
{
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Result<SqliteDb> SqliteDb::open(const QString &path, Mode mode, int busyTimeoutMs)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::Immutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    SqliteDb db;
    db.m_path = path;
    const QByteArray name = mode == Mode::Immutable
                                ? QUrl::fromLocalFile(path).toEncoded() + QByteArrayLiteral("?immutable=1")
                                : QFile::encodeName(path);
    const int rc = sqlite3_open_v2(name.constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(db.lastError(QStringLiteral("Opening the database")));
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, busyTimeoutMs);
    return db;
}

Error SqliteDb::errorFor(int rc, const QString &what, const QString &detail)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return {ErrorCode::NotSqlite, QStringLiteral("%1 failed: the file is not an SQLite database").arg(what), detail};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {ErrorCode::Locked,
                QStringLiteral("%1 failed: the database is locked by another connection; try again when it is free")
                    .arg(what),
                detail};
    case SQLITE_CORRUPT:
        return {ErrorCode::Corrupt, QStringLiteral("%1 failed: the database is corrupt").arg(what), detail};
    case SQLITE_FULL:
        return {ErrorCode::Io, QStringLiteral("%1 failed: the disk is full; free space and try again").arg(what), detail};
    case SQLITE_CANTOPEN:
        return {ErrorCode::NotFound, QStringLiteral("%1 failed: the file cannot be opened").arg(what), detail};
    case SQLITE_PERM:
    case SQLITE_READONLY:
        return {ErrorCode::PermissionDenied, QStringLiteral("%1 failed: permission denied").arg(what), detail};
    case SQLITE_INTERRUPT:
        return {ErrorCode::Cancelled, QStringLiteral("%1 was cancelled").arg(what), detail};
    default:
        return {ErrorCode::Sqlite, QStringLiteral("%1 failed").arg(what), detail};
    }
}

Error SqliteDb::lastError(const QString &what) const
{
    const int rc = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_NOMEM;
    const QString message = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
    return errorFor(rc, what, QStringLiteral("%1: %2").arg(m_path, message));
}

Result<void> SqliteDb::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : QString();
        sqlite3_free(message);
        return std::unexpected(errorFor(rc, QStringLiteral("Running SQL"), QStringLiteral("%1: %2").arg(m_path, text)));
    }
    return {};
}

Result<SqliteStatement> SqliteDb::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return std::unexpected(lastError(QStringLiteral("Preparing SQL")));
    return SqliteStatement(stmt, this);
}

Result<QVariant> SqliteDb::scalar(const QString &sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return QVariant();
    return QVariant::fromValue(stmt->integer(0));
}

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
{
}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QByteArray &value)
{
    sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Result<bool> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return std::unexpected(m_db->lastError(QStringLiteral("Running SQL")));
}

Result<void> SqliteStatement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace coffer
