#pragma once

#include "catalog/BackupTableModel.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <functional>

namespace coffer::ui {

// The backups of one database to choose from in the restore wizard, newest first: when, how big,
// why it was made, and whether its last verification passed.
class RestoreBackupListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreBackupListModel)

public:
    enum Column { Created, Age, Size, Trigger, Verification, Encrypted, Id, ColumnCount };
    enum Role {
        BackupIdRole = Qt::UserRole, // the full backup id, on every column
        VerificationRole, // a VerificationState, as int
    };

    explicit RestoreBackupListModel(QObject *parent = nullptr);
    ~RestoreBackupListModel() override;

    static VerificationState verificationOf(const CatalogEntry &entry);

    // Shows `rows`, sorted here newest first; ages are counted from `now`.
    void setBackups(QList<BackupRow> rows, const QDateTime &now = QDateTime::currentDateTimeUtc());
    const QList<BackupRow> &backups() const { return m_rows; }
    // The row at `row`, or nullptr when out of range.
    const BackupRow *backupAt(int row) const;
    // The row of the backup with this full id (in this repository, when one is given), or -1.
    int rowOf(const QString &backupId, const QString &repositoryPath = {}) const;
    // The newest backup whose last verification passed, or -1. Safety backups (what an earlier restore
    // replaced) only when no other backup qualifies.
    int latestVerifiedRow() const;
    // The same for the newest backup whose last verification did not fail (passed or never ran).
    int latestNotFailedRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const BackupRow &row, int column) const;
    QVariant toolTip(const BackupRow &row, int column) const;
    int latestRow(const std::function<bool(VerificationState)> &accept) const;

    QList<BackupRow> m_rows;
    QDateTime m_now;
};

} // namespace coffer::ui
