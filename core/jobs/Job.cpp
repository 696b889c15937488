#include "jobs/Job.h"

#include <QDir>
#include <QFileInfo>

#include <openssl/crypto.h>

#include <exception>

namespace coffer {

Job::Job(QObject *parent)
    : QObject(parent)
{
    // The JobQueue owns jobs through shared pointers; the pool must not delete them.
    setAutoDelete(false);
}

Job::~Job() = default;

void Job::cancel()
{
    m_cancel.store(true);
}

bool Job::isFinished() const
{
    const State state = m_state.load();
    return state == State::Succeeded || state == State::Failed || state == State::Cancelled;
}

Error Job::error() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

QDateTime Job::startedAt() const
{
    QMutexLocker lock(&m_mutex);
    return m_startedAt;
}

QDateTime Job::finishedAt() const
{
    QMutexLocker lock(&m_mutex);
    return m_finishedAt;
}

ProgressFn Job::progressReporter()
{
    return [this](const QString &phase, qint64 done, qint64 total) {
        const bool phaseChanged = phase != m_lastPhase;
        const bool complete = total > 0 && done >= total;
        if (!phaseChanged && !complete && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < 100)
            return;
        m_lastPhase = phase;
        m_sinceProgress.start();
        Q_EMIT progress(phase, done, total);
    };
}

void Job::run()
{
    {
        QMutexLocker lock(&m_mutex);
        m_startedAt = QDateTime::currentDateTimeUtc();
    }
    Result<void> outcome;
    if (m_cancel.load()) {
        outcome = fail(ErrorCode::Cancelled, QStringLiteral("Cancelled before it started"));
    } else {
        m_state.store(State::Running);
        Q_EMIT started();
        // Exceptions stay inside the job: they become an Internal error at its edge.
        try {
            outcome = execute();
        } catch (const std::exception &e) {
            outcome = fail(ErrorCode::Internal, QStringLiteral("Unexpected failure"), QString::fromLocal8Bit(e.what()));
        } catch (...) {
            outcome = fail(ErrorCode::Internal, QStringLiteral("Unexpected failure"));
        }
    }
    {
        QMutexLocker lock(&m_mutex);
        m_finishedAt = QDateTime::currentDateTimeUtc();
        if (!outcome)
            m_error = outcome.error();
    }
    // Pool threads outlive the job and can outlive OpenSSL's own cleanup at exit, leaking the
    // thread's error state; release what this thread holds in OpenSSL now.
    OPENSSL_thread_stop();
    if (outcome) {
        m_state.store(State::Succeeded);
        Q_EMIT succeeded();
    } else {
        m_state.store(outcome.error().code == ErrorCode::Cancelled ? State::Cancelled : State::Failed);
        Q_EMIT failed(outcome.error());
    }
    Q_EMIT finished();
}

QString Job::repositoryKey(const QString &path)
{
    return QStringLiteral("repository:") + QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QStringList Job::exclusiveKeys() const
{
    const QString key = exclusiveKey();
    return key.isEmpty() ? QStringList() : QStringList{ key };
}

} // namespace coffer
