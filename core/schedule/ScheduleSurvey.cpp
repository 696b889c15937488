#include "schedule/ScheduleSurvey.h"

#include "health/HealthSurvey.h"
#include "retention/PruneJob.h"
#include "retention/RetentionPlanner.h"

#include <QHash>
#include <QSet>

#include <limits>

namespace coffer {

namespace {

void keepNewest(QDateTime &newest, const QDateTime &candidate)
{
    if (candidate.isValid() && (!newest.isValid() || candidate > newest))
        newest = candidate;
}

// The prune that enforces what the workspace's retention says about `database` in one repository:
// its own backups, unless a size cap covers more (the repository default's: every backup; its
// group's: the group's), which is only enforced when planned over all it covers.
PruneTarget pruneTarget(const QString &repository, const QString &database, const QList<CatalogEntry> &own,
    const QList<CatalogEntry> &all, const Workspace &workspace, const QSet<QString> &pruned, QList<CatalogEntry> &scope)
{
    PruneTarget target;
    target.repository = repository;
    target.policies = workspace.retention();
    // The planner's rule: a database moved between groups is governed by the group of its latest backup.
    const auto newest = std::max_element(own.cbegin(), own.cend(),
        [](const CatalogEntry &a, const CatalogEntry &b) { return a.manifest.created < b.manifest.created; });
    const QString group = newest->manifest.group;
    if (target.policies.repositoryDefault.maxSizeGb) {
        scope = all;
    } else if (!group.isEmpty() && target.policies.groups.value(group).maxSizeGb) {
        target.group = group;
        for (const CatalogEntry &entry : all) {
            if (entry.manifest.group == group)
                scope << entry;
        }
    } else {
        target.database = database;
        scope = own;
        return target;
    }
    // `prune: never` (or no schedule, or not in the workspace) keeps every backup: a minimum count
    // no database reaches protects them from the rules and the caps alike.
    for (const CatalogEntry &entry : std::as_const(scope)) {
        if (!pruned.contains(entry.manifest.database))
            target.policies.databases[entry.manifest.database].minCount = std::numeric_limits<int>::max();
    }
    return target;
}

} // namespace

ScheduleSurvey ScheduleSurvey::take(const Workspace &workspace, RunLog *runLog, const QDateTime &now)
{
    return take(workspace, WorkspaceCatalogs::read(workspace), runLog, now);
}

ScheduleSurvey ScheduleSurvey::take(
    const Workspace &workspace, const WorkspaceCatalogs &catalogs, RunLog *runLog, const QDateTime &now)
{
    ScheduleSurvey survey;
    QHash<QString, qsizetype> index;
    for (const DatabaseEntry &database : workspace.databases()) {
        index.insert(database.name, survey.states.size());
        DatabaseState state;
        state.database = database.name;
        survey.states.append(state);
    }
    QSet<QString> pruned; // databases whose schedule prunes: only they need a plan
    for (const DatabaseEntry &database : workspace.databases()) {
        if (workspace.schedule(database.name).prune == DatabaseSchedule::PruneMode::Auto)
            pruned.insert(database.name);
    }
    for (const UnreadableRepository &problem : catalogs.problems)
        survey.problems
            << QStringLiteral("repository %1 (%2): %3").arg(problem.name, problem.path, problem.error.toString());

    for (const RepositoryCatalog &repository : catalogs.repositories) {
        QHash<QString, QList<CatalogEntry>> byDatabase;
        for (const CatalogEntry &entry : repository.backups) {
            const auto at = index.constFind(entry.manifest.database);
            if (at == index.constEnd())
                continue; // a database the workspace no longer lists is not scheduled
            DatabaseState &state = survey.states[*at];
            byDatabase[entry.manifest.database].append(entry);
            if (HealthSurvey::counts(entry.manifest)
                && (!state.newestBackup.isValid() || entry.manifest.created > state.newestBackup)) {
                state.newestBackup = entry.manifest.created;
                state.newestBackupId = entry.manifest.id;
                state.newestBackupRepository = repository.path;
                state.newestBackupVerified = entry.lastVerification.has_value();
            }
            if (entry.lastVerification)
                keepNewest(state.newestVerification, entry.lastVerification->time);
        }
        // Drills of backups deleted since still count: a prune must not make a drill due again.
        for (const DrillOutcome &drill : repository.drills) {
            if (const auto at = index.constFind(drill.database); at != index.constEnd())
                keepNewest(survey.states[*at].newestDrill, drill.time);
        }
        // One plan per scope: databases that share a size cap share its plan.
        QHash<QString, Result<RetentionPlan>> plans;
        for (auto it = byDatabase.cbegin(); it != byDatabase.cend(); ++it) {
            if (!pruned.contains(it.key()))
                continue;
            DatabaseState &state = survey.states[index.value(it.key())];
            QList<CatalogEntry> scope;
            const PruneTarget target
                = pruneTarget(repository.path, it.key(), it.value(), repository.backups, workspace, pruned, scope);
            auto plan = plans.constFind(target.key());
            if (plan == plans.constEnd())
                plan = plans.insert(
                    target.key(), RetentionPlanner::plan(retentionCandidates(scope), target.policies, now));
            if (!*plan) {
                state.pruneNote = QStringLiteral("cannot plan a prune: %1").arg(plan->error().message);
                continue;
            }
            int count = 0;
            for (const RetentionDecision &decision : (*plan)->decisions) {
                if (!decision.keep && decision.backup.database == it.key())
                    ++count;
            }
            if (count > 0) {
                state.prunable += count;
                state.pruneTargets << target;
            }
        }
    }

    if (runLog) {
        for (DatabaseState &state : survey.states) {
            for (const QString &kind :
                { DuePlanner::kBackup, DuePlanner::kPrune, DuePlanner::kVerify, DuePlanner::kDrill }) {
                auto attempt = runLog->lastAttempt(kind, state.database);
                if (!attempt) {
                    survey.problems << QStringLiteral("run log: %1").arg(attempt.error().toString());
                    return survey;
                }
                if (!*attempt)
                    continue;
                state.lastAttempts.insert(kind, **attempt);
                if ((*attempt)->ok)
                    continue;
                auto failures = runLog->failuresSinceSuccess(kind, state.database, DuePlanner::kCountedFailures);
                if (!failures) {
                    survey.problems << QStringLiteral("run log: %1").arg(failures.error().toString());
                    return survey;
                }
                QList<QDateTime> &times = state.failures[kind];
                for (const RunRecord &failure : std::as_const(*failures))
                    times << (failure.finished.isValid() ? failure.finished : failure.started);
            }
        }
    }
    return survey;
}

} // namespace coffer
