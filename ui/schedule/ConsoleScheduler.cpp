#include "schedule/ConsoleScheduler.h"

#include "Session.h"
#include "health/DatabaseHealth.h"
#include "health/HealthSurvey.h"
#include "schedule/DuePlanner.h"
#include "schedule/RunLog.h"
#include "schedule/ScheduleSurvey.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace coffer::ui {

namespace {

const QString kEnabledKey = QStringLiteral("scheduler/runWhileOpen");

} // namespace

ConsoleScheduler::ConsoleScheduler(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_enabledAction(new QAction(tr("Run &Schedules While Open"), this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("consoleScheduler"));
    m_enabledAction->setObjectName(QStringLiteral("runSchedulesAction"));
    m_enabledAction->setCheckable(true);
    m_enabledAction->setChecked(QSettings().value(kEnabledKey, true).toBool());
    m_enabledAction->setStatusTip(tr("While Coffer is open, run the backups, verifications, prunes and restore drills "
                                     "the workspace schedules, as coffer-cli run-due does"));
    m_enabledAction->setToolTip(m_enabledAction->statusTip());
    connect(m_enabledAction, &QAction::toggled, this, [this](bool enabled) {
        QSettings().setValue(kEnabledKey, enabled);
        if (!enabled) {
            m_timer->stop();
            cancelLook(); // a look under way submits nothing once paused
            return;
        }
        const std::optional<Workspace> &workspace = m_session->workspace();
        if (workspace && hasSchedule(*workspace))
            scheduleNext(m_startDelayMs);
    });

    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ConsoleScheduler::onTimer);
    connect(session, &Session::workspaceChanged, this, &ConsoleScheduler::onWorkspaceChanged);
    onWorkspaceChanged();
}

ConsoleScheduler::~ConsoleScheduler()
{
    // Then m_check's pool waits for the look, which gives up before its next repository.
    cancelLook();
}

bool ConsoleScheduler::isEnabled() const
{
    return m_enabledAction->isChecked();
}

void ConsoleScheduler::setEnabled(bool enabled)
{
    m_enabledAction->setChecked(enabled);
}

void ConsoleScheduler::setStartDelay(int ms)
{
    m_startDelayMs = std::max(0, ms);
}

void ConsoleScheduler::setInterval(int ms)
{
    m_intervalMs = std::max(1, ms);
    if (m_timer->isActive())
        m_timer->start(std::min(m_timer->remainingTime(), m_intervalMs));
}

bool ConsoleScheduler::hasSchedule(const Workspace &workspace)
{
    const QList<DatabaseEntry> &databases = workspace.databases();
    return std::any_of(databases.cbegin(), databases.cend(),
        [&workspace](const DatabaseEntry &database) { return !workspace.schedule(database.name).isEmpty(); });
}

Result<ConsoleScheduler::Look> ConsoleScheduler::dueWork(
    const Workspace &workspace, const QDateTime &now, const std::function<bool()> &isStale)
{
    // A round would skip while a cron's run-due holds the lock, leaving a job behind every minute.
    auto holder = ScheduledRunJob::runLockHolder(workspace.filePath());
    if (!holder)
        return std::unexpected(holder.error());
    if (*holder)
        return Look{ {}, *holder };
    auto log = RunLog::open(workspace.filePath());
    if (!log)
        return std::unexpected(log.error());
    const WorkspaceCatalogs catalogs = WorkspaceCatalogs::read(workspace, isStale);
    if (isStale && isStale())
        return Look{};
    const ScheduleSurvey survey = ScheduleSurvey::take(workspace, catalogs, &*log, now);
    Look look;
    for (const PlannedTask &task : DuePlanner::due(DuePlanner::plan(workspace, survey.states, now)))
        look.due << QStringLiteral("%1 %2").arg(task.kind, task.database);
    return look;
}

QString ConsoleScheduler::describeLongHeldLock(const RunLockHolder &holder)
{
    const QString held = DatabaseHealth::describeDuration(holder.heldSeconds);
    if (holder.pid > 0)
        return tr("Another run (process %1 on %2) has held the workspace's run lock for %3: nothing scheduled runs "
                  "until it ends. If it hangs, end that process.")
            .arg(holder.pid)
            .arg(holder.host, held);
    return tr("Another run has held the workspace's run lock for %1: nothing scheduled runs until it ends. If it "
              "hangs, end that process.")
        .arg(held);
}

bool ConsoleScheduler::tick()
{
    if (!isEnabled() || (m_active && !m_active->isFinished()) || m_check.isLoading())
        return false;
    if (m_pausedUntil.isValid() && QDateTime::currentDateTimeUtc() < m_pausedUntil)
        return false;
    const std::optional<Workspace> &workspace = m_session->workspace();
    if (!workspace || !hasSchedule(*workspace))
        return false;
    // A look reads every catalog; a round would read them again under its lock, and only then runs.
    const quint64 generation = m_lookGeneration->fetch_add(1) + 1;
    m_check.start(
        [workspace = *workspace, latest = m_lookGeneration, generation] {
            return dueWork(workspace, QDateTime::currentDateTimeUtc(),
                [latest, generation] { return latest->load() != generation; });
        },
        [this, path = workspace->filePath()](const Result<Look> &look) { onChecked(path, look); });
    return true;
}

void ConsoleScheduler::cancelLook()
{
    m_lookGeneration->fetch_add(1);
    m_check.cancel();
}

void ConsoleScheduler::onChecked(const QString &workspacePath, const Result<Look> &look)
{
    // Paused, or another workspace opened, while it looked: what it found is not for now.
    if (!isEnabled() || !m_session->workspace() || m_session->workspace()->filePath() != workspacePath)
        return;
    if (look && look->lockHolder) {
        onLockHeld(*look->lockHolder);
        return;
    }
    m_toldLockHolder.clear();
    Q_EMIT checked(look ? look->due : QStringList());
    // Without its run log (or its lock) the round fails too, with a message worth telling: submit it.
    if (!look || !look->due.isEmpty())
        submitRound();
}

void ConsoleScheduler::onLockHeld(const RunLockHolder &holder)
{
    Q_EMIT lockHeld(holder.heldSeconds);
    if (!holder.isHeldLong())
        return;
    // Once per holder: the next look, a minute later, finds the same one.
    const QString key = QStringLiteral("%1@%2").arg(holder.pid).arg(holder.host);
    if (key == m_toldLockHolder)
        return;
    m_toldLockHolder = key;
    Q_EMIT lockHeldLong(describeLongHeldLock(holder));
}

void ConsoleScheduler::submitRound()
{
    ScheduledRunParams params;
    params.workspace = *m_session->workspace();
    // A run-due of cron's that took the lock since the look: this round skips, a later one finds what is left.
    params.lockWaitMs = 0;
    auto round = std::make_shared<ScheduledRunJob>(params);
    m_active = round;
    // Connected before the round is queued, so even one that ends at once is seen ending.
    connect(round.get(), &Job::finished, this, [this, job = round.get()] {
        // A round of a workspace no longer open was forgotten: what it says is not about this one.
        if (m_active.get() == job) {
            m_active.reset();
            // A round that cannot run would fail the same way every minute.
            m_pausedUntil = job->state() == Job::State::Failed
                ? QDateTime::currentDateTimeUtc().addMSecs(kFailedRoundPauseMs)
                : QDateTime();
        }
        Q_EMIT roundFinished(job);
    });
    m_session->submit(round);
    Q_EMIT roundSubmitted(round.get());
}

void ConsoleScheduler::onWorkspaceChanged()
{
    cancelLook();
    m_pausedUntil = {};
    // Another workspace: the old one's round has no business running now, nor blocking this one's.
    // The same one read again (Settings saved it, F5) keeps its round.
    if (m_session->workspacePath() != m_workspacePath) {
        if (m_active && !m_active->isFinished())
            m_active->cancel();
        m_active.reset();
        m_toldLockHolder.clear();
        m_workspacePath = m_session->workspacePath();
    }
    const std::optional<Workspace> &workspace = m_session->workspace();
    if (workspace && hasSchedule(*workspace))
        scheduleNext(m_startDelayMs);
    else
        m_timer->stop();
}

void ConsoleScheduler::onTimer()
{
    tick();
    const std::optional<Workspace> &workspace = m_session->workspace();
    if (workspace && hasSchedule(*workspace))
        scheduleNext(m_intervalMs);
}

void ConsoleScheduler::scheduleNext(int ms)
{
    if (isEnabled())
        m_timer->start(ms);
}

} // namespace coffer::ui
