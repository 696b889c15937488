#include "restore/RestoreProgressPage.h"

#include "DisplayFormat.h"
#include "UiResources.h"
#include "restore/RestoreJob.h"
#include "restore/RestorePhaseModel.h"
#include "restore/RestoreState.h"
#include "widgets/ReadOnlyTable.h"
#include "widgets/TextLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

namespace coffer::ui {

namespace {

bool installBegan(const RestoreState &state)
{
    return std::ranges::any_of(state.phases(), [](const QPair<QString, QDateTime> &phase) {
        return phase.first == QStringLiteral("install") || phase.first == QStringLiteral("verify")
            || phase.first == QStringLiteral("rollback");
    });
}

} // namespace

RestoreProgressPage::RestoreProgressPage(RestoreState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_model(new RestorePhaseModel(state, this))
    , m_summary(textLabel(this, QStringLiteral("restoreSummaryLabel")))
    , m_view(readOnlyTable(this, QStringLiteral("phaseView"), tr("Restore phases")))
    , m_bar(new QProgressBar(this))
    , m_progressLabel(textLabel(this, QStringLiteral("progressLabel")))
    , m_cancel(new QPushButton(tr("&Cancel restore"), this))
    , m_cancelNote(textLabel(this, QStringLiteral("cancelNoteLabel")))
    , m_tick(new QTimer(this))
{
    initResources();
    setObjectName(QStringLiteral("restoreProgressPage"));
    setTitle(tr("Restoring"));
    setSubTitle(tr("Each step of the restore as it happens. The target is replaced only after its safety backup "
                   "is taken."));

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(true);
    m_view->horizontalHeader()->setSectionResizeMode(RestorePhaseModel::Detail, QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_bar->setObjectName(QStringLiteral("restoreProgressBar"));
    m_bar->setAccessibleName(tr("Progress of the current phase"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_progressLabel->setAccessibleName(tr("Progress of the current phase"));

    m_cancel->setObjectName(QStringLiteral("cancelRestoreButton"));
    m_cancel->setAccessibleName(tr("Cancel the restore"));
    m_cancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_cancel->setAutoDefault(false);
    m_cancel->setToolTip(tr("Stop the restore before it installs anything"));
    m_cancelNote->setAccessibleName(tr("About cancelling"));

    auto *cancelRow = new QHBoxLayout;
    cancelRow->addWidget(m_cancel);
    cancelRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_progressLabel);
    layout->addLayout(cancelRow);
    layout->addWidget(m_cancelNote);

    m_tick->setObjectName(QStringLiteral("elapsedTimer"));
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_model->refresh();
        updateProgress();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_state->cancel();
        updateCancel();
        updateProgress();
    });
    connect(m_state, &RestoreState::restoreStarted, this, [this] { initializePage(); });
    connect(m_state, &RestoreState::restoreProgress, this, [this] {
        updateProgress();
        updateCancel();
    });
    connect(m_state, &RestoreState::restoreFinished, this, &RestoreProgressPage::onFinished);
    initializePage();
}

RestoreProgressPage::~RestoreProgressPage() = default;

void RestoreProgressPage::initializePage()
{
    const RestoreJob *job = m_state->restoreJob().get();
    if (job) {
        const Manifest &m = job->plan().backup.manifest;
        m_summary->setText(
            tr("Restoring backup %1 of %2, taken %3, to %4.")
                .arg(m.shortId(), m.database, DisplayFormat::localTime(m.created), job->plan().target.path));
    } else {
        m_summary->setText(tr("The restore has not started."));
    }
    m_model->refresh();
    updateProgress();
    updateCancel();
    if (m_state->isRestoring())
        m_tick->start();
    else if (m_state->result())
        onFinished();
}

bool RestoreProgressPage::isComplete() const
{
    return m_state->result() != nullptr;
}

void RestoreProgressPage::updateProgress()
{
    if (const RestoreResult *result = m_state->result()) {
        const std::optional<Error> &failure = result->error;
        m_bar->setRange(0, 1);
        m_bar->setValue(failure ? 0 : 1);
        m_progressLabel->setText(!failure                                     ? tr("The restore has finished.")
                : failure->code == ErrorCode::Cancelled && !result->installed ? tr("The restore was cancelled.")
                                                                              : tr("The restore failed."));
        return;
    }
    if (!m_state->isRestoring()) {
        m_bar->setRange(0, 1);
        m_bar->setValue(0);
        m_progressLabel->clear();
        return;
    }
    const RestoreProgress &progress = m_state->progress();
    const QString key = progress.phase + QLatin1Char('\n') + progress.step;
    if (key != m_rateKey || !m_rateClock.isValid()) {
        m_rateKey = key;
        m_rateBase = progress.done;
        m_rateClock.start();
    }
    QString what = progress.phase.isEmpty() ? tr("Starting (waiting for the repository)")
                                            : RestorePhaseModel::label(progress.phase);
    if (!progress.step.isEmpty() && progress.step != progress.phase)
        what = tr("%1: %2").arg(what, progress.step);
    QStringList parts{ what };
    if (progress.total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(std::clamp<qint64>(progress.done * 1000 / progress.total, 0, 1000)));
        parts << tr("%1 of %2").arg(DisplayFormat::size(progress.done), DisplayFormat::size(progress.total));
        const qint64 elapsed = m_rateClock.elapsed();
        const qint64 moved = progress.done - m_rateBase;
        if (elapsed >= 1000 && moved > 0) {
            const qint64 perSecond = moved * 1000 / elapsed;
            parts << tr("%1/s").arg(DisplayFormat::size(perSecond));
            if (perSecond > 0) {
                const qint64 leftMs = (progress.total - progress.done) * 1000 / perSecond;
                parts << tr("about %1 left").arg(DisplayFormat::timeLeft(std::max<qint64>(1, leftMs))); // never "0 s"
            }
        } else if (progress.done < progress.total) {
            parts << tr("estimating the time left");
        }
    } else {
        m_bar->setRange(0, 0); // busy: this step does not know how much there is
        if (progress.done > 0)
            parts << DisplayFormat::size(progress.done);
    }
    m_progressLabel->setText(parts.join(QStringLiteral(" · ")));
}

void RestoreProgressPage::updateCancel()
{
    const RestoreJob *job = m_state->restoreJob().get();
    const QString target = job ? job->plan().target.path : m_state->targetPath();
    const bool existed = job && job->plan().target.exists;
    m_cancel->setEnabled(m_state->canCancelRestore());
    QString note;
    if (job && job->isCancelRequested() && !installBegan(*m_state))
        note = m_state->isRestoring()
            ? tr("Cancelling: unless the install has already begun, the restore stops before it and %1 stays "
                 "unchanged. The result says how it ended.")
                  .arg(target)
            : tr("The restore was cancelled before the install: %1 is unchanged.").arg(target);
    else if (installBegan(*m_state))
        note = existed ? tr("The install has begun and can no longer be cancelled. If anything fails from here, "
                            "the previous database is put back automatically.")
                       : tr("The install has begun and can no longer be cancelled. If anything fails from here, "
                            "the new file is removed again automatically.");
    else if (job)
        note = tr("You can cancel until the install begins; until then %1 is not changed.").arg(target);
    m_cancelNote->setText(note);
}

void RestoreProgressPage::onFinished()
{
    m_tick->stop();
    m_model->refresh();
    updateProgress();
    updateCancel();
    Q_EMIT completeChanged();
    // Queued: the wizard must not change pages inside the signal that finished the restore.
    QTimer::singleShot(0, this, [this] {
        if (wizard() && wizard()->currentPage() == this && isComplete())
            wizard()->next();
    });
}

} // namespace coffer::ui
