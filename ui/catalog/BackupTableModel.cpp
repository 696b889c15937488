#include "catalog/BackupTableModel.h"

#include "DisplayFormat.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace coffer::ui {

namespace {

const QColor kFailedColor(0xb0, 0x2a, 0x1e);
const QColor kOkColor(0x2e, 0x7d, 0x32);

// never < FAILED < ok, so sorting by Verified groups the states.
int verificationState(const std::optional<VerifyOutcome> &outcome)
{
    if (!outcome)
        return 0;
    return outcome->ok() ? 2 : 1;
}

} // namespace

BackupTableModel::BackupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

BackupTableModel::~BackupTableModel() = default;

void BackupTableModel::setEntries(const QList<BackupRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const BackupRow *BackupTableModel::backupAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

int BackupTableModel::rowOf(const QString &backupId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).entry.manifest.id == backupId)
            return row;
    return -1;
}

int BackupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case SortRole:
        return sortValue(row, column);
    case FilterRole:
        if (column == Id)
            return QStringList{row.entry.manifest.id, row.entry.manifest.tags.join(QLatin1Char(' '))}.join(
                QLatin1Char(' '));
        return display(row, column);
    case BackupIdRole:
        return row.entry.manifest.id;
    case Qt::TextAlignmentRole:
        if (column == Size || column == DatabaseSize || column == Ratio)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (column == Verified && row.entry.lastVerification)
            return QBrush(row.entry.lastVerification->ok() ? kOkColor : kFailedColor);
        return {};
    case Qt::FontRole:
        if (column == Verified && row.entry.lastVerification && !row.entry.lastVerification->ok()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (column == Id) {
            QFont mono(QStringLiteral("monospace"));
            mono.setStyleHint(QFont::TypeWriter);
            return mono;
        }
        return {};
    default:
        return {};
    }
}

QVariant BackupTableModel::display(const BackupRow &row, int column) const
{
    const Manifest &m = row.entry.manifest;
    switch (column) {
    case Database:
        return m.group.isEmpty() ? m.database : tr("%1 (%2)").arg(m.database, m.group);
    case Created:
        return DisplayFormat::localTime(m.created);
    case Size:
        return DisplayFormat::size(m.artifactSize);
    case DatabaseSize:
        return DisplayFormat::size(m.plaintextSize);
    case Ratio:
        return DisplayFormat::ratio(m.plaintextSize, m.artifactSize);
    case Codec:
        return DisplayFormat::codec(m);
    case Trigger:
        return m.trigger;
    case Verified:
        return DisplayFormat::verification(row.entry.lastVerification);
    case Id:
        return m.shortId();
    case Repository:
        return row.repository;
    default:
        return {};
    }
}

QVariant BackupTableModel::toolTip(const BackupRow &row, int column) const
{
    const Manifest &m = row.entry.manifest;
    switch (column) {
    case Created:
        return DisplayFormat::utcTime(m.created);
    case Size:
        return tr("%1 bytes on disk: %2").arg(QLocale().toString(m.artifactSize), row.entry.artifactPath);
    case DatabaseSize:
        return tr("%1 bytes when restored").arg(QLocale().toString(m.plaintextSize));
    case Verified:
        return DisplayFormat::verificationDetail(row.entry.lastVerification);
    case Id:
        return m.id;
    case Database:
        return m.sourcePath;
    default:
        return {};
    }
}

QVariant BackupTableModel::sortValue(const BackupRow &row, int column) const
{
    const Manifest &m = row.entry.manifest;
    switch (column) {
    case Created:
        return m.created.toMSecsSinceEpoch();
    case Size:
        return m.artifactSize;
    case DatabaseSize:
        return m.plaintextSize;
    case Ratio:
        return m.artifactSize > 0 ? double(m.plaintextSize) / double(m.artifactSize) : 0.0;
    case Verified:
        return verificationState(row.entry.lastVerification);
    case Id:
        return m.id;
    default:
        return display(row, column);
    }
}

QVariant BackupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Database:
        return tr("Database");
    case Created:
        return tr("Created");
    case Size:
        return tr("Size");
    case DatabaseSize:
        return tr("Database size");
    case Ratio:
        return tr("Ratio");
    case Codec:
        return tr("Codec");
    case Trigger:
        return tr("Trigger");
    case Verified:
        return tr("Verified");
    case Id:
        return tr("ID");
    case Repository:
        return tr("Repository");
    default:
        return {};
    }
}

} // namespace coffer::ui
