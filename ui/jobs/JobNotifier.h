#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;
class QSystemTrayIcon;

namespace coffer {
class Job;
}

namespace coffer::ui {

class Session;

// Tells the user that a job has ended while they look elsewhere: when a job finishes and neither
// the main window nor one of its dialogs is the active window, a message in its status bar and, where the desktop
// has a system tray, a tray message. Owned by the window.
class JobNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobNotifier)

public:
    JobNotifier(Session *session, QMainWindow *window);
    ~JobNotifier() override;

    // "“Back up orders” finished", "“Back up orders” failed: <message>", "… was cancelled".
    static QString describe(const Job &job);

Q_SIGNALS:
    // A notification was shown; `failure` when the job failed.
    void notified(const QString &text, bool failure);

private:
    void onJobFinished(Job *job);
    bool isWatched() const;
    QSystemTrayIcon *trayIcon();
    void showWindow();

    QPointer<QMainWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace coffer::ui
