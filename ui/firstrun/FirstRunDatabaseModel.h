#pragma once

#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// The databases the first-run page will put into the new workspace: a name (from the file name,
// editable, unique), an optional group (editable) and the file.
class FirstRunDatabaseModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDatabaseModel)

public:
    enum Column { Name, Group, Path, ColumnCount };

    explicit FirstRunDatabaseModel(QObject *parent = nullptr);
    ~FirstRunDatabaseModel() override;

    bool contains(const QString &path) const;
    // Adds the file under a name derived from its file name; returns the name.
    QString add(const QString &path);
    void removeAt(int row);
    const QList<coffer::DatabaseEntry> &databases() const { return m_databases; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // A name must be one the workspace accepts and no other row's; editRefused() says why not.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void editRefused(const QString &why);

private:
    QStringList names() const;

    QList<coffer::DatabaseEntry> m_databases;
};

} // namespace coffer::ui
