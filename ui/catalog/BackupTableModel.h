#pragma once

#include "repository/Catalog.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QFont>
#include <QIcon>
#include <QList>

#include <array>

namespace coffer::ui {

// One backup and the workspace repository that holds it.
struct BackupRow {
    QString repository; // its name in the workspace
    QString repositoryPath; // its folder
    CatalogEntry entry;
};

// The outcome of a backup's last verification (or of its last restore drill).
enum class VerificationState : quint8 { Never, Failed, Passed };

// The backups of every repository in the workspace, one per row.
class BackupTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupTableModel)

public:
    enum Column {
        Database,
        Group,
        Created,
        Trigger,
        Tags,
        Pinned,
        Size,
        DatabaseSize,
        Ratio,
        Codec,
        Encrypted,
        Verified,
        Drill, // the backup's newest restore drill
        Id,
        Repository,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // the sort key: bytes, UTC milliseconds, or the rank of a text among all rows
        BackupIdRole, // the full backup ID, on every column
    };

    // What the table shows of its rows and what the filter proxy sorts and filters them by,
    // computed once for all rows, off the GUI thread. Column by column: sorting 100,000 rows
    // compares integers from one contiguous array instead of reaching into 100,000 records.
    struct Keys {
        std::array<QList<QString>, ColumnCount> text; // the displayed text, [column][row]
        std::array<QList<qint64>, ColumnCount> order; // the sort keys, [column][row]
        QList<QString> haystack; // lower case: database, group, full ID, tags, repository
        QList<VerificationState> verification;
        QList<VerificationState> drill; // Never: not drilled
        qsizetype size() const { return haystack.size(); }
    };

    explicit BackupTableModel(QObject *parent = nullptr);
    ~BackupTableModel() override;

    // How names (databases, groups, tags) sort: "db2" before "db10", case aside. Even in the C
    // locale, where QCollator would compare code points.
    static QCollator nameCollator();
    static VerificationState verificationOf(const std::optional<VerifyOutcome> &outcome);
    static VerificationState drillOf(const std::optional<DrillOutcome> &drill);
    // How a cell showing a backup's verification looks for `role` (its colour, bold when it failed),
    // so every table of backups agrees; an invalid QVariant for other roles.
    static QVariant verificationLook(VerificationState state, int role);
    // The font of a column of backup IDs: hex digits line up in a fixed-width font.
    static QFont idFont();
    // The keys of `rows`. Thread-safe; it ranks texts among all the rows, so it takes them all at once.
    static Keys keysFor(const QList<BackupRow> &rows);

    // Shows `rows`; `keys` are keysFor(rows), computed here when not given.
    void setEntries(const QList<BackupRow> &rows, const Keys &keys = {});
    const QList<BackupRow> &entries() const { return m_rows; }
    // The row at `row`, or nullptr when out of range.
    const BackupRow *backupAt(int row) const;
    const Keys &keys() const { return m_keys; }
    // The row holding the backup with this full ID, or -1.
    int rowOf(const QString &backupId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant toolTip(const BackupRow &row, int column) const;

    QList<BackupRow> m_rows;
    Keys m_keys;
    QIcon m_pinIcon;
};

} // namespace coffer::ui
