#pragma once

#include "storage/StorageGrowth.h"
#include "storage/StorageHistory.h"

#include <QChartView>
#include <QList>

class QAreaSeries;
class QLineSeries;

namespace coffer::ui {

// Storage over time: a stacked area per database of the bytes the repository held at the end of
// each day (deleted backups included until their deletion), and a dashed line projecting the
// growth rate 30 days ahead.
class HistoryChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryChart)

public:
    static constexpr int kProjectionDays = 30;

    explicit HistoryChart(QWidget *parent = nullptr);

    void setHistory(const StorageHistory &history, const StorageGrowth &growth);
    const StorageHistory &history() const { return m_history; }

    // One per database, in history().databases() order; a point per day at noon UTC. A day's
    // bytes of a database are its upper minus its lower y (the stack below it).
    const QList<QAreaSeries *> &areas() const { return m_areas; }
    QLineSeries *projection() const { return m_projection; } // null when not growing
    // What hovering day `day` shows: the date, each database's bytes and the total.
    QString toolTipFor(qsizetype day) const;
    static qint64 xFor(const QDate &day);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onHovered(const QPointF &point, bool state);
    void restyle();

    StorageHistory m_history;
    QList<QAreaSeries *> m_areas;
    QLineSeries *m_projection = nullptr;
};

} // namespace coffer::ui
