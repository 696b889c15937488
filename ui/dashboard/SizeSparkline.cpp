#include "dashboard/SizeSparkline.h"

#include "DisplayFormat.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>

#include <algorithm>

namespace coffer::ui {

SizeSparkline::SizeSparkline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sizeTrend"));
    setAccessibleName(tr("Size trend"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setPoints({});
}

SizeSparkline::~SizeSparkline() = default;

void SizeSparkline::setPoints(const QList<SizePoint> &points)
{
    m_points = points;
    if (points.isEmpty()) {
        setToolTip(tr("No backups yet"));
        setAccessibleDescription(toolTip());
        update();
        return;
    }
    QStringList lines{ tr("Size of the last %n backup(s):", nullptr, int(points.size())) };
    for (auto point = points.crbegin(); point != points.crend(); ++point)
        lines << tr("%1  %2 (%3 bytes)")
                     .arg(DisplayFormat::localTime(point->created), DisplayFormat::size(point->artifactSize),
                         QLocale().toString(point->artifactSize));
    setToolTip(lines.join(QLatin1Char('\n')));
    setAccessibleDescription(tr("%n backup(s), from %1 to %2", nullptr, int(points.size()))
                                 .arg(DisplayFormat::size(points.constFirst().artifactSize),
                                     DisplayFormat::size(points.constLast().artifactSize)));
    update();
}

QSize SizeSparkline::sizeHint() const
{
    return { 120, fontMetrics().height() + 10 };
}

QSize SizeSparkline::minimumSizeHint() const
{
    return { 40, sizeHint().height() };
}

void SizeSparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_points.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, tr("no backups"));
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(3, 3, -3, -3);
    const auto [smallest, largest] = std::minmax_element(m_points.cbegin(), m_points.cend(),
        [](const SizePoint &a, const SizePoint &b) { return a.artifactSize < b.artifactSize; });
    const double low = double(smallest->artifactSize);
    const double span = double(largest->artifactSize) - low;
    auto pointAt = [&](qsizetype i) {
        const double x = m_points.size() == 1 ? area.center().x()
                                              : area.left() + area.width() * double(i) / double(m_points.size() - 1);
        // All equal: a level line through the middle.
        const double y = span <= 0 ? area.center().y()
                                   : area.bottom() - area.height() * (double(m_points[i].artifactSize) - low) / span;
        return QPointF(x, y);
    };

    const QColor line = palette().color(QPalette::Highlight);
    QPainterPath path(pointAt(0));
    for (qsizetype i = 1; i < m_points.size(); ++i)
        path.lineTo(pointAt(i));
    painter.setPen(QPen(line, 1.5));
    painter.drawPath(path);
    painter.setPen(Qt::NoPen);
    painter.setBrush(line);
    painter.drawEllipse(pointAt(m_points.size() - 1), 2.5, 2.5); // the newest backup
}

} // namespace coffer::ui
