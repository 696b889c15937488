#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace coffer {

struct AuditRecord;
struct CatalogEntry;

// One backup's life in a repository: from its creation until it was deleted (or until now).
struct BackupLifetime {
    QString id;
    QString database;
    QDateTime created; // UTC
    QDateTime deleted; // UTC; invalid while the backup is still in the repository
    qint64 artifactBytes = 0;
    qint64 plaintextBytes = -1; // -1: unknown (a deletion audited before Coffer recorded it)

    bool isDeleted() const { return deleted.isValid(); }
    // Whether the backup was in the repository at `instant`.
    bool storedAt(const QDateTime &instant) const;
};

// What a repository stored per database per day, from its catalog (the backups there now) and its
// audit trail (the backups deleted since, each "delete"/"prune" record naming the bytes it freed),
// so a prune shows as the day the bytes went down. Bytes of a day are those stored at the end of
// that UTC day (the start of the next one); the last day is today, counted at `now`.
class StorageHistory final
{
public:
    // The lifetimes of the indexed backups and of the deleted ones the trail can place in time.
    // A deleted backup's creation comes from its deletion record ("created …"), else from its
    // "backup" record; one with neither is left out and counted in `unplaced`.
    static QList<BackupLifetime> lifetimes(
        const QList<CatalogEntry> &entries, const QList<AuditRecord> &trail, int *unplaced = nullptr);

    // Day by day from the first backup's day to `now`'s day (UTC). Empty without backups.
    static StorageHistory of(const QList<BackupLifetime> &lifetimes, const QDateTime &now);

    const QList<QDate> &days() const { return m_days; } // oldest first, one per calendar day
    const QStringList &databases() const { return m_databases; } // by name
    // bytes(d)[i]: database d's bytes at the end of days()[i].
    const QList<qint64> &bytes(qsizetype database) const { return m_bytes.at(database); }
    qint64 bytes(const QString &database, qsizetype day) const;
    qint64 total(qsizetype day) const;
    QList<qint64> totals() const; // one per day
    bool isEmpty() const { return m_days.isEmpty(); }
    int deletedBackups() const { return m_deletedBackups; } // lifetimes that ended, in the history

    // The instant a day's bytes are counted at: the end of `day` in UTC, or `now` for today.
    static QDateTime countedAt(const QDate &day, const QDateTime &now);

private:
    QList<QDate> m_days;
    QStringList m_databases;
    QList<QList<qint64>> m_bytes;
    int m_deletedBackups = 0;
};

} // namespace coffer
