#include "settings/DatabaseTableModel.h"

#include <QColor>
#include <QDir>

namespace coffer::ui {

DatabaseTableModel::DatabaseTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

DatabaseTableModel::~DatabaseTableModel() = default;

void DatabaseTableModel::setDatabases(const QList<DatabaseEntry> &databases)
{
    beginResetModel();
    m_databases = databases;
    endResetModel();
}

void DatabaseTableModel::setStates(const QHash<QString, DatabaseFileState> &states)
{
    m_states = states;
    if (!m_databases.isEmpty())
        Q_EMIT dataChanged(index(0, Check), index(int(m_databases.size()) - 1, Check));
}

int DatabaseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_databases.size());
}

int DatabaseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatabaseTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatabaseEntry &db = m_databases.at(index.row());
    const DatabaseFileState state = m_states.value(db.path);
    switch (role) {
    case NameRole:
        return db.name;
    case StateRole:
        return int(state.kind);
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return db.name;
        case Group:
            return db.group;
        case Path:
            return QDir::toNativeSeparators(db.path);
        case Check:
            return state.text();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Group)
            return tr("Double-click or press F2 to change the group");
        if (index.column() == Path)
            return QDir::toNativeSeparators(db.path);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Check && state.kind != DatabaseFileState::Kind::Ok
            && state.kind != DatabaseFileState::Kind::Unknown)
            return QColor(0xb3, 0x26, 0x1e);
        break;
    default:
        break;
    }
    return {};
}

QVariant DatabaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Group:
        return tr("Group");
    case Path:
        return tr("Path");
    case Check:
        return tr("File");
    }
    return {};
}

Qt::ItemFlags DatabaseTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Group)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool DatabaseTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != Group)
        return false;
    DatabaseEntry &db = m_databases[index.row()];
    const QString group = value.toString().trimmed();
    if (group == db.group)
        return false;
    db.group = group;
    Q_EMIT dataChanged(index, index);
    Q_EMIT groupEdited(db.name, group);
    return true;
}

} // namespace coffer::ui
