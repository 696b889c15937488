#include "storage/ShareChart.h"

#include "DisplayFormat.h"
#include "storage/ChartStyle.h"

#include <QChart>
#include <QCursor>
#include <QEvent>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QToolTip>

namespace coffer::ui {

ShareChart::ShareChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(new QPieSeries)
{
    setObjectName(QStringLiteral("shareChart"));
    setAccessibleName(tr("Share per database"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(220);
    m_series->setHoleSize(0.45);
    m_series->setName(tr("Stored bytes"));
    chart()->addSeries(m_series);
    chart()->setTitle(tr("Share of the stored bytes"));
    chart()->legend()->setAlignment(Qt::AlignRight);
    connect(m_series, &QPieSeries::hovered, this, [this](QPieSlice *slice, bool state) {
        slice->setExploded(state);
        if (state)
            QToolTip::showText(QCursor::pos(), toolTipFor(slice), this);
        else
            QToolTip::hideText();
    });
    restyle();
}

void ShareChart::setUsage(const StorageUsage &usage)
{
    m_usage = usage;
    m_series->clear();
    const qint64 total = usage.total().artifactBytes;
    for (const UsageBucket &bucket : usage.byDatabase()) {
        auto *slice = m_series->append(bucket.name, qreal(bucket.artifactBytes));
        const double percent = total > 0 ? 100.0 * double(bucket.artifactBytes) / double(total) : 0.0;
        slice->setLabel(tr("%1 %2 %").arg(bucket.name, QLocale().toString(percent, 'f', 1)));
    }
    restyle();
}

QString ShareChart::toolTipFor(const QPieSlice *slice) const
{
    const qsizetype index = m_series->slices().indexOf(const_cast<QPieSlice *>(slice));
    if (index < 0 || index >= m_usage.byDatabase().size())
        return {};
    const UsageBucket &bucket = m_usage.byDatabase().at(index);
    const qint64 total = m_usage.total().artifactBytes;
    return tr("%1: %2 (%3 bytes), %4 % of %5\n%6")
        .arg(bucket.name, DisplayFormat::size(bucket.artifactBytes), QLocale().toString(bucket.artifactBytes),
            QLocale().toString(total > 0 ? 100.0 * double(bucket.artifactBytes) / double(total) : 0.0, 'f', 1),
            DisplayFormat::size(total), tr("%n backup(s)", nullptr, bucket.backups));
}

void ShareChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void ShareChart::restyle()
{
    ChartStyle::apply(chart(), palette());
    const QList<QPieSlice *> slices = m_series->slices();
    for (qsizetype i = 0; i < slices.size(); ++i) {
        slices[i]->setBrush(ChartStyle::seriesColor(int(i), palette()));
        slices[i]->setBorderColor(palette().color(QPalette::Base));
        slices[i]->setLabelColor(palette().color(QPalette::Text));
    }
}

} // namespace coffer::ui
