// The catalog page over real backups: listing, order, text filter, details, problems, empty
// state, loading, and the API the main window and the actions use.
#include "CatalogFixture.h"
#include "tst_catalogsupport.h"

#include "catalog/BackupDetailsView.h"
#include "catalog/BackupTableModel.h"
#include "catalog/CatalogPage.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

using catalogtest::idsShown;
using catalogtest::openPage;
using catalogtest::table;
using coffer::ui::BackupTableModel;
using coffer::ui::CatalogPage;
using coffer::ui::MessageBar;

class TstCatalogPage final : public QObject
{
    Q_OBJECT

private:
    static QLineEdit *filter(CatalogPage &page) { return page.findChild<QLineEdit *>(QStringLiteral("filterEdit")); }
    static MessageBar *messageBar(CatalogPage &page)
    {
        return page.findChild<MessageBar *>(QStringLiteral("messageBar"));
    }
    static coffer::ui::BackupDetailsView *details(CatalogPage &page)
    {
        return page.findChild<coffer::ui::BackupDetailsView *>();
    }
    static QStringList reversed(QStringList list)
    {
        std::reverse(list.begin(), list.end());
        return list;
    }
    static QStringList idsOf(const QList<coffer::ui::BackupRow> &rows)
    {
        QStringList ids;
        for (const coffer::ui::BackupRow &row : rows)
            ids << row.entry.manifest.id;
        return ids;
    }

    QTemporaryDir m_settings;
    std::unique_ptr<CatalogFixture> m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        catalogtest::isolateSettings(m_settings);
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        QCOMPARE(m_fixture->ids().size(), 3);
    }

    // Every page starts from the default layout (a page saves its own when it closes).
    void init() { QSettings().clear(); }

    void listsEveryBackupNewestFirst()
    {
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
        QCOMPARE(idsShown(*page), reversed(m_fixture->ids()));
        QCOMPARE(table(*page)->horizontalHeader()->sortIndicatorSection(), int(BackupTableModel::Created));
        QCOMPARE(table(*page)->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        // The view sorts, not only the loader: oldest first when the user clicks the header.
        table(*page)->sortByColumn(BackupTableModel::Created, Qt::AscendingOrder);
        QCOMPARE(idsShown(*page), m_fixture->ids());
        QVERIFY(!messageBar(*page)->isVisible());
        QCOMPARE(page->findChild<QStackedWidget *>()->currentWidget(), table(*page));
        QVERIFY2(page->statusText().startsWith(QStringLiteral("3 ")), qPrintable(page->statusText()));
        QCOMPARE(table(*page)->model()->headerData(BackupTableModel::Verified, Qt::Horizontal).toString(),
            QStringLiteral("Last verification"));
        // The filters and the table fit a small window beside the main window's navigation.
        QVERIFY2(page->minimumSizeHint().width() <= 760, qPrintable(QString::number(page->minimumSizeHint().width())));
    }

    void busyIndicatorShowsWhileLoading()
    {
        auto page = openPage(m_fixture->workspacePath());
        auto *busy = page->findChild<QWidget *>(QStringLiteral("busyIndicator"));
        QVERIFY(busy);
        QVERIFY(!busy->isVisible());
        QSignalSpy finished(page.get(), &CatalogPage::loadFinished);
        page->refresh();
        // The load runs on another thread and can only report through this thread's event loop.
        QVERIFY(page->isLoading());
        QVERIFY(busy->isVisible());
        QVERIFY(busy->findChild<QLabel *>()->text().startsWith(QStringLiteral("Loading")));
        QCOMPARE(page->statusText(), QStringLiteral("Loading backups…"));
        QVERIFY(finished.wait(20000));
        QVERIFY(!busy->isVisible());
        QVERIFY(!page->isLoading());
    }

    void textFilterNarrowsTheRows_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("expected"); // indexes into ids(), newest first
        QTest::newRow("database") << QStringLiteral("CUSTOM") << QList<int>{ 1 };
        QTest::newRow("tag") << QStringLiteral("nightly") << QList<int>{ 1 };
        QTest::newRow("repository") << QStringLiteral("local") << QList<int>{ 2, 1, 0 };
        QTest::newRow("two words") << QStringLiteral("orders ") + m_fixture->ids().at(0).left(8) << QList<int>{ 0 };
        QTest::newRow("nothing") << QStringLiteral("no-such-backup") << QList<int>{};
    }

    void textFilterNarrowsTheRows()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, expected);
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
        QTest::keyClicks(filter(*page), text);
        QStringList expectedIds;
        for (const int index : expected)
            expectedIds << m_fixture->ids().at(index);
        QTRY_COMPARE(idsShown(*page), expectedIds);
        if (expected.isEmpty())
            QTRY_VERIFY(details(*page)->toPlainText().contains(QStringLiteral("No backup matches the filters.")));
        filter(*page)->clear();
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
    }

    void filterMatchesAFullIdTheTableOnlyAbbreviates()
    {
        auto page = openPage(m_fixture->workspacePath());
        const QString oldest = m_fixture->ids().first();
        QTest::keyClicks(filter(*page), oldest.mid(10, 12)); // beyond the 8 characters shown
        QTRY_COMPARE(idsShown(*page), QStringList{ oldest });
        QVERIFY2(page->statusText().contains(QStringLiteral("1 shown")), qPrintable(page->statusText()));
    }

    void ctrlFFocusesTheFilter()
    {
        auto page = openPage(m_fixture->workspacePath());
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        table(*page)->setFocus();
        QTRY_VERIFY(table(*page)->hasFocus());
        QTest::keyClick(table(*page), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter(*page)->hasFocus());
        QCOMPARE(filter(*page)->placeholderText(), QStringLiteral("Filter by database, ID, tag, group or repository"));
    }

    void selectingARowShowsItsDetails()
    {
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
        // The newest backup is current after loading.
        QTRY_COMPARE(details(*page)->backupId(), m_fixture->ids().at(2));

        table(*page)->selectRow(1); // customers, the second newest
        const QString id = m_fixture->ids().at(1);
        QTRY_COMPARE(details(*page)->backupId(), id);
        const QString text = details(*page)->toPlainText();
        QVERIFY2(text.contains(id), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("nightly")));
        QVERIFY(text.contains(m_fixture->customersDb()));
        // Row counts per table of the sample database (120 rows in each of its tables).
        for (const QString &tableName :
            { QStringLiteral("customers"), QStringLiteral("orders"), QStringLiteral("blobs") })
            QVERIFY2(text.contains(tableName), qPrintable(tableName));
        QVERIFY(text.contains(QStringLiteral("120")));
        QVERIFY(text.contains(QStringLiteral("never verified")));
    }

    void missingRepositoryShowsAMessageAndTheOthersStillList()
    {
        const QString missing = m_fixture->path(QStringLiteral("offsite-share"));
        const QString workspace = m_fixture->path(QStringLiteral("two-repos.yaml"));
        QVERIFY(m_fixture->writeWorkspace(
            workspace, { { QStringLiteral("offsite"), missing }, { QStringLiteral("local"), m_fixture->repo() } }));
        auto page = openPage(workspace);
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
        MessageBar *bar = messageBar(*page);
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(missing), qPrintable(bar->text()));
        QVERIFY(bar->text().contains(QStringLiteral("offsite")));
        QCOMPARE(bar->type(), MessageBar::Type::Warning);
        QVERIFY2(page->statusText().contains(QStringLiteral("1 unreadable")), qPrintable(page->statusText()));
    }

    void unreadableWorkspaceShowsAnErrorInline()
    {
        const QString workspace = m_fixture->path(QStringLiteral("no-such-workspace.yaml"));
        auto page = openPage(workspace);
        MessageBar *bar = messageBar(*page);
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->type(), MessageBar::Type::Error);
        QVERIFY2(bar->text().contains(workspace), qPrintable(bar->text()));
        QCOMPARE(table(*page)->model()->rowCount(), 0);
        auto *empty = page->findChild<QLabel *>(QStringLiteral("emptyState"));
        QCOMPARE(page->findChild<QStackedWidget *>()->currentWidget(), empty);

        // Closing the message hides it; the page stays usable.
        QTest::mouseClick(bar->findChild<QToolButton *>(), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
    }

    void emptyRepositoryShowsHowToMakeABackup()
    {
        testsupport::TempRepository empty;
        QVERIFY(empty.isValid());
        const QString workspace = empty.path(QStringLiteral("workspace.yaml"));
        QVERIFY(m_fixture->writeWorkspace(workspace, { { QStringLiteral("local"), empty.repo() } }));
        auto page = openPage(workspace);
        auto *label = page->findChild<QLabel *>(QStringLiteral("emptyState"));
        QTRY_COMPARE(page->findChild<QStackedWidget *>()->currentWidget(), label);
        QCOMPARE(label->text(), QStringLiteral("No backups yet. Create one with: coffer-cli backup --all"));
        QVERIFY(!details(*page)->isVisible());
        QVERIFY(!messageBar(*page)->isVisible());
    }

    void showDatabaseFiltersToItAlone()
    {
        auto page = openPage(m_fixture->workspacePath());
        QTest::keyClicks(filter(*page), QStringLiteral("nightly"));
        QTRY_COMPARE(table(*page)->model()->rowCount(), 1);

        page->showDatabase(QStringLiteral("orders"));
        // The text filter is cleared: both orders backups show, the newest current.
        QCOMPARE(idsShown(*page), (QStringList{ m_fixture->ids().at(2), m_fixture->ids().at(0) }));
        QVERIFY(filter(*page)->text().isEmpty());
        QCOMPARE(
            page->findChild<QComboBox *>(QStringLiteral("databaseFilter"))->currentText(), QStringLiteral("orders"));
        QTRY_COMPARE(details(*page)->backupId(), m_fixture->ids().at(2));
    }

    void showBackupSelectsItAndClearsTheFilters()
    {
        auto page = openPage(m_fixture->workspacePath());
        page->showDatabase(QStringLiteral("customers"));
        QCOMPARE(table(*page)->model()->rowCount(), 1);
        const QString oldest = m_fixture->ids().first();
        page->showBackup(oldest);
        QCOMPARE(table(*page)->model()->rowCount(), 3);
        QCOMPARE(idsOf(page->selectedRows()), QStringList{ oldest });
        QTRY_COMPARE(details(*page)->backupId(), oldest);

        page->showBackup(QStringLiteral("0123456789abcdef0123456789abcdef"));
        QVERIFY(messageBar(*page)->isVisible());
        QVERIFY(messageBar(*page)->text().contains(QStringLiteral("not in the catalog")));
    }

    void showBackupBeforeTheLoadSelectsItOnceLoaded()
    {
        auto *session = new coffer::ui::Session;
        auto page = std::make_unique<CatalogPage>(session);
        session->setParent(page.get());
        page->show();
        QSignalSpy finished(page.get(), &CatalogPage::loadFinished);
        session->openWorkspace(m_fixture->workspacePath());
        const QString oldest = m_fixture->ids().first();
        page->showBackup(oldest); // nothing is loaded yet
        QVERIFY(finished.wait(20000));
        QCOMPARE(idsOf(page->selectedRows()), QStringList{ oldest });
        QCOMPARE(table(*page)->currentIndex().row(), 2);
        QTRY_COMPARE(details(*page)->backupId(), oldest);
    }

    void extendedSelectionGivesTheSelectedRows()
    {
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
        QSignalSpy changed(page.get(), &CatalogPage::selectionChanged);
        QCOMPARE(table(*page)->selectionMode(), QAbstractItemView::ExtendedSelection);
        const int height = table(*page)->rowHeight(0);
        QTest::mouseClick(table(*page)->viewport(), Qt::LeftButton, {}, QPoint(20, 2 * height + height / 2));
        QCOMPARE(changed.count(), 1);
        QTest::mouseClick(table(*page)->viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(20, height / 2));
        QCOMPARE(changed.count(), 2);
        // Newest first, whatever the table's order.
        const QStringList selected{ m_fixture->ids().at(2), m_fixture->ids().at(0) };
        QCOMPARE(idsOf(page->selectedRows()), selected);
        QCOMPARE(page->selectedRows().constFirst().repository, QStringLiteral("local"));
        QCOMPARE(page->selectedRows().constFirst().repositoryPath, m_fixture->repo());
        table(*page)->sortByColumn(BackupTableModel::Created, Qt::AscendingOrder);
        QCOMPARE(idsOf(page->selectedRows()), selected);
        table(*page)->selectAll();
        QCOMPARE(idsOf(page->selectedRows()), reversed(m_fixture->ids()));
    }

    void selectionSurvivesSortingAndFiltering()
    {
        auto page = openPage(m_fixture->workspacePath());
        table(*page)->selectAll();
        const QStringList all = reversed(m_fixture->ids());
        QSignalSpy changed(page.get(), &CatalogPage::selectionChanged);
        table(*page)->sortByColumn(BackupTableModel::Size, Qt::AscendingOrder);
        QCOMPARE(idsOf(page->selectedRows()), all);
        QCOMPARE(changed.count(), 0); // the same backups are selected
        QCOMPARE(table(*page)->selectionModel()->selectedRows().size(), 3); // and shown so

        // The filter hides the customers backup: it leaves the selection; the orders ones stay.
        QTest::keyClicks(filter(*page), QStringLiteral("orders"));
        QTRY_COMPARE(table(*page)->model()->rowCount(), 2);
        QCOMPARE(idsOf(page->selectedRows()), (QStringList{ m_fixture->ids().at(2), m_fixture->ids().at(0) }));
        QCOMPARE(changed.count(), 1);
        QVERIFY(table(*page)->currentIndex().isValid());
    }

    void selectionActionsGoToTheToolbarTheMenuAndTheKeyboard()
    {
        auto page = openPage(m_fixture->workspacePath());
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        auto *toolbar = page->findChild<QToolBar *>(QStringLiteral("selectionToolBar"));
        QVERIFY(!toolbar->isVisible());

        QAction verify(QStringLiteral("Verify"));
        verify.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
        QAction separator;
        separator.setSeparator(true);
        QAction copyId(QStringLiteral("Copy ID"));
        QStringList triggered;
        connect(&verify, &QAction::triggered, this, [&] { triggered << idsOf(page->selectedRows()); });
        page->addSelectionActions({ &verify, &separator, &copyId });

        QVERIFY(toolbar->isVisible());
        QCOMPARE(toolbar->actions(), (QList<QAction *>{ &verify, &separator, &copyId }));
        QCOMPARE(page->findChild<QMenu *>(QStringLiteral("catalogContextMenu"))->actions(), toolbar->actions());
        QVERIFY(page->actions().contains(&verify));
        QCOMPARE(verify.shortcutContext(), Qt::WidgetWithChildrenShortcut);

        table(*page)->setFocus();
        QTRY_VERIFY(table(*page)->hasFocus());
        QTest::keyClick(table(*page), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(triggered, QStringList{ m_fixture->ids().at(2) });

        auto *menu = page->findChild<QMenu *>(QStringLiteral("catalogContextMenu"));
        const QRect second = table(*page)->visualRect(table(*page)->model()->index(1, 0));
        Q_EMIT table(*page)->customContextMenuRequested(second.center());
        QTRY_VERIFY(menu->isVisible());
        menu->close();
    }

    void refreshShowsANewBackupAndKeepsTheSelection()
    {
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), int(m_fixture->ids().size()));
        const int before = int(m_fixture->ids().size());
        auto click = [&](int row, Qt::KeyboardModifiers modifiers) {
            QTest::mouseClick(table(*page)->viewport(), Qt::LeftButton, modifiers,
                table(*page)->visualRect(table(*page)->model()->index(row, 0)).center());
        };
        click(before - 1, {}); // the oldest
        click(0, Qt::ControlModifier); // and the newest
        const QStringList selected{ m_fixture->ids().last(), m_fixture->ids().first() };
        QCOMPARE(idsOf(page->selectedRows()), selected);
        const QString current = m_fixture->ids().last();
        QTRY_COMPARE(details(*page)->backupId(), current);

        QVERIFY(m_fixture->backup(m_fixture->customersDb(), QStringLiteral("customers")));
        QSignalSpy finished(page.get(), &CatalogPage::loadFinished);
        QSignalSpy changed(page.get(), &CatalogPage::selectionChanged);
        page->refresh();
        QVERIFY(finished.wait(20000));
        QCOMPARE(table(*page)->model()->rowCount(), before + 1);
        QCOMPARE(idsShown(*page).first(), m_fixture->ids().last());
        QCOMPARE(idsOf(page->selectedRows()), selected);
        QCOMPARE(details(*page)->backupId(), current);
        QVERIFY(changed.count() >= 1);
    }

    void headerMenuShowsAndHidesColumns()
    {
        auto page = openPage(m_fixture->workspacePath());
        QHeaderView *header = table(*page)->horizontalHeader();
        QVERIFY(header->isSectionHidden(BackupTableModel::Codec)); // shown on request only
        QVERIFY(!header->isSectionHidden(BackupTableModel::Verified));
        Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
        auto *menu = page->findChild<QMenu *>(QStringLiteral("columnMenu"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        const QList<QAction *> actions = menu->actions();
        QCOMPARE(actions.size(), int(BackupTableModel::ColumnCount));
        QCOMPARE(actions.at(BackupTableModel::Codec)->text(), QStringLiteral("Codec"));
        QVERIFY(!actions.at(BackupTableModel::Codec)->isChecked());
        actions.at(BackupTableModel::Codec)->trigger();
        QVERIFY(!header->isSectionHidden(BackupTableModel::Codec));
        actions.at(BackupTableModel::Tags)->trigger();
        QVERIFY(header->isSectionHidden(BackupTableModel::Tags));
        menu->close();
    }

    void columnLayoutAndSplitterAreRemembered()
    {
        int width = 0;
        QList<int> sizes;
        {
            auto page = openPage(m_fixture->workspacePath());
            QHeaderView *header = table(*page)->horizontalHeader();
            header->resizeSection(BackupTableModel::Tags, 321);
            header->moveSection(header->visualIndex(BackupTableModel::Id), 0);
            table(*page)->sortByColumn(BackupTableModel::Size, Qt::AscendingOrder);
            auto *splitter = page->findChild<QSplitter *>(QStringLiteral("catalogSplitter"));
            QTRY_VERIFY(splitter->handle(1)->isVisible()); // the user can drag it
            splitter->setSizes({ 400, 150 });
            sizes = splitter->sizes();
            width = header->sectionSize(BackupTableModel::Tags);
        }
        QCOMPARE(width, 321);
        {
            auto page = openPage(m_fixture->workspacePath());
            QHeaderView *header = table(*page)->horizontalHeader();
            QCOMPARE(header->sectionSize(BackupTableModel::Tags), 321);
            QCOMPARE(header->visualIndex(BackupTableModel::Id), 0);
            QCOMPARE(header->sortIndicatorSection(), int(BackupTableModel::Size));
            QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
            const auto *model = table(*page)->model();
            QVERIFY(model->index(0, BackupTableModel::Size).data(BackupTableModel::SortRole).toLongLong()
                <= model->index(2, BackupTableModel::Size).data(BackupTableModel::SortRole).toLongLong());
            QCOMPARE(page->findChild<QSplitter *>(QStringLiteral("catalogSplitter"))->sizes(), sizes);
        }
        QSettings().clear(); // later tests start from the default layout
    }
};

QTEST_MAIN(TstCatalogPage)
#include "tst_catalogpage.moc"
