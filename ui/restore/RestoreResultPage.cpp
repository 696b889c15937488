#include "restore/RestoreResultPage.h"

#include "DisplayFormat.h"
#include "UiResources.h"
#include "repository/Catalog.h"
#include "restore/RestoreJob.h"
#include "restore/RestorePhaseModel.h"
#include "restore/RestoreState.h"
#include "widgets/TextLabel.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

QFrame *box(QWidget *parent, const QString &objectName)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    return frame;
}

// For a command a person pastes into a POSIX shell.
QString shellQuoted(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

struct ArtifactLookup {
    QString path;
    QString error;
};

} // namespace

RestoreResultPage::RestoreResultPage(RestoreState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
{
    initResources();
    setObjectName(QStringLiteral("restoreResultPage"));
    setTitle(tr("Result"));
    setSubTitle(tr("How the restore ended, and where the database as it was before is kept."));
    setFinalPage(true);

    auto *content = new QWidget;
    m_banner = box(content, QStringLiteral("resultBanner"));
    m_icon = new QLabel(m_banner);
    m_icon->setObjectName(QStringLiteral("resultIcon"));
    m_icon->setFixedSize(24, 24);
    m_result = textLabel(m_banner, QStringLiteral("resultLabel"), true);
    m_result->setAccessibleName(tr("How the restore ended"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 8, 10, 8);
    bannerLayout->setSpacing(10);
    bannerLayout->addWidget(m_icon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_result, 1);

    // When even the rollback failed: where the previous data is, and how to get it back.
    m_recoveryBox = box(content, QStringLiteral("recoveryBox"));
    m_recovery = textLabel(m_recoveryBox, QStringLiteral("recoveryLabel"), true);
    m_artifact = textLabel(m_recoveryBox, QStringLiteral("artifactPathLabel"), true);
    m_artifact->setAccessibleName(tr("The safety backup's file"));
    m_command = textLabel(m_recoveryBox, QStringLiteral("restoreCommandLabel"), true);
    m_command->setAccessibleName(tr("Command that restores the safety backup"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyCommand = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("C&opy command"), m_recoveryBox);
    m_copyCommand->setObjectName(QStringLiteral("copyCommandButton"));
    m_copyCommand->setAccessibleName(tr("Copy the command that restores the safety backup"));
    m_copyCommand->setAutoDefault(false);
    auto *recoveryLayout = new QVBoxLayout(m_recoveryBox);
    recoveryLayout->addWidget(m_recovery);
    recoveryLayout->addWidget(m_artifact);
    recoveryLayout->addWidget(m_command);
    recoveryLayout->addWidget(m_copyCommand, 0, Qt::AlignLeft);

    m_timings = textLabel(content, QStringLiteral("timingsLabel"));
    m_timings->setAccessibleName(tr("Time each phase took"));
    m_gap = textLabel(content, QStringLiteral("gapLabel"));
    m_warnings = textLabel(content, QStringLiteral("warningsLabel"));

    m_safetyBox = box(content, QStringLiteral("safetyBox"));
    m_safetyText = textLabel(m_safetyBox, QStringLiteral("safetyTextLabel"));
    m_safetyId = textLabel(m_safetyBox, QStringLiteral("safetyIdLabel"), true);
    m_safetyId->setAccessibleName(tr("Safety backup id"));
    m_safetyId->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_showSafety = new QPushButton(QIcon(QStringLiteral(":/icons/catalog.svg")), tr("Show in &catalog"), m_safetyBox);
    m_showSafety->setObjectName(QStringLiteral("showSafetyBackupButton"));
    m_showSafety->setAccessibleName(tr("Show the safety backup in the catalog"));
    m_showSafety->setAutoDefault(false);
    auto *safetyLayout = new QGridLayout(m_safetyBox);
    safetyLayout->addWidget(m_safetyText, 0, 0, 1, 2);
    safetyLayout->addWidget(m_safetyId, 1, 0);
    safetyLayout->addWidget(m_showSafety, 1, 1, Qt::AlignRight | Qt::AlignVCenter);
    safetyLayout->setColumnStretch(0, 1);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_recoveryBox);
    contentLayout->addWidget(m_safetyBox);
    contentLayout->addWidget(m_gap);
    contentLayout->addWidget(m_warnings);
    contentLayout->addWidget(m_timings);
    contentLayout->addStretch(1);

    // A failure's explanation can be long: it scrolls rather than pushing the buttons off the wizard.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("resultScroll"));
    scroll->setAccessibleName(tr("How the restore ended"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the texts wrap
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_showSafety, &QPushButton::clicked, this, [this] {
        if (!m_safetyBackupId.isEmpty())
            Q_EMIT showBackupRequested(m_safetyBackupId);
    });
    connect(m_copyCommand, &QPushButton::clicked, this, [this] {
        if (QClipboard *clipboard = QGuiApplication::clipboard())
            clipboard->setText(m_command->text());
    });
    connect(m_state, &RestoreState::restoreFinished, this, &RestoreResultPage::showResult);
    showResult();
}

RestoreResultPage::~RestoreResultPage() = default;

void RestoreResultPage::initializePage()
{
    showResult();
}

void RestoreResultPage::showResult()
{
    const RestoreJob *job = m_state->restoreJob().get();
    const RestoreResult *result = m_state->result();
    if (!job || !result) {
        for (QWidget *part : { static_cast<QWidget *>(m_recoveryBox), static_cast<QWidget *>(m_safetyBox),
                 static_cast<QWidget *>(m_gap), static_cast<QWidget *>(m_warnings), static_cast<QWidget *>(m_timings) })
            part->hide();
        setLook(true, true);
        m_result->setText(tr("The restore has not finished yet."));
        m_safetyBackupId.clear();
        return;
    }
    showOutcome(job->plan(), *result, job->finishedAt());
}

void RestoreResultPage::showOutcome(const RestorePlan &plan, const RestoreResult &result, const QDateTime &finishedAt)
{
    const std::optional<Error> &failure = result.error;
    m_recoveryBox->hide();
    m_safetyBox->hide();
    m_gap->hide();
    m_warnings->hide();
    m_timings->hide();
    const Manifest &m = plan.backup.manifest;
    const QString target = plan.target.path;
    const bool cancelled = failure && failure->code == ErrorCode::Cancelled && !result.installed;
    const bool rollbackFailed = failure && result.rollbackFailed;
    m_safetyBackupId = result.safetyBackupId;

    QStringList text;
    if (!failure) {
        text << tr("Restored %1 (backup %2 of %3) to %4.")
                    .arg(m.database, m.shortId(), DisplayFormat::localTime(m.created), target);
    } else if (cancelled) {
        text << tr("The restore was cancelled before the install.") << tr("%1 was not changed.").arg(target);
    } else {
        text << tr("The restore failed: %1").arg(failure->toString());
        if (rollbackFailed) // it failed, or was left to a person on purpose: the detail says which
            text << tr("The previous database was not put back: %1.").arg(result.rollbackDetail);
        else if (result.rolledBack && plan.target.exists)
            text << tr("The previous database was put back.") << tr("(%1)").arg(result.rollbackDetail);
        else if (result.rolledBack)
            text << tr("There was no database at %1 before; the restored file was removed again.").arg(target);
        else
            text << tr("%1 was not changed.").arg(target);
    }
    m_result->setText(text.join(QLatin1Char('\n')));
    setLook(!failure || cancelled, !result.warnings.isEmpty() || cancelled);

    if (!m_safetyBackupId.isEmpty()) {
        const QDateTime keptUntil
            = (finishedAt.isValid() ? finishedAt : QDateTime::currentDateTimeUtc()).addDays(plan.params.safetyKeepDays);
        m_safetyText->setText(tr("The database as it was before the restore is kept as a safety backup until %1:")
                                  .arg(DisplayFormat::localTime(keptUntil)));
        m_safetyId->setText(m_safetyBackupId);
        m_safetyBox->show();
    }

    if (rollbackFailed) {
        if (!m_safetyBackupId.isEmpty()) {
            const QString command = QStringLiteral("coffer-cli restore --repo %1 --target %2 %3")
                                        .arg(shellQuoted(plan.repositoryRoot), shellQuoted(target), m_safetyBackupId);
            m_recovery->setText(tr("Your data as it was before the restore is in safety backup %1, in the repository "
                                   "%2. To put it back at %3, stop the programs that use it and run the command "
                                   "below. It replaces the database as it is now, including anything written to it "
                                   "since the restore.%4")
                                    .arg(m_safetyBackupId, plan.repositoryRoot, target,
                                        plan.safetyEncryption.isEmpty()
                                            ? QString()
                                            : tr(" The safety backup is encrypted: add --identity KEYFILE or "
                                                 "--passphrase-file FILE as for any encrypted backup.")));
            m_command->setText(command);
            m_artifact->setText(tr("Its file: looking it up…"));
            loadArtifactPath(plan.repositoryRoot, m_safetyBackupId);
        } else {
            m_recovery->setText(plan.target.exists
                    ? tr("There is no safety backup of the previous database: see the details above for where "
                         "its file was kept.")
                    : tr("There was no database at %1 before the restore, so no earlier data was lost.").arg(target));
            m_artifact->clear();
            m_command->clear();
        }
        m_artifact->setVisible(!m_safetyBackupId.isEmpty());
        m_command->setVisible(!m_safetyBackupId.isEmpty());
        m_copyCommand->setVisible(!m_safetyBackupId.isEmpty());
        m_recoveryBox->show();
    }

    // What the restored database lacks matters only while it is the one in place.
    if (!result.gap.isEmpty() && result.installed && !result.rolledBack) {
        m_gap->setText(tr("Note: %1.").arg(result.gap));
        m_gap->show();
    }
    if (!result.warnings.isEmpty()) {
        m_warnings->setText(tr("Warnings:\n%1").arg(result.warnings.join(QLatin1Char('\n'))));
        m_warnings->show();
    }

    QStringList timings;
    qint64 total = 0;
    qint64 restoring = 0;
    for (const RestorePhase &phase : result.phases) {
        timings << tr("%1: %2").arg(RestorePhaseModel::label(phase.name), DisplayFormat::duration(phase.ms));
        total += phase.ms;
        if (phase.name != QStringLiteral("preflight"))
            restoring += phase.ms;
    }
    if (!timings.isEmpty()) {
        timings.prepend(tr("Time taken:"));
        timings << tr("Total: %1 (the restore after the checks: %2)")
                       .arg(DisplayFormat::duration(total), DisplayFormat::duration(restoring));
        m_timings->setText(timings.join(QLatin1Char('\n')));
        m_timings->show();
    }
}

void RestoreResultPage::setLook(bool ok, bool warn)
{
    const char *icon = ok ? (warn ? ":/icons/warning.svg" : ":/icons/verify.svg") : ":/icons/error.svg";
    const char *background = ok ? (warn ? "#fff6dc" : "#e7f4ea") : "#fbe9e7";
    const char *border = ok ? (warn ? "#e6cf86" : "#9ccfa8") : "#e0a49c";
    m_icon->setPixmap(QIcon(QString::fromLatin1(icon)).pixmap(QSize(24, 24), devicePixelRatioF()));
    m_banner->setStyleSheet(QStringLiteral("QFrame#resultBanner { background: %1; border: 1px solid %2; "
                                           "border-radius: 4px; } QLabel { color: #202020; background: transparent; }")
                                .arg(QLatin1String(background), QLatin1String(border)));
    m_recoveryBox->setStyleSheet(QStringLiteral("QFrame#recoveryBox { background: #fbe9e7; border: 1px solid "
                                                "#e0a49c; border-radius: 4px; } QLabel { color: #202020; "
                                                "background: transparent; }"));
}

void RestoreResultPage::loadArtifactPath(const QString &repositoryRoot, const QString &backupId)
{
    m_load.start(
        [repositoryRoot, backupId] {
            auto repository = Repository::open(repositoryRoot);
            if (!repository)
                return ArtifactLookup{ {}, repository.error().toString() };
            auto catalog = Catalog::open(*repository);
            if (!catalog)
                return ArtifactLookup{ {}, catalog.error().toString() };
            auto entry = catalog->backup(backupId);
            if (!entry)
                return ArtifactLookup{ {}, entry.error().toString() };
            return ArtifactLookup{ entry->artifactPath, {} };
        },
        [this, backupId](const ArtifactLookup &found) {
            if (backupId != m_safetyBackupId)
                return;
            m_artifact->setText(found.error.isEmpty() ? tr("Its file: %1").arg(found.path)
                                                      : tr("Its file could not be looked up: %1").arg(found.error));
        });
}

} // namespace coffer::ui
