#pragma once

#include "dashboard/DatabaseStatus.h"
#include "health/DatabaseHealth.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace coffer::ui {

// One row per database of the workspace: what the dashboard's cards show, with each database's
// health judged at the model's `now` (reassess() moves it on without reading anything again).
class DatabaseStatusModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseStatusModel)

public:
    enum Role {
        NameRole = Qt::UserRole + 1, // also Qt::DisplayRole
        GroupRole,
        LastBackupRole, // "2 h ago · 12.4 MiB" or "never backed up"
        VerificationRole, // "ok, full, 1 h ago", "failed: integrity_check (quick, 5 min ago)", "never verified"
        HealthLevelRole, // int(HealthLevel)
        HealthWordRole, // "Healthy", "Needs attention", "At risk"
        HealthReasonRole, // the reasons, one per line (also Qt::ToolTipRole)
        SizeTrendRole, // QList<SizePoint>, oldest first
        DrillRole, // "2 h ago · PASSED · RTO 1.4 s", "never drilled" when drills are scheduled, else empty
        NextBackupRole, // "next backup in 3 h", "due now", "no schedule"
    };

    explicit DatabaseStatusModel(QObject *parent = nullptr);
    ~DatabaseStatusModel() override;

    void setStatuses(const QList<DatabaseStatus> &statuses, const QDateTime &now);
    // Judges every database again at `now`: ages grow and schedules fall due while nothing is read.
    void reassess(const QDateTime &now);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const DatabaseStatus *statusAt(int row) const;
    const DatabaseHealth *healthAt(int row) const;
    int rowOf(const QString &database) const;
    int count(HealthLevel level) const;
    QDateTime now() const { return m_now; }

    static QString healthWord(HealthLevel level);
    // When the scheduler has the database's next backup fall due, as planned at the load (the
    // schedule, or the retry delay after a failed scheduled backup); invalid when nothing schedules
    // its backups.
    QDateTime nextBackup(const DatabaseStatus &status) const;
    // Whether that backup is due at `now`: it was at the load, or its time has come since.
    bool isBackupDue(const DatabaseStatus &status) const;
    // "3 databases: 1 healthy, 1 needs attention, 1 at risk" (levels nobody is at left out).
    QString summary() const;

private:
    struct Row {
        DatabaseStatus status;
        DatabaseHealth health;
    };
    QString lastBackupText(const DatabaseStatus &status) const;
    QString verificationText(const DatabaseStatus &status) const;
    QString drillText(const DatabaseStatus &status) const;
    QString nextBackupText(const DatabaseStatus &status) const;

    QList<Row> m_rows;
    QDateTime m_now;
};

} // namespace coffer::ui
