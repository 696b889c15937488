#include "dashboard/CardGridLayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace coffer::ui {

CardGridLayout::CardGridLayout(QWidget *parent)
    : QLayout(parent)
{
}

CardGridLayout::~CardGridLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void CardGridLayout::setMinimumCardWidth(int width)
{
    m_minimumCardWidth = std::max(1, width);
    invalidate();
}

int CardGridLayout::columnsFor(int width) const
{
    const QMargins margins = contentsMargins();
    const int available = width - margins.left() - margins.right();
    const int spacing = effectiveSpacing();
    return std::max(1, (available + spacing) / (m_minimumCardWidth + spacing));
}

void CardGridLayout::addItem(QLayoutItem *item)
{
    m_items << item;
    invalidate();
}

int CardGridLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *CardGridLayout::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem *CardGridLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem *item = m_items.takeAt(index);
    invalidate();
    return item;
}

Qt::Orientations CardGridLayout::expandingDirections() const
{
    return {};
}

bool CardGridLayout::hasHeightForWidth() const
{
    return true;
}

int CardGridLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize CardGridLayout::minimumSize() const
{
    const QMargins margins = contentsMargins();
    return { m_minimumCardWidth + margins.left() + margins.right(), margins.top() + margins.bottom() };
}

QSize CardGridLayout::sizeHint() const
{
    // Room for three columns when the window is free to choose.
    const QMargins margins = contentsMargins();
    const int width = 3 * m_minimumCardWidth + 2 * effectiveSpacing() + margins.left() + margins.right();
    return { width, heightForWidth(width) };
}

void CardGridLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int CardGridLayout::effectiveSpacing() const
{
    if (const int own = spacing(); own >= 0)
        return own;
    const QWidget *parent = parentWidget();
    const int styled = parent ? parent->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, parent) : -1;
    return styled >= 0 ? styled : 12;
}

int CardGridLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int spacing = effectiveSpacing();
    const int columns = columnsFor(rect.width());
    const int cardWidth = std::max(1, (area.width() - (columns - 1) * spacing) / columns);

    QList<QLayoutItem *> visible;
    for (QLayoutItem *item : m_items)
        if (!item->isEmpty())
            visible << item;

    int y = area.top();
    for (qsizetype first = 0; first < visible.size(); first += columns) {
        const qsizetype last = std::min<qsizetype>(first + columns, visible.size());
        int rowHeight = 0;
        for (qsizetype i = first; i < last; ++i) {
            const QLayoutItem *item = visible.at(i);
            rowHeight = std::max(
                rowHeight, item->hasHeightForWidth() ? item->heightForWidth(cardWidth) : item->sizeHint().height());
        }
        if (apply) {
            for (qsizetype i = first; i < last; ++i)
                visible.at(i)->setGeometry(
                    QRect(area.left() + int(i - first) * (cardWidth + spacing), y, cardWidth, rowHeight));
        }
        y += rowHeight + spacing;
    }
    if (!visible.isEmpty())
        y -= spacing;
    return y - rect.top() + contentsMargins().bottom();
}

} // namespace coffer::ui
