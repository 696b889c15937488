#pragma once

#include "repository/StorageUsage.h"

#include <QChartView>

class QPieSeries;
class QPieSlice;

namespace coffer::ui {

// Each database's share of what the repository stores now, as a donut.
class ShareChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareChart)

public:
    explicit ShareChart(QWidget *parent = nullptr);

    void setUsage(const StorageUsage &usage);
    // A slice per database (by name), its value the artifact bytes.
    QPieSeries *series() const { return m_series; }
    QString toolTipFor(const QPieSlice *slice) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    QPieSeries *m_series = nullptr;
    StorageUsage m_usage;
};

} // namespace coffer::ui
