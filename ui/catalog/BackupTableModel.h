#pragma once

#include "repository/Catalog.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// One backup and the name of the workspace repository that holds it.
struct BackupRow {
    QString repository;
    CatalogEntry entry;
};

// The backups of every repository in the workspace, one per row.
class BackupTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupTableModel)

public:
    enum Column { Database, Created, Size, DatabaseSize, Ratio, Codec, Trigger, Verified, Id, Repository, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole,    // raw value: bytes, UTC milliseconds, ratio, state
        FilterRole,                 // what the filter matches: the shown text, plus full ID and tags
        BackupIdRole,               // the full backup ID, on every column
    };

    explicit BackupTableModel(QObject *parent = nullptr);
    ~BackupTableModel() override;

    void setEntries(const QList<BackupRow> &rows);
    const QList<BackupRow> &entries() const { return m_rows; }
    // The row at `row`, or nullptr when out of range.
    const BackupRow *backupAt(int row) const;
    // The row holding the backup with this full ID, or -1.
    int rowOf(const QString &backupId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const BackupRow &row, int column) const;
    QVariant toolTip(const BackupRow &row, int column) const;
    QVariant sortValue(const BackupRow &row, int column) const;

    QList<BackupRow> m_rows;
};

} // namespace coffer::ui
