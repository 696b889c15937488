#include "storage/RetentionPreviewPanel.h"

#include "DisplayFormat.h"
#include "storage/RetentionPolicyEditor.h"
#include "storage/RetentionPreview.h"
#include "storage/RetentionTimeline.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace coffer::ui {

RetentionPreviewPanel::RetentionPreviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_editor(new RetentionPolicyEditor(this))
    , m_timeline(new RetentionTimeline(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("retentionPreview"));
    m_summary->setObjectName(QStringLiteral("retentionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(m_summary);
    layout->addWidget(m_timeline, 1);
    connect(m_editor, &RetentionPolicyEditor::changed, this, &RetentionPreviewPanel::preview);
}

// m_load's destructor waits for a plan still being made; the work touches no member.
RetentionPreviewPanel::~RetentionPreviewPanel() = default;

void RetentionPreviewPanel::setRepository(
    const QList<CatalogEntry> &entries, const RetentionPolicySet &configured, const QDateTime &now)
{
    m_entries = entries;
    m_now = now;
    m_editor->setConfigured(configured);
    preview();
}

void RetentionPreviewPanel::preview()
{
    auto policies = m_editor->policies();
    if (!policies) {
        show(std::unexpected(policies.error()));
        return;
    }
    if (policies->isEmpty()) {
        show(fail(ErrorCode::InvalidArgument,
            m_editor->source() == RetentionPolicyEditor::Source::Configured
                ? tr("The workspace sets no retention policy: choose “Custom” to try one.")
                : tr("Set at least one rule: a policy without rules would delete every backup.")));
        return;
    }
    m_summary->setText(tr("Planning…"));
    m_load.start([entries = m_entries, set = *policies, now = m_now] { return RetentionPreview::plan(entries, set, now); },
        [this](const Result<RetentionPlan> &plan) { show(plan); });
}

void RetentionPreviewPanel::show(const Result<RetentionPlan> &plan)
{
    if (!plan) {
        m_load.cancel();
        m_plan.reset();
        m_timeline->clear();
        m_summary->setText(plan.error().message);
        Q_EMIT previewed();
        return;
    }
    m_plan = *plan;
    m_timeline->setPlan(*plan);
    const int deleted = plan->deletedCount();
    const int kept = int(plan->decisions.size()) - deleted;
    QString text = tr("A prune now would keep %1 and delete %2, freeing %3 (%4 bytes).")
                       .arg(tr("%n backup(s)", nullptr, kept), tr("%n backup(s)", nullptr, deleted),
                           DisplayFormat::size(plan->freedBytes()), QLocale().toString(plan->freedBytes()));
    for (const QString &warning : plan->warnings)
        text += QLatin1Char('\n') + warning;
    m_summary->setText(text);
    Q_EMIT previewed();
}

} // namespace coffer::ui
