#include "dashboard/DashboardLoader.h"

#include "repository/Catalog.h"
#include "repository/Repository.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace coffer::ui {

namespace {

struct Found {
    QString repository;
    CatalogEntry entry;
};

DatabaseStatus summarise(const DatabaseEntry &database, QList<Found> backups)
{
    std::stable_sort(backups.begin(), backups.end(),
        [](const Found &a, const Found &b) { return a.entry.manifest.created > b.entry.manifest.created; });
    DatabaseStatus status;
    status.name = database.name;
    status.group = database.group;
    status.intervalHours = database.intervalHours;
    status.backupCount = int(backups.size());
    if (backups.isEmpty())
        return status;
    const Found &newest = backups.constFirst();
    if (status.group.isEmpty())
        status.group = newest.entry.manifest.group;
    status.newestBackupId = newest.entry.manifest.id;
    status.newestRepository = newest.repository;
    status.newestCreated = newest.entry.manifest.created;
    status.newestArtifactSize = newest.entry.manifest.artifactSize;
    status.verification = newest.entry.lastVerification;
    const qsizetype trend = std::min<qsizetype>(backups.size(), DashboardLoader::kTrendLength);
    for (qsizetype i = trend - 1; i >= 0; --i)
        status.trend << SizePoint{ backups[i].entry.manifest.created, backups[i].entry.manifest.artifactSize };
    return status;
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

    QHash<QString, QList<Found>> byDatabase;
    for (const DatabaseEntry &database : workspace.databases())
        byDatabase.insert(database.name, {});
    for (const RepositoryEntry &entry : workspace.repositories()) {
        if (isStale && isStale())
            return result;
        auto problem = [&](const Error &error) {
            result.problems << RepositoryProblem{ entry.name, entry.path, error };
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
        ++result.readableRepositoryCount;
        for (const CatalogEntry &backup : std::as_const(*backups)) {
            // Backups of databases the workspace no longer lists are the catalog's business, not the dashboard's.
            if (const auto found = byDatabase.find(backup.manifest.database); found != byDatabase.end())
                found->append(Found{ entry.name, backup });
        }
    }
    for (const DatabaseEntry &database : workspace.databases())
        result.databases << summarise(database, byDatabase.value(database.name));
    return result;
}

} // namespace coffer::ui
