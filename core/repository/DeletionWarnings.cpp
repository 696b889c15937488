#include "repository/DeletionWarnings.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <iterator>

namespace coffer {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("coffer::DeletionWarnings", text);
}

// "1a2b3c4d (orders, 2024-05-01 10:00 UTC)", as the CLI names a backup.
QString label(const Manifest &m)
{
    return QStringLiteral("%1 (%2, %3 UTC)")
        .arg(m.shortId(), m.database, m.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString shortIds(const QList<CatalogEntry> &entries)
{
    QStringList ids;
    for (const CatalogEntry &entry : entries)
        ids << entry.manifest.shortId();
    return ids.join(QStringLiteral(", "));
}

bool verified(const CatalogEntry &entry)
{
    return entry.lastVerification && entry.lastVerification->ok();
}

// `siblings`: one database's backups, newest first; `doomed`: those of them about to go.
QStringList warningsFor(const QString &database, const QList<CatalogEntry> &siblings, const QSet<QString> &doomed)
{
    QList<CatalogEntry> lost;
    QList<CatalogEntry> kept;
    for (const CatalogEntry &entry : siblings)
        (doomed.contains(entry.manifest.id) ? lost : kept) << entry;
    if (lost.isEmpty())
        return {};
    if (kept.isEmpty())
        return {
            lost.size() == 1
                ? tr("%1 is the only backup of %2: after this, %2 has no backup at all").arg(shortIds(lost), database)
                : tr("%1 are all the backups of %2: after this, %2 has no backup at all").arg(shortIds(lost), database)
        };
    const auto newest = std::find_if(siblings.cbegin(), siblings.cend(), verified);
    if (newest == siblings.cend() || !doomed.contains(newest->manifest.id))
        return {};
    const auto next = std::find_if(kept.cbegin(), kept.cend(), verified);
    if (next != kept.cend())
        return { tr("%1 is the newest verified backup of %2; after this, the newest verified one is %3")
                     .arg(newest->manifest.shortId(), database, label(next->manifest)) };
    QList<CatalogEntry> lostVerified;
    std::copy_if(lost.cbegin(), lost.cend(), std::back_inserter(lostVerified), verified);
    return { lostVerified.size() == 1
            ? tr("%1 is the only verified backup of %2: no other backup of %2 has passed a verification")
                  .arg(shortIds(lostVerified), database)
            : tr("%1 are the only verified backups of %2: no other backup of %2 has passed a verification")
                  .arg(shortIds(lostVerified), database) };
}

} // namespace

QStringList deletionWarnings(const QList<CatalogEntry> &entries, const QStringList &ids)
{
    QSet<QString> doomed;
    for (const CatalogEntry &entry : entries)
        if (!entry.manifest.pinned && ids.contains(entry.manifest.id))
            doomed.insert(entry.manifest.id);
    // Databases in the order their first backup to delete is listed.
    QStringList databases;
    QHash<QString, QList<CatalogEntry>> siblings;
    for (const CatalogEntry &entry : entries) {
        const QString &database = entry.manifest.database;
        if (doomed.contains(entry.manifest.id) && !databases.contains(database))
            databases << database;
        siblings[database] << entry;
    }
    QStringList warnings;
    for (const QString &database : std::as_const(databases))
        warnings << warningsFor(database, siblings.value(database), doomed);
    return warnings;
}

} // namespace coffer
