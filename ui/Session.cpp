#include "Session.h"

#include "jobs/JobQueue.h"
#include "schedule/ScheduledRunJob.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace coffer::ui {

Session::Session(QObject *parent)
    : QObject(parent)
    , m_jobs(std::make_unique<JobQueue>())
{
    connect(m_jobs.get(), &JobQueue::jobFinished, this, &Session::onJobFinished);
}

Session::~Session() = default;

std::shared_ptr<Job> Session::submit(std::shared_ptr<Job> job)
{
    return m_jobs->submit(std::move(job));
}

void Session::openWorkspace(const QString &path)
{
    m_workspacePath = path;
    m_workspace.reset();
    m_workspaceError.reset();
    reloadWorkspace();
}

void Session::reloadWorkspace()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    auto *watcher = new QFutureWatcher<Result<Workspace>>(this);
    connect(watcher, &QFutureWatcher<Result<Workspace>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer request supersedes this one
        const Result<Workspace> loaded = watcher->result();
        m_loading = false;
        if (loaded) {
            m_workspace = *loaded;
            m_workspaceError.reset();
        } else {
            m_workspace.reset();
            m_workspaceError = loaded.error();
        }
        Q_EMIT workspaceChanged();
    });
    watcher->setFuture(QtConcurrent::run([path = m_workspacePath] { return Workspace::load(path); }));
}

void Session::onJobFinished(Job *job)
{
    // A scheduled round that ran nothing (it skipped: another run held the lock; or what the look
    // found due was done meanwhile) changed nothing to read again.
    if (const auto *round = qobject_cast<const ScheduledRunJob *>(job);
        round && round->state() == Job::State::Succeeded && round->result().runs.isEmpty())
        return;
    if (m_catalogChangePending)
        return;
    m_catalogChangePending = true;
    QTimer::singleShot(0, this, [this] {
        m_catalogChangePending = false;
        Q_EMIT catalogChanged();
    });
}

} // namespace coffer::ui
