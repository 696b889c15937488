#include "jobs/JobNotifier.h"

#include "Session.h"
#include "UiResources.h"
#include "jobs/JobQueue.h"

#include <QApplication>
#include <QIcon>
#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace coffer::ui {

namespace {

constexpr int kMessageMs = 10000;

} // namespace

JobNotifier::JobNotifier(Session *session, QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    initResources();
    setObjectName(QStringLiteral("jobNotifier"));
    connect(session->jobs(), &JobQueue::jobFinished, this, &JobNotifier::onJobFinished);
}

JobNotifier::~JobNotifier() = default;

QString JobNotifier::describe(const Job &job)
{
    switch (job.state()) {
    case Job::State::Failed:
        return tr("“%1” failed: %2").arg(job.title(), job.error().message);
    case Job::State::Cancelled:
        return tr("“%1” was cancelled").arg(job.title());
    default:
        return tr("“%1” finished").arg(job.title());
    }
}

void JobNotifier::onJobFinished(Job *job)
{
    if (!m_window || isWatched())
        return;
    const QString text = describe(*job);
    const bool failure = job->state() == Job::State::Failed;
    m_window->statusBar()->showMessage(text, kMessageMs);
    if (QSystemTrayIcon::isSystemTrayAvailable())
        trayIcon()->showMessage(m_window->windowTitle(), text,
            failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, kMessageMs);
    Q_EMIT notified(text, failure);
}

bool JobNotifier::isWatched() const
{
    // The window itself or one of its dialogs: someone looking at it sees the job end there.
    for (const QWidget *widget = QApplication::activeWindow(); widget; widget = widget->parentWidget())
        if (widget == m_window)
            return true;
    return false;
}

QSystemTrayIcon *JobNotifier::trayIcon()
{
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/coffer.svg")), this);
        m_tray->setToolTip(m_window->windowTitle());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &JobNotifier::showWindow);
        connect(m_tray, &QSystemTrayIcon::activated, this, &JobNotifier::showWindow);
        m_tray->show();
    }
    return m_tray;
}

void JobNotifier::showWindow()
{
    if (!m_window)
        return;
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace coffer::ui
