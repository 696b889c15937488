// Job notifications: a job that ends while the user is in another window is announced in the
// main window's status bar (and the tray, where there is one); not while the window or one of
// its dialogs is active.
#include "TestSupport.h"

#include "Session.h"
#include "backup/BackupJob.h"
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
};

QTEST_MAIN(TstJobNotifier)
#include "tst_jobnotifier.moc"
