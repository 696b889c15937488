// A picture of every page of the console at 1280x800, saved into <build>/screenshots/ for people
// to look at (docs/screenshots/ holds the chosen ones). COFFER_SCREENSHOT_WORKSPACE points it at
// another workspace, e.g. the demo's: the fixture's is small. The console's scheduler is off: a
// picture of the demo must not back up, prune or drill anything, nor list a round on the Jobs page.
#include "CatalogFixture.h"

#include "MainWindow.h"
#include "Page.h"
#include "Session.h"
#include "jobs/JobQueue.h"
#include "reports/ReportsPage.h"
#include "reports/VerificationRunPanel.h"
#include "repository/Catalog.h"
#include "schedule/ConsoleScheduler.h"
#include "schedule/ScheduledRunJob.h"
#include "verify/VerifyJob.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using coffer::ui::MainWindow;

class TstScreenshots final : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogFixture> m_fixture;
    QString m_workspace;

    static int colourCount(const QImage &image)
    {
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        return int(colours.size());
    }

    // The reports page with a run's result on it: a full verification, one backup of the fixture
    // corrupted so that a failure and its checks show.
    void runVerification(coffer::ui::ReportsPage &page)
    {
        if (m_fixture) {
            auto repository = coffer::Repository::open(m_fixture->repo());
            QVERIFY(repository.has_value());
            auto catalog = coffer::Catalog::open(*repository);
            QVERIFY(catalog.has_value());
            auto entry = catalog->backup(m_fixture->ids().at(1));
            QVERIFY(entry.has_value());
            QVERIFY(testsupport::flipByte(entry->artifactPath, -10));
        }
        const qsizetype before = page.report().rows.size();
        QSignalSpy finished(page.runPanel(), &coffer::ui::VerificationRunPanel::runFinished);
        page.verifyAll(coffer::VerifyLevel::Full);
        QVERIFY(finished.wait(60000));
        // The history below reloads from the catalog, which now holds the run.
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.report().rows.size() > before, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_workspace = qEnvironmentVariable("COFFER_SCREENSHOT_WORKSPACE");
        if (!m_workspace.isEmpty())
            return;
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        // Something to show on the dashboard, the reports and the audit trail: verified backups.
        coffer::VerifyParams params;
        params.repositoryPath = m_fixture->repo();
        params.all = true;
        const coffer::CancelFlag cancel{ false };
        COFFER_VERIFY_OK(coffer::VerifyJob::verifyAll(params, cancel, {}));
        m_workspace = m_fixture->workspacePath();
    }

    void everyPage()
    {
        const QString folder
            = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../screenshots"));
        QVERIFY(QDir().mkpath(folder));
        MainWindow window;
        // Off before the workspace opens (remembered only in the test mode's settings).
        auto *scheduler = window.findChild<coffer::ui::ConsoleScheduler *>();
        QVERIFY(scheduler);
        scheduler->setEnabled(false);
        window.resize(1280, 800);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(m_workspace);
        QVERIFY(loaded.wait(30000));
        QVERIFY(!window.isShowingFirstRun());

        const auto pages = window.pages();
        QCOMPARE(pages.size(), 7);
        for (coffer::ui::Page *page : pages) {
            window.showPage(page);
            QCOMPARE(window.currentPage(), page);
            QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 20000);
            if (auto *reports = qobject_cast<coffer::ui::ReportsPage *>(page))
                runVerification(*reports);
            QCoreApplication::processEvents(); // the views lay themselves out in posted events
            const QImage image = window.grab().toImage();
            QCOMPARE(image.size(), QSize(1280, 800) * window.devicePixelRatio());
            const QString file = QDir(folder).absoluteFilePath(page->objectName() + QStringLiteral(".png"));
            QVERIFY2(image.save(file, "PNG"), qPrintable(file));
            // Not a blank page: text, icons and tables give a picture many colours.
            QVERIFY2(colourCount(image) > 40, qPrintable(page->objectName()));
        }
        QVERIFY(!scheduler->tick());
        for (const auto &job : window.session()->jobs()->jobs())
            QVERIFY2(!qobject_cast<coffer::ScheduledRunJob *>(job.get()), qPrintable(job->title()));
        qInfo("screenshots saved in %s", qPrintable(folder));
    }
};

QTEST_MAIN(TstScreenshots)
#include "tst_screenshots.moc"
