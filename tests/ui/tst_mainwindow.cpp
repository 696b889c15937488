// The main window over a real workspace: title, pages, actions, status bar, screenshot.
#include "CatalogFixture.h"

#include "MainWindow.h"
#include "Page.h"

#include <QAction>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QtTest>

#include <memory>

using coffer::ui::MainWindow;

class TstMainWindow final : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogFixture> m_fixture;

    static QAction *action(MainWindow &window, const QString &shortcut)
    {
        const auto actions = window.findChildren<QAction *>();
        for (QAction *candidate : actions)
            if (candidate->shortcut() == QKeySequence(shortcut))
                return candidate;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
    }

    void opensTheWorkspaceAndListsItsBackups()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(m_fixture->workspacePath());
        QCOMPARE(window.windowTitle(), QStringLiteral("Coffer — workspace.yaml"));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.count(), 1);

        auto *table = window.findChild<QTableView *>(QStringLiteral("backupTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 3);
        const QString status = window.findChild<QLabel *>(QStringLiteral("statusText"))->text();
        QVERIFY2(status.startsWith(QStringLiteral("3 backup")) && status.contains(QStringLiteral("1 repositor")),
                 qPrintable(status));
    }

    void navigationListsThePages()
    {
        MainWindow window;
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), 1);
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Catalog"));
        QCOMPARE(navigation->currentRow(), 0);
        QVERIFY(window.currentPage());
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Catalog"));
        QVERIFY(!navigation->item(0)->icon().isNull());
    }

    void mainActionsHaveShortcutsIconsAndNames()
    {
        MainWindow window;
        QAction *refresh = action(window, QStringLiteral("F5"));
        QVERIFY(refresh);
        QVERIFY(!refresh->icon().isNull());
        QVERIFY(action(window, QStringLiteral("Ctrl+O")));
        QVERIFY(action(window, QStringLiteral("Ctrl+Q")));
        for (const QString &name : {QStringLiteral("navigation"), QStringLiteral("backupTable"),
                                    QStringLiteral("filterEdit"), QStringLiteral("backupDetails")}) {
            auto *widget = window.findChild<QWidget *>(name);
            QVERIFY2(widget && !widget->accessibleName().isEmpty(), qPrintable(name));
        }
    }

    void refreshReloadsTheWorkspace()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(m_fixture->workspacePath());
        QVERIFY(loaded.wait(20000));
        auto *table = window.findChild<QTableView *>(QStringLiteral("backupTable"));
        const int before = table->model()->rowCount();

        QVERIFY(m_fixture->backup(m_fixture->ordersDb(), QStringLiteral("orders")));
        action(window, QStringLiteral("F5"))->trigger();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(table->model()->rowCount(), before + 1);
    }

    void grabProducesTheWindowImage()
    {
        MainWindow window;
        window.resize(1100, 650);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(m_fixture->workspacePath());
        QVERIFY(loaded.wait(20000));

        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1100, 650) * window.devicePixelRatio());
        // Not a blank picture: the table, text and icons give it many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
