#pragma once

#include "crypto/EncryptionKeys.h"
#include "repository/Catalog.h"
#include "restore/RestorePlan.h"
#include "restore/RestoreRequest.h"
#include "restore/Restorer.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace coffer {
class RestoreJob;
class RestorePreflightJob;
} // namespace coffer

namespace coffer::ui {

class Session;

// Where a running restore is: the phase it is in and how far that phase has come.
struct RestoreProgress {
    QString phase; // a RestorePhase name: "safety backup", "install", "verify", "rollback"; empty before the first
    QString step; // the engine's finer step inside it ("snapshot", "compress", …)
    qint64 done = 0; // bytes, when total > 0
    qint64 total = 0;
    QDateTime phaseStarted; // UTC
};

// The choices the restore wizard's pages share, and the two jobs it runs (the preflight, then the
// restore). Pages read and write the choices here; a choice that changes what a plan was made for
// drops the plan, so the wizard can only restore what its preflight checked.
//
// The jobs' signals are connected here before the jobs are queued and what they report is kept,
// so a page that shows up later sees everything from the start.
class RestoreState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreState)

public:
    RestoreState(Session *session, RestoreRequest request, QObject *parent = nullptr);
    ~RestoreState() override;

    Session *session() const { return m_session; }
    const RestoreRequest &request() const { return m_request; }

    // 1. The backup.
    const std::optional<CatalogEntry> &backup() const { return m_backup; }
    QString repositoryPath() const { return m_repositoryPath; } // the chosen backup's repository
    void setBackup(const QString &repositoryPath, const CatalogEntry &entry);
    void clearBackup();

    // 2. The target. The own path is where the workspace lists the backup's database (a manifest's
    // source path is only what it says, never a target); empty when the workspace does not list it.
    QString ownPath() const;
    // Absolute: the other file when one was chosen, else the own path (empty when there is neither).
    QString targetPath() const;
    bool isOwnTarget() const { return m_otherPath.isEmpty(); }
    // Empty: back to the own path.
    void setOtherTarget(const QString &path);
    // Copy in through SQLite while other programs keep the database open.
    bool isLive() const { return m_live; }
    void setLive(bool live);

    // What opens an encrypted backup: the workspace's (its passphrase variable) plus what the user typed.
    bool isEncrypted() const;
    // Encrypted, and nothing from the workspace or the user to open it with.
    bool needsCredentials() const;
    void setTypedCredentials(const Credentials &credentials);
    Credentials credentials() const;

    // 3. The preflight: runs RestorePlanner as a job on the current choices.
    RestoreParams params() const;
    void startPreflight();
    bool isChecking() const;
    // The checks decided so far by the running (or last) preflight, in order.
    const QList<CheckResult> &checks() const { return m_checks; }
    // Set when the last preflight finished; it may have failed checks (plan()->ok()).
    const std::optional<RestorePlan> &plan() const { return m_plan; }
    // Why the last preflight could not run at all (no such backup, cancelled), else empty.
    const std::optional<Error> &preflightError() const { return m_preflightError; }
    // The last preflight's job, its progress and checks (null before the first).
    const std::shared_ptr<RestorePreflightJob> &preflightJob() const { return m_preflight; }

    // 4. What the user types to confirm: the database that is about to be replaced (or created).
    QString confirmationName() const;
    // When the safety backup expires (now plus its keep days), for the confirmation.
    QDateTime safetyKeptUntil() const;

    // 5. The restore: runs the plan as a job. Only with a plan that passed.
    bool startRestore();
    bool isRestoring() const;
    const std::shared_ptr<RestoreJob> &restoreJob() const { return m_restore; }
    const RestoreProgress &progress() const { return m_progress; }
    // The phases that began, in order, with when each began.
    const QList<QPair<QString, QDateTime>> &phases() const { return m_phases; }
    // Cancelling can still stop it: before the install began.
    bool canCancelRestore() const;
    // Cancels the preflight or, while that is still safe, the restore.
    void cancel();
    // Valid once restoreFinished() was emitted.
    const RestoreResult *result() const;

Q_SIGNALS:
    void backupChanged();
    void targetChanged(); // the target path or the live choice
    void planChanged(); // a preflight started, finished or its plan was dropped
    void checkDecided(const coffer::CheckResult &check);
    void preflightProgress(const QString &step, qint64 done, qint64 total);
    void restoreStarted();
    void restoreProgress(); // see progress(); also when a phase begins
    void restoreFinished();

private:
    void dropPlan();

    Session *m_session = nullptr;
    const RestoreRequest m_request;
    std::optional<CatalogEntry> m_backup;
    QString m_repositoryPath;
    QString m_otherPath;
    bool m_live = false;
    Credentials m_typed;

    std::shared_ptr<RestorePreflightJob> m_preflight;
    QList<CheckResult> m_checks;
    std::optional<RestorePlan> m_plan;
    std::optional<Error> m_preflightError;

    std::shared_ptr<RestoreJob> m_restore;
    RestoreProgress m_progress;
    QList<QPair<QString, QDateTime>> m_phases;
    RestoreResult m_result;
    bool m_restoreFinished = false;
};

} // namespace coffer::ui
