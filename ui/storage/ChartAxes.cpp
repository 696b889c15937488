#include "storage/ChartAxes.h"

#include "DisplayFormat.h"

#include <QCategoryAxis>
#include <QChart>

#include <cmath>

namespace coffer::ui {

void ChartAxes::setByteLabels(QCategoryAxis *axis, double maximum)
{
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    const double top = std::max(1.0, maximum);
    // A step of 1, 2 or 5 times a power of ten that gives four or five labels.
    const double raw = top / 4.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (const double factor : { 1.0, 2.0, 5.0, 10.0 }) {
        step = factor * power;
        if (step >= raw)
            break;
    }
    const double end = std::ceil(top / step) * step;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(0, end);
    axis->setStartValue(0);
    for (double value = 0; value <= end + step / 2; value += step)
        axis->append(DisplayFormat::size(qint64(value)), value);
}

void ChartAxes::removeAll(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes()) {
        // Hidden first: removeAxis() hides only the axis item, while its ticks, labels and grid stay
        // in the scene until the item is deleted (a squeezed stray axis in the next paint or grab).
        axis->setVisible(false);
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace coffer::ui
