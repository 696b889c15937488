#include "settings/WorkspaceEditQueue.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace coffer::ui {

WorkspaceEditQueue::WorkspaceEditQueue(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

// QThreadPool's destructor waits for an edit still running: a file is never left half-edited.
WorkspaceEditQueue::~WorkspaceEditQueue() = default;

void WorkspaceEditQueue::run(const QString &done, Work work)
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    auto *watcher = new QFutureWatcher<Result<Outcome>>(this);
    connect(watcher, &QFutureWatcher<Result<Outcome>>::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        const Result<Outcome> outcome = watcher->result();
        WorkspaceEditResult result;
        result.done = done;
        result.succeeded = outcome.has_value();
        if (outcome)
            result.outcome = *outcome;
        else
            result.error = outcome.error();
        if (--m_pending == 0)
            Q_EMIT busyChanged(false);
        Q_EMIT finished(result);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, std::move(work)));
}

} // namespace coffer::ui
