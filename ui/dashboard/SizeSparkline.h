#pragma once

#include "dashboard/DatabaseStatus.h"

#include <QList>
#include <QWidget>

namespace coffer::ui {

// A small line of a database's newest backup sizes, oldest on the left; the tooltip lists the
// exact values.
class SizeSparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SizeSparkline)

public:
    explicit SizeSparkline(QWidget *parent = nullptr);
    ~SizeSparkline() override;

    void setPoints(const QList<SizePoint> &points);
    const QList<SizePoint> &points() const { return m_points; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<SizePoint> m_points;
};

} // namespace coffer::ui
