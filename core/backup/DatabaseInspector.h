#pragma once

#include "common/Error.h"
#include "common/SqliteDb.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace coffer {

// What a backup's manifest records about its database, and what full verification
// compares against.
struct DatabaseStats {
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 tableCount = 0; // user tables (not sqlite_*, not virtual)
    QString schemaHash; // SHA-256 over type, name, table and SQL of every schema object
    QMap<QString, qint64> rowCounts;
};

// Reads a database file: by default one nobody else is using (a snapshot, a restored copy),
// or, with Mode::ReadOnly, a live database inside one read transaction.
class DatabaseInspector final
{
public:
    static Result<DatabaseStats> stats(const QString &path, SqliteDb::Mode mode = SqliteDb::Mode::Immutable);
    // PRAGMA integrity_check (or quick_check): an empty list when the database is sound,
    // else its findings.
    static Result<QStringList> integrityCheck(
        const QString &path, SqliteDb::Mode mode = SqliteDb::Mode::Immutable, bool quick = false);
    static QString sqliteVersion();
};

} // namespace coffer
