#pragma once

#include "BackgroundLoad.h"
#include "repository/Catalog.h"
#include "retention/RetentionPlanner.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QLabel;

namespace coffer::ui {

class RetentionPolicyEditor;
class RetentionTimeline;

// "What would a prune do?": a policy (the configured one or edited values), the plan the prune's
// own planner makes for the repository's backups, planned off the GUI thread, on a timeline with
// the bytes it frees.
class RetentionPreviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionPreviewPanel)

public:
    explicit RetentionPreviewPanel(QWidget *parent = nullptr);
    ~RetentionPreviewPanel() override;

    // The backups to plan for, the workspace's policies, and the prune's "now".
    void setRepository(const QList<CatalogEntry> &entries, const RetentionPolicySet &configured, const QDateTime &now);

    RetentionPolicyEditor *editor() const { return m_editor; }
    RetentionTimeline *timeline() const { return m_timeline; }
    // The plan on screen; none before the first preview or when the policy is refused.
    const std::optional<RetentionPlan> &plan() const { return m_plan; }
    bool isLoading() const { return m_load.isLoading(); }

Q_SIGNALS:
    void previewed(); // a plan (or the reason there is none) is on screen

private:
    void preview();
    void show(const Result<RetentionPlan> &plan);

    BackgroundLoad m_load{ this };
    RetentionPolicyEditor *m_editor = nullptr;
    RetentionTimeline *m_timeline = nullptr;
    QLabel *m_summary = nullptr;
    QList<CatalogEntry> m_entries;
    QDateTime m_now;
    std::optional<RetentionPlan> m_plan;
};

} // namespace coffer::ui
