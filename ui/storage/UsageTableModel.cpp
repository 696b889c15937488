#include "storage/UsageTableModel.h"

#include "DisplayFormat.h"

#include <QDate>
#include <QLocale>

namespace coffer::ui {

UsageTableModel::UsageTableModel(Grouping grouping, QObject *parent)
    : QAbstractTableModel(parent)
    , m_grouping(grouping)
{
}

UsageTableModel::~UsageTableModel() = default;

void UsageTableModel::setBuckets(const QList<UsageBucket> &buckets, qint64 repositoryBytes)
{
    beginResetModel();
    m_buckets = buckets;
    m_repositoryBytes = repositoryBytes;
    endResetModel();
}

double UsageTableModel::shareOf(int row) const
{
    if (row < 0 || row >= m_buckets.size() || m_repositoryBytes <= 0)
        return 0.0;
    return double(m_buckets.at(row).artifactBytes) / double(m_repositoryBytes);
}

int UsageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size());
}

int UsageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case Qt::ToolTipRole:
        return toolTip(index.row(), index.column());
    case SortRole:
        return sortValue(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            index.column() == Name ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant UsageTableModel::display(int row, int column) const
{
    const UsageBucket &bucket = m_buckets.at(row);
    switch (column) {
    case Name:
        if (m_grouping == Grouping::Month) {
            const QDate month = QDate::fromString(bucket.name, QStringLiteral("yyyy-MM"));
            return month.isValid() ? QLocale().toString(month, QStringLiteral("MMMM yyyy")) : bucket.name;
        }
        return bucket.name;
    case Backups:
        return QLocale().toString(bucket.backups);
    case Stored:
        return DisplayFormat::size(bucket.artifactBytes);
    case Original:
        return DisplayFormat::size(bucket.plaintextBytes);
    case Ratio:
        return DisplayFormat::ratio(bucket.plaintextBytes, bucket.artifactBytes);
    case Share:
        return tr("%1 %").arg(QLocale().toString(100.0 * shareOf(row), 'f', 1));
    default:
        return {};
    }
}

QVariant UsageTableModel::sortValue(int row, int column) const
{
    const UsageBucket &bucket = m_buckets.at(row);
    switch (column) {
    case Name:
        return bucket.name; // "yyyy-MM" sorts chronologically
    case Backups:
        return bucket.backups;
    case Stored:
        return bucket.artifactBytes;
    case Original:
        return bucket.plaintextBytes;
    case Ratio:
        return bucket.compressionRatio();
    case Share:
        return shareOf(row);
    default:
        return {};
    }
}

QVariant UsageTableModel::toolTip(int row, int column) const
{
    const UsageBucket &bucket = m_buckets.at(row);
    switch (column) {
    case Name:
        return m_grouping == Grouping::Month ? tr("Backups created in %1 (UTC)").arg(bucket.name) : QVariant();
    case Stored:
        return tr("%1 bytes in the repository").arg(QLocale().toString(bucket.artifactBytes));
    case Original:
        return tr("%1 bytes when restored").arg(QLocale().toString(bucket.plaintextBytes));
    default:
        return {};
    }
}

QVariant UsageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return m_grouping == Grouping::Month ? tr("Month (UTC)") : tr("Database");
    case Backups:
        return tr("Backups");
    case Stored:
        return tr("Stored");
    case Original:
        return tr("Database bytes");
    case Ratio:
        return tr("Ratio");
    case Share:
        return tr("Share");
    default:
        return {};
    }
}

} // namespace coffer::ui
