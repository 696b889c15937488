#pragma once

#include "Page.h"

#include <QPointer>

class QAbstractItemModel;
class QAction;
class QTableView;

namespace coffer::ui {

class JobErrorDialog;
class JobFilterProxy;
class JobListModel;

// The session's jobs: what runs and waits (progress, phase, bytes, rate, time left; Cancel)
// over what has finished (outcome, duration; a failure's message, its details on request).
class JobsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPage)

public:
    explicit JobsPage(Session *session, QWidget *parent = nullptr);
    ~JobsPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override;
    // Jobs are live: there is nothing to read again.
    void refresh() override;

private:
    QTableView *createTable(QAbstractItemModel *model, const QString &name, const QString &accessibleName);
    QWidget *createSection(const QString &heading, QTableView *table, QAction *action, const QString &buttonName);
    void cancelSelected();
    void showDetails();
    void updateActions();
    // The source row of the finished job selected in the history, or -1.
    int selectedHistoryRow() const;

    JobListModel *m_model = nullptr;
    JobFilterProxy *m_pending = nullptr;
    JobFilterProxy *m_history = nullptr;
    QTableView *m_pendingTable = nullptr;
    QTableView *m_historyTable = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_detailsAction = nullptr;
    QPointer<JobErrorDialog> m_dialog;
};

} // namespace coffer::ui
