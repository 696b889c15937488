#pragma once

#include "catalog/BackupTableModel.h"
#include "common/Error.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace coffer::ui {

// A repository of the workspace whose backups could not be listed, and why.
struct RepositoryProblem {
    QString repository;
    QString path;
    Error error;
};

// Everything one load of a workspace found.
struct CatalogLoadResult {
    quint64 generation = 0;
    QString workspacePath;
    std::optional<Error> workspaceError; // the workspace file itself could not be read
    int repositoryCount = 0; // repositories the workspace lists
    int readableRepositoryCount = 0; // of those, the ones whose backups are listed
    QList<BackupRow> rows; // newest first
    BackupTableModel::Keys keys; // BackupTableModel::keysFor(rows)
    // The distinct non-empty values among the rows, sorted, for the filters' choices.
    QStringList databases;
    QStringList groups;
    QStringList triggers;
    QList<RepositoryProblem> problems;
};

// Reads a workspace and the catalogs of all its repositories off the GUI thread. Each load()
// supersedes the previous one: a result that arrives for an older request is dropped.
class CatalogLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogLoader)

public:
    explicit CatalogLoader(QObject *parent = nullptr);
    ~CatalogLoader() override;

    void load(const QString &workspacePath);
    bool isLoading() const { return m_loading; }

    // The work itself, synchronous, on the calling thread. Stops early once isStale() says so.
    static CatalogLoadResult loadNow(
        const QString &workspacePath, quint64 generation = 0, const std::function<bool()> &isStale = {});

Q_SIGNALS:
    // Only for the latest request.
    void loaded(const coffer::ui::CatalogLoadResult &result);

private:
    void onFinished(QFutureWatcher<CatalogLoadResult> *watcher);

    QThreadPool m_pool; // one thread: requests run in order, a stale one gives way quickly
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace coffer::ui
