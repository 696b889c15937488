#pragma once

#include "catalog/CatalogLoader.h"
#include "dashboard/DatabaseStatus.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace coffer {
class Workspace;
}

namespace coffer::ui {

// Everything one load of the dashboard found.
struct DashboardLoadResult {
    quint64 generation = 0;
    QList<DatabaseStatus> databases; // in the workspace's order
    int repositoryCount = 0; // repositories the workspace lists
    int readableRepositoryCount = 0; // of those, the ones whose catalogs could be read
    QList<RepositoryProblem> problems;
};

// Surveys the health of every database of a workspace (HealthSurvey, the rules `coffer-cli health`
// follows), plans their next backups (DuePlanner, as the scheduler does) and reads the sizes of
// their newest backups, from one read of every catalog, off the GUI thread. Each load() supersedes
// the previous one: an older result is dropped.
class DashboardLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardLoader)

public:
    // How many of a database's newest backups its size trend shows.
    static constexpr int kTrendLength = 20;

    explicit DashboardLoader(QObject *parent = nullptr);
    ~DashboardLoader() override;

    void load(const Workspace &workspace);
    // Drops the load under way, if any: nothing is emitted for it.
    void cancel();
    bool isLoading() const { return m_loading; }

    // The work itself, synchronous, on the calling thread. Stops early once isStale() says so.
    static DashboardLoadResult loadNow(
        const Workspace &workspace, quint64 generation = 0, const std::function<bool()> &isStale = {});

Q_SIGNALS:
    // Only for the latest request.
    void loaded(const coffer::ui::DashboardLoadResult &result);

private:
    void onFinished(QFutureWatcher<DashboardLoadResult> *watcher);

    QThreadPool m_pool; // one thread: requests run in order, a stale one gives way quickly
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace coffer::ui
