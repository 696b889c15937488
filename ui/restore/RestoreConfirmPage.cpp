#include "restore/RestoreConfirmPage.h"

#include "DisplayFormat.h"
#include "restore/RestoreState.h"
#include "widgets/MessageBar.h"
#include "widgets/TextLabel.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace coffer::ui {

RestoreConfirmPage::RestoreConfirmPage(RestoreState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
{
    setObjectName(QStringLiteral("restoreConfirmPage"));
    setTitle(tr("Confirm"));
    setSubTitle(tr("Read what the restore will do. Nothing has changed yet."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Restore"));

    // The edit comes first in the focus chain, so the wizard gives it the focus.
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(QStringLiteral("confirmEdit"));
    m_confirmEdit->setAccessibleName(tr("Database name to confirm the restore"));
    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("confirmMessage"));
    m_summary = textLabel(this, QStringLiteral("confirmSummaryLabel"));
    m_summary->setAccessibleName(tr("What the restore will do"));
    m_confirmLabel = textLabel(this, QStringLiteral("confirmLabel"));
    m_confirmLabel->setBuddy(m_confirmEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addSpacing(12);
    layout->addWidget(m_confirmLabel);
    layout->addWidget(m_confirmEdit);
    layout->addStretch(1);

    connect(m_confirmEdit, &QLineEdit::textChanged, this, &RestoreConfirmPage::completeChanged);
    connect(m_state, &RestoreState::planChanged, this, [this] {
        m_summary->setText(summary());
        Q_EMIT completeChanged();
    });
}

RestoreConfirmPage::~RestoreConfirmPage() = default;

void RestoreConfirmPage::initializePage()
{
    m_message->hideMessage();
    m_summary->setText(summary());
    m_confirmLabel->setText(tr("Type the database name “%1” to enable Restore:").arg(m_state->confirmationName()));
    m_confirmEdit->setText(QString()); // typed again for every plan
    m_confirmEdit->setFocus();
}

bool RestoreConfirmPage::isComplete() const
{
    const auto &plan = m_state->plan();
    const QString name = m_state->confirmationName();
    return plan && plan->ok() && !m_state->isChecking() && !m_state->restoreJob() && !name.isEmpty()
        && m_confirmEdit->text() == name;
}

bool RestoreConfirmPage::validatePage()
{
    if (!isComplete())
        return false;
    if (m_state->startRestore())
        return true;
    m_message->showMessage(
        tr("The restore cannot start: its checks no longer apply. Go back and check again."), MessageBar::Type::Error);
    return false;
}

QString RestoreConfirmPage::summary() const
{
    const auto &plan = m_state->plan();
    if (!plan)
        return {};
    const Manifest &m = plan->backup.manifest;
    const TargetState &t = plan->target;
    const QString backup = tr("the backup of %1 taken %2 (%3 old)")
                               .arg(m.database, DisplayFormat::localTime(m.created), DisplayFormat::age(m.created));
    QStringList sentences;
    if (!t.exists) {
        sentences << tr("Create %1 from %2.").arg(t.path, backup);
    } else if (plan->mode == QStringLiteral("live")) {
        sentences << tr("Copy %1 into %2 (%3, modified %4).")
                         .arg(backup, t.path, DisplayFormat::size(t.bytes), DisplayFormat::localTime(t.modified));
        sentences << tr("It is copied into the open database while programs stay connected; they see the restored "
                        "data as soon as the copy ends.");
    } else {
        sentences << tr("Replace %1 (%2, modified %3) with %4.")
                         .arg(t.path, DisplayFormat::size(t.bytes), DisplayFormat::localTime(t.modified), backup);
    }
    if (t.exists)
        sentences << tr("Data written after %1 will not be in the restored database.")
                         .arg(DisplayFormat::localTime(m.created));
    if (plan->takeSafetyBackup)
        sentences << tr("The current database will be kept as safety backup %1, kept until %2.")
                         .arg(plan->safetyBackupId.left(8),
                             m_state->safetyKeptUntil().toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
    else if (t.exists)
        sentences << tr("No safety backup will be taken: the current database cannot be put back afterwards.");
    const QString own = m_state->ownPath();
    if (!m_state->isOwnTarget() && !own.isEmpty() && own != t.path)
        sentences << tr("The database's own file, %1, is not changed.").arg(own);

    // One statement a line: read at 3 a.m., each must stand out on its own.
    QStringList paragraphs{ sentences.join(QLatin1Char('\n')) };
    paragraphs << plan->notes;
    return paragraphs.join(QStringLiteral("\n\n"));
}

} // namespace coffer::ui
