#include "dashboard/DatabaseStatusModel.h"

#include "DisplayFormat.h"
#include "catalog/DrillFormat.h"

#include <QStringList>

#include <algorithm>

namespace coffer::ui {

namespace {

DatabaseHealth assess(const DatabaseStatus &status, const QDateTime &now)
{
    return DatabaseHealth::assess(status.healthInput, now);
}

} // namespace

DatabaseStatusModel::DatabaseStatusModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

DatabaseStatusModel::~DatabaseStatusModel() = default;

void DatabaseStatusModel::setStatuses(const QList<DatabaseStatus> &statuses, const QDateTime &now)
{
    beginResetModel();
    m_now = now;
    m_rows.clear();
    m_rows.reserve(statuses.size());
    for (const DatabaseStatus &status : statuses)
        m_rows << Row{ status, assess(status, now) };
    endResetModel();
}

void DatabaseStatusModel::reassess(const QDateTime &now)
{
    m_now = now;
    for (Row &row : m_rows)
        row.health = assess(row.status, now);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

int DatabaseStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DatabaseStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.status.name;
    case GroupRole:
        return row.status.group;
    case LastBackupRole:
        return lastBackupText(row.status);
    case VerificationRole:
        return verificationText(row.status);
    case HealthLevelRole:
        return int(row.health.level());
    case HealthWordRole:
        return healthWord(row.health.level());
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
    case HealthReasonRole:
        return row.health.reasons().join(QLatin1Char('\n'));
    case SizeTrendRole:
        return QVariant::fromValue(row.status.trend);
    case DrillRole:
        return drillText(row.status);
    case NextBackupRole:
        return nextBackupText(row.status);
    default:
        return {};
    }
}

QHash<int, QByteArray> DatabaseStatusModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(GroupRole, "group");
    names.insert(LastBackupRole, "lastBackup");
    names.insert(VerificationRole, "verification");
    names.insert(HealthLevelRole, "healthLevel");
    names.insert(HealthWordRole, "healthWord");
    names.insert(HealthReasonRole, "healthReason");
    names.insert(SizeTrendRole, "sizeTrend");
    names.insert(DrillRole, "drill");
    names.insert(NextBackupRole, "nextBackup");
    return names;
}

const DatabaseStatus *DatabaseStatusModel::statusAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).status : nullptr;
}

const DatabaseHealth *DatabaseStatusModel::healthAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).health : nullptr;
}

int DatabaseStatusModel::rowOf(const QString &database) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).status.name == database)
            return int(row);
    return -1;
}

int DatabaseStatusModel::count(HealthLevel level) const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [level](const Row &row) { return row.health.level() == level; }));
}

QString DatabaseStatusModel::healthWord(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Green:
        return tr("Healthy");
    case HealthLevel::Amber:
        return tr("Needs attention");
    case HealthLevel::Red:
        break;
    }
    return tr("At risk");
}

QString DatabaseStatusModel::summary() const
{
    if (m_rows.isEmpty())
        return tr("No databases");
    QStringList parts;
    if (const int green = count(HealthLevel::Green))
        parts << tr("%n healthy", nullptr, green);
    if (const int amber = count(HealthLevel::Amber))
        parts << tr("%n needing attention", nullptr, amber);
    if (const int red = count(HealthLevel::Red))
        parts << tr("%n at risk", nullptr, red);
    return tr("%1: %2").arg(tr("%n database(s)", nullptr, int(m_rows.size())), parts.join(QStringLiteral(", ")));
}

QString DatabaseStatusModel::lastBackupText(const DatabaseStatus &status) const
{
    if (!status.newestCreated.isValid())
        return tr("never backed up");
    return tr("%1 · %2").arg(DatabaseHealth::describeAge(status.newestCreated.secsTo(m_now)),
        DisplayFormat::size(status.newestArtifactSize));
}

QString DatabaseStatusModel::verificationText(const DatabaseStatus &status) const
{
    if (!status.newestCreated.isValid())
        return tr("no backup to verify");
    if (!status.verification)
        return tr("never verified");
    const VerifyOutcome &outcome = *status.verification;
    const QString age = DatabaseHealth::describeAge(outcome.time.secsTo(m_now));
    if (outcome.ok())
        return tr("ok, %1, %2").arg(outcome.level, age);
    const QString failed = DatabaseHealth::failedCheckNames(outcome);
    if (failed.isEmpty())
        return tr("FAILED (%1, %2)").arg(outcome.level, age);
    return tr("FAILED: %1 (%2, %3)").arg(failed, outcome.level, age);
}

QString DatabaseStatusModel::drillText(const DatabaseStatus &status) const
{
    if (status.lastDrill)
        return DrillFormat::summary(*status.lastDrill, m_now);
    // A database nobody drills has nothing to say about drills.
    return status.drillSchedule.isEmpty() ? QString() : tr("never drilled");
}

QString DatabaseStatusModel::nextBackupText(const DatabaseStatus &status) const
{
    const QDateTime next = nextBackup(status);
    if (!next.isValid())
        return tr("no schedule");
    if (isBackupDue(status))
        return tr("due now");
    return tr("next backup in %1").arg(DatabaseHealth::describeDuration(m_now.secsTo(next)));
}

QDateTime DatabaseStatusModel::nextBackup(const DatabaseStatus &status) const
{
    return status.nextBackup;
}

bool DatabaseStatusModel::isBackupDue(const DatabaseStatus &status) const
{
    return status.nextBackup.isValid() && (status.backupDue || status.nextBackup <= m_now);
}

} // namespace coffer::ui
