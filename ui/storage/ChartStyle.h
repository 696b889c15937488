#pragma once

#include <QColor>
#include <QString>

class QChart;
class QChartView;
class QPalette;
class QWidget;

namespace coffer::ui {

// The storage charts' look, taken from the widget palette so that they follow a light or a dark
// theme: background, text and grid from the palette, series hues spaced from its highlight.
class ChartStyle final
{
public:
    static bool isDark(const QPalette &palette);
    // The colour of the `index`th series: distinct hues, lighter on a dark background.
    static QColor seriesColor(int index, const QPalette &palette);
    // What is kept and what a prune deletes: a green and a red readable on the palette's base.
    static QColor keptColor(const QPalette &palette);
    static QColor deletedColor(const QPalette &palette);
    // Colours `chart` (background, title, legend, axes) from `palette`; call again on a palette change.
    static void apply(QChart *chart, const QPalette &palette);
    // A view with antialiasing, an object name and an accessible name, owning `chart`.
    static QChartView *createView(QChart *chart, const QString &objectName, const QString &accessibleName,
        QWidget *parent);
};

} // namespace coffer::ui
