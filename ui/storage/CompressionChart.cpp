#include "storage/CompressionChart.h"

#include "DisplayFormat.h"
#include "storage/ChartAxes.h"
#include "storage/ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace coffer::ui {

CompressionChart::CompressionChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("compressionChart"));
    setAccessibleName(tr("Compression ratio per database"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(220);
    chart()->setTitle(tr("Compression ratio (original size ÷ stored size)"));
    chart()->legend()->hide();
    restyle();
}

void CompressionChart::setUsage(const StorageUsage &usage)
{
    m_usage = usage;
    QChart *c = chart();
    c->removeAllSeries();
    ChartAxes::removeAll(c);
    auto *series = new QHorizontalBarSeries;
    m_ratios = new QBarSet(tr("Compression ratio"));
    QStringList names;
    double top = 1.0;
    for (const UsageBucket &bucket : usage.byDatabase()) {
        names << bucket.name;
        m_ratios->append(bucket.compressionRatio());
        top = std::max(top, bucket.compressionRatio());
    }
    series->append(m_ratios);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value×"));
    series->setLabelsPrecision(3);
    connect(m_ratios, &QBarSet::hovered, this, [this](bool state, int index) {
        if (state)
            QToolTip::showText(QCursor::pos(), toolTipFor(index), this);
        else
            QToolTip::hideText();
    });
    c->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(names);
    auto *x = new QValueAxis;
    x->setRange(0, std::ceil(top * 1.15));
    // A printf format: ASCII only (a "×" here comes out as mojibake), one decimal so ticks stay distinct.
    x->setLabelFormat(QStringLiteral("%.1f"));
    x->setTickCount(std::min(int(std::ceil(top * 1.15)) * 2 + 1, 11)); // a 2000x outlier must not draw 4,600 ticks
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    restyle();
}

QStringList CompressionChart::categories() const
{
    QStringList names;
    for (const UsageBucket &bucket : m_usage.byDatabase())
        names << bucket.name;
    return names;
}

QString CompressionChart::toolTipFor(int index) const
{
    if (index < 0 || index >= m_usage.byDatabase().size())
        return {};
    const UsageBucket &bucket = m_usage.byDatabase().at(index);
    return tr("%1: %2 — %3 of databases stored in %4")
        .arg(bucket.name, DisplayFormat::ratio(bucket.plaintextBytes, bucket.artifactBytes),
            DisplayFormat::size(bucket.plaintextBytes), DisplayFormat::size(bucket.artifactBytes));
}

void CompressionChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void CompressionChart::restyle()
{
    ChartStyle::apply(chart(), palette());
    if (m_ratios) {
        m_ratios->setColor(ChartStyle::seriesColor(1, palette()));
        m_ratios->setBorderColor(ChartStyle::seriesColor(1, palette()));
        m_ratios->setLabelColor(palette().color(QPalette::Text));
    }
}

} // namespace coffer::ui
