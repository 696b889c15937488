#include "dashboard/DashboardPage.h"

#include "Session.h"
#include "UiResources.h"
#include "dashboard/CardGridLayout.h"
#include "dashboard/DashboardLoader.h"
#include "dashboard/DatabaseCard.h"
#include "dashboard/DatabaseStatusModel.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

// Ages on the cards and schedules falling due move on between loads; nothing is read for it.
constexpr int kReassessMs = 60 * 1000;

} // namespace

DashboardPage::DashboardPage(Session *session, QWidget *parent)
    : Page(session, parent)
    , m_loader(new DashboardLoader(this))
    , m_model(new DatabaseStatusModel(this))
    , m_messageBar(new MessageBar(this))
    , m_summary(new QLabel(this))
    , m_views(new QStackedWidget(this))
    , m_scrollArea(new QScrollArea(this))
    , m_cardContainer(new QWidget)
    , m_grid(new CardGridLayout(m_cardContainer))
    , m_emptyState(new QLabel(this))
    , m_clock(new QTimer(this))
{
    initResources();
    setObjectName(QStringLiteral("dashboardPage"));
    setAccessibleName(tr("Dashboard"));

    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont summaryFont = m_summary->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.15);
    m_summary->setFont(summaryFont);

    m_grid->setContentsMargins(2, 2, 2, 2);
    m_grid->setSpacing(12);
    m_cardContainer->setObjectName(QStringLiteral("cardContainer"));
    m_scrollArea->setObjectName(QStringLiteral("cardArea"));
    m_scrollArea->setAccessibleName(tr("Databases"));
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scrollArea->setWidget(m_cardContainer);

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_views->addWidget(m_scrollArea);
    m_views->addWidget(m_emptyState);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(8);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_summary);
    layout->addWidget(m_views, 1);

    connect(m_loader, &DashboardLoader::loaded, this, &DashboardPage::onLoaded);
    connect(m_model, &DatabaseStatusModel::modelReset, this, &DashboardPage::rebuildCards);
    connect(m_model, &DatabaseStatusModel::dataChanged, this, &DashboardPage::updateCards);
    connect(session, &Session::workspaceChanged, this, [this] {
        m_loaded = false;
        refresh();
    });
    connect(session, &Session::catalogChanged, this, &DashboardPage::refresh);
    m_clock->setInterval(kReassessMs);
    connect(m_clock, &QTimer::timeout, this, [this] { m_model->reassess(QDateTime::currentDateTimeUtc()); });
    m_clock->start();
    updateSummary();
    updateEmptyState();
}

DashboardPage::~DashboardPage() = default;

QString DashboardPage::title() const
{
    return tr("Dashboard");
}

QIcon DashboardPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/dashboard.svg"));
}

QString DashboardPage::statusText() const
{
    return m_status;
}

bool DashboardPage::isLoading() const
{
    return m_loader->isLoading();
}

void DashboardPage::refresh()
{
    // Without a workspace the load finds nothing, but it still ends the way every load does.
    m_loader->load(session()->workspace().value_or(Workspace()));
    m_status = tr("Loading databases…");
    updateEmptyState();
    Q_EMIT statusTextChanged();
}

void DashboardPage::onLoaded(const DashboardLoadResult &result)
{
    m_model->setStatuses(result.databases, QDateTime::currentDateTimeUtc());
    m_loaded = true;
    showProblems(result);
    updateSummary();
    updateEmptyState();
    Q_EMIT loadFinished();
}

void DashboardPage::rebuildCards()
{
    auto *focused = qobject_cast<DatabaseCard *>(focusWidget());
    const QString focusedDatabase = focused && m_cards.contains(focused) ? focused->database() : QString();
    qDeleteAll(m_cards);
    m_cards.clear();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto *card = new DatabaseCard(m_cardContainer);
        card->showStatus(*m_model, row);
        connect(card, &DatabaseCard::activated, this, &DashboardPage::databaseActivated);
        connect(card, &DatabaseCard::restoreRequested, this, &DashboardPage::restoreRequested);
        m_grid->addWidget(card);
        card->show(); // now, not after the layout's queued show: a grab or a click may come first
        m_cards << card;
        if (card->database() == focusedDatabase)
            card->setFocus(Qt::OtherFocusReason);
    }
}

void DashboardPage::updateCards(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    for (int row = topLeft.row(); row <= bottomRight.row() && row < m_cards.size(); ++row)
        m_cards.at(row)->showStatus(*m_model, row);
    updateSummary();
}

void DashboardPage::showProblems(const DashboardLoadResult &result)
{
    if (const std::optional<Error> &error = session()->workspaceError()) {
        const QString path = QDir::toNativeSeparators(session()->workspacePath());
        const QString why = error->toString();
        m_messageBar->showMessage(why.contains(path) ? tr("Cannot load the workspace: %1").arg(why)
                                                     : tr("Cannot load the workspace %1: %2").arg(path, why),
            MessageBar::Type::Error);
        return;
    }
    if (!result.problems.isEmpty()) {
        QStringList lines;
        for (const RepositoryProblem &problem : result.problems)
            lines << tr("Repository “%1” at %2 cannot be read: %3")
                         .arg(problem.repository, QDir::toNativeSeparators(problem.path), problem.error.toString());
        lines << tr("Backups kept there are missing from the health shown here.");
        m_messageBar->showMessage(lines.join(QLatin1Char('\n')),
            result.readableRepositoryCount > 0 ? MessageBar::Type::Warning : MessageBar::Type::Error);
        return;
    }
    if (result.repositoryCount == 0 && !result.databases.isEmpty()) {
        m_messageBar->showMessage(tr("The workspace %1 lists no repositories, so no database has a backup. "
                                     "Add one under “repositories:”.")
                                      .arg(QDir::toNativeSeparators(session()->workspacePath())),
            MessageBar::Type::Information);
        return;
    }
    m_messageBar->hideMessage();
}

void DashboardPage::updateSummary()
{
    m_summary->setText(m_model->summary());
    m_summary->setVisible(m_model->rowCount() > 0);
    if (!m_loaded)
        return; // the status says it is loading
    m_status = session()->workspace() ? m_model->summary() : tr("No workspace loaded");
    Q_EMIT statusTextChanged();
}

void DashboardPage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_views->setCurrentWidget(m_scrollArea);
        return;
    }
    if (!m_loaded)
        m_emptyState->setText(tr("Loading databases…"));
    else if (!session()->workspace())
        m_emptyState->setText(tr("No workspace loaded."));
    else
        m_emptyState->setText(tr("The workspace lists no databases yet. Add them in Settings, or under "
                                 "“databases:” in %1.")
                                  .arg(QDir::toNativeSeparators(session()->workspacePath())));
    m_views->setCurrentWidget(m_emptyState);
}

} // namespace coffer::ui
