#pragma once

#include "common/Error.h"
#include "schedule/DatabaseSchedule.h"
#include "workspace/Workspace.h"

#include <QMap>
#include <QString>

#include <yaml-cpp/yaml.h>

#include <optional>

// Private to core/workspace: reads `schedules:` (timezone, default, groups, databases) and
// resolves each database's schedule from it and from the runbook's interval_hours.
namespace coffer {

class WorkspaceParser;

class ScheduleParser final
{
public:
    explicit ScheduleParser(const WorkspaceParser &base)
        : m_base(base)
    {
    }

    // `databases` are the listed ones: schedules.databases may name no other.
    Result<void> parse(const YAML::Node &node, const QList<DatabaseEntry> &databases);

    // schedules.timezone as written; empty when absent.
    QString timeZone() const { return m_timeZone; }
    // Per database and per task: databases > groups > default > runbook interval_hours (backup
    // only); a task none of them names is off.
    QMap<QString, DatabaseSchedule> resolve(const QList<DatabaseEntry> &databases) const;

private:
    // What one level (the default, a group, a database) says; unset: the level below decides.
    struct Tasks {
        std::optional<Cadence> backup;
        std::optional<Cadence> verify;
        QString verifyLevel = QStringLiteral("full");
        std::optional<Cadence> drill;
        int drillSample = 1;
        std::optional<DatabaseSchedule::PruneMode> prune;
    };

    Result<Tasks> parseTasks(const YAML::Node &at, const YAML::Node &node, const QString &where) const;
    Result<void> parseLevels(const YAML::Node &node, const QString &where, QMap<QString, Tasks> &into,
        const QList<DatabaseEntry> *databases) const;
    // A task's cadence: a mapping with interval_hours, at (+ days) or hourly_at (+ days), plus
    // the task's own keys (`extraKeys`), or `off`.
    Result<Cadence> parseCadence(const YAML::Node &node, const QString &where, const QStringList &extraKeys) const;
    Result<QList<QTime>> parseTimes(const YAML::Node &node, const QString &where) const;
    Result<QList<int>> parseDays(const YAML::Node &node, const QString &where) const;

    const WorkspaceParser &m_base;
    QString m_timeZone;
    Tasks m_default;
    QMap<QString, Tasks> m_groups;
    QMap<QString, Tasks> m_databases;
};

} // namespace coffer
