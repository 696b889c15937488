#include "backup/DatabaseInspector.h"

#include "common/Sha256.h"
#include "common/SqliteDb.h"

#include <sqlite3.h>

namespace coffer {

namespace {

QString quoted(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString DatabaseInspector::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

Result<DatabaseStats> DatabaseInspector::stats(const QString &path, SqliteDb::Mode mode)
{
    auto db = SqliteDb::open(path, mode);
    if (!db)
        return std::unexpected(db.error());
    // One read transaction: every count below sees the same state of a live database.
    if (auto begun = db->exec(QStringLiteral("BEGIN")); !begun)
        return std::unexpected(begun.error());
    DatabaseStats stats;
    auto pageSize = db->scalar(QStringLiteral("PRAGMA page_size"));
    auto pageCount = db->scalar(QStringLiteral("PRAGMA page_count"));
    if (!pageSize)
        return std::unexpected(pageSize.error());
    if (!pageCount)
        return std::unexpected(pageCount.error());
    stats.pageSize = pageSize->toLongLong();
    stats.pageCount = pageCount->toLongLong();

    auto schema = db->prepare(
        QStringLiteral("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"));
    if (!schema)
        return std::unexpected(schema.error());
    Sha256 hash;
    QStringList tables;
    for (;;) {
        auto row = schema->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const QString type = schema->text(0);
        const QString name = schema->text(1);
        const QString sql = schema->text(3);
        // Unit and record separators keep "a","bc" and "ab","c" apart.
        hash.add((QStringList{ type, name, schema->text(2), sql }.join(QChar(0x1f)) + QChar(0x1e)).toUtf8());
        if (type == QStringLiteral("table") && !name.startsWith(QStringLiteral("sqlite_"))
            && !sql.startsWith(QStringLiteral("CREATE VIRTUAL"), Qt::CaseInsensitive))
            tables << name;
    }
    stats.schemaHash = hash.hexDigest();
    stats.tableCount = tables.size();
    for (const QString &table : std::as_const(tables)) {
        auto count = db->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(quoted(table)));
        if (!count)
            return std::unexpected(count.error());
        stats.rowCounts.insert(table, count->toLongLong());
    }
    return stats;
}

Result<QStringList> DatabaseInspector::integrityCheck(const QString &path, SqliteDb::Mode mode, bool quick)
{
    auto db = SqliteDb::open(path, mode);
    if (!db)
        return std::unexpected(db.error());
    auto check = db->prepare(
        quick ? QStringLiteral("PRAGMA quick_check(100)") : QStringLiteral("PRAGMA integrity_check(100)"));
    if (!check)
        return std::unexpected(check.error());
    QStringList findings;
    for (;;) {
        auto row = check->step();
        if (!row) {
            // A database too damaged to walk is a finding, not an operational failure.
            if (row.error().code == ErrorCode::Corrupt || row.error().code == ErrorCode::NotSqlite) {
                findings << row.error().toString();
                return findings;
            }
            return std::unexpected(row.error());
        }
        if (!*row)
            break;
        const QString line = check->text(0);
        if (line != QStringLiteral("ok"))
            findings << line;
    }
    return findings;
}

} // namespace coffer
