#pragma once

#include "restore/RestoreState.h"

#include <QWizard>

namespace coffer::ui {

class Session;

// Restores a backup in six steps, one page class each: choose the backup, choose the target
// (and see what will change), run the preflight checks, confirm by typing the database's name,
// watch the restore, read how it ended. Every long step is a job; the wizard never blocks.
class RestoreWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreWizard)

public:
    enum PageId { BackupPageId, TargetPageId, PreflightPageId, ConfirmPageId, ProgressPageId, ResultPageId };

    RestoreWizard(Session *session, const RestoreRequest &request, QWidget *parent = nullptr);
    ~RestoreWizard() override;

    RestoreState *state() const { return m_state; }

    void reject() override;

Q_SIGNALS:
    // The user asked to see this backup in the catalog (the safety backup, from the result page).
    void showBackupRequested(const QString &backupId);

private:
    RestoreState *m_state = nullptr;
};

} // namespace coffer::ui
