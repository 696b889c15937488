#pragma once

#include "BackgroundLoad.h"
#include "Page.h"
#include "audit/AuditReport.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace coffer::ui {

class AuditTableModel;
class ChoiceFilterModel;
class MessageBar;

// The audit trail of every repository, newest first, filterable by operation and text, and
// whether each trail's hash chain is intact — what `coffer-cli audit` and `audit verify` print.
class AuditPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(Session *session, QWidget *parent = nullptr);
    ~AuditPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override { return m_load.isLoading(); }

    void refresh() override;

    // The report on screen (empty before the first load).
    const AuditReport &report() const { return m_report; }

private:
    void onWorkspaceChanged();
    void onLoaded(const AuditReport &report);
    void showReport(const AuditReport &report);
    void showChains();
    void updateEmptyState();

    BackgroundLoad m_load{ this };
    AuditTableModel *m_model = nullptr;
    ChoiceFilterModel *m_proxy = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLabel *m_chains = nullptr;
    QComboBox *m_operation = nullptr;
    QLineEdit *m_filter = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;

    AuditReport m_report;
    QString m_status;
    bool m_loaded = false;
};

} // namespace coffer::ui
