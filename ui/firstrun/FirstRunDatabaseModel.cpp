#include "firstrun/FirstRunDatabaseModel.h"

#include "workspace/WorkspaceEditor.h"

#include <QDir>

#include <algorithm>

namespace coffer::ui {

FirstRunDatabaseModel::FirstRunDatabaseModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

FirstRunDatabaseModel::~FirstRunDatabaseModel() = default;

bool FirstRunDatabaseModel::contains(const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    return std::any_of(
        m_databases.cbegin(), m_databases.cend(), [&](const DatabaseEntry &db) { return db.path == clean; });
}

QString FirstRunDatabaseModel::add(const QString &path)
{
    DatabaseEntry database;
    database.path = QDir::cleanPath(path);
    database.name = WorkspaceEditor::nameFor(database.path, names());
    const int row = int(m_databases.size());
    beginInsertRows({}, row, row);
    m_databases.append(database);
    endInsertRows();
    return database.name;
}

void FirstRunDatabaseModel::removeAt(int row)
{
    if (row < 0 || row >= m_databases.size())
        return;
    beginRemoveRows({}, row, row);
    m_databases.removeAt(row);
    endRemoveRows();
}

int FirstRunDatabaseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_databases.size());
}

int FirstRunDatabaseModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FirstRunDatabaseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatabaseEntry &db = m_databases.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Name:
            return db.name;
        case Group:
            return db.group;
        case Path:
            return QDir::toNativeSeparators(db.path);
        }
    }
    if (role == Qt::ToolTipRole && index.column() != Path)
        return tr("Double-click or press F2 to change it");
    return {};
}

QVariant FirstRunDatabaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Group:
        return tr("Group (optional)");
    case Path:
        return tr("File");
    }
    return {};
}

Qt::ItemFlags FirstRunDatabaseModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != Path)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool FirstRunDatabaseModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() == Path)
        return false;
    DatabaseEntry &db = m_databases[index.row()];
    const QString text = value.toString().trimmed();
    if (index.column() == Group) {
        db.group = text;
    } else {
        if (text == db.name)
            return false;
        if (auto ok = WorkspaceEditor::checkName(text, QStringLiteral("database")); !ok) {
            Q_EMIT editRefused(ok.error().message);
            return false;
        }
        if (names().contains(text)) {
            Q_EMIT editRefused(tr("Another database is already named “%1”; each needs its own name.").arg(text));
            return false;
        }
        db.name = text;
    }
    Q_EMIT dataChanged(index, index);
    return true;
}

QStringList FirstRunDatabaseModel::names() const
{
    QStringList names;
    for (const DatabaseEntry &db : m_databases)
        names << db.name;
    return names;
}

} // namespace coffer::ui
