#include "jobs/JobsPage.h"

#include "Session.h"
#include "UiResources.h"
#include "jobs/JobErrorDialog.h"
#include "jobs/JobFilterProxy.h"
#include "jobs/JobListModel.h"
#include "jobs/JobProgressDelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace coffer::ui {

JobsPage::JobsPage(Session *session, QWidget *parent)
    : Page(session, parent)
    , m_model(new JobListModel(session, this))
    , m_pending(new JobFilterProxy(JobFilterProxy::Show::Pending, this))
    , m_history(new JobFilterProxy(JobFilterProxy::Show::Finished, this))
    , m_cancelAction(new QAction(tr("&Cancel Job"), this))
    , m_detailsAction(new QAction(tr("&Details…"), this))
{
    initResources();
    setObjectName(QStringLiteral("jobsPage"));
    setAccessibleName(tr("Jobs"));
    m_pending->setSourceModel(m_model);
    m_history->setSourceModel(m_model);

    m_cancelAction->setObjectName(QStringLiteral("cancelJobAction"));
    m_cancelAction->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setToolTip(
        tr("Stop the selected jobs (%1)").arg(m_cancelAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_cancelAction, &QAction::triggered, this, &JobsPage::cancelSelected);
    addAction(m_cancelAction);

    m_detailsAction->setObjectName(QStringLiteral("jobDetailsAction"));
    m_detailsAction->setIcon(QIcon(QStringLiteral(":/icons/details.svg")));
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_detailsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_detailsAction->setToolTip(tr("Show the whole error of the selected job (%1)")
                                    .arg(m_detailsAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_detailsAction, &QAction::triggered, this, &JobsPage::showDetails);
    addAction(m_detailsAction);

    m_pendingTable = createTable(m_pending, QStringLiteral("pendingTable"), tr("Running and queued jobs"));
    m_pendingTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_pendingTable->setItemDelegateForColumn(JobListModel::Progress, new JobProgressDelegate(m_pendingTable));
    for (const int column : { JobListModel::Finished, JobListModel::Duration, JobListModel::Message })
        m_pendingTable->setColumnHidden(column, true);
    QHeaderView *pendingHeader = m_pendingTable->horizontalHeader();
    pendingHeader->setSectionResizeMode(JobListModel::Title, QHeaderView::Stretch);
    pendingHeader->setStretchLastSection(false);
    pendingHeader->resizeSection(JobListModel::State, 110);
    pendingHeader->resizeSection(JobListModel::Phase, 90);
    pendingHeader->resizeSection(JobListModel::Progress, 160);
    pendingHeader->resizeSection(JobListModel::Bytes, 170);
    pendingHeader->resizeSection(JobListModel::Rate, 100);
    pendingHeader->resizeSection(JobListModel::TimeLeft, 80);
    pendingHeader->resizeSection(JobListModel::Started, 150);

    m_historyTable = createTable(m_history, QStringLiteral("historyTable"), tr("Finished jobs"));
    m_historyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const int column : { JobListModel::Phase, JobListModel::Progress, JobListModel::Bytes, JobListModel::Rate,
             JobListModel::TimeLeft })
        m_historyTable->setColumnHidden(column, true);
    QHeaderView *historyHeader = m_historyTable->horizontalHeader();
    historyHeader->resizeSection(JobListModel::Title, 240);
    historyHeader->resizeSection(JobListModel::State, 110);
    historyHeader->resizeSection(JobListModel::Started, 150);
    historyHeader->resizeSection(JobListModel::Finished, 150);
    historyHeader->resizeSection(JobListModel::Duration, 80);
    m_historyTable->setSortingEnabled(true);
    m_historyTable->sortByColumn(JobListModel::Finished, Qt::DescendingOrder);
    connect(m_historyTable, &QTableView::activated, this, &JobsPage::showDetails);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("jobsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(
        createSection(tr("Running and queued"), m_pendingTable, m_cancelAction, QStringLiteral("cancelButton")));
    splitter->addWidget(createSection(tr("History"), m_historyTable, m_detailsAction, QStringLiteral("detailsButton")));
    splitter->setSizes({ 260, 340 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    for (QTableView *table : { m_pendingTable, m_historyTable })
        connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPage::updateActions);
    // A job that starts or ends changes what Cancel and Details apply to.
    connect(m_model, &JobListModel::countsChanged, this, &JobsPage::updateActions);
    connect(m_model, &JobListModel::countsChanged, this, &JobsPage::statusTextChanged);
    // Nothing here is read from disk: each workspace load is finished at once.
    connect(session, &Session::workspaceChanged, this, &JobsPage::loadFinished);
    updateActions();
}

JobsPage::~JobsPage() = default;

QString JobsPage::title() const
{
    return tr("Jobs");
}

QIcon JobsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/jobs.svg"));
}

QString JobsPage::statusText() const
{
    const int finished = m_model->finishedCount();
    if (m_model->runningCount() + m_model->queuedCount() == 0 && finished > 0)
        return tr("No jobs running, %n finished", nullptr, finished);
    return m_model->summary();
}

bool JobsPage::isLoading() const
{
    return false;
}

void JobsPage::refresh()
{
    Q_EMIT loadFinished();
}

QTableView *JobsPage::createTable(QAbstractItemModel *model, const QString &name, const QString &accessibleName)
{
    auto *table = new QTableView(this);
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setShowGrid(false);
    table->setTextElideMode(Qt::ElideMiddle);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

QWidget *JobsPage::createSection(const QString &heading, QTableView *table, QAction *action, const QString &buttonName)
{
    auto *section = new QWidget(this);
    auto *label = new QLabel(heading, section);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setBuddy(table);

    auto *bar = new QHBoxLayout;
    bar->addWidget(label);
    bar->addStretch(1);
    auto *button = new QToolButton(section);
    button->setObjectName(buttonName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    bar->addWidget(button);

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(table, 1);
    return section;
}

void JobsPage::cancelSelected()
{
    const QModelIndexList rows = m_pendingTable->selectionModel()->selectedRows();
    QList<int> sourceRows;
    for (const QModelIndex &index : rows)
        sourceRows << m_pending->mapToSource(index).row();
    // Collected first: cancelling repaints rows, which can move the selection.
    for (const int row : std::as_const(sourceRows))
        m_model->cancel(row);
    updateActions();
}

int JobsPage::selectedHistoryRow() const
{
    const QModelIndexList rows = m_historyTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_history->mapToSource(rows.constFirst()).row();
}

void JobsPage::showDetails()
{
    const int row = selectedHistoryRow();
    const QModelIndex index = m_model->index(row, JobListModel::State);
    Job *job = m_model->jobAt(row);
    if (!job || index.data(JobListModel::MessageRole).toString().isEmpty())
        return;
    if (!m_dialog)
        m_dialog = new JobErrorDialog(this);
    m_dialog->showError(job->title(), index.data().toString(), job->error());
}

void JobsPage::updateActions()
{
    bool cancellable = false;
    const QModelIndexList rows = m_pendingTable->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const Job *job = m_model->jobAt(m_pending->mapToSource(index).row());
        cancellable = cancellable || (job && !job->isFinished() && !job->isCancelRequested());
    }
    m_cancelAction->setEnabled(cancellable);
    const int historyRow = selectedHistoryRow();
    m_detailsAction->setEnabled(
        historyRow >= 0 && !m_model->index(historyRow, 0).data(JobListModel::MessageRole).toString().isEmpty());
}

} // namespace coffer::ui
