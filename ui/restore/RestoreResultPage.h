#pragma once

#include "BackgroundLoad.h"
#include "common/Error.h"

#include <QDateTime>

#include <QWizardPage>

class QFrame;
class QLabel;
class QPushButton;

namespace coffer {
struct RestorePlan;
struct RestoreResult;
} // namespace coffer

namespace coffer::ui {

class RestoreState;

// Step 6 of the restore wizard, its last: how the restore ended. On success the timings and the
// safety backup (with a way to open it in the catalog); on failure what happened and, in plain
// words, where the previous database is now — and when even putting it back failed, the safety
// backup's file and the command that restores it.
class RestoreResultPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreResultPage)

public:
    explicit RestoreResultPage(RestoreState *state, QWidget *parent = nullptr);
    ~RestoreResultPage() override;

    void initializePage() override;

    // Shows how a restore of `plan` ended. The page shows the state's restore by itself; public so a
    // test can show an outcome the engine cannot be made to produce on demand, such as a rollback that failed.
    void showOutcome(const RestorePlan &plan, const RestoreResult &result, const QDateTime &finishedAt);

Q_SIGNALS:
    // The user asked to see this backup (a full id) in the catalog.
    void showBackupRequested(const QString &backupId);

private:
    void showResult();
    void setLook(bool ok, bool warn);
    void loadArtifactPath(const QString &repositoryRoot, const QString &backupId);

    RestoreState *m_state = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_timings = nullptr;
    QLabel *m_gap = nullptr;
    QLabel *m_warnings = nullptr;
    QFrame *m_safetyBox = nullptr;
    QLabel *m_safetyText = nullptr;
    QLabel *m_safetyId = nullptr;
    QPushButton *m_showSafety = nullptr;
    QFrame *m_recoveryBox = nullptr;
    QLabel *m_recovery = nullptr;
    QLabel *m_artifact = nullptr;
    QLabel *m_command = nullptr;
    QPushButton *m_copyCommand = nullptr;
    QString m_safetyBackupId;
    BackgroundLoad m_load{ this };
};

} // namespace coffer::ui
