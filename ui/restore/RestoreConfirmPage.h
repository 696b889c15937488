#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace coffer::ui {

class MessageBar;
class RestoreState;

// Step 4 of the restore wizard: what the restore will do, in plain words (what is replaced, with
// what, what data is lost, where the current data is kept), and the database's name typed exactly
// before Restore is enabled. Its commit button starts the restore.
class RestoreConfirmPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreConfirmPage)

public:
    explicit RestoreConfirmPage(RestoreState *state, QWidget *parent = nullptr);
    ~RestoreConfirmPage() override;

    void initializePage() override;
    bool isComplete() const override;
    // Starts the restore; false (and says why) when it cannot start.
    bool validatePage() override;

    // The summary for the state's plan (empty without one).
    QString summary() const;

private:
    RestoreState *m_state = nullptr;
    MessageBar *m_message = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
};

} // namespace coffer::ui
