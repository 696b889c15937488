#pragma once

#include "common/Error.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

namespace coffer {
class RestoreJob;
struct RestoreResult;
} // namespace coffer

namespace coffer::ui {

class RestoreState;

// The phases of a restore, one per row in the order they run: decoding and checking the backup
// (both done by the preflight), the safety backup, the install, the verify, and the rollback (a
// row that appears only when one begins). Each with its state and how long it took or has taken.
// Read from the RestoreState; refresh() re-reads it (the page calls it every second for the times).
class RestorePhaseModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestorePhaseModel)

public:
    enum Column { Phase, Status, Time, Detail, ColumnCount };
    enum class PhaseState { Waiting, Running, Done, Failed, Cancelled, Skipped };
    Q_ENUM(PhaseState)
    enum Role {
        StateRole = Qt::UserRole, // PhaseState
        NameRole, // "materialise", "check", or the engine's phase name: "safety backup", "install", …
        MillisecondsRole, // qint64 elapsed, -1 before the phase began
    };

    explicit RestorePhaseModel(RestoreState *state, QObject *parent = nullptr);
    ~RestorePhaseModel() override;

    void refresh();

    static QString stateText(PhaseState state);
    // "Safety backup" for "safety backup"; "Checks" for the preflight.
    static QString label(const QString &name);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        PhaseState state = PhaseState::Waiting;
        qint64 ms = -1;
        QString time; // how `ms` is shown; may say what it measures
        QString detail;
        bool operator==(const Row &) const = default;
    };
    QList<Row> currentRows() const;
    void setRows(const QList<Row> &rows);

    RestoreState *m_state = nullptr;
    QList<Row> m_rows;
};

} // namespace coffer::ui
