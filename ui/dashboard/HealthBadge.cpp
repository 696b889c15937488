#include "dashboard/HealthBadge.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace coffer::ui {

namespace {

constexpr int kGap = 6; // between the dot and the word

} // namespace

HealthBadge::HealthBadge(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("healthBadge"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
}

HealthBadge::~HealthBadge() = default;

void HealthBadge::setHealth(HealthLevel level, const QString &word, const QString &reasons)
{
    m_level = level;
    if (m_word != word) {
        m_word = word;
        updateGeometry();
    }
    setToolTip(reasons);
    setAccessibleName(tr("Health: %1").arg(word));
    setAccessibleDescription(reasons);
    update();
}

QColor HealthBadge::colorFor(HealthLevel level, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (level) {
    case HealthLevel::Green:
        return dark ? QColor(0x4a, 0xc2, 0x6b) : QColor(0x1a, 0x7f, 0x37);
    case HealthLevel::Amber:
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0xb0, 0x6a, 0x00);
    case HealthLevel::Red:
        break;
    }
    return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xc6, 0x28, 0x28);
}

int HealthBadge::dotDiameter() const
{
    return std::max(8, fontMetrics().height() * 2 / 3);
}

QSize HealthBadge::sizeHint() const
{
    return { dotDiameter() + kGap + fontMetrics().horizontalAdvance(m_word) + 2, fontMetrics().height() + 4 };
}

QSize HealthBadge::minimumSizeHint() const
{
    return sizeHint();
}

void HealthBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int diameter = dotDiameter();
    const QRectF dot(0.5, (height() - diameter) / 2.0, diameter, diameter);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 0.5)); // an outline keeps the dot visible on any card
    painter.setBrush(color());
    painter.drawEllipse(dot);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(rect().adjusted(diameter + kGap, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, m_word);
}

void HealthBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace coffer::ui
