#include "audit/AuditPage.h"

#include "BackgroundLoad.h"
#include "CatalogScan.h"
#include "Session.h"
#include "UiResources.h"
#include "audit/AuditTableModel.h"
#include "reports/ChoiceFilterModel.h"
#include "widgets/MessageBar.h"
#include "widgets/TextLabel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace coffer::ui {

AuditPage::AuditPage(Session *session, QWidget *parent)
    : Page(session, parent)
    , m_model(new AuditTableModel(this))
    , m_proxy(new ChoiceFilterModel(AuditTableModel::OperationRole, this))
    , m_messageBar(new MessageBar(this))
    , m_chains(textLabel(this, QStringLiteral("chainStatus")))
    , m_operation(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_views(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_emptyState(new QLabel(this))
{
    initResources();
    setObjectName(QStringLiteral("auditPage"));
    setAccessibleName(tr("Audit"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AuditTableModel::SortRole);
    m_proxy->setFilterRole(AuditTableModel::FilterRole);

    m_chains->setAccessibleName(tr("Audit trail check"));

    m_operation->setObjectName(QStringLiteral("operationFilter"));
    m_operation->setAccessibleName(tr("Filter by operation"));
    m_operation->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_operation->addItem(tr("All operations"), QString());
    connect(m_operation, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setChoice(m_operation->currentData().toString()); });

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by database, backup ID, user or detail"));
    m_filter->setAccessibleName(tr("Filter audit records"));
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

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_operation);
    bar->addWidget(m_filter, 1);

    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit records"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditTableModel::Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setStyleSheet(QStringLiteral("color: #6b7280; font-size: 11pt;"));
    m_views->addWidget(m_table);
    m_views->addWidget(m_emptyState);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_chains);
    layout->addLayout(bar);
    layout->addWidget(m_views, 1);

    connect(session, &Session::workspaceChanged, this, &AuditPage::onWorkspaceChanged);
    connect(session, &Session::catalogChanged, this, &AuditPage::refresh);
    updateEmptyState();
}

// m_load's destructor waits for a load still running; the load touches no member.
AuditPage::~AuditPage() = default;

QString AuditPage::title() const
{
    return tr("Audit");
}

QIcon AuditPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/audit.svg"));
}

QString AuditPage::statusText() const
{
    return m_status;
}

void AuditPage::onWorkspaceChanged()
{
    m_loaded = false;
    showReport({});
    refresh();
}

void AuditPage::refresh()
{
    const std::optional<Workspace> &workspace = session()->workspace();
    if (!workspace) {
        m_load.cancel();
        onLoaded({});
        return;
    }
    m_load.start([workspace = *workspace] { return AuditReport::read(workspace); },
        [this](const AuditReport &report) { onLoaded(report); });
    m_status = tr("Reading the audit trails…");
    updateEmptyState();
    Q_EMIT statusTextChanged();
}

void AuditPage::onLoaded(const AuditReport &report)
{
    m_loaded = true;
    showReport(report);

    CatalogScan::showProblems(m_messageBar, *session(), report.problems);

    const qsizetype broken = std::count_if(
        report.chains.cbegin(), report.chains.cend(), [](const AuditChain &chain) { return !chain.report.ok; });
    if (!session()->workspace())
        m_status = tr("No workspace loaded");
    else if (broken > 0)
        m_status = tr("%1; %2").arg(
            tr("%n audit record(s)", nullptr, int(report.rows.size())), tr("%n broken trail(s)", nullptr, int(broken)));
    else
        m_status = tr("%n audit record(s)", nullptr, int(report.rows.size()));
    updateEmptyState();
    Q_EMIT statusTextChanged();
    Q_EMIT loadFinished();
}

void AuditPage::showReport(const AuditReport &report)
{
    m_report = report;
    m_model->setRows(report.rows);
    m_table->resizeColumnsToContents();

    // Keep the chosen operation across reloads, even while no record of it is left.
    const QString chosen = m_operation->currentData().toString();
    QStringList operations = report.operations;
    if (!chosen.isEmpty() && !operations.contains(chosen))
        operations << chosen;
    {
        const QSignalBlocker blocker(m_operation);
        while (m_operation->count() > 1)
            m_operation->removeItem(1);
        for (const QString &operation : std::as_const(operations))
            m_operation->addItem(operation, operation);
        m_operation->setCurrentIndex(std::max(0, m_operation->findData(chosen)));
    }
    showChains();
}

void AuditPage::showChains()
{
    QStringList lines;
    bool broken = false;
    for (const AuditChain &chain : std::as_const(m_report.chains)) {
        const int records = int(chain.report.records);
        if (chain.report.ok) {
            lines << tr("Audit trail of “%1” intact: %n record(s)", nullptr, records).arg(chain.repository);
            continue;
        }
        broken = true;
        // The problem names the first record that does not verify.
        lines << tr("Audit trail of “%1” is BROKEN (%n record(s)): %2", nullptr, records)
                     .arg(chain.repository, chain.report.problem);
    }
    m_chains->setText(lines.join(QLatin1Char('\n')));
    m_chains->setVisible(!lines.isEmpty());
    m_chains->setStyleSheet(broken ? QStringLiteral("color: #b02a1e; font-weight: bold;") : QString());
}

void AuditPage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_views->setCurrentWidget(m_table);
        return;
    }
    if (!m_loaded || m_load.isLoading())
        m_emptyState->setText(tr("Reading the audit trails…"));
    else if (session()->workspacePath().isEmpty())
        m_emptyState->setText(tr("Open a workspace to see its audit trail."));
    else if (!m_report.chains.isEmpty())
        m_emptyState->setText(tr("The audit trail is empty: nothing has been backed up, verified or restored yet."));
    else
        m_emptyState->setText(tr("No audit trail to show."));
    m_views->setCurrentWidget(m_emptyState);
}

} // namespace coffer::ui
