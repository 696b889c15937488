#pragma once

#include "BackgroundLoad.h"
#include "common/Error.h"
#include "schedule/ScheduledRunJob.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QTimer;

namespace coffer::ui {

class Session;

// Runs the open workspace's schedules while the console runs: shortly after a workspace opens,
// then every minute, it looks (off the GUI thread, with the scheduler's own planner) for scheduled
// work that is due, and when there is some it submits one round of it (a ScheduledRunJob, what
// `coffer-cli run-due` runs) through the session's job queue, where the Jobs page shows it. A minute
// with nothing due adds no job. Never a second round while one of its rounds is queued or running,
// none for a workspace without any schedule, none while paused, none while another process (a cron
// or systemd run-due) holds the workspace's run lock: that round would only skip. A lock held for
// over an hour is told once (lockHeldLong(), which JobNotifier shows). Another workspace opened
// cancels the old one's round. What a round reports is told by JobNotifier. Pausing is the
// checkable action "Run Schedules While Open", remembered per user.
class ConsoleScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleScheduler)

public:
    // The first look comes this long after a workspace opens (the pages load first) ...
    static constexpr int kStartDelayMs = 10 * 1000;
    // ... and the next ones this often. A round runs what fell due since the last one.
    static constexpr int kIntervalMs = 60 * 1000;
    // After a round that could not run at all (no state folder, say), the next one waits this long.
    static constexpr int kFailedRoundPauseMs = 30 * 60 * 1000;

    ConsoleScheduler(Session *session, QObject *parent = nullptr);
    // A round still running belongs to the session's queue, which cancels or waits for it. A look
    // still running is waited for: it stops before its next repository, so closing waits at most
    // for the catalog it reads and the run log's busy timeout.
    ~ConsoleScheduler() override;

    // "Run Schedules While Open": checked (the default) while rounds run; remembered in QSettings.
    // For a menu of the main window.
    QAction *enabledAction() const { return m_enabledAction; }
    bool isEnabled() const;
    void setEnabled(bool enabled);

    // The delays above, for tests, which cannot wait a minute per look. setInterval() takes effect
    // at once, setStartDelay() at the next workspace opened or the next resume.
    void setStartDelay(int ms);
    void setInterval(int ms);
    int startDelay() const { return m_startDelayMs; }
    int interval() const { return m_intervalMs; }

    // Looks for due work now, if it may — enabled, a workspace with a schedule open, no round of ours
    // queued or running, no look under way — and submits a round when some is due. False when it
    // may not look. The timer calls it; so may tests. checked() follows a look.
    bool tick();
    // The round submitted last while it is queued or running; nullptr otherwise.
    ScheduledRunJob *activeRound() const { return m_active.get(); }
    // Whether any database of `workspace` has a schedule (a backup, verify or drill cadence, or prune: auto).
    static bool hasSchedule(const Workspace &workspace);
    // What one look found.
    struct Look {
        QStringList due; // "backup orders", …
        // Another run holds the workspace's run lock: nothing was looked for (a round would skip).
        std::optional<RunLockHolder> lockHolder;
    };
    // What is due in `workspace` at `now`, as a round would find it. Reads the catalogs and the
    // run log: off the GUI thread. Fails when the run log or the run lock cannot be read. Once
    // `isStale` says so, it stops before the next repository (what it returns then is no answer).
    static Result<Look> dueWork(
        const Workspace &workspace, const QDateTime &now, const std::function<bool()> &isStale = {});
    // What lockHeldLong() says of `holder`, for a person.
    static QString describeLongHeldLock(const RunLockHolder &holder);

Q_SIGNALS:
    // A look found `due` tasks (none: nothing was submitted).
    void checked(const QStringList &due);
    void roundSubmitted(coffer::ScheduledRunJob *round);
    // A round of ours ended (succeeded, failed or cancelled); its result() says what it ran.
    void roundFinished(coffer::ScheduledRunJob *round);
    // A look found another run holding the workspace's run lock, for `heldSeconds` (-1: unknown):
    // nothing was submitted.
    void lockHeld(qint64 heldSeconds);
    // It has been held for over ScheduledRunResult::kLongHeldLockSeconds: the holder may hang, and
    // nothing scheduled runs meanwhile. Once per holder; `text` is for a person.
    void lockHeldLong(const QString &text);

private:
    void onWorkspaceChanged();
    void onTimer();
    void onChecked(const QString &workspacePath, const Result<Look> &look);
    void onLockHeld(const RunLockHolder &holder);
    void submitRound();
    void scheduleNext(int ms);
    // Drops the look under way: it stops early, and what it finds is not delivered.
    void cancelLook();

    Session *m_session = nullptr;
    QAction *m_enabledAction = nullptr;
    QTimer *m_timer = nullptr;
    std::shared_ptr<ScheduledRunJob> m_active;
    QString m_workspacePath; // the workspace m_active belongs to
    QDateTime m_pausedUntil; // after a round that could not run
    QString m_toldLockHolder; // the holder lockHeldLong() told of, while it holds the lock
    // Bumped to make the look under way stale; the look compares it with its own.
    std::shared_ptr<std::atomic<quint64>> m_lookGeneration = std::make_shared<std::atomic<quint64>>(0);
    int m_startDelayMs = kStartDelayMs;
    int m_intervalMs = kIntervalMs;
    BackgroundLoad m_check{ this }; // last: destroyed first, while the members its delivery touches live
};

} // namespace coffer::ui
