#pragma once

#include "repository/StorageUsage.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// What a repository's backups take, one row per database or per month of creation
// (StorageUsage's buckets), with each row's share of the repository.
class UsageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageTableModel)

public:
    enum class Grouping { Database, Month };
    enum Column { Name, Backups, Stored, Original, Ratio, Share, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw value: name or "yyyy-MM", count, bytes, ratio, fraction
    };

    explicit UsageTableModel(Grouping grouping, QObject *parent = nullptr);
    ~UsageTableModel() override;

    Grouping grouping() const { return m_grouping; }
    // `repositoryBytes`: what the whole repository stores, the base of each row's share.
    void setBuckets(const QList<UsageBucket> &buckets, qint64 repositoryBytes);
    const QList<UsageBucket> &buckets() const { return m_buckets; }
    // The fraction of the repository's stored bytes that `row` takes (0 when it stores nothing).
    double shareOf(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(int row, int column) const;
    QVariant sortValue(int row, int column) const;
    QVariant toolTip(int row, int column) const;

    const Grouping m_grouping;
    QList<UsageBucket> m_buckets;
    qint64 m_repositoryBytes = 0;
};

} // namespace coffer::ui
