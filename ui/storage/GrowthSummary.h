#pragma once

#include "storage/StorageGrowth.h"

#include <QLabel>

namespace coffer::ui {

// The growth rate in words, and when the file system fills at that rate.
class GrowthSummary final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrowthSummary)

public:
    explicit GrowthSummary(QWidget *parent = nullptr);

    void setGrowth(const StorageGrowth &growth, int deletedBackups, int unplacedDeletions);
    static QString describe(const StorageGrowth &growth);
};

} // namespace coffer::ui
