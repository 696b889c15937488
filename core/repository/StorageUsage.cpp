#include "repository/StorageUsage.h"

#include "repository/Catalog.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMap>
#include <QStorageInfo>

namespace coffer {

namespace {

void add(UsageBucket &bucket, const Manifest &manifest)
{
    ++bucket.backups;
    bucket.artifactBytes += manifest.artifactSize;
    bucket.plaintextBytes += manifest.plaintextSize;
}

QList<UsageBucket> sorted(QMap<QString, UsageBucket> buckets)
{
    QList<UsageBucket> list;
    list.reserve(buckets.size());
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        it->name = it.key();
        list.append(*it);
    }
    return list;
}

} // namespace

double UsageBucket::compressionRatio() const
{
    return artifactBytes > 0 ? double(plaintextBytes) / double(artifactBytes) : 0.0;
}

QString StorageUsage::monthOf(const QDateTime &created)
{
    return created.toUTC().toString(QStringLiteral("yyyy-MM"));
}

StorageUsage StorageUsage::of(const QList<CatalogEntry> &entries)
{
    // QMap keeps the keys sorted: names by code point, "yyyy-MM" chronologically.
    QMap<QString, UsageBucket> databases;
    QMap<QString, UsageBucket> months;
    StorageUsage usage;
    usage.m_total.name = QStringLiteral("total");
    for (const CatalogEntry &entry : entries) {
        add(databases[entry.manifest.database], entry.manifest);
        add(months[monthOf(entry.manifest.created)], entry.manifest);
        add(usage.m_total, entry.manifest);
    }
    usage.m_byDatabase = sorted(std::move(databases));
    usage.m_byMonth = sorted(std::move(months));
    return usage;
}

StorageUsage::FileSystem StorageUsage::fileSystem(const QString &path)
{
    QString existing = path;
    while (!existing.isEmpty() && !QFileInfo::exists(existing) && existing != QStringLiteral("/"))
        existing = QFileInfo(existing).absolutePath();
    const QStorageInfo info(existing);
    if (!info.isValid() || !info.isReady())
        return {};
    return { .freeBytes = info.bytesAvailable(), .totalBytes = info.bytesTotal() };
}

} // namespace coffer
