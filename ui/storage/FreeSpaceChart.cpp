#include "storage/FreeSpaceChart.h"

#include "DisplayFormat.h"
#include "storage/ChartAxes.h"
#include "storage/ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QDir>
#include <QEvent>
#include <QHorizontalPercentBarSeries>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

namespace coffer::ui {

FreeSpaceChart::FreeSpaceChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("freeSpaceChart"));
    setAccessibleName(tr("Free space per file system"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(160);
    chart()->setTitle(tr("File systems: used and free"));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    restyle();
}

void FreeSpaceChart::setBars(const QList<Bar> &bars)
{
    m_bars.clear();
    for (const Bar &bar : bars) {
        if (bar.volume.totalBytes > 0 && bar.volume.freeBytes >= 0)
            m_bars << bar;
    }
    QChart *c = chart();
    c->removeAllSeries();
    ChartAxes::removeAll(c);
    // Each bar is its own file system's 100 %: a small stick and a large disk read alike.
    auto *series = new QHorizontalPercentBarSeries;
    m_used = new QBarSet(tr("Used"));
    m_free = new QBarSet(tr("Free"));
    QStringList labels;
    for (const Bar &bar : std::as_const(m_bars)) {
        labels << tr("%1 — %2 free").arg(bar.label, DisplayFormat::size(bar.volume.freeBytes));
        m_used->append(qreal(bar.volume.usedBytes()));
        m_free->append(qreal(bar.volume.freeBytes));
    }
    series->append(m_used);
    series->append(m_free);
    for (QBarSet *set : { m_used, m_free }) {
        connect(set, &QBarSet::hovered, this, [this](bool state, int index) {
            if (state)
                QToolTip::showText(QCursor::pos(), toolTipFor(index), this);
            else
                QToolTip::hideText();
        });
    }
    c->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(labels);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(QStringLiteral("%.0f %%"));
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    restyle();
}

QString FreeSpaceChart::toolTipFor(int index) const
{
    if (index < 0 || index >= m_bars.size())
        return {};
    const Bar &bar = m_bars.at(index);
    const StorageVolume &v = bar.volume;
    return tr("%1 on %2%3\n%4 free (%5 bytes) of %6; %7 used")
        .arg(bar.label, QDir::toNativeSeparators(v.rootPath), v.removable ? tr(" (removable)") : QString(),
            DisplayFormat::size(v.freeBytes), QLocale().toString(v.freeBytes), DisplayFormat::size(v.totalBytes),
            DisplayFormat::size(v.usedBytes()));
}

void FreeSpaceChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void FreeSpaceChart::restyle()
{
    ChartStyle::apply(chart(), palette());
    if (m_used) {
        m_used->setColor(ChartStyle::seriesColor(0, palette()));
        m_used->setBorderColor(ChartStyle::seriesColor(0, palette()));
        QColor free = palette().color(QPalette::Mid);
        m_free->setColor(free);
        m_free->setBorderColor(free);
    }
}

} // namespace coffer::ui
