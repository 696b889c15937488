#include "storage/StorageGrowth.h"

#include "storage/StorageHistory.h"

#include <algorithm>
#include <cmath>

namespace coffer {

std::optional<double> StorageGrowth::rate(const QList<qint64> &dailyTotals, int window)
{
    const qsizetype count = std::min<qsizetype>(dailyTotals.size(), std::max(2, window + 1));
    if (count < 2)
        return std::nullopt;
    const qsizetype first = dailyTotals.size() - count;
    QList<double> slopes;
    slopes.reserve(count * (count - 1) / 2);
    for (qsizetype i = first; i < dailyTotals.size(); ++i) {
        for (qsizetype j = i + 1; j < dailyTotals.size(); ++j)
            slopes << double(dailyTotals.at(j) - dailyTotals.at(i)) / double(j - i);
    }
    const qsizetype middle = slopes.size() / 2;
    std::nth_element(slopes.begin(), slopes.begin() + middle, slopes.end());
    if (slopes.size() % 2)
        return slopes.at(middle);
    const double upper = slopes.at(middle);
    const double lower = *std::max_element(slopes.begin(), slopes.begin() + middle);
    return (lower + upper) / 2.0;
}

StorageGrowth StorageGrowth::of(const StorageHistory &history, qint64 freeBytes, int window)
{
    StorageGrowth growth;
    growth.freeBytes = freeBytes;
    const QList<qint64> totals = history.totals();
    if (totals.isEmpty())
        return growth;
    growth.currentBytes = totals.constLast();
    growth.windowDays = int(std::min<qsizetype>(totals.size() - 1, window));
    growth.bytesPerDay = rate(totals, window);
    if (growth.isGrowing() && freeBytes >= 0) {
        growth.daysUntilFull = double(freeBytes) / *growth.bytesPerDay;
        if (*growth.daysUntilFull < kNeverDays)
            growth.fullOn = history.days().constLast().addDays(qint64(std::ceil(*growth.daysUntilFull)));
    }
    return growth;
}

} // namespace coffer
