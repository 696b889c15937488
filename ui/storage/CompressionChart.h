#pragma once

#include "repository/StorageUsage.h"

#include <QChartView>
#include <QStringList>

class QBarSet;

namespace coffer::ui {

// How much each database's backups are compressed: original (plaintext) bytes over stored bytes.
class CompressionChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompressionChart)

public:
    explicit CompressionChart(QWidget *parent = nullptr);

    void setUsage(const StorageUsage &usage);
    // One value per database, in categories() order: UsageBucket::compressionRatio().
    QBarSet *ratios() const { return m_ratios; }
    QStringList categories() const;
    QString toolTipFor(int index) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    QBarSet *m_ratios = nullptr;
    StorageUsage m_usage;
};

} // namespace coffer::ui
