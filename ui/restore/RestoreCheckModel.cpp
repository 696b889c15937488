#include "restore/RestoreCheckModel.h"

#include <QHash>
#include <QIcon>

namespace coffer::ui {

RestoreCheckModel::RestoreCheckModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RestoreCheckModel::~RestoreCheckModel() = default;

void RestoreCheckModel::setChecks(const QList<CheckResult> &checks)
{
    beginResetModel();
    m_checks = checks;
    endResetModel();
}

QString RestoreCheckModel::label(const QString &name)
{
    static const QHash<QString, const char *> labels{
        { QStringLiteral("target_folder"), QT_TR_NOOP("Target folder") },
        { QStringLiteral("target_file"), QT_TR_NOOP("Target file") },
        { QStringLiteral("database_name"), QT_TR_NOOP("Database name") },
        { QStringLiteral("target_in_use"), QT_TR_NOOP("Target in use") },
        { QStringLiteral("repository_writable"), QT_TR_NOOP("Repository writable") },
        { QStringLiteral("safety_encryption"), QT_TR_NOOP("Safety backup encryption") },
        { QStringLiteral("free_space"), QT_TR_NOOP("Free space") },
        { QStringLiteral("backup_verified"), QT_TR_NOOP("Backup verified") },
    };
    const char *text = labels.value(name);
    return text ? tr(text) : name;
}

int RestoreCheckModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checks.size());
}

int RestoreCheckModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RestoreCheckModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckResult &check = m_checks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Check:
            return label(check.name);
        case Outcome:
            return check.ok ? tr("passed") : tr("FAILED");
        case Detail:
            return check.detail;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Detail ? check.detail : QVariant();
    case Qt::DecorationRole:
        return index.column() == Check
            ? QIcon(check.ok ? QStringLiteral(":/icons/verify.svg") : QStringLiteral(":/icons/error.svg"))
            : QVariant();
    case PassedRole:
        return check.ok;
    case NameRole:
        return check.name;
    default:
        return {};
    }
}

QVariant RestoreCheckModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Check:
        return tr("Check");
    case Outcome:
        return tr("Result");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace coffer::ui
