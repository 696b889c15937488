#pragma once

#include "settings/RepositoryState.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace coffer::ui {

// The workspace's repositories: name, folder, which one is the default, whether it can be used
// and whether it requires encryption.
class RepositoryTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryTableModel)

public:
    enum Column { Name, Path, Default, State, Encryption, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1, StateRole }; // StateRole: RepositoryState::Kind as int

    explicit RepositoryTableModel(QObject *parent = nullptr);
    ~RepositoryTableModel() override;

    void setRepositories(const QList<coffer::RepositoryEntry> &repositories, const QString &defaultName);
    // States by folder; folders not in `states` show as being checked.
    void setStates(const QHash<QString, RepositoryState> &states);
    const QList<coffer::RepositoryEntry> &repositories() const { return m_repositories; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<coffer::RepositoryEntry> m_repositories;
    QString m_default;
    QHash<QString, RepositoryState> m_states;
};

} // namespace coffer::ui
