#pragma once

#include "audit/AuditReport.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// The audit trails of every repository, one record per row.
class AuditTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)

public:
    enum Column { Time, Repository, Sequence, Operation, Target, Backup, Outcome, Who, Detail, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw value: UTC milliseconds, sequence
        FilterRole, // what the text filter matches: the shown text, plus the full backup ID
        OperationRole, // the record's operation, on every column
        BackupIdRole, // the full backup ID (empty when the record concerns none), on every column
    };

    explicit AuditTableModel(QObject *parent = nullptr);
    ~AuditTableModel() override;

    void setRows(const QList<AuditRow> &rows);
    const QList<AuditRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const AuditRow &row, int column) const;
    QVariant toolTip(const AuditRow &row, int column) const;

    QList<AuditRow> m_rows;
};

} // namespace coffer::ui
