#pragma once

#include <QList>
#include <QString>

class QDateTime;

namespace coffer {

struct CatalogEntry;

// The backups of one database, or of one month, and what they take.
struct UsageBucket {
    QString name; // a database name, or a month "yyyy-MM" (UTC)
    int backups = 0;
    qint64 artifactBytes = 0; // what the repository stores
    qint64 plaintextBytes = 0; // what the databases were

    // plaintext / artifact; 0 when nothing is stored.
    double compressionRatio() const;
};

// What a repository's backups take, per database and per month of creation: a pure function of
// catalog entries, so the CLI and the storage page compute the same numbers.
class StorageUsage final
{
public:
    struct FileSystem {
        qint64 freeBytes = -1; // available to this user; -1 when unknown
        qint64 totalBytes = -1; // -1 when unknown
    };

    static StorageUsage of(const QList<CatalogEntry> &entries);
    // The file system holding `path` (or its nearest existing parent).
    static FileSystem fileSystem(const QString &path);

    const QList<UsageBucket> &byDatabase() const { return m_byDatabase; } // by name
    const QList<UsageBucket> &byMonth() const { return m_byMonth; } // oldest month first
    const UsageBucket &total() const { return m_total; }

    // The month bucket a backup created at `created` falls in: "yyyy-MM" in UTC.
    static QString monthOf(const QDateTime &created);

private:
    QList<UsageBucket> m_byDatabase;
    QList<UsageBucket> m_byMonth;
    UsageBucket m_total;
};

} // namespace coffer
