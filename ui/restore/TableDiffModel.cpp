#include "restore/TableDiffModel.h"

#include <QBrush>
#include <QLocale>

namespace coffer::ui {

namespace {

const QColor kRemovedColor(0xb0, 0x2a, 0x1e);
const QColor kAddedColor(0x2e, 0x7d, 0x32);

} // namespace

TableDiffModel::TableDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

TableDiffModel::~TableDiffModel() = default;

void TableDiffModel::setCounts(const QMap<QString, qint64> &backup, const std::optional<QMap<QString, qint64>> &now)
{
    QList<Row> rows;
    // QMap: the tables in name order, those of both sides merged.
    QMap<QString, Row> merged;
    for (auto it = backup.cbegin(); it != backup.cend(); ++it)
        merged[it.key()] = Row{ it.key(), std::nullopt, it.value() };
    if (now)
        for (auto it = now->cbegin(); it != now->cend(); ++it) {
            Row &row = merged[it.key()];
            row.table = it.key();
            row.now = it.value();
        }
    for (const Row &row : std::as_const(merged))
        rows << row;
    beginResetModel();
    m_rows = std::move(rows);
    m_hasNow = now.has_value();
    endResetModel();
}

void TableDiffModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_hasNow = false;
    endResetModel();
}

TableDiffModel::Summary TableDiffModel::summary() const
{
    Summary summary;
    for (const Row &row : m_rows) {
        summary.backupRows += row.backup.value_or(0);
        if (!m_hasNow)
            continue;
        if (!row.now)
            ++summary.onlyInBackup;
        else if (!row.backup)
            ++summary.onlyNow;
        if (!row.now || !row.backup || row.change() != 0)
            ++summary.differing;
        if (row.change() > 0)
            summary.added += row.change();
        else
            summary.removed -= row.change();
    }
    return summary;
}

int TableDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TableDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case ChangeRole:
        return m_hasNow ? QVariant(row.change()) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == Table)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (column == Change && m_hasNow && row.change() != 0)
            return QBrush(row.change() < 0 ? kRemovedColor : kAddedColor);
        return {};
    case Qt::ToolTipRole:
        if (column != Change || !m_hasNow)
            return {};
        if (!row.now)
            return tr("The restore creates this table with %1 rows.").arg(QLocale().toString(*row.backup));
        if (!row.backup)
            return tr("The restore removes this table and its %1 rows.").arg(QLocale().toString(*row.now));
        if (row.change() == 0)
            return tr("As many rows now as in the backup (the rows themselves may differ).");
        return row.change() > 0 ? tr("The restore brings back %1 rows.").arg(QLocale().toString(row.change()))
                                : tr("The restore removes %1 rows.").arg(QLocale().toString(-row.change()));
    default:
        return {};
    }
}

QVariant TableDiffModel::display(const Row &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Table:
        return row.table;
    case Now:
        if (!m_hasNow)
            return {};
        return row.now ? locale.toString(*row.now) : tr("—");
    case Backup:
        return row.backup ? locale.toString(*row.backup) : tr("—");
    case Change:
        if (!m_hasNow)
            return {};
        if (!row.now)
            return tr("only in backup");
        if (!row.backup)
            return tr("only now");
        if (row.change() == 0)
            return tr("same");
        // A real minus sign: it reads as one next to the plus.
        return row.change() > 0 ? tr("+%1").arg(locale.toString(row.change()))
                                : tr("−%1").arg(locale.toString(-row.change()));
    default:
        return {};
    }
}

QVariant TableDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Table:
        return tr("Table");
    case Now:
        return tr("Rows now");
    case Backup:
        return tr("Rows in backup");
    case Change:
        return tr("Change");
    default:
        return {};
    }
}

} // namespace coffer::ui
