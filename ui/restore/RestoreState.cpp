#include "restore/RestoreState.h"

#include "Session.h"
#include "restore/RestoreJob.h"
#include "restore/RestorePreflightJob.h"
#include "workspace/WorkspaceJobs.h"

#include <QDir>
#include <QFileInfo>

namespace coffer::ui {

RestoreState::RestoreState(Session *session, RestoreRequest request, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_request(std::move(request))
{
    // The own path and the workspace's names come from the workspace: a plan made before it was
    // read again may no longer be for the file the wizard now shows.
    connect(m_session, &Session::workspaceChanged, this, [this] {
        if (isRestoring() || m_restore)
            return;
        dropPlan();
        Q_EMIT targetChanged();
    });
}

RestoreState::~RestoreState() = default;

void RestoreState::setBackup(const QString &repositoryPath, const CatalogEntry &entry)
{
    if (m_backup && m_backup->manifest.id == entry.manifest.id && m_repositoryPath == repositoryPath)
        return;
    m_backup = entry;
    m_repositoryPath = repositoryPath;
    dropPlan();
    Q_EMIT backupChanged();
}

void RestoreState::clearBackup()
{
    if (!m_backup)
        return;
    m_backup.reset();
    m_repositoryPath.clear();
    dropPlan();
    Q_EMIT backupChanged();
}

QString RestoreState::ownPath() const
{
    const std::optional<Workspace> &workspace = m_session->workspace();
    if (!m_backup || !workspace)
        return {};
    const auto database = workspace->database(m_backup->manifest.database);
    return database ? database->path : QString();
}

QString RestoreState::targetPath() const
{
    return m_otherPath.isEmpty() ? ownPath() : m_otherPath;
}

void RestoreState::setOtherTarget(const QString &path)
{
    const QString absolute = path.trimmed().isEmpty() ? QString() : QFileInfo(path.trimmed()).absoluteFilePath();
    if (absolute == m_otherPath)
        return;
    m_otherPath = absolute;
    dropPlan();
    Q_EMIT targetChanged();
}

void RestoreState::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    dropPlan();
    Q_EMIT targetChanged();
}

bool RestoreState::isEncrypted() const
{
    return m_backup && m_backup->manifest.encryptionScheme != QStringLiteral("none");
}

bool RestoreState::needsCredentials() const
{
    return isEncrypted() && credentials().isEmpty();
}

void RestoreState::setTypedCredentials(const Credentials &credentials)
{
    m_typed = credentials;
    dropPlan();
}

Credentials RestoreState::credentials() const
{
    Credentials all = m_typed;
    if (const std::optional<Workspace> &workspace = m_session->workspace()) {
        const Credentials fromWorkspace = workspacejobs::credentials(*workspace);
        all.identities << fromWorkspace.identities;
        if (!all.passphrase)
            all.passphrase = fromWorkspace.passphrase;
    }
    return all;
}

RestoreParams RestoreState::params() const
{
    RestoreParams params;
    if (!m_backup)
        return params;
    params.repositoryPath = m_repositoryPath;
    params.backupId = m_backup->manifest.id;
    // Always named: left to the planner, a database the workspace no longer lists would go where its manifest says.
    params.targetPath = targetPath();
    params.live = m_live;
    params.credentials = credentials();
    if (const std::optional<Workspace> &workspace = m_session->workspace()) {
        params.workspaceDatabases = workspace->databases();
        if (workspace->defaults().encryptionEnabled)
            params.safetyRecipients.recipients = workspace->defaults().encryptionRecipients;
    }
    return params;
}

void RestoreState::startPreflight()
{
    if (!m_backup || targetPath().isEmpty() || isChecking() || isRestoring())
        return;
    dropPlan();
    auto job = std::make_shared<RestorePreflightJob>(params());
    // Connected before the job is queued, so nothing it reports is missed.
    // A preflight whose plan was dropped meanwhile may still report: only the current one counts.
    connect(job.get(), &RestorePreflightJob::checked, this, [this, raw = job.get()](const CheckResult &check) {
        if (raw != m_preflight.get())
            return;
        m_checks << check;
        Q_EMIT checkDecided(check);
    });
    connect(job.get(), &Job::progress, this, [this, raw = job.get()](const QString &step, qint64 done, qint64 total) {
        if (raw == m_preflight.get())
            Q_EMIT preflightProgress(step, done, total);
    });
    connect(job.get(), &Job::finished, this, [this, raw = job.get()] {
        if (raw != m_preflight.get())
            return;
        if (raw->state() == Job::State::Succeeded) {
            m_plan = m_preflight->takePlan();
            m_checks = m_plan->checks;
        } else {
            m_preflightError = raw->error();
        }
        Q_EMIT planChanged();
    });
    // Then, whoever is gone by the time it ends (a plan dropped meanwhile, a wizard closed), its decoded
    // copy must not wait next to the target while the queue keeps the finished job. Queued after the
    // handler above, so that one takes the plan first when it still wants it.
    connect(job.get(), &Job::finished, job.get(), [raw = job.get()] {
        if (raw->state() == Job::State::Succeeded)
            raw->takePlan();
    });
    m_preflight = job;
    m_session->submit(job);
    Q_EMIT planChanged();
}

bool RestoreState::isChecking() const
{
    return m_preflight && !m_plan && !m_preflightError;
}

void RestoreState::dropPlan()
{
    if (isRestoring() || (!m_preflight && !m_plan))
        return;
    if (m_preflight && !m_preflight->isFinished())
        m_preflight->cancel(); // it changes nothing; its result no longer applies
    m_preflight.reset();
    m_plan.reset(); // removes the verified copy it held next to the target
    m_preflightError.reset();
    m_checks.clear();
    Q_EMIT planChanged();
}

QString RestoreState::confirmationName() const
{
    if (!m_plan)
        return {};
    return m_plan->target.exists ? m_plan->safetyDatabase : m_plan->backup.manifest.database;
}

QDateTime RestoreState::safetyKeptUntil() const
{
    if (!m_plan || !m_plan->takeSafetyBackup)
        return {};
    return QDateTime::currentDateTimeUtc().addDays(m_plan->params.safetyKeepDays);
}

bool RestoreState::startRestore()
{
    if (!m_plan || !m_plan->ok() || !m_plan->copy || m_restore)
        return false;
    auto job = std::make_shared<RestoreJob>(*m_plan);
    m_plan->copy.reset(); // the job holds it now, and lets go of it when the restore ends
    connect(job.get(), &RestoreJob::phaseStarted, this, [this](const QString &phase) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_phases << qMakePair(phase, now);
        m_progress = RestoreProgress{ phase, {}, 0, 0, now };
        Q_EMIT restoreProgress();
    });
    connect(job.get(), &Job::progress, this, [this](const QString &step, qint64 done, qint64 total) {
        m_progress.step = step;
        m_progress.done = done;
        m_progress.total = total;
        Q_EMIT restoreProgress();
    });
    connect(job.get(), &Job::finished, this, [this] {
        m_result = m_restore->result();
        // A job cancelled while it still waited in the queue never ran the restore: say so.
        if (!m_result.error && m_restore->state() != Job::State::Succeeded)
            m_result.error = m_restore->error();
        m_restoreFinished = true;
        Q_EMIT restoreFinished();
    });
    m_restore = job;
    m_session->submit(job);
    Q_EMIT restoreStarted();
    return true;
}

bool RestoreState::isRestoring() const
{
    return m_restore && !m_restoreFinished;
}

bool RestoreState::canCancelRestore() const
{
    if (!isRestoring() || m_restore->isCancelRequested())
        return false;
    for (const auto &phase : m_phases)
        if (phase.first == QStringLiteral("install") || phase.first == QStringLiteral("verify")
            || phase.first == QStringLiteral("rollback"))
            return false;
    return true;
}

void RestoreState::cancel()
{
    if (isChecking())
        m_preflight->cancel();
    else if (canCancelRestore())
        m_restore->cancel();
}

const RestoreResult *RestoreState::result() const
{
    return m_restoreFinished ? &m_result : nullptr;
}

} // namespace coffer::ui
