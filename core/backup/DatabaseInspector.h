#pragma once

#include "common/Error.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace coffer {

// What a backup's manifest records about its database, and what full verification
// compares against.
struct DatabaseStats {
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 tableCount = 0;        // user tables (not sqlite_*, not virtual)
    QString schemaHash;           // SHA-256 over type, name, table and SQL of every schema object
    QMap<QString, qint64> rowCounts;
};

// Reads a database file that nobody else is using (a snapshot or a restored copy).
class DatabaseInspector final
{
public:
    static Result<DatabaseStats> stats(const QString &path);
    // PRAGMA integrity_check: an empty list when the database is sound, else its findings.
    static Result<QStringList> integrityCheck(const QString &path);
    static QString sqliteVersion();
};

} // namespace coffer
