#include "drill/DrillSelection.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace coffer {

QList<CatalogEntry> DrillSelection::choose(
    const QList<CatalogEntry> &backups, const QStringList &databases, int sample, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<CatalogEntry> chosen;
    QSet<QString> seen;
    for (const QString &database : databases) {
        if (seen.contains(database))
            continue;
        seen.insert(database);
        QList<qsizetype> indexes; // into `backups`, newest first
        for (qsizetype i = 0; i < backups.size(); ++i)
            if (backups.at(i).manifest.database == database)
                indexes << i;
        if (indexes.isEmpty())
            continue;
        // The newest always: it is the one a restore would reach for first. The others by a
        // partial Fisher-Yates shuffle of the older ones, so no backup is drawn twice.
        QList<qsizetype> picked{ indexes.takeFirst() };
        const qsizetype others = std::min<qsizetype>(std::max(sample, 1) - 1, indexes.size());
        for (qsizetype k = 0; k < others; ++k) {
            const qsizetype j = k + qsizetype(random.bounded(quint32(indexes.size() - k)));
            indexes.swapItemsAt(k, j);
            picked << indexes.at(k);
        }
        std::sort(picked.begin(), picked.end());
        for (const qsizetype i : std::as_const(picked))
            chosen << backups.at(i);
    }
    return chosen;
}

} // namespace coffer
