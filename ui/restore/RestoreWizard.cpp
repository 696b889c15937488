#include "restore/RestoreWizard.h"

#include "UiResources.h"
#include "restore/RestoreBackupPage.h"
#include "restore/RestoreConfirmPage.h"
#include "restore/RestorePreflightPage.h"
#include "restore/RestoreProgressPage.h"
#include "restore/RestoreResultPage.h"
#include "restore/RestoreTargetPage.h"
#include "widgets/Question.h"

#include <QIcon>
#include <QPointer>

namespace coffer::ui {

RestoreWizard::RestoreWizard(Session *session, const RestoreRequest &request, QWidget *parent)
    : QWizard(parent)
    , m_state(new RestoreState(session, request, this))
{
    initResources();
    setObjectName(QStringLiteral("restoreWizard"));
    setWindowTitle(tr("Restore a Backup"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/restore.svg")));
    setAccessibleName(tr("Restore wizard"));
    // The same look on every platform and in the screenshots: a title, a subtitle, the page.
    setWizardStyle(QWizard::ClassicStyle);
    setOptions(QWizard::NoBackButtonOnLastPage | QWizard::NoBackButtonOnStartPage | QWizard::NoCancelButtonOnLastPage
        | QWizard::NoDefaultButton);

    auto *result = new RestoreResultPage(m_state, this);
    setPage(BackupPageId, new RestoreBackupPage(m_state, this));
    setPage(TargetPageId, new RestoreTargetPage(m_state, this));
    setPage(PreflightPageId, new RestorePreflightPage(m_state, this));
    setPage(ConfirmPageId, new RestoreConfirmPage(m_state, this));
    setPage(ProgressPageId, new RestoreProgressPage(m_state, this));
    setPage(ResultPageId, result);
    connect(result, &RestoreResultPage::showBackupRequested, this, &RestoreWizard::showBackupRequested);
    resize(920, 660);
}

RestoreWizard::~RestoreWizard() = default;

void RestoreWizard::reject()
{
    if (m_state->isChecking()) {
        m_state->cancel(); // the checks change nothing
        QWizard::reject();
        return;
    }
    if (!m_state->isRestoring()) {
        QWizard::reject();
        return;
    }
    const QString database = m_state->backup() ? m_state->backup()->manifest.database : QString();
    const QString target = m_state->targetPath();
    QPointer<RestoreWizard> self(this);
    if (m_state->canCancelRestore()) {
        ask(this,
            Question{ tr("Stop the Restore?"), tr("The restore of %1 to %2 is still running.").arg(database, target),
                tr("Nothing has been installed yet: stopped before the install begins, %1 stays exactly as it "
                   "is. The wizard then says how the restore ended.")
                    .arg(target),
                {},
                tr("Stop the Restore"), false },
            [self](bool stop) {
                if (self && stop)
                    self->m_state->cancel(); // the result page then says how it ended
            });
        return;
    }
    ask(this,
        Question{ tr("Close While the Restore Finishes?"),
            tr("The restored database is being installed at %1; that step cannot be stopped.").arg(target),
            tr("The restore finishes in the background and, if anything fails, puts the previous database back. "
               "The Jobs page shows how it ended."),
            {}, tr("Close"), false },
        [self](bool close) {
            if (self && close)
                self->QWizard::reject();
        });
}

} // namespace coffer::ui
