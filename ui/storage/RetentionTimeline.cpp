#include "storage/RetentionTimeline.h"

#include "DisplayFormat.h"
#include "storage/ChartAxes.h"
#include "storage/ChartStyle.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>

namespace coffer::ui {

RetentionTimeline::RetentionTimeline(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("retentionTimeline"));
    setAccessibleName(tr("Retention preview timeline"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(200);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    clear();
}

void RetentionTimeline::clear()
{
    setPlan({});
}

void RetentionTimeline::setPlan(const RetentionPlan &plan)
{
    QChart *c = chart();
    c->removeAllSeries();
    ChartAxes::removeAll(c);
    m_keptDecisions.clear();
    m_deletedDecisions.clear();
    m_databases.clear();
    for (const RetentionDecision &decision : plan.decisions) {
        if (!m_databases.contains(decision.backup.database))
            m_databases << decision.backup.database;
    }
    m_kept = new QScatterSeries;
    m_kept->setName(tr("Kept"));
    m_deleted = new QScatterSeries;
    m_deleted->setName(tr("Deleted by the prune"));
    for (QScatterSeries *series : { m_kept, m_deleted }) {
        series->setMarkerSize(11);
        series->setMarkerShape(series == m_kept ? QScatterSeries::MarkerShapeCircle
                                                : QScatterSeries::MarkerShapeRectangle);
        connect(series, &QScatterSeries::hovered, this,
            [this, series](const QPointF &point, bool state) { onHovered(series, point, state); });
    }
    QDateTime first;
    QDateTime last;
    for (const RetentionDecision &decision : plan.decisions) {
        const QDateTime created = decision.backup.created;
        const QPointF point(qreal(created.toMSecsSinceEpoch()), qreal(m_databases.indexOf(decision.backup.database)));
        (decision.keep ? m_kept : m_deleted)->append(point);
        (decision.keep ? m_keptDecisions : m_deletedDecisions) << decision;
        first = first.isValid() ? std::min(first, created) : created;
        last = last.isValid() ? std::max(last, created) : created;
    }
    c->addSeries(m_kept);
    c->addSeries(m_deleted);

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy-MM-dd"));
    x->setTickCount(6);
    if (first.isValid()) {
        const qint64 margin = std::max<qint64>(3600 * 1000, (last.toMSecsSinceEpoch() - first.toMSecsSinceEpoch()) / 40);
        x->setRange(first.addMSecs(-margin), last.addMSecs(margin));
    }
    auto *y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->setRange(-0.5, std::max<qsizetype>(1, m_databases.size()) - 0.5);
    for (qsizetype i = 0; i < m_databases.size(); ++i)
        y->append(m_databases.at(i), qreal(i));
    y->setStartValue(-0.5);
    y->setGridLineVisible(false);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries *series : { m_kept, m_deleted }) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    restyle();
}

const RetentionDecision *RetentionTimeline::decisionAt(const QScatterSeries *series, qsizetype index) const
{
    const QList<RetentionDecision> &list = series == m_kept ? m_keptDecisions : m_deletedDecisions;
    return index >= 0 && index < list.size() ? &list.at(index) : nullptr;
}

QString RetentionTimeline::toolTipFor(const RetentionDecision &decision) const
{
    const RetentionCandidate &b = decision.backup;
    return tr("%1 · %2 · %3\n%4 (%5 bytes)\n%6")
        .arg(b.database, b.id.left(8), DisplayFormat::localTime(b.created), DisplayFormat::size(b.bytes),
            QLocale().toString(b.bytes), decision.explanation());
}

void RetentionTimeline::onHovered(QScatterSeries *series, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    // The nearest marker of the hovered series: several may overlap at this scale.
    qsizetype best = -1;
    double distance = 0;
    const QList<QPointF> points = series->points();
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double d = std::abs(points.at(i).x() - point.x()) + 1e12 * std::abs(points.at(i).y() - point.y());
        if (best < 0 || d < distance) {
            best = i;
            distance = d;
        }
    }
    if (const RetentionDecision *decision = decisionAt(series, best))
        QToolTip::showText(QCursor::pos(), toolTipFor(*decision), this);
}

void RetentionTimeline::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void RetentionTimeline::restyle()
{
    ChartStyle::apply(chart(), palette());
    if (!m_kept)
        return;
    m_kept->setColor(ChartStyle::keptColor(palette()));
    m_kept->setBorderColor(palette().color(QPalette::Base));
    m_deleted->setColor(ChartStyle::deletedColor(palette()));
    m_deleted->setBorderColor(palette().color(QPalette::Base));
}

} // namespace coffer::ui
