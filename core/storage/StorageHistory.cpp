#include "storage/StorageHistory.h"

#include "repository/AuditTrail.h"
#include "repository/Catalog.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace coffer {

namespace {

// The last match of `pattern`'s first group in `text`: the reason in front may quote anything.
QString lastCapture(const QRegularExpression &pattern, const QString &text)
{
    QString found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found = it.next().captured(1);
    return found;
}

bool isDeletion(const AuditRecord &record)
{
    return (record.operation == QLatin1String("delete") || record.operation == QLatin1String("prune"))
        && record.outcome == QLatin1String("ok") && !record.backupId.isEmpty();
}

} // namespace

bool BackupLifetime::storedAt(const QDateTime &instant) const
{
    return created <= instant && (!deleted.isValid() || deleted > instant);
}

QList<BackupLifetime> StorageHistory::lifetimes(
    const QList<CatalogEntry> &entries, const QList<AuditRecord> &trail, int *unplaced)
{
    static const QRegularExpression freed(QStringLiteral("(?:^|; )(\\d+) bytes freed"));
    static const QRegularExpression backedUp(QStringLiteral("(?:^|, )(\\d+) bytes$"));
    static const QRegularExpression created(QStringLiteral("(?:^|; )created (\\S+?)(?:;|$)"));
    static const QRegularExpression plaintext(QStringLiteral("(?:^|; )plaintext (\\d+) bytes"));

    QList<BackupLifetime> result;
    QSet<QString> indexed;
    for (const CatalogEntry &entry : entries) {
        const Manifest &m = entry.manifest;
        indexed.insert(m.id);
        result.append({ .id = m.id,
            .database = m.database,
            .created = m.created.toUTC(),
            .deleted = {},
            .artifactBytes = m.artifactSize,
            .plaintextBytes = m.plaintextSize });
    }

    QHash<QString, const AuditRecord *> backupRecords;
    for (const AuditRecord &record : trail) {
        if (record.operation == QLatin1String("backup") && record.outcome == QLatin1String("ok"))
            backupRecords.insert(record.backupId, &record);
    }
    int lost = 0;
    for (const AuditRecord &record : trail) {
        if (!isDeletion(record) || indexed.contains(record.backupId))
            continue;
        indexed.insert(record.backupId); // a deletion is recorded once; a repeat would count twice
        BackupLifetime life{ .id = record.backupId,
            .database = record.target,
            .created = {},
            .deleted = record.time.toUTC(),
            .artifactBytes = 0,
            .plaintextBytes = -1 };
        const QString bytes = lastCapture(freed, record.detail);
        const AuditRecord *backup = backupRecords.value(record.backupId);
        if (!bytes.isEmpty())
            life.artifactBytes = bytes.toLongLong();
        else if (backup)
            life.artifactBytes = lastCapture(backedUp, backup->detail).toLongLong();
        const QString when = lastCapture(created, record.detail);
        life.created = when.isEmpty() ? (backup ? backup->time.toUTC() : QDateTime())
                                      : QDateTime::fromString(when, Qt::ISODate).toUTC();
        const QString original = lastCapture(plaintext, record.detail);
        life.plaintextBytes = original.isEmpty() ? -1 : original.toLongLong();
        if (!life.created.isValid() || life.created > life.deleted) {
            ++lost;
            continue;
        }
        result.append(life);
    }
    if (unplaced)
        *unplaced = lost;
    return result;
}

QDateTime StorageHistory::countedAt(const QDate &day, const QDateTime &now)
{
    const QDateTime end(day.addDays(1), QTime(0, 0), Qt::UTC);
    const QDateTime utcNow = now.toUTC();
    return end > utcNow ? utcNow : end.addMSecs(-1);
}

StorageHistory StorageHistory::of(const QList<BackupLifetime> &lifetimes, const QDateTime &now)
{
    StorageHistory history;
    if (lifetimes.isEmpty())
        return history;
    const QDateTime utcNow = now.toUTC();
    QDate first = utcNow.date();
    QSet<QString> names;
    for (const BackupLifetime &life : lifetimes) {
        first = std::min(first, life.created.toUTC().date());
        names.insert(life.database);
        if (life.isDeleted() && life.deleted <= utcNow)
            ++history.m_deletedBackups;
    }
    history.m_databases = QStringList(names.cbegin(), names.cend());
    std::sort(history.m_databases.begin(), history.m_databases.end());
    for (QDate day = first; day <= utcNow.date(); day = day.addDays(1))
        history.m_days << day;
    history.m_bytes = QList<QList<qint64>>(history.m_databases.size(), QList<qint64>(history.m_days.size(), 0));

    // Each lifetime adds its bytes to the days whose counting instant it spans: a sweep per backup
    // costs days × backups at worst, which a few years of hourly backups keep in the millions.
    for (const BackupLifetime &life : lifetimes) {
        const qsizetype db = history.m_databases.indexOf(life.database);
        QList<qint64> &series = history.m_bytes[db];
        for (qsizetype i = first.daysTo(life.created.toUTC().date()); i < history.m_days.size(); ++i) {
            const QDateTime at = countedAt(history.m_days.at(i), utcNow);
            if (life.isDeleted() && life.deleted <= at)
                break;
            if (life.created <= at)
                series[i] += life.artifactBytes;
        }
    }
    return history;
}

qint64 StorageHistory::bytes(const QString &database, qsizetype day) const
{
    const qsizetype db = m_databases.indexOf(database);
    return db < 0 || day < 0 || day >= m_days.size() ? 0 : m_bytes.at(db).at(day);
}

qint64 StorageHistory::total(qsizetype day) const
{
    qint64 sum = 0;
    for (const QList<qint64> &series : m_bytes)
        sum += series.at(day);
    return sum;
}

QList<qint64> StorageHistory::totals() const
{
    QList<qint64> result(m_days.size(), 0);
    for (const QList<qint64> &series : m_bytes) {
        for (qsizetype i = 0; i < series.size(); ++i)
            result[i] += series.at(i);
    }
    return result;
}

} // namespace coffer
