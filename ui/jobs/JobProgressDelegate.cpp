#include "jobs/JobProgressDelegate.h"

#include "jobs/JobListModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOption>

namespace coffer::ui {

JobProgressDelegate::JobProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

JobProgressDelegate::~JobProgressDelegate() = default;

void JobProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    // A queued job has no bar yet; a running one with no known total gets a busy bar.
    if (index.data(JobListModel::StateRole).toInt() == int(Job::State::Queued))
        return;
    const int value = index.data(JobListModel::ProgressRole).toInt();
    QStyleOptionProgressBar bar;
    if (option.widget)
        bar.initFrom(option.widget);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.rect = option.rect.adjusted(2, 3, -2, -3);
    bar.minimum = 0;
    bar.maximum = value < 0 ? 0 : 1000; // 0..0 draws a busy bar
    bar.progress = qMax(0, value);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = !bar.text.isEmpty();
    bar.textAlignment = Qt::AlignCenter;
    painter->save();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    painter->restore();
}

QSize JobProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), 140));
    return size;
}

} // namespace coffer::ui
