#pragma once

#include "verify/CheckResult.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// The checks of a restore's preflight as a live checklist, one per row in the planner's order:
// what is checked, its state (waiting, running, passed, failed, not checked) and what was found
// (for a failure, what to do about it). Rows are filled as the preflight decides each check.
class RestoreCheckModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreCheckModel)

public:
    enum Column { Check, Outcome, Detail, ColumnCount };
    enum class State { Waiting, Running, Passed, Failed, NotChecked };
    Q_ENUM(State)
    enum Role {
        PassedRole = Qt::UserRole, // bool
        NameRole, // the check's stable name, e.g. "target_folder"
        StateRole, // State, as int
    };

    explicit RestoreCheckModel(QObject *parent = nullptr);
    ~RestoreCheckModel() override;

    // Every check the planner makes, none decided and none running: before a preflight.
    void setWaiting();
    // A preflight runs and has decided `decided` so far; the first check after them is running.
    void setRunning(const QList<CheckResult> &decided);
    // One more check was decided; the next one runs.
    void addCheck(const CheckResult &check);
    // The preflight ended with a plan whose checks are `checks`; the checks it skipped are
    // marked not checked, with why.
    void setFinished(const QList<CheckResult> &checks);
    // The preflight stopped without a plan after deciding `decided`. A non-empty `failure` fails
    // the check that was running (it is why the preflight stopped); the rest are not checked,
    // because of `reason`.
    void setStopped(const QList<CheckResult> &decided, const QString &failure, const QString &reason);

    // The decided checks, in order.
    QList<CheckResult> checks() const;
    State state(int row) const;
    bool isRunning() const;

    // "Target folder writable" for "target_folder"; the name itself for a check this console does not know.
    static QString label(const QString &name);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        State state = State::Waiting;
        QString detail;
    };

    // The rows for `decided` plus the expected checks not among them, all undecided.
    static QList<Row> rowsFor(const QList<CheckResult> &decided);
    void reset(QList<Row> rows);
    // Puts a decided check into its row (inserting one for a check not expected); no running row.
    void decide(const CheckResult &check);
    // Marks the first undecided row running (after `decide`, while the preflight runs).
    void markRunning();
    void changed(int row);
    static QString notCheckedReason(const QString &name);

    QList<Row> m_rows;
};

} // namespace coffer::ui
