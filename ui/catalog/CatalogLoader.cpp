#include "catalog/CatalogLoader.h"

#include "repository/Catalog.h"
#include "repository/Repository.h"
#include "workspace/Workspace.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace coffer::ui {

CatalogLoader::CatalogLoader(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_pool.setMaxThreadCount(1);
}

// QThreadPool's destructor waits for a load still running; it touches no member of ours.
CatalogLoader::~CatalogLoader() = default;

void CatalogLoader::load(const QString &workspacePath)
{
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    m_loading = true;

    auto *watcher = new QFutureWatcher<CatalogLoadResult>(this);
    connect(watcher, &QFutureWatcher<CatalogLoadResult>::finished, this, [this, watcher] { onFinished(watcher); });
    const std::shared_ptr<std::atomic<quint64>> latest = m_latest;
    watcher->setFuture(QtConcurrent::run(&m_pool, [workspacePath, generation, latest] {
        return loadNow(workspacePath, generation, [latest, generation] { return latest->load() != generation; });
    }));
}

void CatalogLoader::onFinished(QFutureWatcher<CatalogLoadResult> *watcher)
{
    watcher->deleteLater();
    const CatalogLoadResult result = watcher->result();
    if (result.generation != m_generation)
        return;
    m_loading = false;
    Q_EMIT loaded(result);
}

CatalogLoadResult CatalogLoader::loadNow(const QString &workspacePath, quint64 generation,
                                         const std::function<bool()> &isStale)
{
    CatalogLoadResult result;
    result.generation = generation;
    result.workspacePath = workspacePath;

    auto workspace = Workspace::load(workspacePath);
    if (!workspace) {
        result.workspaceError = workspace.error();
        return result;
    }
    result.repositoryCount = int(workspace->repositories().size());
    for (const RepositoryEntry &entry : workspace->repositories()) {
        if (isStale && isStale())
            return result;
        auto problem = [&](const Error &error) { result.problems << RepositoryProblem{entry.name, entry.path, error}; };
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
        for (const CatalogEntry &backup : std::as_const(*backups))
            result.rows << BackupRow{entry.name, backup};
    }
    std::stable_sort(result.rows.begin(), result.rows.end(), [](const BackupRow &a, const BackupRow &b) {
        return a.entry.manifest.created > b.entry.manifest.created;
    });
    return result;
}

} // namespace coffer::ui
