// The catalog page over real backups: listing, order, filter, details, problems, empty state.
#include "CatalogFixture.h"

#include "Session.h"
#include "catalog/BackupDetailsView.h"
#include "catalog/BackupTableModel.h"
#include "catalog/CatalogLoader.h"
#include "catalog/CatalogPage.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include <algorithm>
#include <memory>

using coffer::ui::BackupTableModel;
using coffer::ui::CatalogPage;
using coffer::ui::MessageBar;

class TstCatalogPage final : public QObject
{
    Q_OBJECT

private:
    // A page showing `workspace`, shown on screen, after its first load finished.
    std::unique_ptr<CatalogPage> openPage(const QString &workspace)
    {
        auto *session = new coffer::ui::Session;
        auto page = std::make_unique<CatalogPage>(session);
        session->setParent(page.get());
        page->resize(1000, 600);
        page->show();
        QSignalSpy finished(page.get(), &CatalogPage::loadFinished);
        session->openWorkspace(workspace);
        if (!finished.wait(20000))
            qWarning("the catalog did not finish loading");
        return page;
    }
    static QTableView *table(CatalogPage &page) { return page.findChild<QTableView *>(QStringLiteral("backupTable")); }
    static QLineEdit *filter(CatalogPage &page) { return page.findChild<QLineEdit *>(QStringLiteral("filterEdit")); }
    static MessageBar *messageBar(CatalogPage &page)
    {
        return page.findChild<MessageBar *>(QStringLiteral("messageBar"));
    }
    static QStringList idsShown(CatalogPage &page)
    {
        QStringList ids;
        const QAbstractItemModel *model = table(page)->model();
        for (int row = 0; row < model->rowCount(); ++row)
            ids << model->index(row, 0).data(BackupTableModel::BackupIdRole).toString();
        return ids;
    }
    static QStringList reversed(QStringList list)
    {
        std::reverse(list.begin(), list.end());
        return list;
    }

    std::unique_ptr<CatalogFixture> m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        QCOMPARE(m_fixture->ids().size(), 3);
    }

    void modelPassesModelTester()
    {
        const auto loaded = coffer::ui::CatalogLoader::loadNow(m_fixture->workspacePath());
        QVERIFY(!loaded.workspaceError);
        QCOMPARE(loaded.rows.size(), 3);

        BackupTableModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(BackupTableModel::SortRole);
        proxy.setFilterRole(BackupTableModel::FilterRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        model.setEntries(loaded.rows);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(BackupTableModel::ColumnCount));
        for (int column = 0; column < BackupTableModel::ColumnCount; ++column)
            proxy.sort(column, column % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        proxy.setFilterFixedString(QStringLiteral("NIGHTLY"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString({});
        model.setEntries({});
        QCOMPARE(proxy.rowCount(), 0);
        model.setEntries(loaded.rows);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void modelShowsReadableValuesAndSortsByRawOnes()
    {
        const auto loaded = coffer::ui::CatalogLoader::loadNow(m_fixture->workspacePath());
        BackupTableModel model;
        model.setEntries(loaded.rows);
        const coffer::Manifest &newest = loaded.rows.constFirst().entry.manifest;
        QCOMPARE(newest.id, m_fixture->ids().last());

        const QModelIndex size = model.index(0, BackupTableModel::Size);
        QCOMPARE(size.data(BackupTableModel::SortRole).toLongLong(), newest.artifactSize);
        QVERIFY2(size.data().toString().contains(QStringLiteral("B")), qPrintable(size.data().toString()));
        QVERIFY(size.data().toString() != QString::number(newest.artifactSize));

        const QModelIndex created = model.index(0, BackupTableModel::Created);
        QCOMPARE(
            created.data().toString(), newest.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(created.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("UTC")));
        QCOMPARE(created.data(BackupTableModel::SortRole).toLongLong(), newest.created.toMSecsSinceEpoch());

        QCOMPARE(model.index(0, BackupTableModel::Id).data().toString(), newest.shortId());
        QCOMPARE(model.index(0, BackupTableModel::Id).data(Qt::ToolTipRole).toString(), newest.id);
        QCOMPARE(model.index(0, BackupTableModel::Codec).data().toString(), QStringLiteral("gzip 6"));
        QCOMPARE(model.index(0, BackupTableModel::Verified).data().toString(), QStringLiteral("never"));
        QCOMPARE(model.index(0, BackupTableModel::Repository).data().toString(), QStringLiteral("local"));
        QCOMPARE(model.headerData(BackupTableModel::DatabaseSize, Qt::Horizontal).toString(),
            QStringLiteral("Database size"));
    }

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
        table(*page)->sortByColumn(BackupTableModel::Size, Qt::DescendingOrder);
        QVERIFY(table(*page)->model()->index(0, BackupTableModel::Size).data(BackupTableModel::SortRole).toLongLong()
            >= table(*page)->model()->index(2, BackupTableModel::Size).data(BackupTableModel::SortRole).toLongLong());
        QVERIFY(!messageBar(*page)->isVisible());
        QCOMPARE(page->findChild<QStackedWidget *>()->currentWidget(), table(*page));
        QVERIFY2(page->statusText().startsWith(QStringLiteral("3 ")), qPrintable(page->statusText()));
    }

    void filterNarrowsTheRows_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // indexes into ids(), newest first
        QTest::newRow("database") << QStringLiteral("CUSTOM") << QStringList{ QStringLiteral("1") };
        QTest::newRow("tag") << QStringLiteral("nightly") << QStringList{ QStringLiteral("1") };
        QTest::newRow("codec") << QStringLiteral("gzip") << QStringList{ QStringLiteral("2") };
        QTest::newRow("nothing") << QStringLiteral("no-such-backup") << QStringList{};
    }

    void filterNarrowsTheRows()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
        QTest::keyClicks(filter(*page), text);
        QStringList expectedIds;
        for (const QString &index : expected)
            expectedIds << m_fixture->ids().at(index.toInt());
        QTRY_COMPARE(idsShown(*page), expectedIds);
        filter(*page)->clear();
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
    }

    void filterMatchesAFullIdTheTableOnlyAbbreviates()
    {
        auto page = openPage(m_fixture->workspacePath());
        const QString oldest = m_fixture->ids().first();
        QTest::keyClicks(filter(*page), oldest.mid(10, 12)); // beyond the 8 characters shown
        QTRY_COMPARE(idsShown(*page), QStringList{ oldest });
    }

    void ctrlFFocusesTheFilter()
    {
        auto page = openPage(m_fixture->workspacePath());
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        table(*page)->setFocus();
        QTRY_VERIFY(table(*page)->hasFocus());
        QTest::keyClick(table(*page), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter(*page)->hasFocus());
        QCOMPARE(filter(*page)->placeholderText(), QStringLiteral("Filter by database, ID or tag"));
    }

    void selectingARowShowsItsDetails()
    {
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), 3);
        auto *details = page->findChild<coffer::ui::BackupDetailsView *>();
        QVERIFY(details);
        // The newest backup is selected after loading.
        QTRY_COMPARE(details->backupId(), m_fixture->ids().at(2));

        table(*page)->selectRow(1); // customers, the second newest
        const QString id = m_fixture->ids().at(1);
        QTRY_COMPARE(details->backupId(), id);
        const QString text = details->toPlainText();
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
        QVERIFY(!page->findChild<coffer::ui::BackupDetailsView *>()->isVisible());
        QVERIFY(!messageBar(*page)->isVisible());
    }

    void refreshShowsANewBackupAndKeepsTheSelection()
    {
        auto page = openPage(m_fixture->workspacePath());
        QTRY_COMPARE(table(*page)->model()->rowCount(), int(m_fixture->ids().size()));
        const int before = int(m_fixture->ids().size());
        table(*page)->selectRow(before - 1); // the oldest
        const QString selected = m_fixture->ids().first();
        auto *details = page->findChild<coffer::ui::BackupDetailsView *>();
        QTRY_COMPARE(details->backupId(), selected);

        QVERIFY(m_fixture->backup(m_fixture->customersDb(), QStringLiteral("customers")));
        QSignalSpy finished(page.get(), &CatalogPage::loadFinished);
        page->refresh();
        QVERIFY(finished.wait(20000));
        QCOMPARE(table(*page)->model()->rowCount(), before + 1);
        QCOMPARE(idsShown(*page).first(), m_fixture->ids().last());
        QCOMPARE(details->backupId(), selected);
    }
};

QTEST_MAIN(TstCatalogPage)
#include "tst_catalogpage.moc"
