#pragma once

#include "settings/DatabaseFileState.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace coffer::ui {

// The workspace's databases: name, group (editable), path and whether the file is a database.
class DatabaseTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseTableModel)

public:
    enum Column { Name, Group, Path, Check, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1, StateRole }; // StateRole: DatabaseFileState::Kind as int

    explicit DatabaseTableModel(QObject *parent = nullptr);
    ~DatabaseTableModel() override;

    void setDatabases(const QList<coffer::DatabaseEntry> &databases);
    // File states by path; paths not in `states` show as being checked.
    void setStates(const QHash<QString, DatabaseFileState> &states);
    const QList<coffer::DatabaseEntry> &databases() const { return m_databases; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Editing a group asks for the change (groupEdited) and shows it until the workspace is read again.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void groupEdited(const QString &database, const QString &group);

private:
    QList<coffer::DatabaseEntry> m_databases;
    QHash<QString, DatabaseFileState> m_states;
};

} // namespace coffer::ui
