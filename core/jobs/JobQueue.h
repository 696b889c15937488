#pragma once

#include "jobs/Job.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <memory>

namespace coffer {

// Runs jobs on a private thread pool, one at a time per exclusive key (so two backups into
// one repository never interleave), and keeps a history. Lives on the thread that created it
// (the GUI or CLI main thread); its signals arrive there.
class JobQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobQueue)

public:
    explicit JobQueue(int maxThreads = 0, QObject *parent = nullptr);
    // Cancels what is left and waits for running jobs to stop.
    ~JobQueue() override;

    // Queues the job and returns it as the handle to watch and cancel.
    std::shared_ptr<Job> submit(std::shared_ptr<Job> job);

    QList<std::shared_ptr<Job>> jobs() const { return m_jobs; }
    int pendingCount() const; // queued or running
    void cancelAll();

Q_SIGNALS:
    void jobAdded(coffer::Job *job);
    void jobFinished(coffer::Job *job);
    void idle(); // the last pending job has finished

private:
    void startReady();
    void onFinished(Job *job);

    QThreadPool m_pool;
    QList<std::shared_ptr<Job>> m_jobs;
    QList<Job *> m_waiting;
    QSet<QString> m_busyKeys;
    QSet<Job *> m_running;
};

} // namespace coffer
