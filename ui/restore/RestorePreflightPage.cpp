#include "restore/RestorePreflightPage.h"

#include "DisplayFormat.h"
#include "UiResources.h"
#include "crypto/EncryptionKeys.h"
#include "crypto/Identity.h"
#include "restore/RestoreCheckModel.h"
#include "restore/RestoreState.h"
#include "widgets/MessageBar.h"
#include "widgets/ReadOnlyTable.h"
#include "widgets/TextLabel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace coffer::ui {

namespace {

// A tinted box with an icon, like a message bar that stays: for an offer or a standing choice.
enum class Tint { Warning, Information };

QFrame *noticeBox(QWidget *parent, const QString &objectName, Tint tint, QLabel *text, QPushButton *button)
{
    const bool warning = tint == Tint::Warning;
    auto *box = new QFrame(parent);
    box->setObjectName(objectName);
    box->setFrameShape(QFrame::StyledPanel);
    // The message bar's colours, so the page reads as one.
    box->setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; border-radius: 3px; }"
                                      "QFrame#%1 QLabel { background: transparent; border: none; }")
                           .arg(objectName, QLatin1String(warning ? "#fff6dc" : "#e6f0fa"),
                               QLatin1String(warning ? "#e6cf86" : "#9dbbdc")));
    auto *iconLabel = new QLabel(box);
    iconLabel->setPixmap(
        QIcon(warning ? QStringLiteral(":/icons/warning.svg") : QStringLiteral(":/icons/info.svg")).pixmap(20, 20));
    iconLabel->setFixedSize(20, 20);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(iconLabel, 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    layout->addWidget(button, 0, Qt::AlignVCenter);
    box->hide();
    return box;
}

QString stepText(const QString &step)
{
    if (step == QStringLiteral("materialise"))
        return RestorePreflightPage::tr("Decoding the backup");
    if (step == QStringLiteral("decrypt"))
        return RestorePreflightPage::tr("Decrypting the backup");
    if (step == QStringLiteral("check"))
        return RestorePreflightPage::tr("Checking the decoded copy");
    return step;
}

} // namespace

RestorePreflightPage::RestorePreflightPage(RestoreState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_model(new RestoreCheckModel(this))
    , m_keyLoad(this)
{
    initResources();
    setObjectName(QStringLiteral("restorePreflightPage"));
    setTitle(tr("Checks"));
    setSubTitle(tr("Coffer checks the target and fully verifies the backup. Nothing is changed until you confirm."));

    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("preflightMessage"));

    // What opens an encrypted backup; first on the page, since the checks wait for it.
    m_credentials = new QFrame(this);
    m_credentials->setObjectName(QStringLiteral("credentialsBox"));
    m_credentials->setFrameShape(QFrame::StyledPanel);
    m_credentialsLabel = textLabel(m_credentials, QStringLiteral("credentialsLabel"));
    m_passphrase = new QLineEdit(m_credentials);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase of the backup"));
    m_keyFile = new QLineEdit(m_credentials);
    m_keyFile->setObjectName(QStringLiteral("keyFileEdit"));
    m_keyFile->setAccessibleName(tr("Private key file"));
    m_keyFile->setPlaceholderText(tr("A private key the backup was encrypted to (optional)"));
    m_browseKey = new QPushButton(tr("Choo&se…"), m_credentials);
    m_browseKey->setObjectName(QStringLiteral("keyFileBrowseButton"));
    m_browseKey->setAccessibleName(tr("Choose the private key file"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(m_browseKey);
    auto *form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    auto *keyLabel = new QLabel(tr("Private &key file:"), m_credentials);
    keyLabel->setBuddy(m_keyFile);
    form->addRow(keyLabel, keyRow);
    auto *credentialsLayout = new QVBoxLayout(m_credentials);
    credentialsLayout->addWidget(m_credentialsLabel);
    credentialsLayout->addLayout(form);

    m_view = readOnlyTable(this, QStringLiteral("checksView"), tr("Preflight checks"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setWordWrap(true);
    m_view->horizontalHeader()->setSectionResizeMode(RestoreCheckModel::Detail, QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("preflightProgress"));
    m_progress->setAccessibleName(tr("Verification progress"));
    m_progress->setTextVisible(true);
    m_recheck = new QPushButton(tr("Check &again"), this);
    m_recheck->setObjectName(QStringLiteral("recheckButton"));
    m_recheck->setAccessibleName(tr("Run the checks again"));
    m_recheck->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    m_recheck->setAutoDefault(false);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_recheck);

    m_summary = textLabel(this, QStringLiteral("preflightSummaryLabel"));

    auto *offerText = textLabel(this, QStringLiteral("liveOfferLabel"));
    offerText->setText(
        tr("Another program has this database open, so it cannot be replaced. Coffer can restore it live instead: "
           "it copies the backup into the open database through SQLite. The programs stay connected and see the "
           "restored data as soon as the copy ends. Anything they wrote since the backup was taken is gone. The "
           "safety backup keeps the current data, so it can be put back."));
    m_liveButton = new QPushButton(tr("Restore &live instead"), this);
    m_liveButton->setObjectName(QStringLiteral("liveButton"));
    m_liveButton->setAccessibleName(tr("Restore live instead"));
    m_liveButton->setAutoDefault(false);
    m_liveOffer = noticeBox(this, QStringLiteral("liveOfferBox"), Tint::Warning, offerText, m_liveButton);

    auto *noteText = textLabel(this, QStringLiteral("liveNoteLabel"));
    noteText->setText(tr("Live restore: the backup is copied into the open database while the programs that use it "
                         "stay connected; they see the restored data as soon as the copy ends."));
    m_notLiveButton = new QPushButton(tr("&Usual restore instead"), this);
    m_notLiveButton->setObjectName(QStringLiteral("notLiveButton"));
    m_notLiveButton->setAccessibleName(tr("Replace the file instead of restoring live"));
    m_notLiveButton->setAutoDefault(false);
    m_liveNote = noticeBox(this, QStringLiteral("liveNoteBox"), Tint::Information, noteText, m_notLiveButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_credentials);
    layout->addWidget(m_liveNote);
    layout->addWidget(m_view, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_liveOffer);

    setTabOrder(m_passphrase, m_keyFile);
    setTabOrder(m_keyFile, m_browseKey);
    setTabOrder(m_browseKey, m_recheck);
    setTabOrder(m_recheck, m_notLiveButton);
    setTabOrder(m_notLiveButton, m_view);
    setTabOrder(m_view, m_liveButton);

    connect(m_recheck, &QPushButton::clicked, this, &RestorePreflightPage::recheck);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &RestorePreflightPage::recheck);
    connect(m_keyFile, &QLineEdit::returnPressed, this, &RestorePreflightPage::recheck);
    connect(m_passphrase, &QLineEdit::textChanged, this, &RestorePreflightPage::updateButtons);
    connect(m_keyFile, &QLineEdit::textChanged, this, &RestorePreflightPage::updateButtons);
    connect(m_browseKey, &QPushButton::clicked, this, &RestorePreflightPage::chooseKeyFile);
    connect(m_liveButton, &QPushButton::clicked, this, [this] { setLive(true); });
    connect(m_notLiveButton, &QPushButton::clicked, this, [this] { setLive(false); });

    connect(m_state, &RestoreState::planChanged, this, &RestorePreflightPage::sync);
    connect(m_state, &RestoreState::backupChanged, this, &RestorePreflightPage::sync);
    connect(m_state, &RestoreState::targetChanged, this, &RestorePreflightPage::sync);
    connect(m_state, &RestoreState::checkDecided, this, &RestorePreflightPage::onCheckDecided);
    connect(m_state, &RestoreState::preflightProgress, this, &RestorePreflightPage::onProgress);
    sync();
}

RestorePreflightPage::~RestorePreflightPage() = default;

void RestorePreflightPage::initializePage()
{
    // A plan exists only for the current choices (changing one drops it): keep it, do not check twice.
    if (!m_state->plan() && !m_state->isChecking() && !m_state->needsCredentials())
        m_state->startPreflight();
    sync();
    if (m_state->needsCredentials())
        m_passphrase->setFocus();
}

bool RestorePreflightPage::isComplete() const
{
    const auto &plan = m_state->plan();
    return plan && plan->ok() && !m_state->isChecking();
}

void RestorePreflightPage::recheck()
{
    if (m_state->isChecking() || m_keyLoad.isLoading() || !m_recheck->isEnabled())
        return;
    m_message->hideMessage();
    m_showsPreflightError = false;
    if (!m_passphrase->text().isEmpty()) {
        QString typed = m_passphrase->text();
        m_passphrase->setText(QString()); // not clear(): that keeps the text in the undo history
        QByteArray bytes = typed.toUtf8();
        typed.fill(QChar(0)); // now the only copy: wiped in place
        m_typedPassphrase = std::make_shared<const SecretBytes>(SecretBytes::take(bytes));
    }
    const QString keyFile = m_keyFile->text().trimmed();
    if (keyFile.isEmpty()) {
        m_typedIdentity.reset();
        m_appliedKeyFile.clear();
    }
    if (keyFile.isEmpty() || keyFile == m_appliedKeyFile) {
        applyCredentialsAndCheck();
        return;
    }
    // A key file is read off the GUI thread: it may sit on a slow or unmounted disk.
    m_keyLoad.start([keyFile] { return Identity::load(keyFile); },
        [this, keyFile](const Result<Identity> &identity) {
            if (!identity) {
                m_message->showMessage(
                    tr("The private key file %1 cannot be used: %2").arg(keyFile, identity.error().toString()),
                    MessageBar::Type::Error);
                updateButtons();
                return;
            }
            m_typedIdentity = *identity;
            m_appliedKeyFile = keyFile;
            applyCredentialsAndCheck();
        });
    updateButtons();
}

void RestorePreflightPage::applyCredentialsAndCheck()
{
    if (m_state->isEncrypted() && (m_typedPassphrase || m_typedIdentity)) {
        Credentials typed;
        typed.passphrase = m_typedPassphrase;
        if (m_typedIdentity)
            typed.identities << *m_typedIdentity;
        m_state->setTypedCredentials(typed);
    }
    m_state->startPreflight();
    sync();
}

void RestorePreflightPage::chooseKeyFile()
{
    const QString current = m_keyFile->text().trimmed();
    auto *chooser = new QFileDialog(this, tr("Private key file"),
        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
        tr("Private keys (*.pem *.key);;All files (*)"));
    chooser->setObjectName(QStringLiteral("keyFileDialog"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    connect(chooser, &QFileDialog::fileSelected, m_keyFile, &QLineEdit::setText);
    chooser->open();
}

void RestorePreflightPage::setLive(bool live)
{
    m_message->hideMessage();
    m_state->setLive(live);
    m_state->startPreflight();
    sync();
}

void RestorePreflightPage::sync()
{
    const auto &plan = m_state->plan();
    const auto &error = m_state->preflightError();
    if (m_state->isChecking()) {
        m_model->setRunning(m_state->checks());
        m_progress->setRange(0, 0); // busy until the verification reports its bytes
        m_progress->setFormat(tr("Checking…"));
    } else if (plan) {
        m_model->setFinished(plan->checks);
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        const int failed = int(plan->failedChecks().size());
        m_progress->setFormat(failed == 0 ? tr("All checks passed") : tr("%n check(s) failed", nullptr, failed));
    } else if (error) {
        const bool cancelled = error->code == ErrorCode::Cancelled;
        m_model->setStopped(m_state->checks(), cancelled || m_state->checks().isEmpty() ? QString() : error->toString(),
            cancelled ? tr("Not checked: the checks were cancelled.") : QString());
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_progress->setFormat(tr("Stopped"));
        if (cancelled)
            m_message->showMessage(
                tr("The checks were cancelled; nothing was changed."), MessageBar::Type::Information);
        else
            m_message->showMessage(
                tr("The checks could not finish: %1").arg(error->toString()), MessageBar::Type::Error);
        m_showsPreflightError = true;
    } else {
        m_model->setWaiting();
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_progress->setFormat(tr("Not started"));
    }
    if (!error && m_showsPreflightError) {
        m_message->hideMessage();
        m_showsPreflightError = false;
    }

    m_credentials->setVisible(m_state->isEncrypted());
    m_credentialsLabel->setText(m_state->needsCredentials()
            ? tr("This backup is encrypted. Give its passphrase or the private key it was encrypted to, then choose "
                 "Check. They are used for this restore only and are not stored.")
            : tr("This backup is encrypted. If the checks say it does not open with what Coffer has, give its "
                 "passphrase or private key here and check again."));
    bool inUse = false;
    if (plan)
        for (const CheckResult &check : plan->failedChecks())
            inUse = inUse || check.name == QStringLiteral("target_in_use");
    m_liveOffer->setVisible(inUse && !m_state->isLive());
    m_liveNote->setVisible(m_state->isLive());
    updateSummary();
    updateButtons();
    Q_EMIT completeChanged();
}

void RestorePreflightPage::onCheckDecided(const CheckResult &check)
{
    if (!m_state->isChecking())
        return; // the plan that follows brings every check
    m_model->addCheck(check);
}

void RestorePreflightPage::onProgress(const QString &step, qint64 done, qint64 total)
{
    if (!m_state->isChecking())
        return;
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
        m_progress->setFormat(
            tr("%1: %2 of %3").arg(stepText(step), DisplayFormat::size(done), DisplayFormat::size(total)));
    } else {
        m_progress->setRange(0, 0);
        m_progress->setFormat(stepText(step) + QStringLiteral("…"));
    }
}

void RestorePreflightPage::updateSummary()
{
    const auto &plan = m_state->plan();
    QString text;
    bool failed = false;
    if (m_state->isChecking()) {
        text = tr("Checking… The restore can go on once every check has passed.");
    } else if (plan && plan->ok()) {
        text = tr("Every check passed. Next, confirm what the restore will do.");
    } else if (plan) {
        const CheckResult first = plan->failedChecks().constFirst();
        text = tr("The restore cannot go on: %1 — %2").arg(RestoreCheckModel::label(first.name), first.detail);
        failed = true;
    } else if (m_state->preflightError()) {
        text = m_state->preflightError()->code == ErrorCode::Cancelled
            ? tr("The checks were cancelled. Check again to go on.")
            : tr("The restore cannot go on: the checks could not finish. Check again once the problem is solved.");
        failed = m_state->preflightError()->code != ErrorCode::Cancelled;
    } else if (m_state->needsCredentials()) {
        text = tr("The checks wait for the backup's passphrase or private key.");
    }
    m_summary->setText(text);
    m_summary->setStyleSheet(failed ? QStringLiteral("color: #b3261e;") : QString());
}

void RestorePreflightPage::updateButtons()
{
    const bool ran = m_state->plan() || m_state->preflightError();
    const bool typed = !m_passphrase->text().isEmpty() || !m_keyFile->text().trimmed().isEmpty();
    m_recheck->setText(ran ? tr("Check &again") : tr("&Check"));
    m_recheck->setEnabled(!m_state->isChecking() && !m_keyLoad.isLoading() && m_state->backup()
        && !m_state->targetPath().isEmpty() && (!m_state->needsCredentials() || typed));
    const bool idle = !m_state->isChecking();
    m_liveButton->setEnabled(idle);
    m_passphrase->setEnabled(idle);
    m_keyFile->setEnabled(idle && !m_keyLoad.isLoading());
    m_browseKey->setEnabled(idle && !m_keyLoad.isLoading());
}

} // namespace coffer::ui
