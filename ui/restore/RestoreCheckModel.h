#pragma once

#include "verify/CheckResult.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// The checks of a restore's preflight, one per row: what was checked, whether it passed, and
// what was found (for a failure, what to do about it).
class RestoreCheckModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreCheckModel)

public:
    enum Column { Check, Outcome, Detail, ColumnCount };
    enum Role {
        PassedRole = Qt::UserRole, // bool
        NameRole, // the check's stable name, e.g. "target_folder"
    };

    explicit RestoreCheckModel(QObject *parent = nullptr);
    ~RestoreCheckModel() override;

    void setChecks(const QList<CheckResult> &checks);
    const QList<CheckResult> &checks() const { return m_checks; }

    // "Target folder" for "target_folder"; the name itself for a check this console does not know.
    static QString label(const QString &name);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CheckResult> m_checks;
};

} // namespace coffer::ui
