#include "reports/RunResultModel.h"

#include "DisplayFormat.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace coffer::ui {

namespace {

// A child row's internal id is its entry's row + 1; a top-level row's is 0.
constexpr quintptr kTopLevel = 0;

const QColor kFailedBackground(0xb9, 0x1c, 0x1c);
const QColor kPassedBackground(0x15, 0x80, 0x3d);
const QColor kFailedText(0xb0, 0x2a, 0x1e);

} // namespace

RunResultModel::RunResultModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

RunResultModel::~RunResultModel() = default;

void RunResultModel::setEntries(const QList<ReportEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QModelIndex RunResultModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : kTopLevel);
}

QModelIndex RunResultModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int RunResultModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_entries.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_entries.at(parent.row()).outcome.checks.size());
}

int RunResultModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RunResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel)
        return entryData(m_entries.at(index.row()), index.column(), role);
    const ReportEntry &entry = m_entries.at(int(index.internalId() - 1));
    return checkData(entry, entry.outcome.checks.at(index.row()), index.column(), role);
}

QVariant RunResultModel::entryData(const ReportEntry &entry, int column, int role) const
{
    const bool ok = entry.outcome.ok();
    switch (role) {
    case BackupIdRole:
        return entry.backupId;
    case OutcomeRole:
        return ok ? QStringLiteral("passed") : QStringLiteral("failed");
    case Qt::BackgroundRole:
        return column == Outcome ? QVariant(QBrush(ok ? kPassedBackground : kFailedBackground)) : QVariant();
    case Qt::ForegroundRole:
        return column == Outcome ? QVariant(QBrush(Qt::white)) : QVariant();
    case Qt::TextAlignmentRole:
        return column == Outcome ? QVariant(Qt::AlignCenter) : QVariant();
    case Qt::FontRole:
        if (column == Outcome || (column == Detail && !ok)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Backup)
            return entry.backupId;
        if (column == Detail && !ok)
            return tr("Double-click or press Enter to show this backup in the catalog.");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Outcome:
        return ok ? tr("PASSED") : tr("FAILED");
    case Database:
        return entry.database;
    case Backup:
        return entry.backupId.isEmpty() ? tr("(no backup)") : entry.backupId.left(8);
    case Repository:
        return entry.repository;
    case Level:
        return entry.outcome.level;
    case Duration:
        return DisplayFormat::duration(entry.outcome.durationMs);
    case Detail:
        return ok ? tr("%n check(s) passed", nullptr, int(entry.outcome.checks.size()))
                  : tr("Failed: %1").arg(entry.outcome.failedCheckNames().join(QStringLiteral(", ")));
    default:
        return {};
    }
}

QVariant RunResultModel::checkData(const ReportEntry &entry, const CheckResult &check, int column, int role) const
{
    switch (role) {
    case BackupIdRole:
        return entry.backupId;
    case OutcomeRole:
        return check.ok ? QStringLiteral("passed") : QStringLiteral("failed");
    case Qt::ForegroundRole:
        return !check.ok && (column == Outcome || column == Detail) ? QVariant(QBrush(kFailedText)) : QVariant();
    case Qt::ToolTipRole:
        return column == Detail ? QVariant(check.detail) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Outcome:
        return check.ok ? tr("ok") : tr("FAIL");
    case Database:
        return check.name;
    case Detail:
        return check.detail;
    default:
        return {};
    }
}

QVariant RunResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Outcome:
        return tr("Outcome");
    case Database:
        return tr("Database / check");
    case Backup:
        return tr("Backup");
    case Repository:
        return tr("Repository");
    case Level:
        return tr("Level");
    case Duration:
        return tr("Time");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace coffer::ui
