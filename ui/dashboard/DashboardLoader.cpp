#include "dashboard/DashboardLoader.h"

#include "health/HealthSurvey.h"
#include "schedule/DuePlanner.h"
#include "schedule/RunLog.h"
#include "schedule/ScheduleSurvey.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace coffer::ui {

namespace {

// What the survey says of one database, in the dashboard's terms.
DatabaseStatus statusOf(const Workspace &workspace, const DatabaseSurvey &survey)
{
    DatabaseStatus status;
    status.name = survey.name;
    status.group = survey.group;
    status.healthInput = survey.input;
    status.intervalHours = survey.input.intervalHours;
    status.backupCount = survey.backupCount;
    if (survey.newestBackup) {
        const Manifest &newest = survey.newestBackup->manifest;
        status.newestBackupId = newest.id;
        status.newestRepository = survey.newestRepository;
        status.newestCreated = newest.created;
        status.newestArtifactSize = newest.artifactSize;
        status.verification = survey.newestBackup->lastVerification;
    }
    status.lastDrill = survey.drill;
    const DatabaseSchedule schedule = workspace.schedule(survey.name);
    if (!schedule.drill.isOff())
        status.drillSchedule = schedule.drill.describe();
    status.backupSchedule = survey.backupSchedule;
    return status;
}

// When the scheduler has each database's next backup fall due, as `coffer-cli schedule` plans it:
// the cadence, and the retry delay after a failed scheduled backup, which only the run log knows.
// The run log is read when there is one: looking at the dashboard creates no state folder.
QHash<QString, PlannedTask> plannedBackups(
    const Workspace &workspace, const WorkspaceCatalogs &catalogs, const QDateTime &now)
{
    std::optional<RunLog> log;
    if (!workspace.filePath().isEmpty()) {
        // Unreadable, it is planned without: at worst a retry shows as due now.
        if (auto opened = RunLog::openIfExists(workspace.filePath()); opened && *opened)
            log = std::move(*opened);
    }
    const ScheduleSurvey survey = ScheduleSurvey::take(workspace, catalogs, log ? &*log : nullptr, now);
    QHash<QString, PlannedTask> backups;
    for (const PlannedTask &task : DuePlanner::plan(workspace, survey.states, now))
        if (task.kind == DuePlanner::kBackup)
            backups.insert(task.database, task);
    return backups;
}

// The sizes of each database's newest backups (those health counts), oldest first, from every
// repository that could be read.
QHash<QString, QList<SizePoint>> trendsOf(const Workspace &workspace, const WorkspaceCatalogs &catalogs)
{
    QHash<QString, QList<SizePoint>> points;
    for (const DatabaseEntry &database : workspace.databases())
        points.insert(database.name, {});
    for (const RepositoryCatalog &repository : catalogs.repositories) {
        for (const CatalogEntry &backup : repository.backups)
            if (const auto found = points.find(backup.manifest.database);
                found != points.end() && HealthSurvey::counts(backup.manifest))
                found->append(SizePoint{ backup.manifest.created, backup.manifest.artifactSize });
    }
    for (QList<SizePoint> &trend : points) {
        std::stable_sort(
            trend.begin(), trend.end(), [](const SizePoint &a, const SizePoint &b) { return a.created < b.created; });
        if (trend.size() > DashboardLoader::kTrendLength)
            trend.remove(0, trend.size() - DashboardLoader::kTrendLength);
    }
    return points;
}

} // namespace

DashboardLoader::DashboardLoader(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_pool.setMaxThreadCount(1);
}

// QThreadPool's destructor waits for a load still running; it touches no member of ours.
DashboardLoader::~DashboardLoader() = default;

void DashboardLoader::load(const Workspace &workspace)
{
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    m_loading = true;

    auto *watcher = new QFutureWatcher<DashboardLoadResult>(this);
    connect(watcher, &QFutureWatcher<DashboardLoadResult>::finished, this, [this, watcher] { onFinished(watcher); });
    const std::shared_ptr<std::atomic<quint64>> latest = m_latest;
    watcher->setFuture(QtConcurrent::run(&m_pool, [workspace, generation, latest] {
        return loadNow(workspace, generation, [latest, generation] { return latest->load() != generation; });
    }));
}

void DashboardLoader::cancel()
{
    m_latest->store(++m_generation);
    m_loading = false;
}

void DashboardLoader::onFinished(QFutureWatcher<DashboardLoadResult> *watcher)
{
    watcher->deleteLater();
    const DashboardLoadResult result = watcher->result();
    if (result.generation != m_generation)
        return;
    m_loading = false;
    Q_EMIT loaded(result);
}

DashboardLoadResult DashboardLoader::loadNow(
    const Workspace &workspace, quint64 generation, const std::function<bool()> &isStale)
{
    DashboardLoadResult result;
    result.generation = generation;
    result.repositoryCount = int(workspace.repositories().size());

    // Every catalog read once: health, newest backups and drills as `coffer-cli health` finds them,
    // the next backups as the scheduler plans them, and the size trends.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const WorkspaceCatalogs catalogs = WorkspaceCatalogs::read(workspace, isStale);
    if (isStale && isStale())
        return result;
    const HealthSurvey survey = HealthSurvey::take(workspace, catalogs, now);
    QSet<QString> unreadable;
    for (const UnreadableRepository &problem : survey.problems) {
        result.problems << RepositoryProblem{ problem.name, problem.path, problem.error };
        unreadable.insert(problem.name);
    }
    // A repository whose drills alone could not be read still counts as read: its backups do.
    for (const RepositoryCatalog &repository : catalogs.repositories)
        unreadable.remove(repository.name);
    result.readableRepositoryCount = result.repositoryCount - int(unreadable.size());
    const QHash<QString, QList<SizePoint>> trends = trendsOf(workspace, catalogs);
    const QHash<QString, PlannedTask> backups = plannedBackups(workspace, catalogs, now);
    if (isStale && isStale())
        return result;

    for (const DatabaseSurvey &database : survey.databases) {
        DatabaseStatus status = statusOf(workspace, database);
        status.trend = trends.value(database.name);
        if (const auto planned = backups.constFind(database.name); planned != backups.constEnd()) {
            status.nextBackup = planned->nextDue;
            status.backupDue = planned->due;
            status.nextBackupReason = planned->reason;
        }
        result.databases << status;
    }
    return result;
}

} // namespace coffer::ui
