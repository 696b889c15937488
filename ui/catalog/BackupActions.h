#pragma once

#include "catalog/BackupTableModel.h"
#include "restore/RestoreRequest.h"
#include "widgets/MessageBar.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QWidget;

namespace coffer {
class Job;
} // namespace coffer

namespace coffer::ui {

class Session;

// What can be done to the backups selected in the catalog — verify, drill, restore, pin, unpin,
// delete, copy their IDs — as actions for a toolbar, a context menu and the keyboard. Each runs
// a core job through the session and reports how it ended with message(). Owned by (and its
// dialogs parented to) `dialogParent`, whose window shortcuts the actions use.
class BackupActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupActions)

public:
    BackupActions(Session *session, QWidget *dialogParent);
    ~BackupActions() override;

    // Enables the actions that apply to `rows`.
    void setSelection(const QList<BackupRow> &rows);

    // In menu and toolbar order; separators are QActions with isSeparator().
    QList<QAction *> actions() const;
    QAction *verifyQuickAction() const { return m_verifyQuick; }
    QAction *verifyFullAction() const { return m_verifyFull; }
    QAction *drillAction() const { return m_drill; }
    QAction *restoreAction() const { return m_restore; }
    QAction *pinAction() const { return m_pin; }
    QAction *unpinAction() const { return m_unpin; }
    QAction *deleteAction() const { return m_delete; }
    QAction *copyIdAction() const { return m_copyId; }

Q_SIGNALS:
    // Inline feedback for the page: how a job ended, or why nothing was done.
    void message(const QString &text, coffer::ui::MessageBar::Type type);
    // Restore… on one backup: the main window opens the restore wizard for it.
    void restoreRequested(const coffer::ui::RestoreRequest &request);

private:
    // The rows grouped by repository path; nothing (after a message) when one of their
    // repositories is not in the workspace.
    std::optional<QMap<QString, QList<BackupRow>>> byRepository(const QList<BackupRow> &rows);
    // Submits every job; `done` runs once, after the last one has finished.
    void submitAll(const QList<std::shared_ptr<Job>> &jobs, std::function<void(const QList<Job *> &)> done);

    void verify(bool full);
    // A restore drill of each selected backup: restored into a scratch folder, verified, smoke-queried, timed.
    void drill();
    void openRestore();
    void setPinned(bool pinned);
    // Reads what the deletion would lose, then asks.
    void confirmDelete();
    void askDelete(const QMap<QString, QList<BackupRow>> &groups, const QList<CatalogEntry> &pinned,
        const QStringList &lines, const QStringList &warnings, const QString &workspacePath);
    // Whether the workspace open when the question was asked is still open and still holds each
    // group's repository (by name, at that folder); else says why nothing is done.
    bool stillInWorkspace(const QString &workspacePath, const QMap<QString, QList<BackupRow>> &groups);
    void remove(const QMap<QString, QList<BackupRow>> &groups);
    void copyIds();
    void updateActions();

    Session *m_session = nullptr;
    QWidget *m_dialogParent = nullptr;
    QList<BackupRow> m_rows;
    // Backups with a deletion (or a pin change) of ours under way: asking again would fail or do nothing.
    QSet<QString> m_deleting;
    QSet<QString> m_pinning;
    // The latest Delete asked: the warnings read for an earlier one are dropped.
    quint64 m_askGeneration = 0;

    QAction *m_verifyQuick = nullptr;
    QAction *m_verifyFull = nullptr;
    QAction *m_drill = nullptr;
    QAction *m_restore = nullptr;
    QAction *m_pin = nullptr;
    QAction *m_unpin = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_copyId = nullptr;
    QList<QAction *> m_actions;
};

} // namespace coffer::ui
