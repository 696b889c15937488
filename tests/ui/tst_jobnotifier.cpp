// Job notifications: a job that ends while the user is in another window is announced in the
// main window's status bar (and the tray, where there is one); not while the window or one of
// its dialogs is active. A restore drill that fails is told by its failed checks, once: not to a
// user watching the window, where the page that started it says so. (Scheduled rounds:
// tst_consolescheduler.)
#include "TestSupport.h"

#include "Session.h"
#include "backup/BackupJob.h"
#include "backup/BackupPipeline.h"
#include "drill/DrillJob.h"
#include "jobs/JobNotifier.h"
#include "jobs/JobQueue.h"

#include <QApplication>
#include <QDialog>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>
#include <QtTest>

#include <memory>

using coffer::ui::JobNotifier;

namespace {

constexpr int kTimeoutMs = 20000;

std::shared_ptr<coffer::BackupJob> backupJob(const QString &repository, const QString &source, const QString &name)
{
    coffer::BackupParams params;
    params.repositoryPath = repository;
    params.sourcePath = source;
    params.database = name;
    return std::make_shared<coffer::BackupJob>(params);
}

} // namespace

class TstJobNotifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void announcesJobsThatEndWhileTheWindowIsInactive()
    {
        testsupport::TempRepository temp;
        QVERIFY(temp.isValid());
        const QString db = temp.path(QStringLiteral("orders.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 500));

        QMainWindow window;
        window.setWindowTitle(QStringLiteral("Coffer"));
        auto *session = new coffer::ui::Session(&window);
        auto *notifier = new JobNotifier(session, &window);
        QCOMPARE(notifier->parent(), &window);
        QSignalSpy notified(notifier, &JobNotifier::notified);
        window.resize(800, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The user works in another window.
        QWidget elsewhere;
        elsewhere.resize(300, 200);
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        QVERIFY(!window.isActiveWindow());

        // A failure names the job and says why.
        auto failing
            = session->submit(backupJob(temp.repo(), temp.path(QStringLiteral("nope.db")), QStringLiteral("nope")));
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, kTimeoutMs);
        const QString failure = notified.at(0).at(0).toString();
        QVERIFY(!failing->error().message.isEmpty());
        QCOMPARE(failure, QStringLiteral("“Back up nope” failed: %1").arg(failing->error().message));
        QCOMPARE(notified.at(0).at(1).toBool(), true);
        QCOMPARE(window.statusBar()->currentMessage(), failure);

        // A success.
        session->submit(backupJob(temp.repo(), db, QStringLiteral("orders")));
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 2, kTimeoutMs);
        QCOMPARE(notified.at(1).at(0).toString(), QStringLiteral("“Back up orders” finished"));
        QCOMPARE(notified.at(1).at(1).toBool(), false);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("“Back up orders” finished"));

        // A job cancelled before it ran is no failure.
        auto cancelled = backupJob(temp.repo(), db, QStringLiteral("later"));
        cancelled->cancel();
        session->submit(cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 3, kTimeoutMs);
        QCOMPARE(notified.at(2).at(0).toString(), QStringLiteral("“Back up later” was cancelled"));
        QCOMPARE(notified.at(2).at(1).toBool(), false);

        // While the user looks at the window, the window itself shows the job end: no notification.
        window.statusBar()->clearMessage();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy finished(session->jobs(), &coffer::JobQueue::jobFinished);
        session->submit(backupJob(temp.repo(), temp.path(QStringLiteral("gone.db")), QStringLiteral("gone")));
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(notified.size(), 3);
        QVERIFY(window.statusBar()->currentMessage().isEmpty());

        // Nor while one of its dialogs is in front.
        QDialog dialog(&window);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        session->submit(backupJob(temp.repo(), temp.path(QStringLiteral("gone.db")), QStringLiteral("gone")));
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(notified.size(), 3);

        // Back in another window, the next one is announced again.
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        session->submit(backupJob(temp.repo(), temp.path(QStringLiteral("gone.db")), QStringLiteral("gone")));
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 4, kTimeoutMs);
    }

    void failedDrillIsToldOnceToAUserElsewhere()
    {
        testsupport::TempRepository temp;
        QVERIFY(temp.isValid());
        const QString db = temp.path(QStringLiteral("orders.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 50));
        coffer::BackupParams backup;
        backup.repositoryPath = temp.repo();
        backup.sourcePath = db;
        backup.database = QStringLiteral("orders");
        const coffer::CancelFlag cancel{ false };
        const auto made = coffer::BackupPipeline::run(backup, cancel, {});
        COFFER_VERIFY_OK(made);
        auto workspace
            = coffer::Workspace::parse(QStringLiteral("databases:\n  orders:\n    path: %1\n    smoke_queries:\n"
                                                      "      - {sql: SELECT count(*) FROM orders, expect: \"= 999\"}\n")
                                           .arg(db)
                                           .toUtf8(),
                temp.path(QStringLiteral("workspace.yaml")));
        COFFER_VERIFY_OK(workspace);

        QMainWindow window;
        auto *session = new coffer::ui::Session(&window);
        auto *notifier = new JobNotifier(session, &window);
        QSignalSpy notified(notifier, &JobNotifier::notified);
        window.resize(800, 500);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        coffer::DrillParams params;
        params.repositoryPath = temp.repo();
        params.ids = { made->manifest.id };
        params.workspace = *workspace;
        QSignalSpy finished(session->jobs(), &coffer::JobQueue::jobFinished);
        // Watched: the page that started the drill shows how it went; the notifier adds nothing.
        auto watchedDrill = std::make_shared<coffer::DrillJob>(params);
        session->submit(watchedDrill);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(watchedDrill->state(), coffer::Job::State::Succeeded); // it ran; the backup failed its drill
        QVERIFY(!watchedDrill->outcomes().first().ok());
        QCOMPARE(notified.size(), 0);
        QVERIFY(window.statusBar()->currentMessage().isEmpty());

        // The user works elsewhere: the failed checks are told.
        QWidget elsewhere;
        elsewhere.resize(300, 200);
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        auto drill = std::make_shared<coffer::DrillJob>(params);
        session->submit(drill);
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, kTimeoutMs);
        QCOMPARE(drill->state(), coffer::Job::State::Succeeded);
        const QString text = notified.at(0).at(0).toString();
        QVERIFY2(
            text.startsWith(
                QStringLiteral("Restore drill of orders (%1) failed: smoke_query: ").arg(made->manifest.shortId())),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("= 999")), qPrintable(text));
        QCOMPARE(notified.at(0).at(1).toBool(), true);
        QCOMPARE(window.statusBar()->currentMessage(), text);

        // A drill that passes is no news to someone watching.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        params.workspace
            = *coffer::Workspace::parse(QStringLiteral("databases:\n  orders:\n    path: %1\n").arg(db).toUtf8(),
                temp.path(QStringLiteral("w.yaml")));
        auto passing = std::make_shared<coffer::DrillJob>(params);
        session->submit(passing);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(passing->outcomes().size(), 1);
        QVERIFY(passing->outcomes().first().ok());
        QCOMPARE(notified.size(), 1);
    }
};

QTEST_MAIN(TstJobNotifier)
#include "tst_jobnotifier.moc"
