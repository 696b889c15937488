#pragma once

#include "common/Error.h"
#include "common/Progress.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QRunnable>
#include <QString>
#include <QStringList>

#include <atomic>

namespace coffer {

// One unit of background work (backup, verify, ...): parameters in, a result out, progress
// and an end signal. run() executes on a pool thread; cancel() may be called from any thread
// and is honoured at the work's next check. Subclasses implement execute().
class Job : public QObject, public QRunnable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)

public:
    enum class State { Queued, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    ~Job() override;

    virtual QString kind() const = 0; // "backup", "verify", ...
    virtual QString title() const = 0; // for a person: "Back up orders"
    // Jobs with the same non-empty key never run at the same time (writers of one repository).
    virtual QString exclusiveKey() const { return {}; }
    // Every key the job holds while it runs: exclusiveKey(), unless a job writes to several
    // repositories (a scheduled round) and names them all.
    virtual QStringList exclusiveKeys() const;
    // The key of the jobs that write to the repository at `path` (however the path is spelt).
    static QString repositoryKey(const QString &path);

    void cancel();
    bool isCancelRequested() const { return m_cancel.load(); }
    State state() const { return m_state.load(); }
    bool isFinished() const;
    // The failure, once failed() or finished() has been emitted.
    Error error() const;
    QDateTime startedAt() const;
    QDateTime finishedAt() const;

    void run() final;

Q_SIGNALS:
    void started();
    void progress(const QString &phase, qint64 done, qint64 total);
    void succeeded();
    void failed(const coffer::Error &error);
    void finished(); // always the last signal

protected:
    explicit Job(QObject *parent = nullptr);

    virtual Result<void> execute() = 0;

    const CancelFlag &cancelFlag() const { return m_cancel; }
    // A ProgressFn that forwards to progress(), at most every 100 ms within a phase.
    ProgressFn progressReporter();

private:
    std::atomic<State> m_state{ State::Queued };
    CancelFlag m_cancel{ false };
    mutable QMutex m_mutex;
    Error m_error;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
    QString m_lastPhase;
    QElapsedTimer m_sinceProgress;
};

} // namespace coffer

Q_DECLARE_METATYPE(coffer::Error)
