#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;
class QSystemTrayIcon;

namespace coffer {
class Job;
class ScheduledRunJob;
struct RunRecord;
} // namespace coffer

namespace coffer::ui {

class ConsoleScheduler;
class Session;

// Tells the user that a job has ended while they look elsewhere: when a job finishes and neither
// the main window nor one of its dialogs is the active window, a message in its status bar and, where the desktop
// has a system tray, a tray message. Problems nobody asked to watch — a failed run of a scheduled round,
// an alert the round raised (a failure, an overdue database, a failed drill), a run lock another
// process has held for too long — are told always: in the status bar while the window is active, on
// the desktop too while it is not. A restore drill someone started says how it went in its page; a
// failed one is told, by its failed checks, only to a user who is elsewhere. A scheduled round that
// ran nothing and raised nothing is not news. Owned by the window.
class JobNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobNotifier)

public:
    JobNotifier(Session *session, QMainWindow *window);
    ~JobNotifier() override;

    // Also tells what `scheduler` finds that no job reports: a run lock held for too long.
    void watch(const ConsoleScheduler *scheduler);

    // "“Back up orders” finished", "“Back up orders” failed: <message>", "… was cancelled".
    static QString describe(const Job &job);
    // "Scheduled backup of orders failed: <message>".
    static QString describeFailedRun(const RunRecord &run);
    // What a finished round has to tell, one line each: its failed runs, then its alerts (less those
    // that repeat a failed run of the same database). Empty for a round that went well.
    static QStringList problemsOf(const ScheduledRunJob &round);

Q_SIGNALS:
    // A notification was shown, once for each thing it tells; `failure` when it is a problem.
    void notified(const QString &text, bool failure);

private:
    void onJobFinished(Job *job);
    void onRoundFinished(const ScheduledRunJob &round);
    // Shows `lines` in the status bar and, while the window is not watched, on the desktop. Unless
    // `always`, nothing while it is watched.
    void announce(const QStringList &lines, bool failure, bool always);
    bool isWatched() const;
    QSystemTrayIcon *trayIcon();
    void showWindow();

    QPointer<QMainWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    // A round that cannot run at all fails the same way every minute: told once until it runs again.
    QString m_roundFailure;
};

} // namespace coffer::ui
