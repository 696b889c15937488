#pragma once

#include "repository/Catalog.h"
#include "restore/RestorePlan.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableView;

namespace coffer {
class Job;
} // namespace coffer

namespace coffer::ui {

class MessageBar;
class RestoreCheckModel;
class Session;

// What `coffer-cli restore` does, as a dialog (until the restore wizard replaces it): choose the
// target (the database's own path in the workspace, or another file; live or not), run the preflight and show each
// check, have the user type the database's name, then restore with progress and show how it ended.
// Both halves run as core jobs through the session; the dialog is not modal.
class RestoreDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    RestoreDialog(
        Session *session, const CatalogEntry &backup, const QString &repositoryPath, QWidget *parent = nullptr);
    ~RestoreDialog() override;

private:
    enum class Stage { Options, Checking, Checked, Restoring, Done };

    void runPreflight();
    void onPreflightFinished();
    void runRestore();
    void onRestoreFinished();
    void onProgress(const QString &phase, qint64 done, qint64 total);
    // The options changed: a plan made for the old ones no longer applies.
    void discardPlan();
    void setStage(Stage stage);
    void updateButtons();
    // The name the user types to confirm: the database that is about to be replaced.
    QString confirmationName() const;
    void reject() override;

    Session *m_session = nullptr;
    const CatalogEntry m_backup;
    const QString m_repositoryPath;
    // Where the workspace says the backup's database lives; empty when the workspace does not list it.
    QString m_ownPath;
    Stage m_stage = Stage::Options;
    std::optional<RestorePlan> m_plan;
    std::shared_ptr<Job> m_job; // the preflight or restore under way

    QRadioButton *m_ownTarget = nullptr;
    QRadioButton *m_otherTarget = nullptr;
    QLineEdit *m_targetEdit = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_live = nullptr;
    QPushButton *m_check = nullptr;
    RestoreCheckModel *m_checks = nullptr;
    QTableView *m_checksView = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_phase = nullptr;
    MessageBar *m_outcome = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace coffer::ui
