#include "restore/RestoreDialog.h"

#include "DisplayFormat.h"
#include "Session.h"
#include "UiResources.h"
#include "restore/RestoreCheckModel.h"
#include "restore/RestoreJob.h"
#include "restore/RestorePreflightJob.h"
#include "widgets/MessageBar.h"
#include "workspace/WorkspaceJobs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace coffer::ui {

namespace {

QLabel *wrappingLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // names and paths come from files: never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

RestoreDialog::RestoreDialog(
    Session *session, const CatalogEntry &backup, const QString &repositoryPath, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_backup(backup)
    , m_repositoryPath(repositoryPath)
    , m_ownTarget(new QRadioButton(this))
    , m_otherTarget(new QRadioButton(tr("&Another file:"), this))
    , m_targetEdit(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_live(
          new QCheckBox(tr("&Live restore: copy in through SQLite while other programs keep the database open"), this))
    , m_check(new QPushButton(tr("&Check"), this))
    , m_checks(new RestoreCheckModel(this))
    , m_checksView(new QTableView(this))
    , m_summary(wrappingLabel(this, QStringLiteral("summaryLabel")))
    , m_confirmLabel(wrappingLabel(this, QStringLiteral("confirmLabel")))
    , m_confirmEdit(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_phase(wrappingLabel(this, QStringLiteral("phaseLabel")))
    , m_outcome(new MessageBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_restore(m_buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole))
{
    initResources();
    const Manifest &m = m_backup.manifest;
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore %1").arg(m.database));
    setWindowIcon(QIcon(QStringLiteral(":/icons/restore.svg")));

    auto *header = wrappingLabel(this, QStringLiteral("backupLabel"));
    header->setText(tr("Backup %1 of %2, created %3 (%4 trigger), database %5")
                        .arg(m.shortId(), m.database, DisplayFormat::localTime(m.created), m.trigger,
                            DisplayFormat::size(m.plaintextSize)));

    // The database's own path is the workspace's: a manifest's source path is only what it says, never a
    // target. A database the workspace does not list has no own path, so the user chooses the file.
    if (const auto &workspace = m_session->workspace())
        if (const auto database = workspace->database(m.database))
            m_ownPath = database->path;
    m_ownTarget->setObjectName(QStringLiteral("ownTargetRadio"));
    m_ownTarget->setText(tr("The database's own &path: %1").arg(m_ownPath));
    m_ownTarget->setAccessibleName(tr("Restore to the database's own path"));
    m_ownTarget->setVisible(!m_ownPath.isEmpty());
    (m_ownPath.isEmpty() ? m_otherTarget : m_ownTarget)->setChecked(true);
    auto *notInWorkspace = wrappingLabel(this, QStringLiteral("notInWorkspaceLabel"));
    notInWorkspace->setText(
        tr("“%1” is not a database of the workspace: choose the file to restore to.").arg(m.database));
    notInWorkspace->setVisible(m_ownPath.isEmpty());
    m_otherTarget->setObjectName(QStringLiteral("otherTargetRadio"));
    m_otherTarget->setAccessibleName(tr("Restore to another file"));
    m_targetEdit->setObjectName(QStringLiteral("targetEdit"));
    m_targetEdit->setAccessibleName(tr("Target file"));
    m_targetEdit->setPlaceholderText(tr("Path of the restored database"));
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setAccessibleName(tr("Choose the target file"));
    m_live->setObjectName(QStringLiteral("liveCheck"));
    m_live->setAccessibleName(tr("Live restore"));
    m_check->setObjectName(QStringLiteral("checkButton"));
    m_check->setAccessibleName(tr("Check the restore"));
    m_check->setToolTip(tr("Check the target and fully verify the backup; nothing is changed"));

    auto *other = new QHBoxLayout;
    other->addWidget(m_otherTarget);
    other->addWidget(m_targetEdit, 1);
    other->addWidget(m_browse);
    auto *targetBox = new QGroupBox(tr("Restore to"), this);
    auto *targetLayout = new QVBoxLayout(targetBox);
    targetLayout->addWidget(notInWorkspace);
    targetLayout->addWidget(m_ownTarget);
    targetLayout->addLayout(other);
    targetLayout->addWidget(m_live);

    m_checksView->setObjectName(QStringLiteral("checksView"));
    m_checksView->setAccessibleName(tr("Preflight checks"));
    m_checksView->setModel(m_checks);
    m_checksView->setSelectionMode(QAbstractItemView::NoSelection);
    m_checksView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checksView->setWordWrap(true);
    m_checksView->setShowGrid(false);
    m_checksView->verticalHeader()->hide();
    m_checksView->horizontalHeader()->setStretchLastSection(true);
    m_checksView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_checksView->horizontalHeader()->setSectionResizeMode(RestoreCheckModel::Detail, QHeaderView::Stretch);
    m_checksView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_confirmEdit->setObjectName(QStringLiteral("confirmEdit"));
    m_confirmEdit->setAccessibleName(tr("Database name to confirm the restore"));
    m_confirmLabel->setBuddy(m_confirmEdit);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setAccessibleName(tr("Restore progress"));
    m_outcome->setObjectName(QStringLiteral("outcomeBar"));
    m_outcome->hide();
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setIcon(QIcon(QStringLiteral(":/icons/restore.svg")));
    m_restore->setAccessibleName(tr("Restore"));
    m_restore->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(targetBox);
    layout->addWidget(m_check, 0, Qt::AlignLeft);
    layout->addWidget(m_checksView, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_confirmLabel);
    layout->addWidget(m_confirmEdit);
    layout->addWidget(m_progress);
    layout->addWidget(m_phase);
    layout->addWidget(m_outcome);
    layout->addWidget(m_buttons);
    resize(760, 560);

    connect(m_ownTarget, &QRadioButton::toggled, this, &RestoreDialog::discardPlan);
    connect(m_targetEdit, &QLineEdit::textChanged, this, [this] {
        m_otherTarget->setChecked(true);
        discardPlan();
    });
    connect(m_live, &QCheckBox::toggled, this, &RestoreDialog::discardPlan);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        auto *chooser = new QFileDialog(
            this, tr("Restore to"), m_ownPath.isEmpty() ? QDir::homePath() : QFileInfo(m_ownPath).absolutePath());
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setAcceptMode(QFileDialog::AcceptSave);
        chooser->setOption(QFileDialog::DontConfirmOverwrite); // the preflight says what is there
        connect(chooser, &QFileDialog::fileSelected, m_targetEdit, &QLineEdit::setText);
        chooser->open();
    });
    connect(m_check, &QPushButton::clicked, this, &RestoreDialog::runPreflight);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateButtons);
    connect(m_restore, &QPushButton::clicked, this, &RestoreDialog::runRestore);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RestoreDialog::reject);
    setStage(Stage::Options);
}

RestoreDialog::~RestoreDialog() = default;

QString RestoreDialog::confirmationName() const
{
    if (!m_plan)
        return {};
    return m_plan->target.exists ? m_plan->safetyDatabase : m_plan->backup.manifest.database;
}

void RestoreDialog::discardPlan()
{
    if (m_stage != Stage::Checked && m_stage != Stage::Options)
        return;
    m_plan.reset();
    m_checks->setChecks({});
    m_summary->clear();
    setStage(Stage::Options);
}

void RestoreDialog::setStage(Stage stage)
{
    m_stage = stage;
    const bool options = stage == Stage::Options || stage == Stage::Checked;
    for (QWidget *widget : { static_cast<QWidget *>(m_ownTarget), static_cast<QWidget *>(m_otherTarget),
             static_cast<QWidget *>(m_targetEdit), static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_live) })
        widget->setEnabled(options);
    m_ownTarget->setEnabled(options && !m_ownPath.isEmpty());
    const bool confirming = stage == Stage::Checked && m_plan && m_plan->ok();
    m_confirmLabel->setVisible(confirming);
    m_confirmEdit->setVisible(confirming);
    if (confirming)
        m_confirmLabel->setText(tr("Type the database name “%1” to enable Restore:").arg(confirmationName()));
    else
        m_confirmEdit->clear();
    m_progress->setVisible(stage == Stage::Checking || stage == Stage::Restoring || stage == Stage::Done);
    m_phase->setVisible(stage == Stage::Checking || stage == Stage::Restoring);
    updateButtons();
}

void RestoreDialog::updateButtons()
{
    const bool haveTarget
        = (m_ownTarget->isChecked() && !m_ownPath.isEmpty()) || !m_targetEdit->text().trimmed().isEmpty();
    m_check->setEnabled((m_stage == Stage::Options || m_stage == Stage::Checked) && haveTarget);
    m_restore->setEnabled(
        m_stage == Stage::Checked && m_plan && m_plan->ok() && m_confirmEdit->text().trimmed() == confirmationName());
}

void RestoreDialog::runPreflight()
{
    const std::optional<Workspace> &workspace = m_session->workspace();
    RestoreParams params;
    params.repositoryPath = m_repositoryPath;
    params.backupId = m_backup.manifest.id;
    // Always named: left to the planner, a database the workspace no longer lists would go where its manifest says.
    params.targetPath
        = m_otherTarget->isChecked() ? QFileInfo(m_targetEdit->text().trimmed()).absoluteFilePath() : m_ownPath;
    if (params.targetPath.isEmpty())
        return;
    params.live = m_live->isChecked();
    if (workspace) {
        params.workspaceDatabases = workspace->databases();
        params.credentials = workspacejobs::credentials(*workspace);
        if (workspace->defaults().encryptionEnabled)
            params.safetyRecipients.recipients = workspace->defaults().encryptionRecipients;
    }
    m_plan.reset();
    m_checks->setChecks({});
    m_summary->clear();
    m_outcome->hideMessage();
    m_progress->setRange(0, 0);
    m_phase->setText(tr("Checking the target and verifying the backup…"));
    setStage(Stage::Checking);

    auto job = std::make_shared<RestorePreflightJob>(params);
    connect(job.get(), &Job::progress, this, &RestoreDialog::onProgress);
    connect(job.get(), &Job::finished, this, &RestoreDialog::onPreflightFinished);
    m_job = m_session->submit(job);
}

void RestoreDialog::onPreflightFinished()
{
    auto *job = static_cast<RestorePreflightJob *>(m_job.get());
    m_progress->setRange(0, 1);
    m_progress->setValue(job->state() == Job::State::Succeeded ? 1 : 0);
    if (job->state() != Job::State::Succeeded) {
        m_job.reset();
        m_outcome->showMessage(job->state() == Job::State::Cancelled
                ? tr("The checks were cancelled; nothing was changed.")
                : tr("The restore cannot be checked: %1").arg(job->error().toString()),
            MessageBar::Type::Error);
        setStage(Stage::Options);
        return;
    }
    m_plan = job->takePlan();
    m_job.reset();
    m_checks->setChecks(m_plan->checks);
    QStringList summary;
    if (m_plan->ok())
        summary << tr("Every check passed: %1 will be %2.")
                       .arg(m_plan->target.path,
                           m_plan->target.exists
                               ? (m_plan->mode == QStringLiteral("live") ? tr("overwritten in place, live")
                                                                         : tr("replaced in one step"))
                               : tr("created"));
    else
        summary << tr("The restore cannot go ahead: %1 failed — %2")
                       .arg(RestoreCheckModel::label(m_plan->failedChecks().first().name),
                           m_plan->failedChecks().first().detail);
    if (m_plan->takeSafetyBackup)
        summary << tr("The current database is backed up first (safety backup “%1”).").arg(m_plan->safetyDatabase);
    summary << m_plan->notes;
    m_summary->setText(summary.join(QLatin1Char('\n')));
    m_summary->setStyleSheet(m_plan->ok() ? QString() : QStringLiteral("color: #b3261e;"));
    setStage(Stage::Checked);
    if (m_plan->ok())
        m_confirmEdit->setFocus();
}

void RestoreDialog::runRestore()
{
    if (!m_plan || !m_plan->ok() || m_confirmEdit->text().trimmed() != confirmationName())
        return;
    m_progress->setRange(0, 0);
    m_phase->setText(tr("Restoring…"));
    setStage(Stage::Restoring);
    auto job = std::make_shared<RestoreJob>(*m_plan);
    connect(job.get(), &Job::progress, this, &RestoreDialog::onProgress);
    connect(job.get(), &Job::finished, this, &RestoreDialog::onRestoreFinished);
    m_job = m_session->submit(job);
}

void RestoreDialog::onRestoreFinished()
{
    auto *job = static_cast<RestoreJob *>(m_job.get());
    const RestoreResult &result = job->result();
    const Manifest &m = m_plan->backup.manifest;
    QStringList text;
    if (result.ok()) {
        text << tr("Restored %1 (backup %2) to %3.").arg(m.database, m.shortId(), m_plan->target.path);
        if (!result.safetyBackupId.isEmpty())
            text << tr("The database as it was before is kept as safety backup %1.").arg(result.safetyBackupId.left(8));
        if (!result.gap.isEmpty())
            text << result.gap;
    } else {
        text << tr("The restore failed: %1").arg(result.error->toString());
        if (result.rolledBack)
            text << tr("The previous database was put back.");
        else if (!result.installed)
            text << tr("The target was not changed.");
        if (!result.rollbackDetail.isEmpty())
            text << result.rollbackDetail;
        if (!result.safetyBackupId.isEmpty())
            text << tr("The safety backup %1 holds the previous database.").arg(result.safetyBackupId.left(8));
    }
    text << result.warnings;
    m_job.reset();
    m_progress->setRange(0, 1);
    m_progress->setValue(result.ok() ? 1 : 0);
    m_outcome->showMessage(text.join(QLatin1Char(' ')),
        result.ok() ? (result.warnings.isEmpty() ? MessageBar::Type::Information : MessageBar::Type::Warning)
                    : MessageBar::Type::Error);
    setStage(Stage::Done);
}

void RestoreDialog::onProgress(const QString &phase, qint64 done, qint64 total)
{
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
        m_phase->setText(tr("%1: %2 of %3").arg(phase, DisplayFormat::size(done), DisplayFormat::size(total)));
    } else {
        m_progress->setRange(0, 0);
        m_phase->setText(done > 0 ? tr("%1: %2").arg(phase, DisplayFormat::size(done)) : phase);
    }
}

void RestoreDialog::reject()
{
    // The checks change nothing and can stop; a restore under way runs to its end (the Jobs page shows it).
    if (m_stage == Stage::Checking && m_job)
        m_job->cancel();
    QDialog::reject();
}

} // namespace coffer::ui
