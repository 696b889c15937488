#include "jobs/JobQueue.h"

#include <QThread>

#include <algorithm>

namespace coffer {

JobQueue::JobQueue(int maxThreads, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<coffer::Error>();
    m_pool.setMaxThreadCount(maxThreads > 0 ? maxThreads : qMax(2, QThread::idealThreadCount()));
}

JobQueue::~JobQueue()
{
    m_waiting.clear();
    cancelAll();
    m_pool.waitForDone();
}

std::shared_ptr<Job> JobQueue::submit(std::shared_ptr<Job> job)
{
    Job *raw = job.get();
    m_jobs << job;
    // Queued: finished() is emitted on a pool thread and handled here, on our thread.
    connect(raw, &Job::finished, this, [this, raw] { onFinished(raw); }, Qt::QueuedConnection);
    m_waiting << raw;
    Q_EMIT jobAdded(raw);
    startReady();
    return job;
}

int JobQueue::pendingCount() const
{
    return int(m_waiting.size() + m_running.size());
}

void JobQueue::cancelAll()
{
    for (const auto &job : std::as_const(m_jobs))
        if (!job->isFinished())
            job->cancel();
}

void JobQueue::startReady()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        Job *job = *it;
        const QStringList keys = job->exclusiveKeys();
        if (std::any_of(keys.begin(), keys.end(), [this](const QString &key) { return m_busyKeys.contains(key); })) {
            ++it;
            continue;
        }
        for (const QString &key : keys)
            m_busyKeys.insert(key);
        m_running.insert(job);
        it = m_waiting.erase(it);
        m_pool.start(job);
    }
}

void JobQueue::onFinished(Job *job)
{
    m_running.remove(job);
    for (const QString &key : job->exclusiveKeys())
        m_busyKeys.remove(key);
    Q_EMIT jobFinished(job);
    startReady();
    if (pendingCount() == 0)
        Q_EMIT idle();
}

} // namespace coffer
