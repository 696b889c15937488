// The main window as a user meets it: pages, actions, state kept between runs, and the whole
// path from an empty machine to a deleted backup — first run, back up from the toolbar, the job
// and the catalog row, filter, verify, pin, delete with confirmation.
#include "CatalogFixture.h"

#include "MainWindow.h"
#include "Page.h"
#include "RecentWorkspaces.h"
#include "Session.h"
#include "catalog/BackupTableModel.h"
#include "firstrun/FirstRunPage.h"
#include "jobs/Job.h"
#include "jobs/JobListModel.h"
#include "jobs/JobQueue.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"

#include <QAction>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

#include <memory>

using coffer::ui::MainWindow;

class TstMainWindow final : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogFixture> m_fixture;

    static QAction *action(MainWindow &window, const char *name)
    {
        return window.findChild<QAction *>(QString::fromLatin1(name));
    }
    static QTableView *backupTable(MainWindow &window)
    {
        return window.findChild<QTableView *>(QStringLiteral("backupTable"));
    }
    static QString cell(QTableView *table, int row, int column)
    {
        return table->model()->index(row, column).data().toString();
    }
    // The confirmation the window shows, once it is open.
    static QMessageBox *question(MainWindow &window)
    {
        QMessageBox *box = nullptr;
        return QTest::qWaitFor(
                   [&] { return (box = window.findChild<QMessageBox *>(QStringLiteral("question"))) != nullptr; }, 5000)
            ? box
            : nullptr;
    }
    static bool openAndWait(MainWindow &window, const QString &workspace)
    {
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(workspace);
        return loaded.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings then lives in a test folder
        QSettings().clear();
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
    }

    void navigationListsThePagesInOrder()
    {
        MainWindow window;
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QStringList titles;
        for (int i = 0; i < navigation->count(); ++i) {
            titles << navigation->item(i)->text();
            QVERIFY(!navigation->item(i)->icon().isNull());
        }
        QCOMPARE(titles,
            (QStringList{ QStringLiteral("Dashboard"), QStringLiteral("Catalog"), QStringLiteral("Jobs"),
                QStringLiteral("Storage"), QStringLiteral("Reports"), QStringLiteral("Audit"),
                QStringLiteral("Settings") }));
        // Ctrl+1…7 go to the pages.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Jobs"));
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Settings"));
        QCOMPARE(navigation->currentRow(), 6);
    }

    void opensTheWorkspaceAndListsItsBackups()
    {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, m_fixture->workspacePath()));
        QCOMPARE(window.windowTitle(), QStringLiteral("Coffer — workspace.yaml"));
        QVERIFY(!window.isShowingFirstRun());
        QCOMPARE(backupTable(window)->model()->rowCount(), 3);
        QVERIFY(coffer::ui::RecentWorkspaces::paths().contains(m_fixture->workspacePath()));
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent && !recent->actions().isEmpty());
        QCOMPARE(recent->actions().first()->text(), QDir::toNativeSeparators(m_fixture->workspacePath()));
        // The Back Up menu offers every database of the workspace.
        auto *backUpMenu = window.findChild<QMenu *>(QStringLiteral("backUpMenu"));
        QStringList databases;
        for (QAction *entry : backUpMenu->actions())
            if (!entry->data().toString().isEmpty())
                databases << entry->data().toString();
        QCOMPARE(databases, (QStringList{ QStringLiteral("orders"), QStringLiteral("customers") }));
    }

    void mainActionsHaveShortcutsIconsAndNames()
    {
        MainWindow window;
        for (const auto &[name, shortcut] : { std::pair{ "refreshAction", "F5" }, std::pair{ "backUpAction", "Ctrl+B" },
                 std::pair{ "verifyQuickAction", "Ctrl+Shift+V" }, std::pair{ "deleteAction", "Del" } }) {
            QAction *found = action(window, name);
            QVERIFY2(found, name);
            QCOMPARE(found->shortcut(), QKeySequence(QString::fromLatin1(shortcut)));
            QVERIFY2(!found->icon().isNull(), name);
        }
        for (const QString &name : { QStringLiteral("navigation"), QStringLiteral("backupTable"),
                 QStringLiteral("filterEdit"), QStringLiteral("mainToolBar") }) {
            auto *widget = window.findChild<QWidget *>(name);
            QVERIFY2(widget && !widget->accessibleName().isEmpty(), qPrintable(name));
        }
    }

    void refreshReloadsTheWorkspace()
    {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, m_fixture->workspacePath()));
        const int before = backupTable(window)->model()->rowCount();
        QVERIFY(m_fixture->backup(m_fixture->ordersDb(), QStringLiteral("orders")));
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        action(window, "refreshAction")->trigger();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(backupTable(window)->model()->rowCount(), before + 1);
    }

    void remembersTheLastPageAndGeometry()
    {
        {
            MainWindow window;
            window.resize(1200, 760);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(window.pages().at(3));
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.currentPage()->title(), QStringLiteral("Storage"));
        QCOMPARE(again.size(), QSize(1200, 760));
    }

    void fromFirstRunToADeletedBackup()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString database = dir.filePath(QStringLiteral("shop.db"));
        QVERIFY(testsupport::makeSampleDatabase(database, 400));
        const QString workspace = dir.filePath(QStringLiteral("config/workspace.yaml"));

        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(openAndWait(window, workspace));
        QVERIFY(window.isShowingFirstRun());

        // First run: drop the database on the page, create the workspace and its repository.
        auto *firstRun = window.findChild<coffer::ui::FirstRunPage *>();
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(database) });
        QDragEnterEvent enter(firstRun->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(firstRun, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(firstRun->rect().center()), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(firstRun, &drop);
        auto *create = firstRun->findChild<QPushButton *>(QStringLiteral("createButton"));
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QVERIFY(!window.isShowingFirstRun());
        QVERIFY(QFile::exists(workspace));
        const QString repository = dir.filePath(QStringLiteral("config/coffer-backups"));
        QVERIFY(QFile::exists(repository + QStringLiteral("/coffer-repo.json")));

        // Back up from the toolbar; the job shows up with progress, then in the history.
        coffer::JobQueue *jobs = window.session()->jobs();
        QSignalSpy progress(jobs, &coffer::JobQueue::jobAdded);
        QAction *backUp = action(window, "backUpAction");
        QVERIFY(backUp->isEnabled());
        backUp->trigger();
        QCOMPARE(jobs->pendingCount(), 1);
        auto *jobCount = window.findChild<QLabel *>(QStringLiteral("jobCountLabel"));
        QVERIFY(jobCount);
        QVERIFY2(
            jobCount->text().contains(QLatin1String("running")) || jobCount->text().contains(QLatin1String("queued")),
            qPrintable(jobCount->text()));
        QSignalSpy phases(jobs->jobs().first().get(), &coffer::Job::progress);
        auto *history = window.findChild<QTableView *>(QStringLiteral("historyTable"));
        QVERIFY(history);
        QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 1, 30000);
        QCOMPARE(history->model()->index(0, coffer::ui::JobListModel::Title).data().toString(),
            jobs->jobs().first()->title());
        QVERIFY2(jobs->jobs().first()->state() == coffer::Job::State::Succeeded,
            qPrintable(jobs->jobs().first()->error().toString()));
        QVERIFY(!phases.isEmpty());

        // The new backup appears in the catalog.
        QTableView *table = backupTable(window);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 20000);
        QCOMPARE(cell(table, 0, coffer::ui::BackupTableModel::Database), QStringLiteral("shop"));
        const QString id = table->model()->index(0, 0).data(coffer::ui::BackupTableModel::BackupIdRole).toString();

        // Filter: text that matches nothing hides it; clearing shows it again.
        window.showPage(window.pages().at(1));
        auto *filter = window.pages().at(1)->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QTest::keyClicks(filter, QStringLiteral("no-such-backup"));
        QTRY_COMPARE(table->model()->rowCount(), 0);
        filter->clear();
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);

        // Verify (quick) from the toolbar: the outcome is in the table.
        QAction *verify = action(window, "verifyQuickAction");
        QTRY_VERIFY(verify->isEnabled());
        verify->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(table, 0, coffer::ui::BackupTableModel::Verified).startsWith(QLatin1String("ok")), 30000);

        // Pin: the catalog says so, and Delete refuses a pinned backup without asking.
        table->selectRow(0);
        QTRY_VERIFY(action(window, "pinAction")->isEnabled());
        action(window, "pinAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!cell(table, 0, coffer::ui::BackupTableModel::Pinned).isEmpty(), 30000);
        table->selectRow(0);
        QTRY_VERIFY(action(window, "unpinAction")->isEnabled());
        action(window, "unpinAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(cell(table, 0, coffer::ui::BackupTableModel::Pinned).isEmpty(), 30000);

        // Delete asks, naming the backup; Cancel keeps it.
        table->selectRow(0);
        QTRY_VERIFY(action(window, "deleteAction")->isEnabled());
        action(window, "deleteAction")->trigger();
        QMessageBox *box = question(window);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QLatin1String("shop")) || box->informativeText().contains(QLatin1String("shop"))
                || box->detailedText().contains(id.left(8)),
            qPrintable(box->text()));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("question")));
        QCOMPARE(table->model()->rowCount(), 1);

        // …and Delete, confirmed, removes the backup: row, artifact and manifest.
        auto opened = coffer::Repository::open(repository);
        COFFER_VERIFY_OK(opened);
        auto catalog = coffer::Catalog::open(*opened);
        COFFER_VERIFY_OK(catalog);
        const auto entry = catalog->backup(id);
        COFFER_VERIFY_OK(entry);
        QVERIFY(QFile::exists(entry->artifactPath));
        table->selectRow(0);
        action(window, "deleteAction")->trigger();
        box = question(window);
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("acceptButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            jobs->pendingCount() == 0 && jobs->jobs().last()->kind() == QLatin1String("delete"), 30000);
        QVERIFY2(jobs->jobs().last()->state() == coffer::Job::State::Succeeded,
            qPrintable(jobs->jobs().last()->error().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 0, 30000);
        QVERIFY(!QFile::exists(entry->artifactPath));
        QVERIFY(!QFile::exists(entry->manifestPath));
    }

    void grabProducesTheWindowImage()
    {
        MainWindow window;
        window.resize(1100, 650);
        window.show();
        QVERIFY(openAndWait(window, m_fixture->workspacePath()));
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1100, 650) * window.devicePixelRatio());
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
