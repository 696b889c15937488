#include "jobs/JobNotifier.h"

#include "Session.h"
#include "UiResources.h"
#include "catalog/DrillFormat.h"
#include "drill/DrillJob.h"
#include "jobs/JobQueue.h"
#include "schedule/ConsoleScheduler.h"
#include "schedule/ScheduledRunJob.h"

#include <QApplication>
#include <QIcon>
#include <QMainWindow>
#include <QSet>
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

void JobNotifier::watch(const ConsoleScheduler *scheduler)
{
    connect(scheduler, &ConsoleScheduler::lockHeldLong, this,
        [this](const QString &text) { announce({ text }, true, true); });
}

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

QString JobNotifier::describeFailedRun(const RunRecord &run)
{
    if (run.kind == QStringLiteral("backup"))
        return tr("Scheduled backup of %1 failed: %2").arg(run.database, run.message);
    if (run.kind == QStringLiteral("verify"))
        return tr("Scheduled verification of %1 failed: %2").arg(run.database, run.message);
    if (run.kind == QStringLiteral("prune"))
        return tr("Scheduled prune of %1 failed: %2").arg(run.database, run.message);
    if (run.kind == QStringLiteral("drill"))
        return tr("Scheduled restore drill of %1 failed: %2").arg(run.database, run.message);
    return tr("Scheduled %1 of %2 failed: %3").arg(run.kind, run.database, run.message);
}

QStringList JobNotifier::problemsOf(const ScheduledRunJob &round)
{
    QStringList lines;
    QSet<QString> failedDatabases;
    for (const RunRecord &run : round.result().runs) {
        if (run.ok)
            continue;
        lines << describeFailedRun(run);
        failedDatabases.insert(run.database);
    }
    for (const Alert &alert : round.result().publishReport.alerts) {
        // The failed run above already says it; an overdue database is news of its own.
        const bool repeatsRun = alert.kind != QStringLiteral("overdue") && failedDatabases.contains(alert.database);
        if (!repeatsRun)
            lines << alert.message;
    }
    return lines;
}

void JobNotifier::onJobFinished(Job *job)
{
    if (const auto *round = qobject_cast<const ScheduledRunJob *>(job)) {
        onRoundFinished(*round);
        return;
    }
    if (const auto *drill = qobject_cast<const DrillJob *>(job)) {
        QStringList failed;
        for (const DrillOutcome &outcome : drill->outcomes())
            if (!outcome.ok())
                failed << DrillFormat::failure(outcome);
        // Someone watching sees it in the page that started it (its message bar): not twice.
        if (!failed.isEmpty()) {
            announce(failed, true, false);
            return;
        }
    }
    announce({ describe(*job) }, job->state() == Job::State::Failed, false);
}

void JobNotifier::onRoundFinished(const ScheduledRunJob &round)
{
    if (round.state() == Job::State::Failed) {
        const QString text = describe(round);
        if (text != m_roundFailure)
            announce({ text }, true, true);
        m_roundFailure = text;
        return;
    }
    if (round.state() != Job::State::Succeeded)
        return; // cancelled: the console is closing, or a person cancelled it
    m_roundFailure.clear();
    announce(problemsOf(round), true, true);
}

void JobNotifier::announce(const QStringList &lines, bool failure, bool always)
{
    if (!m_window || lines.isEmpty())
        return;
    const bool watched = isWatched();
    if (watched && !always)
        return;
    const QString text
        = lines.size() == 1 ? lines.first() : tr("%1 (and %n more)", nullptr, int(lines.size() - 1)).arg(lines.first());
    m_window->statusBar()->showMessage(text, kMessageMs);
    if (!watched && QSystemTrayIcon::isSystemTrayAvailable())
        trayIcon()->showMessage(m_window->windowTitle(), lines.join(QLatin1Char('\n')),
            failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, kMessageMs);
    for (const QString &line : lines)
        Q_EMIT notified(line, failure);
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
