#include "storage/HistoryChart.h"

#include "DisplayFormat.h"
#include "storage/ChartAxes.h"
#include "storage/ChartStyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace coffer::ui {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
}

HistoryChart::HistoryChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("historyChart"));
    setAccessibleName(tr("Storage over time"));
    setAccessibleDescription(tr("Bytes stored per database at the end of each day, stacked"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(240);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    restyle();
}

qint64 HistoryChart::xFor(const QDate &day)
{
    return QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

void HistoryChart::setHistory(const StorageHistory &history, const StorageGrowth &growth)
{
    m_history = history;
    QChart *c = chart();
    c->removeAllSeries();
    m_areas.clear();
    m_projection = nullptr;
    ChartAxes::removeAll(c);

    const QList<QDate> &days = m_history.days();
    QList<qint64> below(days.size(), 0);
    double top = 0;
    for (qsizetype db = 0; db < m_history.databases().size(); ++db) {
        auto *area = new QAreaSeries;
        auto *upper = new QLineSeries(area);
        QLineSeries *lower = db > 0 ? new QLineSeries(area) : nullptr;
        const QList<qint64> &bytes = m_history.bytes(db);
        for (qsizetype i = 0; i < days.size(); ++i) {
            const qreal x = qreal(xFor(days.at(i)));
            if (lower)
                lower->append(x, qreal(below.at(i)));
            below[i] += bytes.at(i);
            upper->append(x, qreal(below.at(i)));
            top = std::max(top, double(below.at(i)));
        }
        area->setUpperSeries(upper);
        if (lower)
            area->setLowerSeries(lower);
        area->setName(m_history.databases().at(db));
        connect(area, &QAreaSeries::hovered, this, &HistoryChart::onHovered);
        c->addSeries(area);
        m_areas << area;
    }
    if (growth.isGrowing() && !days.isEmpty()) {
        m_projection = new QLineSeries;
        m_projection->setName(tr("Projection at %1 a day").arg(DisplayFormat::size(qint64(*growth.bytesPerDay))));
        const double end = double(growth.currentBytes) + *growth.bytesPerDay * kProjectionDays;
        m_projection->append(qreal(xFor(days.constLast())), qreal(growth.currentBytes));
        m_projection->append(qreal(xFor(days.constLast().addDays(kProjectionDays))), end);
        top = std::max(top, end);
        c->addSeries(m_projection);
    }

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy-MM-dd"));
    x->setTickCount(6);
    if (!days.isEmpty()) {
        const QDate last = m_projection ? days.constLast().addDays(kProjectionDays) : days.constLast();
        // A week at least, so a young repository's few days read as days (six ticks over one day
        // would all say the same date).
        const QDate first = std::min(days.constFirst(), last.addDays(-6));
        x->setRange(QDateTime::fromMSecsSinceEpoch(xFor(first) - kDayMs / 2, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(xFor(last) + kDayMs / 2, Qt::UTC));
        x->setTickCount(int(std::min<qint64>(first.daysTo(last) + 2, 6)));
    }
    auto *y = new QCategoryAxis;
    ChartAxes::setByteLabels(y, top);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : c->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    restyle();
}

QString HistoryChart::toolTipFor(qsizetype day) const
{
    if (day < 0 || day >= m_history.days().size())
        return {};
    QStringList lines{ m_history.days().at(day).toString(Qt::ISODate) };
    for (qsizetype db = m_history.databases().size() - 1; db >= 0; --db) {
        const qint64 bytes = m_history.bytes(db).at(day);
        lines << tr("%1: %2 (%3 bytes)")
                     .arg(m_history.databases().at(db), DisplayFormat::size(bytes), QLocale().toString(bytes));
    }
    const qint64 total = m_history.total(day);
    lines << tr("Total: %1 (%2 bytes)").arg(DisplayFormat::size(total), QLocale().toString(total));
    return lines.join(QLatin1Char('\n'));
}

void HistoryChart::onHovered(const QPointF &point, bool state)
{
    if (!state || m_history.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const qsizetype day = std::llround((point.x() - double(xFor(m_history.days().constFirst()))) / double(kDayMs));
    QToolTip::showText(QCursor::pos(), toolTipFor(day), this);
}

void HistoryChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void HistoryChart::restyle()
{
    ChartStyle::apply(chart(), palette());
    for (qsizetype i = 0; i < m_areas.size(); ++i) {
        const QColor colour = ChartStyle::seriesColor(int(i), palette());
        QColor fill = colour;
        fill.setAlpha(190);
        m_areas[i]->setBrush(fill);
        m_areas[i]->setPen(QPen(colour.darker(ChartStyle::isDark(palette()) ? 100 : 130), 1));
    }
    if (m_projection) {
        QPen pen(palette().color(QPalette::Text), 1.5, Qt::DashLine);
        m_projection->setPen(pen);
    }
}

} // namespace coffer::ui
