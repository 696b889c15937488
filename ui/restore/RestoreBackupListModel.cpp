#include "restore/RestoreBackupListModel.h"

#include "DisplayFormat.h"

#include <QDir>
#include <QLocale>

#include <algorithm>

namespace coffer::ui {

RestoreBackupListModel::RestoreBackupListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
}

RestoreBackupListModel::~RestoreBackupListModel() = default;

VerificationState RestoreBackupListModel::verificationOf(const CatalogEntry &entry)
{
    return BackupTableModel::verificationOf(entry.lastVerification);
}

void RestoreBackupListModel::setBackups(QList<BackupRow> rows, const QDateTime &now)
{
    std::stable_sort(rows.begin(), rows.end(),
        [](const BackupRow &a, const BackupRow &b) { return a.entry.manifest.created > b.entry.manifest.created; });
    beginResetModel();
    m_rows = std::move(rows);
    m_now = now;
    endResetModel();
}

const BackupRow *RestoreBackupListModel::backupAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int RestoreBackupListModel::rowOf(const QString &backupId, const QString &repositoryPath) const
{
    const QString repository = repositoryPath.isEmpty() ? QString() : QDir::cleanPath(repositoryPath);
    for (int row = 0; row < m_rows.size(); ++row) {
        const BackupRow &candidate = m_rows.at(row);
        if (candidate.entry.manifest.id == backupId
            && (repository.isEmpty() || QDir::cleanPath(candidate.repositoryPath) == repository))
            return row;
    }
    return -1;
}

int RestoreBackupListModel::latestRow(const std::function<bool(VerificationState)> &accept) const
{
    // A safety backup holds what an earlier restore replaced: offered only when nothing else is.
    for (const bool safetyToo : { false, true })
        for (int row = 0; row < m_rows.size(); ++row) {
            const CatalogEntry &entry = m_rows.at(row).entry;
            if ((safetyToo || entry.manifest.trigger != QStringLiteral("safety")) && accept(verificationOf(entry)))
                return row;
        }
    return -1;
}

int RestoreBackupListModel::latestVerifiedRow() const
{
    return latestRow([](VerificationState state) { return state == VerificationState::Passed; });
}

int RestoreBackupListModel::latestNotFailedRow() const
{
    return latestRow([](VerificationState state) { return state != VerificationState::Failed; });
}

int RestoreBackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RestoreBackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RestoreBackupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupRow &row = m_rows.at(index.row());
    const int column = index.column();
    const VerificationState verification = verificationOf(row.entry);
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case BackupIdRole:
        return row.entry.manifest.id;
    case VerificationRole:
        return int(verification);
    case Qt::TextAlignmentRole:
        if (column == Size)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ForegroundRole:
    case Qt::FontRole:
        if (column == Verification)
            return BackupTableModel::verificationLook(verification, role);
        return column == Id && role == Qt::FontRole ? QVariant(BackupTableModel::idFont()) : QVariant();
    default:
        return {};
    }
}

QVariant RestoreBackupListModel::display(const BackupRow &row, int column) const
{
    const Manifest &m = row.entry.manifest;
    switch (column) {
    case Created:
        return DisplayFormat::localTime(m.created);
    case Age:
        return tr("%1 ago").arg(DisplayFormat::age(m.created, m_now));
    case Size:
        return DisplayFormat::size(m.plaintextSize);
    case Trigger:
        return m.trigger;
    case Verification:
        return DisplayFormat::verification(row.entry.lastVerification);
    case Encrypted:
        return DisplayFormat::isEncrypted(m) ? tr("yes") : tr("no");
    case Id:
        return m.shortId();
    default:
        return {};
    }
}

QVariant RestoreBackupListModel::toolTip(const BackupRow &row, int column) const
{
    const Manifest &m = row.entry.manifest;
    switch (column) {
    case Created:
    case Age:
        return DisplayFormat::utcTime(m.created);
    case Size:
        return tr("%1 bytes when restored; %2 on disk")
            .arg(QLocale().toString(m.plaintextSize), DisplayFormat::size(m.artifactSize));
    case Verification:
        return DisplayFormat::verificationDetail(row.entry.lastVerification);
    case Encrypted:
        return DisplayFormat::isEncrypted(m) ? tr("Encrypted (%1)").arg(m.encryptionScheme) : tr("Not encrypted");
    case Id:
        return tr("%1 in repository “%2” (%3)").arg(m.id, row.repository, QDir::toNativeSeparators(row.repositoryPath));
    default:
        return {};
    }
}

QVariant RestoreBackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == Size)
        return tr("The size of the database once restored");
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Created:
        return tr("Created");
    case Age:
        return tr("Age");
    case Size:
        return tr("Size");
    case Trigger:
        return tr("Trigger");
    case Verification:
        return tr("Last verification");
    case Encrypted:
        return tr("Encrypted");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

} // namespace coffer::ui
