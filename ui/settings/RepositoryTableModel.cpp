#include "settings/RepositoryTableModel.h"

#include <QColor>
#include <QDir>

namespace coffer::ui {

RepositoryTableModel::RepositoryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RepositoryTableModel::~RepositoryTableModel() = default;

void RepositoryTableModel::setRepositories(const QList<RepositoryEntry> &repositories, const QString &defaultName)
{
    beginResetModel();
    m_repositories = repositories;
    m_default = defaultName;
    endResetModel();
}

void RepositoryTableModel::setStates(const QHash<QString, RepositoryState> &states)
{
    m_states = states;
    if (!m_repositories.isEmpty())
        Q_EMIT dataChanged(index(0, State), index(int(m_repositories.size()) - 1, Encryption));
}

int RepositoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_repositories.size());
}

int RepositoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RepositoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RepositoryEntry &repo = m_repositories.at(index.row());
    const RepositoryState state = m_states.value(repo.path);
    const bool isDefault = repo.name == m_default;
    switch (role) {
    case NameRole:
        return repo.name;
    case StateRole:
        return int(state.kind);
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return repo.name;
        case Path:
            return QDir::toNativeSeparators(repo.path);
        case Default:
            return isDefault ? tr("default") : QString();
        case State:
            return state.text();
        case Encryption:
            if (state.kind != RepositoryState::Kind::Ready)
                return QString();
            return state.requireEncryption ? tr("required") : tr("optional");
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Encryption)
            return tr("Whether the repository refuses backups that are not encrypted (set when it is initialised)");
        if (index.column() == Default)
            return tr("Backups go to the default repository unless told otherwise");
        if (index.column() == State && state.kind == RepositoryState::Kind::Unreadable)
            return state.problem;
        break;
    case Qt::ForegroundRole:
        if (index.column() == State
            && (state.kind == RepositoryState::Kind::Unreadable || state.kind == RepositoryState::Kind::NotInitialised))
            return QColor(0xb3, 0x26, 0x1e);
        break;
    default:
        break;
    }
    return {};
}

QVariant RepositoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Path:
        return tr("Folder");
    case Default:
        return tr("Default");
    case State:
        return tr("State");
    case Encryption:
        return tr("Encryption");
    }
    return {};
}

} // namespace coffer::ui
