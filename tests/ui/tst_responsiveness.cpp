// The console stays responsive while a backup of a large database runs: the backup is started
// from the toolbar like a user would, and a timer on the GUI thread measures how late it fires.
#include "TestSupport.h"

#include "MainWindow.h"
#include "Page.h"
#include "Session.h"
#include "jobs/Job.h"
#include "jobs/JobQueue.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QtTest>

using coffer::ui::MainWindow;

class TstResponsiveness final : public QObject
{
    Q_OBJECT

    static constexpr int kTickMs = 10;
    static constexpr qint64 kAllowedLatenessMs = 100;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void guiThreadIsNeverHeldDuringABackup()
    {
        testsupport::TempRepository repo;
        QVERIFY(repo.isValid());
        // About 384 MiB, half of it compressible: the backup takes seconds, not milliseconds.
        const QString database = repo.path(QStringLiteral("large.db"));
        QVERIFY(testsupport::makeSampleDatabase(database, 100));
        testsupport::sqlite(database,
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 49152) INSERT INTO blobs(data) SELECT "
                           "randomblob(4096) || zeroblob(4096) FROM n"));
        QVERIFY2(
            QFileInfo(database).size() > 350 * 1024 * 1024, qPrintable(QString::number(QFileInfo(database).size())));

        const QString workspace = repo.path(QStringLiteral("workspace.yaml"));
        QFile file(workspace);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("repositories:\n  - name: local\n    path: %1\ndatabases:\n  - name: large\n    path: %2\n")
                .arg(repo.repo(), database)
                .toUtf8());
        file.close();

        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(workspace);
        QVERIFY(loaded.wait(20000));

        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        int ticks = 0;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(kTickMs);
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last - kTickMs);
            last = now;
            ++ticks;
        });

        coffer::JobQueue *jobs = window.session()->jobs();
        QSignalSpy finished(jobs, &coffer::JobQueue::jobFinished);
        QAction *backUp = window.findChild<QAction *>(QStringLiteral("backUpAction"));
        QVERIFY(backUp && backUp->isEnabled());
        clock.start();
        timer.start();
        backUp->trigger();
        QCOMPARE(jobs->pendingCount(), 1);
        QVERIFY(finished.wait(240000));
        // The pages reload after the job (the catalog shows the new backup): that counts too.
        auto *table = window.findChild<QTableView *>(QStringLiteral("backupTable"));
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 20000);
        const auto pages = window.pages();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::none_of(pages.cbegin(), pages.cend(), [](const coffer::ui::Page *page) { return page->isLoading(); }),
            20000);
        timer.stop();

        const auto all = jobs->jobs();
        QCOMPARE(all.size(), 1);
        QVERIFY2(all.first()->state() == coffer::Job::State::Succeeded, qPrintable(all.first()->error().toString()));
        const qint64 duration = clock.elapsed();
        qInfo("backup and reload took %lld ms; %d ticks; the timer was at most %lld ms late", duration, ticks, worst);
        QVERIFY2(duration > 1000, "the backup was too short to say anything about responsiveness");
        QVERIFY2(
            worst <= kAllowedLatenessMs, qPrintable(QStringLiteral("the GUI thread was held for %1 ms").arg(worst)));
    }
};

QTEST_MAIN(TstResponsiveness)
#include "tst_responsiveness.moc"
