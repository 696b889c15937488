#pragma once

#include "retention/RetentionPlanner.h"

#include <QChartView>
#include <QList>

class QScatterSeries;

namespace coffer::ui {

// A retention plan on a timeline: a marker per backup at its creation time, one row per
// database, green when the policy keeps it and red when a prune would delete it; hovering a
// marker shows the backup, its size and the planner's reasons.
class RetentionTimeline final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionTimeline)

public:
    explicit RetentionTimeline(QWidget *parent = nullptr);

    void setPlan(const RetentionPlan &plan);
    void clear();

    QScatterSeries *kept() const { return m_kept; }
    QScatterSeries *deleted() const { return m_deleted; }
    // The decision behind point `index` of kept() or deleted().
    const RetentionDecision *decisionAt(const QScatterSeries *series, qsizetype index) const;
    QString toolTipFor(const RetentionDecision &decision) const;
    QStringList databases() const { return m_databases; } // row 0 is the first

protected:
    void changeEvent(QEvent *event) override;

private:
    void onHovered(QScatterSeries *series, const QPointF &point, bool state);
    void restyle();

    QScatterSeries *m_kept = nullptr;
    QScatterSeries *m_deleted = nullptr;
    QList<RetentionDecision> m_keptDecisions;
    QList<RetentionDecision> m_deletedDecisions;
    QStringList m_databases;
};

} // namespace coffer::ui
