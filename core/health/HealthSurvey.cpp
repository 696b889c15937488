#include "health/HealthSurvey.h"

#include "repository/Repository.h"
#include "workspace/Workspace.h"

#include <QHash>

#include <algorithm>

namespace coffer {

namespace {

struct Found {
    QString repository;
    CatalogEntry entry;
};

// What every readable repository holds, by database name.
struct Gathered {
    QHash<QString, QList<Found>> backups;
    QHash<QString, QList<DrillOutcome>> drills;
};

Gathered gather(const WorkspaceCatalogs &catalogs)
{
    Gathered gathered;
    for (const RepositoryCatalog &catalog : catalogs.repositories) {
        for (const CatalogEntry &backup : catalog.backups)
            if (HealthSurvey::counts(backup.manifest))
                gathered.backups[backup.manifest.database].append(Found{ catalog.name, backup });
        for (const DrillOutcome &drill : catalog.drills)
            gathered.drills[drill.database].append(drill);
    }
    return gathered;
}

DatabaseSurvey survey(
    const Workspace &workspace, const DatabaseEntry &database, const Gathered &gathered, const QDateTime &now)
{
    DatabaseSurvey result;
    result.name = database.name;
    result.group = database.group;
    result.input = HealthSurvey::scheduledInput(workspace, database);
    const Cadence backup = workspace.schedule(database.name).backup;
    if (!backup.isOff())
        result.backupSchedule = backup.describe();
    else if (database.intervalHours && *database.intervalHours > 0)
        result.backupSchedule = Cadence::interval(*database.intervalHours).describe();

    const QList<Found> backups = gathered.backups.value(database.name);
    result.backupCount = int(backups.size());
    const auto newest = std::max_element(backups.cbegin(), backups.cend(),
        [](const Found &a, const Found &b) { return a.entry.manifest.created < b.entry.manifest.created; });
    if (newest != backups.cend()) {
        result.newestBackup = newest->entry;
        result.newestRepository = newest->repository;
        if (result.group.isEmpty())
            result.group = newest->entry.manifest.group;
        result.input.newestBackup = newest->entry.manifest.created;
        result.input.verification = newest->entry.lastVerification;
    }

    for (const DrillOutcome &drill : gathered.drills.value(database.name)) {
        if (!result.drill || drill.time > result.drill->time)
            result.drill = drill;
        if (drill.ok() && (!result.passedDrill || drill.time > result.passedDrill->time))
            result.passedDrill = drill;
    }
    result.input.drill = result.drill;
    result.health = DatabaseHealth::assess(result.input, now);
    return result;
}

} // namespace

WorkspaceCatalogs WorkspaceCatalogs::read(const Workspace &workspace, const std::function<bool()> &isStale)
{
    WorkspaceCatalogs result;
    for (const RepositoryEntry &entry : workspace.repositories()) {
        if (isStale && isStale())
            break;
        auto problem = [&](const Error &error) {
            result.problems << UnreadableRepository{ entry.name, entry.path, error };
        };
        auto repository = Repository::open(entry.path);
        if (!repository) {
            problem(repository.error());
            continue;
        }
        auto catalog = Catalog::open(*repository);
        if (!catalog) {
            problem(catalog.error());
            continue;
        }
        auto backups = catalog->backups();
        if (!backups) {
            problem(backups.error());
            continue;
        }
        RepositoryCatalog read{ entry.name, entry.path, std::move(*backups), {} };
        // Drills are a second opinion: the backups above still count when they cannot be read.
        if (auto drills = catalog->drills(); drills)
            read.drills = std::move(*drills);
        else
            problem(drills.error());
        result.repositories << std::move(read);
    }
    return result;
}

HealthSurvey HealthSurvey::take(const Workspace &workspace, const QDateTime &now)
{
    return take(workspace, WorkspaceCatalogs::read(workspace), now);
}

HealthSurvey HealthSurvey::take(const Workspace &workspace, const WorkspaceCatalogs &catalogs, const QDateTime &now)
{
    HealthSurvey result;
    result.now = now;
    for (const RepositoryEntry &repository : workspace.repositories())
        result.repositories << repository.name;
    result.problems = catalogs.problems;
    const Gathered gathered = gather(catalogs);
    for (const DatabaseEntry &database : workspace.databases())
        result.databases << survey(workspace, database, gathered, now);
    return result;
}

HealthInput HealthSurvey::scheduledInput(const Workspace &workspace, const DatabaseEntry &database)
{
    HealthInput input;
    const DatabaseSchedule schedule = workspace.schedule(database.name);
    if (!schedule.backup.isOff() && schedule.backup.maxGapHours() > 0) {
        input.intervalHours = schedule.backup.maxGapHours();
        if (schedule.backup.kind == Cadence::Kind::Calendar)
            input.scheduleDescription = schedule.backup.describe();
    } else if (database.intervalHours && *database.intervalHours > 0) {
        input.intervalHours = database.intervalHours;
    }
    if (!schedule.drill.isOff() && schedule.drill.maxGapHours() > 0)
        input.drillIntervalHours = schedule.drill.maxGapHours();
    return input;
}

bool HealthSurvey::counts(const Manifest &manifest)
{
    return manifest.trigger != QStringLiteral("safety") && manifest.trigger != QStringLiteral("drill");
}

HealthLevel HealthSurvey::worstLevel() const
{
    HealthLevel worst = HealthLevel::Green;
    for (const DatabaseSurvey &database : databases)
        worst = std::max(worst, database.health.level());
    return worst;
}

std::optional<DatabaseSurvey> HealthSurvey::database(const QString &name) const
{
    for (const DatabaseSurvey &database : databases)
        if (database.name == name)
            return database;
    return std::nullopt;
}

} // namespace coffer
