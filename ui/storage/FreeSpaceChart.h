#pragma once

#include "storage/StorageVolumes.h"

#include <QChartView>
#include <QList>
#include <QString>

class QBarSet;

namespace coffer::ui {

// Used and free space of each repository's file system and of removable media, as stacked bars.
class FreeSpaceChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreeSpaceChart)

public:
    struct Bar {
        QString label; // "local" or a medium's name
        StorageVolume volume;
    };

    explicit FreeSpaceChart(QWidget *parent = nullptr);

    // Volumes whose size is unknown are left out.
    void setBars(const QList<Bar> &bars);
    const QList<Bar> &bars() const { return m_bars; }
    // One value per bar, in bars() order, in bytes.
    QBarSet *used() const { return m_used; }
    QBarSet *free() const { return m_free; }
    QString toolTipFor(int index) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    QList<Bar> m_bars;
    QBarSet *m_used = nullptr;
    QBarSet *m_free = nullptr;
};

} // namespace coffer::ui
