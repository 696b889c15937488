#pragma once

#include "reports/VerificationReport.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// The verification history of every repository, one recorded verification per row.
class VerificationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationTableModel)

public:
    enum Column { Time, Database, Backup, Level, Outcome, Duration, Repository, FailedChecks, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw value: UTC milliseconds, duration, number of failed checks
        FilterRole, // what the text filter matches: the shown text, plus the full backup ID
        BackupIdRole, // the full backup ID, on every column
        OutcomeRole, // "passed" or "failed", on every column
    };

    explicit VerificationTableModel(QObject *parent = nullptr);
    ~VerificationTableModel() override;

    void setRows(const QList<VerificationRow> &rows);
    const QList<VerificationRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const VerificationRow &row, int column) const;
    QVariant sortValue(const VerificationRow &row, int column) const;
    QVariant toolTip(const VerificationRow &row, int column) const;

    QList<VerificationRow> m_rows;
};

} // namespace coffer::ui
