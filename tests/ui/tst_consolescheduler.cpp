// The console's scheduler on a real session over a real workspace, database and repository: its
// first round backs up a scheduled database that was never backed up (trigger "scheduled"), the
// next look finds nothing due and submits nothing, pausing stops it, a workspace without schedules
// gets nothing, and a backup that fails is told through JobNotifier. While a real coffer-cli
// run-due holds the workspace's run lock it submits nothing (told once past an hour); another
// workspace opened cancels the old one's round, whose failure then pauses nothing. The scheduler's
// intervals are shortened (setStartDelay, setInterval); its state folder (XDG_STATE_HOME) and
// settings are the test's.
#include "SqliteShell.h"
#include "TestSupport.h"

#include "MainWindow.h"
#include "Session.h"
#include "catalog/CatalogLoader.h"
#include "jobs/JobListModel.h"
#include "jobs/JobNotifier.h"
#include "jobs/JobQueue.h"
#include "schedule/ConsoleScheduler.h"
#include "schedule/ScheduledRunJob.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using coffer::ScheduledRunJob;
using coffer::ui::ConsoleScheduler;
using coffer::ui::JobNotifier;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 30000;

// A repository, the sample database `orders` (never backed up) and a workspace listing both.
class Scene final
{
public:
    // `schedules`: the workspace's `schedules:` block, or nothing; `databasePath`: where orders
    // is said to be (default: the sample database).
    explicit Scene(const QString &schedules, const QString &databasePath = {})
    {
        m_ok = m_temp.isValid() && testsupport::makeSampleDatabase(m_temp.path(u"orders.db"_s), 200);
        QString yaml = QStringLiteral("repositories:\n  - name: local\n    path: %1\n    default: true\n"
                                      "databases:\n  - name: orders\n    path: %2\n")
                           .arg(m_temp.repo(), databasePath.isEmpty() ? m_temp.path(u"orders.db"_s) : databasePath);
        yaml += schedules;
        QFile out(workspacePath());
        m_ok = m_ok && out.open(QIODevice::WriteOnly) && out.write(yaml.toUtf8()) == yaml.toUtf8().size();
    }

    bool isValid() const { return m_ok; }
    QString workspacePath() const { return m_temp.path(u"workspace.yaml"_s); }
    QString repo() const { return m_temp.repo(); }
    QString path(const QString &name) const { return m_temp.path(name); }
    // The backups in the repository, as the catalog page would list them.
    QList<coffer::ui::BackupRow> backups() const { return coffer::ui::CatalogLoader::loadNow(workspacePath()).rows; }

private:
    testsupport::TempRepository m_temp;
    bool m_ok = false;
};

const QString kEveryDay = u"schedules:\n  databases:\n    orders:\n      backup: {interval_hours: 24}\n"_s;

// Another writer of a repository, as a prune or a delete is: while it runs, the queue holds back
// every job that writes there (a round among them). It ends when released.
class RepositoryWriter final : public coffer::Job
{
public:
    explicit RepositoryWriter(const QString &repository)
        : m_repository(repository)
    {
    }
    QString kind() const override { return u"test"_s; }
    QString title() const override { return u"Write to the repository"_s; }
    QString exclusiveKey() const override { return repositoryKey(m_repository); }
    void release() { m_released.release(); }

protected:
    coffer::Result<void> execute() override
    {
        m_released.acquire();
        return {};
    }

private:
    const QString m_repository;
    QSemaphore m_released;
};

// The console's parts the scheduler works with: a window (for the notifier), its session and notifier.
struct Console {
    QMainWindow window;
    coffer::ui::Session *session = new coffer::ui::Session(&window);
    JobNotifier *notifier = new JobNotifier(session, &window);
    ConsoleScheduler *scheduler = nullptr;
    QList<ScheduledRunJob *> finished; // the rounds that ended, in order

    Console()
    {
        window.setWindowTitle(u"Coffer"_s);
        window.resize(700, 400);
        scheduler = new ConsoleScheduler(session, &window);
        notifier->watch(scheduler);
        scheduler->setStartDelay(0);
        scheduler->setInterval(150);
        QObject::connect(scheduler, &ConsoleScheduler::roundFinished, &window,
            [this](ScheduledRunJob *round) { finished << round; });
    }
    bool open(const QString &workspace)
    {
        QSignalSpy loaded(session, &coffer::ui::Session::workspaceChanged);
        session->openWorkspace(workspace);
        return loaded.wait(kTimeoutMs) && session->workspace().has_value();
    }
};

} // namespace

class TstConsoleScheduler final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home; // settings and the scheduler's state folder

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_home.filePath(u"state"_s)));
    }

    void init() { QSettings().clear(); }

    void firstRoundBacksUpThenNothingIsDue()
    {
        Scene scene(kEveryDay);
        QVERIFY(scene.isValid());
        Console console;
        coffer::ui::JobListModel jobs(console.session);
        QAbstractItemModelTester tester(&jobs, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy submitted(console.scheduler, &ConsoleScheduler::roundSubmitted);
        QSignalSpy finished(console.scheduler, &ConsoleScheduler::roundFinished);
        QSignalSpy checked(console.scheduler, &ConsoleScheduler::checked);
        QSignalSpy notified(console.notifier, &JobNotifier::notified);
        QSignalSpy catalogChanged(console.session, &coffer::ui::Session::catalogChanged);
        QVERIFY(console.scheduler->isEnabled()); // on by default
        QVERIFY(console.open(scene.workspacePath()));

        // Shortly after the workspace opened: orders was never backed up, so the round backs it up.
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(checked.first().first().toStringList(), QStringList{ u"backup orders"_s });
        ScheduledRunJob *round = console.finished.first();
        QCOMPARE(round->state(), coffer::Job::State::Succeeded);
        QVERIFY(!round->result().skipped);
        QCOMPARE(round->result().runs.size(), 1);
        const coffer::RunRecord &run = round->result().runs.first();
        QCOMPARE(run.kind, u"backup"_s);
        QCOMPARE(run.database, u"orders"_s);
        QVERIFY2(run.ok, qPrintable(run.message));
        const auto rows = scene.backups();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().entry.manifest.id, run.backupId);
        QCOMPARE(rows.first().entry.manifest.trigger, u"scheduled"_s);
        // The Jobs page lists the round like any job; the pages read the repositories again.
        QCOMPARE(jobs.rowCount(), 1);
        QCOMPARE(jobs.index(0, coffer::ui::JobListModel::Title).data().toString(), round->title());
        QTRY_COMPARE_WITH_TIMEOUT(catalogChanged.size(), 1, kTimeoutMs);

        // The next looks find nothing due: no round, no job, nothing told.
        QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 3, kTimeoutMs);
        for (qsizetype i = 1; i < checked.size(); ++i)
            QCOMPARE(checked.at(i).first().toStringList(), QStringList());
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(jobs.rowCount(), 1);
        QCOMPARE(scene.backups().size(), 1);
        QCOMPARE(notified.size(), 0);
        QCOMPARE(catalogChanged.size(), 1);
    }

    void neverTwoRoundsAtOnce()
    {
        Scene scene(kEveryDay);
        QVERIFY(scene.isValid());
        Console console;
        console.scheduler->setStartDelay(60000); // only what the test asks for
        QVERIFY(console.open(scene.workspacePath()));
        QSignalSpy submitted(console.scheduler, &ConsoleScheduler::roundSubmitted);
        QSignalSpy finished(console.scheduler, &ConsoleScheduler::roundFinished);

        QVERIFY(console.scheduler->tick());
        QVERIFY(!console.scheduler->tick()); // a look is under way
        QVERIFY(submitted.wait(kTimeoutMs));
        QVERIFY(console.scheduler->activeRound());
        QVERIFY(!console.scheduler->tick()); // its round is queued or running
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(!console.scheduler->activeRound());
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(scene.backups().size(), 1);
    }

    void pausingStopsSubmissions()
    {
        Scene scene(kEveryDay);
        QVERIFY(scene.isValid());
        Console console;
        QAction *action = console.scheduler->enabledAction();
        QCOMPARE(action->objectName(), u"runSchedulesAction"_s);
        QVERIFY(action->isCheckable());
        QVERIFY(!action->text().isEmpty());
        action->setChecked(false); // as the menu does
        QCOMPARE(QSettings().value(u"scheduler/runWhileOpen"_s).toBool(), false);
        QSignalSpy checked(console.scheduler, &ConsoleScheduler::checked);
        QSignalSpy submitted(console.scheduler, &ConsoleScheduler::roundSubmitted);
        QVERIFY(console.open(scene.workspacePath()));

        QVERIFY(!console.scheduler->tick());
        QTest::qWait(1000); // several intervals
        QCOMPARE(checked.size(), 0);
        QCOMPARE(submitted.size(), 0);
        QVERIFY(scene.backups().isEmpty());
        // Remembered: a console opened later starts paused.
        QVERIFY(!ConsoleScheduler(console.session).isEnabled());

        // Resumed: the round comes soon after.
        console.scheduler->setEnabled(true);
        QVERIFY(action->isChecked());
        QVERIFY(submitted.wait(kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(scene.backups().size(), 1, kTimeoutMs);
    }

    void workspaceWithoutSchedulesGetsNothing()
    {
        Scene scene(QString{});
        QVERIFY(scene.isValid());
        Console console;
        QSignalSpy checked(console.scheduler, &ConsoleScheduler::checked);
        QSignalSpy submitted(console.scheduler, &ConsoleScheduler::roundSubmitted);
        QVERIFY(console.open(scene.workspacePath()));
        QVERIFY(!ConsoleScheduler::hasSchedule(*console.session->workspace()));

        QVERIFY(!console.scheduler->tick());
        QTest::qWait(1000);
        QCOMPARE(checked.size(), 0);
        QCOMPARE(submitted.size(), 0);
        QCOMPARE(console.session->jobs()->jobs().size(), 0);
        QVERIFY(scene.backups().isEmpty());

        // Scheduled once the workspace says so (Settings saved it, F5): the next load starts rounds.
        Scene scheduled(kEveryDay);
        QVERIFY(scheduled.isValid());
        QVERIFY(console.open(scheduled.workspacePath()));
        QVERIFY(submitted.wait(kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(console.finished.size(), 1, kTimeoutMs); // before its repository goes
        QCOMPARE(scheduled.backups().size(), 1);
    }

    void failedBackupIsTold()
    {
        Scene scene(kEveryDay, u"/nonexistent/orders.db"_s);
        QVERIFY(scene.isValid());
        Console console;
        console.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console.window));
        console.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&console.window));
        QSignalSpy finished(console.scheduler, &ConsoleScheduler::roundFinished);
        QSignalSpy checked(console.scheduler, &ConsoleScheduler::checked);
        QSignalSpy notified(console.notifier, &JobNotifier::notified);
        QVERIFY(console.open(scene.workspacePath()));

        QVERIFY(finished.wait(kTimeoutMs));
        ScheduledRunJob *round = console.finished.first();
        QCOMPARE(round->state(), coffer::Job::State::Succeeded); // a failed task is a run, not a failed round
        QCOMPARE(round->result().runs.size(), 1);
        QVERIFY(!round->result().runs.first().ok);
        QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), kTimeoutMs);
        const QString text = notified.first().first().toString();
        QVERIFY2(text.startsWith(u"Scheduled backup of orders failed: "_s), qPrintable(text));
        QVERIFY2(text.contains(round->result().runs.first().message), qPrintable(text));
        QCOMPARE(notified.first().at(1).toBool(), true);
        // The window is active: the status bar tells it.
        QVERIFY2(console.window.statusBar()->currentMessage().startsWith(text),
            qPrintable(console.window.statusBar()->currentMessage()));
        // The same failure once, not once per alert that repeats it.
        for (const QList<QVariant> &each : std::as_const(notified))
            QVERIFY2(each.first().toString() == text || !each.first().toString().contains(u"failed"_s),
                qPrintable(each.first().toString()));

        // The failed backup waits before it is tried again: the next looks submit nothing, tell nothing.
        const qsizetype told = notified.size();
        QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 3, kTimeoutMs);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(notified.size(), told);
    }

    void aRunLockHeldElsewhereSubmitsNothing()
    {
        Scene scene(kEveryDay);
        QVERIFY(scene.isValid());
        // A cron's run-due holds the lock: it stopped itself right after taking it.
        QProcess cron;
        QByteArray cronErr;
        QVERIFY2(testsupport::startHeld(
                     cron, u"run-due-locked"_s, { u"run-due"_s, u"--workspace"_s, scene.workspacePath() }, &cronErr),
            cronErr.constData());
        const auto cleanup = qScopeGuard([&cron] {
            cron.kill();
            cron.waitForFinished();
        });
        Console console;
        QSignalSpy held(console.scheduler, &ConsoleScheduler::lockHeld);
        QSignalSpy checked(console.scheduler, &ConsoleScheduler::checked);
        QSignalSpy submitted(console.scheduler, &ConsoleScheduler::roundSubmitted);
        QSignalSpy notified(console.notifier, &JobNotifier::notified);
        QVERIFY(console.open(scene.workspacePath()));

        // Every look finds the lock held: no round (it would only skip), no Jobs row, nothing told.
        QTRY_VERIFY_WITH_TIMEOUT(held.size() >= 3, kTimeoutMs);
        QCOMPARE(submitted.size(), 0);
        QCOMPARE(checked.size(), 0);
        QCOMPARE(console.session->jobs()->jobs().size(), 0);
        QCOMPARE(notified.size(), 0);
        QVERIFY2(held.first().first().toLongLong() >= 0, "the lock file tells since when");

        // Held for over an hour (the lock file was written when it was taken): the holder may hang.
        QFile lock(coffer::stateDirectoryPath(scene.workspacePath()) + u"/run-due.lock"_s);
        QVERIFY(lock.open(QIODevice::ReadWrite));
        QVERIFY(lock.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-2 * 3600 - 60), QFileDevice::FileModificationTime));
        lock.close();
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, kTimeoutMs);
        const QString text = notified.first().first().toString();
        QVERIFY2(
            text.contains(u"process %1 on "_s.arg(cron.processId())) && text.contains(u"for 2 h"_s), qPrintable(text));
        QCOMPARE(notified.first().at(1).toBool(), true);
        QCOMPARE(console.window.statusBar()->currentMessage(), text);
        // Told once, however many looks find it so.
        const qsizetype looks = held.size();
        QTRY_VERIFY_WITH_TIMEOUT(held.size() >= looks + 3, kTimeoutMs);
        QCOMPARE(notified.size(), 1);
        QCOMPARE(submitted.size(), 0);

        // The holder dies (its lock file stays behind): the next look finds the lock free.
        cron.kill();
        QVERIFY(cron.waitForFinished());
        QVERIFY(QFileInfo::exists(lock.fileName()));
        QTRY_COMPARE_WITH_TIMEOUT(console.finished.size(), 1, kTimeoutMs);
        QVERIFY(!console.finished.first()->result().skipped);
        QCOMPARE(scene.backups().size(), 1);
    }

    void anotherWorkspaceCancelsTheOldRound()
    {
        Scene first(kEveryDay);
        Scene second(kEveryDay);
        QVERIFY(first.isValid() && second.isValid());
        Console console;
        console.scheduler->setStartDelay(60000); // only what the test asks for
        QVERIFY(console.open(first.workspacePath()));
        auto writer = std::make_shared<RepositoryWriter>(first.repo());
        const auto release = qScopeGuard([&writer] { writer->release(); });
        console.session->submit(writer);
        QSignalSpy submitted(console.scheduler, &ConsoleScheduler::roundSubmitted);
        QVERIFY(console.scheduler->tick());
        QVERIFY(submitted.wait(kTimeoutMs));
        ScheduledRunJob *old = console.scheduler->activeRound();
        QVERIFY(old);
        QCOMPARE(old->state(), coffer::Job::State::Queued); // behind the writer

        // The user opens another workspace: the first one's round is cancelled and forgotten ...
        QVERIFY(console.open(second.workspacePath()));
        QVERIFY(old->isCancelRequested());
        QVERIFY(!console.scheduler->activeRound());
        // ... so the second's rounds need not wait for it.
        QVERIFY(console.scheduler->tick());
        QVERIFY(submitted.wait(kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(second.backups().size(), 1, kTimeoutMs);

        writer->release();
        QTRY_VERIFY_WITH_TIMEOUT(console.finished.contains(old), kTimeoutMs);
        QCOMPARE(old->state(), coffer::Job::State::Cancelled);
        QVERIFY(first.backups().isEmpty());
    }

    void aForgottenRoundsFailurePausesNothing()
    {
        Scene first(kEveryDay);
        Scene second(kEveryDay);
        QVERIFY(first.isValid() && second.isValid());
        Console console;
        console.scheduler->setStartDelay(60000);
        QVERIFY(console.open(first.workspacePath()));
        auto writer = std::make_shared<RepositoryWriter>(first.repo());
        const auto release = qScopeGuard([&writer] { writer->release(); });
        console.session->submit(writer);
        QSignalSpy submitted(console.scheduler, &ConsoleScheduler::roundSubmitted);
        QVERIFY(console.scheduler->tick());
        QVERIFY(submitted.wait(kTimeoutMs));
        ScheduledRunJob *old = console.scheduler->activeRound();
        QVERIFY(old);

        // Another process locks the run log: the round, once it runs, waits for it (the log's busy
        // timeout), past the point where it heeds a cancel, and then cannot run at all.
        testsupport::SqliteShell locker;
        QVERIFY(locker.start(coffer::stateDirectoryPath(first.workspacePath()) + u"/runs.db"_s,
            u"PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE held(x)"_s));
        writer->release();
        QTRY_COMPARE_WITH_TIMEOUT(old->state(), coffer::Job::State::Running, kTimeoutMs);
        QVERIFY(console.open(second.workspacePath()));
        QTRY_VERIFY_WITH_TIMEOUT(console.finished.contains(old), 60000);
        QCOMPARE(old->state(), coffer::Job::State::Failed);

        // That failure is the first workspace's: the second's rounds are not held back by it.
        QVERIFY(console.scheduler->tick());
        QVERIFY(submitted.wait(kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(second.backups().size(), 1, kTimeoutMs);
    }

    void theMainWindowRunsOneAndOffersThePause()
    {
        coffer::ui::MainWindow window;
        const auto schedulers = window.findChildren<ConsoleScheduler *>();
        QCOMPARE(schedulers.size(), 1);
        QCOMPARE(schedulers.first()->interval(), ConsoleScheduler::kIntervalMs);
        QMenu *backup = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->text() == u"&Backup"_s)
                backup = menu->menu();
        QVERIFY(backup);
        QVERIFY(backup->actions().contains(schedulers.first()->enabledAction()));
        QVERIFY(schedulers.first()->enabledAction()->isChecked());
    }
};

QTEST_MAIN(TstConsoleScheduler)
#include "tst_consolescheduler.moc"
