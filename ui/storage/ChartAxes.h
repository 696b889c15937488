#pragma once

class QCategoryAxis;
class QChart;

namespace coffer::ui {

// Byte axes with labels people read ("0", "250 MB", "500 MB"), at round steps up to `maximum`.
class ChartAxes final
{
public:
    // Sets `axis`'s range to [0, a round value >= maximum] and its labels at round steps.
    static void setByteLabels(QCategoryAxis *axis, double maximum);
    // Removes and deletes every axis of `chart`, before a chart is rebuilt for new data.
    static void removeAll(QChart *chart);
};

} // namespace coffer::ui
