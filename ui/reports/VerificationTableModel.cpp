#include "reports/VerificationTableModel.h"

#include "DisplayFormat.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStringList>

namespace coffer::ui {

namespace {

const QColor kFailedColor(0xb0, 0x2a, 0x1e);
const QColor kOkColor(0x2e, 0x7d, 0x32);

} // namespace

VerificationTableModel::VerificationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

VerificationTableModel::~VerificationTableModel() = default;

void VerificationTableModel::setRows(const QList<VerificationRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int VerificationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VerificationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerificationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VerificationRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case SortRole:
        return sortValue(row, column);
    case FilterRole:
        return column == Backup ? row.outcome.backupId : display(row, column);
    case BackupIdRole:
        return row.outcome.backupId;
    case OutcomeRole:
        return row.outcome.ok() ? QStringLiteral("passed") : QStringLiteral("failed");
    case Qt::ForegroundRole:
        if (column == Outcome)
            return QBrush(row.outcome.ok() ? kOkColor : kFailedColor);
        return {};
    case Qt::FontRole:
        if (column == Outcome && !row.outcome.ok()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (column == Backup) {
            QFont mono(QStringLiteral("monospace"));
            mono.setStyleHint(QFont::TypeWriter);
            return mono;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Duration)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant VerificationTableModel::display(const VerificationRow &row, int column) const
{
    const VerifyOutcome &outcome = row.outcome;
    switch (column) {
    case Time:
        return DisplayFormat::localTime(outcome.time);
    case Database:
        return outcome.database;
    case Backup:
        return outcome.backupId.left(8);
    case Level:
        return outcome.level;
    case Outcome:
        return outcome.ok() ? tr("passed") : tr("FAILED");
    case Duration:
        return DisplayFormat::duration(outcome.durationMs);
    case FailedChecks:
        return outcome.failedCheckNames().join(QStringLiteral(", "));
    case Repository:
        return row.repository;
    default:
        return {};
    }
}

QVariant VerificationTableModel::sortValue(const VerificationRow &row, int column) const
{
    switch (column) {
    case Time:
        return row.outcome.time.toMSecsSinceEpoch();
    case Backup:
        return row.outcome.backupId;
    case Outcome:
        return row.outcome.ok() ? 1 : 0;
    case Duration:
        return row.outcome.durationMs;
    default:
        return display(row, column);
    }
}

QVariant VerificationTableModel::toolTip(const VerificationRow &row, int column) const
{
    switch (column) {
    case Time:
        return DisplayFormat::utcTime(row.outcome.time);
    case Backup:
        return row.outcome.backupId;
    case Outcome:
    case FailedChecks:
        return DisplayFormat::verificationDetail(row.outcome);
    default:
        return {};
    }
}

QVariant VerificationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Database:
        return tr("Database");
    case Backup:
        return tr("Backup");
    case Level:
        return tr("Level");
    case Outcome:
        return tr("Outcome");
    case Duration:
        return tr("Duration");
    case FailedChecks:
        return tr("Failed checks");
    case Repository:
        return tr("Repository");
    default:
        return {};
    }
}

} // namespace coffer::ui
