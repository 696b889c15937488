#pragma once

#include "workspace/WorkspaceEditor.h"

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace coffer::ui {

// How one edit ended.
struct WorkspaceEditResult {
    QString done; // what the page says when it succeeded
    bool succeeded = false;
    coffer::WorkspaceEditor::Outcome outcome;
    coffer::Error error;
};

// Runs edits of the workspace file (and the repository work that goes with them) one after the
// other, off the GUI thread.
class WorkspaceEditQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceEditQueue)

public:
    using Outcome = coffer::WorkspaceEditor::Outcome;
    using Work = std::function<coffer::Result<Outcome>()>;

    explicit WorkspaceEditQueue(QObject *parent = nullptr);
    ~WorkspaceEditQueue() override;

    // `done` is what the page says once `work` succeeded ("Added database “orders”.").
    void run(const QString &done, Work work);
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    void finished(const coffer::ui::WorkspaceEditResult &result);
    void busyChanged(bool busy);

private:
    QThreadPool m_pool; // one thread: edits of one file never overlap
    int m_pending = 0;
};

} // namespace coffer::ui
