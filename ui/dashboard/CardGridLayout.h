#pragma once

#include <QLayout>
#include <QList>

namespace coffer::ui {

// Lays equal-width cards out in as many columns as fit (each at least minimumCardWidth() wide),
// filling rows left to right; it reflows when its width changes. Row heights follow the tallest
// card of the row; the layout has a height for each width, so a QScrollArea scrolls it vertically.
class CardGridLayout final : public QLayout
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardGridLayout)

public:
    explicit CardGridLayout(QWidget *parent = nullptr);
    ~CardGridLayout() override;

    int minimumCardWidth() const { return m_minimumCardWidth; }
    void setMinimumCardWidth(int width);
    // How many columns a layout `width` wide (margins included) holds.
    int columnsFor(int width) const;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int effectiveSpacing() const;
    // Places the items in `rect` (or only measures, when `apply` is false); returns the height used.
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
    int m_minimumCardWidth = 280;
};

} // namespace coffer::ui
