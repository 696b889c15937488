#pragma once

#include "BackgroundLoad.h"
#include "crypto/Identity.h"
#include "crypto/SecretBytes.h"

#include <QWizardPage>

#include <memory>
#include <optional>

class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace coffer {
struct CheckResult;
} // namespace coffer

namespace coffer::ui {

class MessageBar;
class RestoreCheckModel;
class RestoreState;

// Step 3 of the restore wizard: the preflight's checks as a live checklist, filled as the engine
// decides them, with the verification's progress. A failed check stops the wizard here and says
// why; a database in use offers the live restore; an encrypted backup asks for what opens it.
class RestorePreflightPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestorePreflightPage)

public:
    explicit RestorePreflightPage(RestoreState *state, QWidget *parent = nullptr);
    ~RestorePreflightPage() override;

    void initializePage() override;
    bool isComplete() const override;

    RestoreCheckModel *checks() const { return m_model; }

private:
    // Runs the checks again, with the passphrase and key file typed (if any) as credentials.
    void recheck();
    void applyCredentialsAndCheck();
    void chooseKeyFile();
    void setLive(bool live);
    // Shows what the state holds: the checklist, the summary, the offers and the buttons.
    void sync();
    void onCheckDecided(const CheckResult &check);
    void onProgress(const QString &step, qint64 done, qint64 total);
    void updateSummary();
    void updateButtons();

    RestoreState *m_state = nullptr;
    RestoreCheckModel *m_model = nullptr;
    BackgroundLoad m_keyLoad;

    MessageBar *m_message = nullptr;
    QLabel *m_intro = nullptr;
    QTableView *m_view = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QFrame *m_liveOffer = nullptr;
    QPushButton *m_liveButton = nullptr;
    QFrame *m_liveNote = nullptr;
    QPushButton *m_notLiveButton = nullptr;
    QFrame *m_credentials = nullptr;
    QLabel *m_credentialsLabel = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QPushButton *m_browseKey = nullptr;
    QPushButton *m_recheck = nullptr;
    bool m_showsPreflightError = false;

    // What the user typed last, shared with the state's credentials (never a second copy of the secret).
    std::shared_ptr<const SecretBytes> m_typedPassphrase;
    std::optional<Identity> m_typedIdentity;
    QString m_appliedKeyFile;
};

} // namespace coffer::ui
