#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace coffer::ui {

// Rows per table: in a backup (its manifest's counts) and, when known, in the database a restore
// would replace, with what the restore changes. Without the counts of now, it lists the backup's.
class TableDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableDiffModel)

public:
    enum Column { Table, Now, Backup, Change, ColumnCount };
    enum Role {
        // Rows the restore adds to the table (negative: removes), as qint64; the rows of a table only
        // in the backup, minus the rows of one only there now.
        ChangeRole = Qt::UserRole,
    };

    // What the restore does to the rows, summed over the tables.
    struct Summary {
        int differing = 0; // tables whose row count changes, or that appear or vanish
        qint64 added = 0;
        qint64 removed = 0;
        int onlyInBackup = 0;
        int onlyNow = 0;
        qint64 backupRows = 0;
    };

    explicit TableDiffModel(QObject *parent = nullptr);
    ~TableDiffModel() override;

    // `now`: the rows of the database there now; none when there is no database (or it cannot be read).
    void setCounts(const QMap<QString, qint64> &backup, const std::optional<QMap<QString, qint64>> &now = std::nullopt);
    void clear();
    bool hasNow() const { return m_hasNow; }
    Summary summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString table;
        std::optional<qint64> now; // none: not there now
        std::optional<qint64> backup; // none: not in the backup
        qint64 change() const { return backup.value_or(0) - now.value_or(0); }
    };

    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
    bool m_hasNow = false;
};

} // namespace coffer::ui
