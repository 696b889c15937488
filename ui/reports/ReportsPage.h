#pragma once

#include "BackgroundLoad.h"
#include "Page.h"
#include "reports/VerificationReport.h"

#include <QList>
#include <QMap>
#include <QStringList>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace coffer {
class Job;
class VerifyJob;
enum class VerifyLevel;
} // namespace coffer

namespace coffer::ui {

class ChoiceFilterModel;
class MessageBar;
class VerificationRunPanel;
class VerificationTableModel;

// Runs a verification (level, scope) and shows and exports its report (VerificationRunPanel),
// above the verification history of every repository, filterable by outcome and text, and
// where the backups stand (verified, failed, never verified); "Verify all…" at a chosen level.
class ReportsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsPage)

public:
    explicit ReportsPage(Session *session, QWidget *parent = nullptr);
    ~ReportsPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override { return m_load.isLoading(); }

    void refresh() override;

    // The report on screen (empty before the first load).
    const VerificationReport &report() const { return m_report; }
    // Verifies every backup of every repository of the workspace, one job per repository.
    void verifyAll(VerifyLevel level);
    bool isVerifying() const;
    VerificationRunPanel *runPanel() const { return m_runPanel; }
    // The backups selected in the catalog (full ids by repository name): a scope to verify.
    void setCatalogSelection(const QMap<QString, QStringList> &selection);

Q_SIGNALS:
    // A row was double-clicked or Enter pressed on it: the backup it verified.
    void backupActivated(const QString &backupId);

private:
    void onWorkspaceChanged();
    void onLoaded(const VerificationReport &report);
    void showReport(const VerificationReport &report);
    void updateEmptyState();
    void updateVerifyAll();
    void showLevelMenu();

    BackgroundLoad m_load{ this };
    VerificationTableModel *m_model = nullptr;
    ChoiceFilterModel *m_proxy = nullptr;
    MessageBar *m_messageBar = nullptr; // what could not be read
    VerificationRunPanel *m_runPanel = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_outcome = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_verifyAllButton = nullptr;
    QMenu *m_levelMenu = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;

    VerificationReport m_report;
    QString m_status;
    bool m_loaded = false;
};

} // namespace coffer::ui
