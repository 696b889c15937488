#pragma once

#include <QDate>
#include <QList>

#include <optional>

namespace coffer {

class StorageHistory;

// How fast a repository grows, and when its file system fills at that rate.
struct StorageGrowth {
    static constexpr int kDefaultWindowDays = 30;
    // Beyond this many days (about 2,700 years) no date is given: the rate is as good as zero.
    static constexpr double kNeverDays = 1e6;

    int windowDays = 0; // the days the rate was measured over (fewer when the history is shorter)
    std::optional<double> bytesPerDay; // none with fewer than two days of history
    qint64 currentBytes = 0; // the last day's total
    qint64 freeBytes = -1; // of the file system; -1 when unknown
    std::optional<double> daysUntilFull; // none when not growing or the free space is unknown
    std::optional<QDate> fullOn; // today + ceil(daysUntilFull)

    bool isGrowing() const { return bytesPerDay && *bytesPerDay > 0; }

    // The Theil–Sen slope of the last `window` daily totals: the median of (y[j] - y[i]) / (j - i)
    // over every pair of days i < j. A single unusual day (a one-off large backup, a prune that
    // a backup refills) moves only a few of the pairs, so the rate stays the trend's.
    static std::optional<double> rate(const QList<qint64> &dailyTotals, int window = kDefaultWindowDays);
    // The rate of `history`'s totals, and when `freeBytes` run out at it: free / rate days after
    // `today` (the history's last day).
    static StorageGrowth of(const StorageHistory &history, qint64 freeBytes, int window = kDefaultWindowDays);
};

} // namespace coffer
