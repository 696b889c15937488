#include "reports/ReportsPage.h"

#include "BackgroundLoad.h"
#include "CatalogScan.h"
#include "DisplayFormat.h"
#include "Session.h"
#include "UiResources.h"
#include "reports/ChoiceFilterModel.h"
#include "reports/VerificationRunPanel.h"
#include "reports/VerificationTableModel.h"
#include "verify/VerifyJob.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace coffer::ui {

ReportsPage::ReportsPage(Session *session, QWidget *parent)
    : Page(session, parent)
    , m_model(new VerificationTableModel(this))
    , m_proxy(new ChoiceFilterModel(VerificationTableModel::OutcomeRole, this))
    , m_messageBar(new MessageBar(this))
    , m_runPanel(new VerificationRunPanel(session, this))
    , m_summary(new QLabel(this))
    , m_outcome(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_verifyAllButton(new QPushButton(this))
    , m_levelMenu(new QMenu(this))
    , m_views(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_emptyState(new QLabel(this))
{
    initResources();
    setObjectName(QStringLiteral("reportsPage"));
    setAccessibleName(tr("Reports"));
    connect(m_runPanel, &VerificationRunPanel::backupActivated, this, &ReportsPage::backupActivated);
    connect(m_runPanel, &VerificationRunPanel::runStarted, this, &ReportsPage::updateVerifyAll);
    connect(m_runPanel, &VerificationRunPanel::runFinished, this, &ReportsPage::updateVerifyAll);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(VerificationTableModel::SortRole);
    m_proxy->setFilterRole(VerificationTableModel::FilterRole);

    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_outcome->setObjectName(QStringLiteral("outcomeFilter"));
    m_outcome->setAccessibleName(tr("Filter by outcome"));
    m_outcome->addItem(tr("All outcomes"), QString());
    m_outcome->addItem(tr("Passed"), QStringLiteral("passed"));
    m_outcome->addItem(tr("Failed"), QStringLiteral("failed"));
    connect(m_outcome, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setChoice(m_outcome->currentData().toString()); });

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by database, backup ID or check"));
    m_filter->setAccessibleName(tr("Filter verifications"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(findAction);

    // A popup() menu rather than QPushButton::setMenu(), which would run the menu's own event loop.
    m_verifyAllButton->setObjectName(QStringLiteral("verifyAllButton"));
    m_verifyAllButton->setText(tr("Verify &all…"));
    m_verifyAllButton->setIcon(QIcon(QStringLiteral(":/icons/verify.svg")));
    m_verifyAllButton->setAccessibleName(tr("Verify all backups"));
    m_verifyAllButton->setToolTip(tr("Verify every backup of every repository (Alt+A)"));
    connect(m_verifyAllButton, &QPushButton::clicked, this, &ReportsPage::showLevelMenu);
    QAction *quick = m_levelMenu->addAction(tr("&Quick: compare each artifact's checksum"));
    quick->setObjectName(QStringLiteral("verifyAllQuickAction"));
    connect(quick, &QAction::triggered, this, [this] { verifyAll(VerifyLevel::Quick); });
    QAction *full = m_levelMenu->addAction(tr("&Full: restore each database and check it"));
    full->setObjectName(QStringLiteral("verifyAllFullAction"));
    connect(full, &QAction::triggered, this, [this] { verifyAll(VerifyLevel::Full); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_outcome);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_verifyAllButton);

    m_table->setObjectName(QStringLiteral("verificationTable"));
    m_table->setAccessibleName(tr("Verifications"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(VerificationTableModel::Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    // activated: a double click, or Enter on the current row.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(VerificationTableModel::BackupIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT backupActivated(id);
    });

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setStyleSheet(QStringLiteral("color: #6b7280; font-size: 11pt;"));
    m_views->setObjectName(QStringLiteral("historyViews"));
    m_views->addWidget(m_table);
    m_views->addWidget(m_emptyState);

    // The run on top, the history below; the user moves the line between them.
    auto *history = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyTitle = new QLabel(tr("<b>History</b>"), history);
    historyLayout->addWidget(historyTitle);
    historyLayout->addWidget(m_summary);
    historyLayout->addLayout(bar);
    historyLayout->addWidget(m_views, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("reportsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_runPanel);
    splitter->addWidget(history);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addWidget(splitter, 1);

    connect(session, &Session::workspaceChanged, this, &ReportsPage::onWorkspaceChanged);
    connect(session, &Session::catalogChanged, this, &ReportsPage::refresh);
    updateEmptyState();
    updateVerifyAll();
}

// m_load's destructor waits for a load still running; the load touches no member.
ReportsPage::~ReportsPage() = default;

QString ReportsPage::title() const
{
    return tr("Reports");
}

QIcon ReportsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/reports.svg"));
}

QString ReportsPage::statusText() const
{
    return m_status;
}

void ReportsPage::onWorkspaceChanged()
{
    m_loaded = false;
    m_runPanel->updateScopes();
    showReport({});
    refresh();
}

void ReportsPage::refresh()
{
    const std::optional<Workspace> &workspace = session()->workspace();
    if (!workspace) {
        m_load.cancel();
        onLoaded({});
        return;
    }
    m_load.start([workspace = *workspace] { return VerificationReport::read(workspace); },
        [this](const VerificationReport &report) { onLoaded(report); });
    m_status = tr("Reading the verification history…");
    updateEmptyState();
    Q_EMIT statusTextChanged();
}

void ReportsPage::onLoaded(const VerificationReport &report)
{
    m_loaded = true;
    showReport(report);

    CatalogScan::showProblems(m_messageBar, *session(), report.problems);

    if (!session()->workspace())
        m_status = tr("No workspace loaded");
    else
        m_status = tr("%1, %2").arg(tr("%n verification(s)", nullptr, int(report.rows.size())),
            tr("%n failing backup(s)", nullptr, report.failed));
    updateEmptyState();
    updateVerifyAll();
    Q_EMIT statusTextChanged();
    Q_EMIT loadFinished();
}

void ReportsPage::showReport(const VerificationReport &report)
{
    m_report = report;
    m_model->setRows(report.rows);
    m_table->resizeColumnsToContents();

    if (report.backups == 0) {
        m_summary->setText(m_loaded && session()->workspace() ? tr("No backups to verify yet.") : QString());
        return;
    }
    QString text = tr("%1: %2 verified, %3 failed, %4 never verified.")
                       .arg(tr("%n backup(s)", nullptr, report.backups))
                       .arg(report.passed)
                       .arg(report.failed)
                       .arg(report.neverVerified);
    if (const std::optional<CatalogEntry> &oldest = report.oldestUnverified)
        text += QLatin1Char(' ')
            + tr("The oldest unverified backup is %1 of “%2” in “%3”, created %4.")
                  .arg(oldest->manifest.shortId(), oldest->manifest.database, report.oldestUnverifiedRepository,
                      DisplayFormat::localTime(oldest->manifest.created));
    else
        text += QLatin1Char(' ') + tr("Every backup has been verified.");
    m_summary->setText(text);
}

void ReportsPage::showLevelMenu()
{
    m_levelMenu->popup(m_verifyAllButton->mapToGlobal(QPoint(0, m_verifyAllButton->height())));
}

void ReportsPage::verifyAll(VerifyLevel level)
{
    m_runPanel->run(level, RunScope{});
    updateVerifyAll();
}

void ReportsPage::setCatalogSelection(const QMap<QString, QStringList> &selection)
{
    m_runPanel->setCatalogSelection(selection);
}

bool ReportsPage::isVerifying() const
{
    return m_runPanel->isRunning();
}

void ReportsPage::updateVerifyAll()
{
    const std::optional<Workspace> &workspace = session()->workspace();
    m_verifyAllButton->setEnabled(workspace && !workspace->repositories().isEmpty() && !isVerifying());
}

void ReportsPage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_views->setCurrentWidget(m_table);
        return;
    }
    if (!m_loaded || m_load.isLoading())
        m_emptyState->setText(tr("Reading the verification history…"));
    else if (session()->workspacePath().isEmpty())
        m_emptyState->setText(tr("Open a workspace to see its verification history."));
    else if (!session()->workspace() || m_report.backups == 0)
        m_emptyState->setText(tr("No verifications to show."));
    else
        m_emptyState->setText(tr("No backup has been verified yet. Verify them all with “Verify all…”."));
    m_views->setCurrentWidget(m_emptyState);
}

} // namespace coffer::ui
