#include "audit/AuditTableModel.h"

#include "DisplayFormat.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace coffer::ui {

namespace {

const QColor kFailedColor(0xb0, 0x2a, 0x1e);
const QColor kOkColor(0x2e, 0x7d, 0x32);
const QColor kOtherColor(0x9a, 0x67, 0x00); // cancelled, refused, rolled back

// Record fields come from other people's input (database names, paths): one line each.
QString oneLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    return line;
}

} // namespace

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

AuditTableModel::~AuditTableModel() = default;

void AuditTableModel::setRows(const QList<AuditRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case SortRole:
        if (column == Time)
            return row.record.time.toMSecsSinceEpoch();
        if (column == Sequence)
            return row.record.sequence;
        return display(row, column);
    case FilterRole:
        return column == Backup ? row.record.backupId : display(row, column);
    case OperationRole:
        return row.record.operation;
    case BackupIdRole:
        return row.record.backupId;
    case Qt::ForegroundRole:
        if (column != Outcome)
            return {};
        if (row.record.outcome == QStringLiteral("ok"))
            return QBrush(kOkColor);
        return QBrush(row.record.outcome == QStringLiteral("failed") ? kFailedColor : kOtherColor);
    case Qt::FontRole:
        if (column == Backup) {
            QFont mono(QStringLiteral("monospace"));
            mono.setStyleHint(QFont::TypeWriter);
            return mono;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Sequence)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant AuditTableModel::display(const AuditRow &row, int column) const
{
    const AuditRecord &record = row.record;
    switch (column) {
    case Time:
        return DisplayFormat::localTime(record.time);
    case Repository:
        return row.repository;
    case Sequence:
        return QString::number(record.sequence);
    case Operation:
        return oneLine(record.operation);
    case Target:
        return oneLine(record.target);
    case Backup:
        return record.backupId.left(8);
    case Outcome:
        return oneLine(record.outcome);
    case Who:
        return oneLine(tr("%1@%2").arg(record.user.isEmpty() ? tr("?") : record.user, record.host));
    case Detail:
        return oneLine(record.detail);
    default:
        return {};
    }
}

QVariant AuditTableModel::toolTip(const AuditRow &row, int column) const
{
    switch (column) {
    case Time:
        return DisplayFormat::utcTime(row.record.time);
    case Backup:
        return row.record.backupId.isEmpty() ? QVariant() : row.record.backupId;
    case Target:
        return row.record.target;
    case Detail:
        return row.record.detail;
    case Sequence:
        return tr("Record %1 of the trail of “%2”; hash %3")
            .arg(row.record.sequence)
            .arg(row.repository, row.record.hash);
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Repository:
        return tr("Repository");
    case Sequence:
        return tr("#");
    case Operation:
        return tr("Operation");
    case Target:
        return tr("Target");
    case Backup:
        return tr("Backup");
    case Outcome:
        return tr("Outcome");
    case Who:
        return tr("User");
    case Detail:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace coffer::ui
