#pragma once

#include "Page.h"

#include <QList>

class QLabel;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace coffer::ui {

class CardGridLayout;
class DashboardLoader;
class DatabaseCard;
class DatabaseStatusModel;
class MessageBar;
struct DashboardLoadResult;

// Every database of the workspace at a glance: one card each (last backup, last verification,
// health against its schedule, size trend) in a grid that reflows with the window, a summary
// line, and an inline message for what could not be read. Activating a card asks to see that
// database's backups.
class DashboardPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    explicit DashboardPage(Session *session, QWidget *parent = nullptr);
    ~DashboardPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override;

    void refresh() override;

    DatabaseStatusModel *model() const { return m_model; }
    const QList<DatabaseCard *> &cards() const { return m_cards; }

Q_SIGNALS:
    // A card was clicked (or Enter/Space pressed on it): show this database's backups.
    void databaseActivated(const QString &name);
    // A card's Restore… was chosen: open the restore wizard for this database.
    void restoreRequested(const QString &name);

private:
    void onLoaded(const DashboardLoadResult &result);
    void rebuildCards();
    void updateCards(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void showProblems(const DashboardLoadResult &result);
    void updateSummary();
    void updateEmptyState();

    DashboardLoader *m_loader = nullptr;
    DatabaseStatusModel *m_model = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_views = nullptr;
    QScrollArea *m_scrollArea = nullptr;
    QWidget *m_cardContainer = nullptr;
    CardGridLayout *m_grid = nullptr;
    QLabel *m_emptyState = nullptr;
    QTimer *m_clock = nullptr;
    QList<DatabaseCard *> m_cards;

    QString m_status;
    bool m_loaded = false;
};

} // namespace coffer::ui
