#pragma once

#include "report/VerificationRunReport.h"

#include <QAbstractItemModel>

namespace coffer::ui {

// The result of one verification run as a tree: a row per verified backup with a pass/fail
// badge, and under it a row per check it performed (name, outcome, detail).
class RunResultModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunResultModel)

public:
    enum Column { Outcome, Database, Backup, Repository, Level, Duration, Detail, ColumnCount };
    enum Role {
        BackupIdRole = Qt::UserRole, // the full backup ID, on a backup's row and its checks
        OutcomeRole, // "passed" or "failed"
    };

    explicit RunResultModel(QObject *parent = nullptr);
    ~RunResultModel() override;

    void setEntries(const QList<ReportEntry> &entries);
    const QList<ReportEntry> &entries() const { return m_entries; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant entryData(const ReportEntry &entry, int column, int role) const;
    QVariant checkData(const ReportEntry &entry, const CheckResult &check, int column, int role) const;

    QList<ReportEntry> m_entries;
};

} // namespace coffer::ui
