#pragma once

#include <QStyledItemDelegate>

namespace coffer::ui {

// Draws a JobListModel's progress cell as a progress bar (busy while the total is unknown).
class JobProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobProgressDelegate)

public:
    explicit JobProgressDelegate(QObject *parent = nullptr);
    ~JobProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace coffer::ui
