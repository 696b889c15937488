#include "storage/ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QPainter>
#include <QPalette>

namespace coffer::ui {

bool ChartStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor ChartStyle::seriesColor(int index, const QPalette &palette)
{
    // Golden-angle steps from the highlight's hue keep neighbouring series apart.
    const int base = std::max(0, palette.color(QPalette::Highlight).hsvHue());
    const int hue = (base + index * 137) % 360;
    return isDark(palette) ? QColor::fromHsv(hue, 140, 235) : QColor::fromHsv(hue, 200, 190);
}

QColor ChartStyle::keptColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4a, 0xde, 0x80) : QColor(0x15, 0x80, 0x3d);
}

QColor ChartStyle::deletedColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf8, 0x71, 0x71) : QColor(0xb9, 0x1c, 0x1c);
}

void ChartStyle::apply(QChart *chart, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

QChartView *ChartStyle::createView(
    QChart *chart, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFocusPolicy(Qt::StrongFocus);
    view->setMinimumHeight(220);
    return view;
}

} // namespace coffer::ui
