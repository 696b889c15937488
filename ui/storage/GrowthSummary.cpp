#include "storage/GrowthSummary.h"

#include "DisplayFormat.h"

#include <QLocale>

#include <cmath>

namespace coffer::ui {

GrowthSummary::GrowthSummary(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("growthSummary"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

QString GrowthSummary::describe(const StorageGrowth &growth)
{
    if (!growth.bytesPerDay)
        return tr("Not enough history yet to measure growth (it takes two days).");
    const double rate = *growth.bytesPerDay;
    const QString over = tr("over the last %n day(s)", nullptr, growth.windowDays);
    if (rate <= 0) {
        return rate < 0 ? tr("Shrinking by %1 a day %2: the file system does not fill at this rate.")
                              .arg(DisplayFormat::size(qint64(std::llround(-rate))), over)
                        : tr("Not growing %1: the file system does not fill at this rate.").arg(over);
    }
    QString text = tr("Growing by %1 a day %2 (median of the day-to-day changes).")
                       .arg(DisplayFormat::size(qint64(std::llround(rate))), over);
    if (growth.fullOn)
        text += QLatin1Char(' ')
            + tr("At this rate the %1 free fill in %2 days, around %3.")
                  .arg(DisplayFormat::size(growth.freeBytes), QLocale().toString(*growth.daysUntilFull, 'f', 0),
                      growth.fullOn->toString(Qt::ISODate));
    else if (growth.freeBytes < 0)
        text += QLatin1Char(' ') + tr("The file system's free space is unknown.");
    return text;
}

void GrowthSummary::setGrowth(const StorageGrowth &growth, int deletedBackups, int unplacedDeletions)
{
    QString text = describe(growth);
    if (deletedBackups > 0)
        text += QLatin1Char('\n')
            + tr("The history includes %n deleted backup(s), counted until their deletion.", nullptr, deletedBackups);
    if (unplacedDeletions > 0)
        text += QLatin1Char('\n')
            + tr("%n deleted backup(s) could not be placed in time (deleted before Coffer recorded their creation).",
                nullptr, unplacedDeletions);
    setText(text);
}

} // namespace coffer::ui
