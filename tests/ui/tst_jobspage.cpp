// The Jobs page over real jobs: a backup that runs shows its progress and moves to the history,
// Cancel stops a running and a queued job, a failure shows its message and its details, the
// status bar's count follows; the model and both proxies pass QAbstractItemModelTester.
#include "TestSupport.h"

#include "Session.h"
#include "backup/BackupJob.h"
#include "jobs/JobCountLabel.h"
#include "jobs/JobErrorDialog.h"
#include "jobs/JobFilterProxy.h"
#include "jobs/JobListModel.h"
#include "jobs/JobQueue.h"
#include "jobs/JobsPage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include <atomic>
#include <functional>
#include <memory>

using coffer::Job;
using coffer::ui::JobFilterProxy;
using coffer::ui::JobListModel;
using coffer::ui::JobsPage;

namespace {

constexpr int kTimeoutMs = 20000;

// Holds a real job on its pool thread at its first progress report that `at` accepts, until
// released (at the latest when the Hold is destroyed): the test sees the job running and decides
// when it may go on. The GUI thread is never blocked. A Hold made before the job is submitted
// holds it before the page's model is sent that report; one made later, after.
class Hold final
{
    Q_DISABLE_COPY_MOVE(Hold)

public:
    using Predicate = std::function<bool(const QString &phase, qint64 done, qint64 total)>;

    Hold(Job *job, Predicate at)
        : m_state(std::make_shared<State>())
    {
        QObject::connect(
            job, &Job::progress, job,
            [state = m_state, at = std::move(at)](const QString &phase, qint64 done, qint64 total) {
                if (at(phase, done, total) && !state->reached.exchange(true))
                    state->released.tryAcquire(1, 60000);
            },
            Qt::DirectConnection);
    }
    ~Hold() { release(); }

    static Predicate phase(const QString &name)
    {
        return [name](const QString &phase, qint64, qint64) { return phase == name; };
    }

    bool reached() const { return m_state->reached.load(); }
    void release()
    {
        if (!std::exchange(m_released, true))
            m_state->released.release();
    }

private:
    struct State {
        std::atomic_bool reached{ false };
        QSemaphore released;
    };
    std::shared_ptr<State> m_state;
    bool m_released = false;
};

std::shared_ptr<coffer::BackupJob> backupJob(const QString &repository, const QString &source, const QString &name)
{
    coffer::BackupParams params;
    params.repositoryPath = repository;
    params.sourcePath = source;
    params.database = name;
    return std::make_shared<coffer::BackupJob>(params);
}

QString text(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

// The tests run without the English plural forms (coffer_en) the application installs: "1 job(s)"
// there is "1 job" here.
QString singular(QString text)
{
    return text.remove(QStringLiteral("(s)"));
}

} // namespace

class TstJobsPage final : public QObject
{
    Q_OBJECT

private:
    static QTableView *table(JobsPage &page, const char *name)
    {
        return page.findChild<QTableView *>(QString::fromLatin1(name));
    }
    static QToolButton *button(JobsPage &page, const char *name)
    {
        return page.findChild<QToolButton *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void modelAndProxiesPassTheModelTester()
    {
        testsupport::TempRepository temp;
        QVERIFY(temp.isValid());
        const QString db = temp.path(QStringLiteral("orders.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 3000));

        coffer::ui::Session session;
        JobListModel model(&session);
        JobFilterProxy pending(JobFilterProxy::Show::Pending);
        JobFilterProxy history(JobFilterProxy::Show::Finished);
        pending.setSourceModel(&model);
        history.setSourceModel(&model);
        history.sort(JobListModel::Finished, Qt::DescendingOrder);
        const auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
        QAbstractItemModelTester modelTester(&model, fatal);
        QAbstractItemModelTester pendingTester(&pending, fatal);
        QAbstractItemModelTester historyTester(&history, fatal);
        QCOMPARE(model.columnCount(), int(JobListModel::ColumnCount));
        QCOMPARE(model.summary(), QStringLiteral("No jobs"));

        // Two writers of one repository (the second waits) and a failure, all real.
        QSignalSpy idle(session.jobs(), &coffer::JobQueue::idle);
        auto first = session.submit(backupJob(temp.repo(), db, QStringLiteral("orders")));
        auto second = session.submit(backupJob(temp.repo(), db, QStringLiteral("orders-copy")));
        auto missing
            = session.submit(backupJob(temp.repo(), temp.path(QStringLiteral("nope.db")), QStringLiteral("nope")));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(pending.rowCount() + history.rowCount(), 3);
        QVERIFY(idle.wait(kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), 3, kTimeoutMs);
        QCOMPARE(pending.rowCount(), 0);
        QCOMPARE(model.rowOf(first.get()), 0);
        QCOMPARE(model.jobAt(2), missing.get());
        QCOMPARE(text(&model, 0, JobListModel::State), QStringLiteral("Succeeded"));
        QCOMPARE(text(&model, 1, JobListModel::State), QStringLiteral("Succeeded"));
        QCOMPARE(text(&model, 2, JobListModel::State), QStringLiteral("Failed"));
        QCOMPARE(model.finishedCount(), 3);

        // The history is newest first: the finished times never increase down the table.
        for (int row = 1; row < history.rowCount(); ++row)
            QVERIFY(history.index(row - 1, JobListModel::Finished).data(JobListModel::SortRole).toDateTime()
                >= history.index(row, JobListModel::Finished).data(JobListModel::SortRole).toDateTime());
        for (int column = 0; column < JobListModel::ColumnCount; ++column)
            history.sort(column, column % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);

        // A model made later (the status bar's, a page opened afterwards) shows the same history.
        JobListModel late(&session);
        QAbstractItemModelTester lateTester(&late, fatal);
        QCOMPARE(late.rowCount(), 3);
        QCOMPARE(late.finishedCount(), 3);
        QCOMPARE(text(&late, 2, JobListModel::Message), missing->error().message);
    }

    void backupShowsItsProgressThenMovesToTheHistory()
    {
        testsupport::TempRepository temp;
        QVERIFY(temp.isValid());
        const QString db = temp.path(QStringLiteral("orders.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 20000));

        auto *session = new coffer::ui::Session;
        JobsPage page(session);
        session->setParent(&page);
        coffer::ui::JobCountLabel label(session);
        page.resize(1100, 600);
        page.show();
        QCOMPARE(label.text(), QStringLiteral("No jobs"));
        QTableView *pendingTable = table(page, "pendingTable");
        QTableView *historyTable = table(page, "historyTable");
        QVERIFY(pendingTable && historyTable);
        const QAbstractItemModel *pending = pendingTable->model();
        const QAbstractItemModel *history = historyTable->model();

        auto job = backupJob(temp.repo(), db, QStringLiteral("orders"));
        Hold hold(job.get(), Hold::phase(QStringLiteral("compress"))); // the whole snapshot was reported
        session->submit(job);
        QCOMPARE(pending->rowCount(), 1);
        QCOMPARE(text(pending, 0, JobListModel::Title), QStringLiteral("Back up orders"));
        QTRY_VERIFY_WITH_TIMEOUT(hold.reached(), kTimeoutMs);
        QTRY_COMPARE(text(pending, 0, JobListModel::State), QStringLiteral("Running"));
        QTRY_COMPARE(text(pending, 0, JobListModel::Phase), QStringLiteral("snapshot"));
        QTRY_COMPARE(pending->index(0, JobListModel::Progress).data(JobListModel::ProgressRole).toInt(), 1000);
        QCOMPARE(text(pending, 0, JobListModel::Progress), QStringLiteral("100%"));
        QVERIFY(text(pending, 0, JobListModel::Bytes).endsWith(QStringLiteral(" pages")));
        QVERIFY(!text(pending, 0, JobListModel::Started).isEmpty());
        QCOMPARE(history->rowCount(), 0);
        QCOMPARE(singular(page.statusText()), QStringLiteral("1 job running"));
        QCOMPARE(singular(label.text()), QStringLiteral("1 job running"));

        QSignalSpy finished(session->jobs(), &coffer::JobQueue::jobFinished);
        hold.release();
        QVERIFY(finished.wait(kTimeoutMs));
        QTRY_COMPARE(history->rowCount(), 1);
        QCOMPARE(pending->rowCount(), 0);
        QCOMPARE(text(history, 0, JobListModel::State), QStringLiteral("Succeeded"));
        QVERIFY(!text(history, 0, JobListModel::Duration).isEmpty());
        QVERIFY(!text(history, 0, JobListModel::Finished).isEmpty());
        QVERIFY(text(history, 0, JobListModel::Message).isEmpty());
        QCOMPARE(history->index(0, 0).data(JobListModel::ProgressRole).toInt(), 1000);
        QCOMPARE(page.statusText(), QStringLiteral("No jobs running, 1 finished"));
        QCOMPARE(label.text(), QStringLiteral("No jobs"));
        // Nothing to explain about a success.
        historyTable->selectRow(0);
        QVERIFY(!button(page, "detailsButton")->isEnabled());
    }

    void rateAndTimeLeftComeFromRecentProgress()
    {
        testsupport::TempRepository temp;
        QVERIFY(temp.isValid());
        const QString db = temp.path(QStringLiteral("orders.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 20000)); // several MiB: several compress reports

        auto *session = new coffer::ui::Session;
        JobsPage page(session);
        session->setParent(&page);
        page.show();
        const QAbstractItemModel *pending = table(page, "pendingTable")->model();
        auto job = backupJob(temp.repo(), db, QStringLiteral("orders"));
        Hold atSnapshot(job.get(), Hold::phase(QStringLiteral("snapshot")));
        session->submit(job);
        QTRY_VERIFY_WITH_TIMEOUT(atSnapshot.reached(), kTimeoutMs);
        // Made while the job waits, so they hold it after the page has been sent each report.
        Hold atFirstChunk(job.get(), Hold::phase(QStringLiteral("compress")));
        Hold atLastChunk(job.get(), [](const QString &phase, qint64 done, qint64 total) {
            return phase == QStringLiteral("compress") && done == total;
        });
        atSnapshot.release();
        QTRY_VERIFY_WITH_TIMEOUT(atFirstChunk.reached(), kTimeoutMs);
        QTRY_COMPARE(text(pending, 0, JobListModel::Phase), QStringLiteral("compress"));
        QVERIFY(!atLastChunk.reached());
        QVERIFY(text(pending, 0, JobListModel::Bytes).contains(QStringLiteral(" of ")));
        // One report of a phase says nothing about its speed.
        QVERIFY(text(pending, 0, JobListModel::Rate).isEmpty());
        QVERIFY(text(pending, 0, JobListModel::TimeLeft).isEmpty());

        QTest::qWait(400); // the next report comes a measurable time later
        atFirstChunk.release();
        QTRY_VERIFY_WITH_TIMEOUT(atLastChunk.reached(), kTimeoutMs);
        QTRY_VERIFY(text(pending, 0, JobListModel::Rate).endsWith(QStringLiteral("/s")));
        QCOMPARE(text(pending, 0, JobListModel::TimeLeft), QStringLiteral("0 s"));
        QCOMPARE(text(pending, 0, JobListModel::Progress), QStringLiteral("100%"));
        QVERIFY(!text(pending, 0, JobListModel::Rate).contains(QStringLiteral("pages")));
        atLastChunk.release();
        QTRY_COMPARE_WITH_TIMEOUT(pending->rowCount(), 0, kTimeoutMs);
        QCOMPARE(job->state(), Job::State::Succeeded);
    }

    void cancelStopsARunningAndAQueuedJob()
    {
        testsupport::TempRepository temp;
        QVERIFY(temp.isValid());
        const QString db = temp.path(QStringLiteral("orders.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 20000));

        auto *session = new coffer::ui::Session;
        JobsPage page(session);
        session->setParent(&page);
        coffer::ui::JobCountLabel label(session);
        page.resize(1100, 600);
        page.show();
        QTableView *pendingTable = table(page, "pendingTable");
        const QAbstractItemModel *pending = pendingTable->model();
        const QAbstractItemModel *history = table(page, "historyTable")->model();
        QToolButton *cancel = button(page, "cancelButton");
        QVERIFY(cancel);
        QVERIFY(!cancel->isEnabled());

        // Two writers of one repository: the second waits for the first.
        auto running = backupJob(temp.repo(), db, QStringLiteral("orders"));
        auto queued = backupJob(temp.repo(), db, QStringLiteral("orders-again"));
        Hold hold(running.get(), Hold::phase(QStringLiteral("compress")));
        QSignalSpy queuedStarted(queued.get(), &Job::started);
        session->submit(running);
        session->submit(queued);
        QTRY_VERIFY_WITH_TIMEOUT(hold.reached(), kTimeoutMs);
        QTRY_COMPARE(text(pending, 0, JobListModel::State), QStringLiteral("Running"));
        QCOMPARE(text(pending, 1, JobListModel::State), QStringLiteral("Queued"));
        QCOMPARE(label.text(), QStringLiteral("1 running, 1 queued"));
        QCOMPARE(page.statusText(), QStringLiteral("1 running, 1 queued"));

        pendingTable->selectRow(0);
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(text(pending, 0, JobListModel::State), QStringLiteral("Cancelling…"));
        QVERIFY(!cancel->isEnabled());

        // The queued one by keyboard.
        QAction *cancelAction = page.findChild<QAction *>(QStringLiteral("cancelJobAction"));
        QCOMPARE(cancelAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Period));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        pendingTable->setFocus();
        pendingTable->selectRow(1);
        QTest::keyClick(pendingTable, Qt::Key_Period, Qt::ControlModifier);
        QCOMPARE(text(pending, 1, JobListModel::State), QStringLiteral("Cancelling…"));

        hold.release();
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, kTimeoutMs);
        QCOMPARE(pending->rowCount(), 0);
        for (int row = 0; row < 2; ++row)
            QCOMPARE(text(history, row, JobListModel::State), QStringLiteral("Cancelled"));
        QCOMPARE(running->state(), Job::State::Cancelled);
        QCOMPARE(queued->state(), Job::State::Cancelled);
        QCOMPARE(queuedStarted.size(), 0);
        QCOMPARE(testsupport::filesBelow(temp.repo() + QStringLiteral("/backups")), QStringList());
        QCOMPARE(label.text(), QStringLiteral("No jobs"));
    }

    void failureShowsItsMessageAndDetails()
    {
        testsupport::TempRepository temp;
        QVERIFY(temp.isValid());
        auto *session = new coffer::ui::Session;
        JobsPage page(session);
        session->setParent(&page);
        page.resize(1100, 600);
        page.show();
        QTableView *historyTable = table(page, "historyTable");
        const QAbstractItemModel *history = historyTable->model();
        QToolButton *details = button(page, "detailsButton");
        QVERIFY(details);
        QVERIFY(!details->isEnabled());

        const QString missing = temp.path(QStringLiteral("nope.db"));
        auto job = session->submit(backupJob(temp.repo(), missing, QStringLiteral("nope")));
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, kTimeoutMs);
        QCOMPARE(text(history, 0, JobListModel::State), QStringLiteral("Failed"));
        const coffer::Error error = job->error();
        QVERIFY(!error.message.isEmpty());
        QVERIFY(error.detail.contains(QStringLiteral("nope.db")));
        QCOMPARE(text(history, 0, JobListModel::Message), error.message);
        QVERIFY(!historyTable->isColumnHidden(JobListModel::Message));

        historyTable->selectRow(0);
        QVERIFY(details->isEnabled());
        QTest::mouseClick(details, Qt::LeftButton);
        auto *dialog = page.findChild<coffer::ui::JobErrorDialog *>(QStringLiteral("jobErrorDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        QCOMPARE(dialog->message(), error.message);
        QVERIFY(dialog->detail().contains(missing));
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("Back up nope")));
        dialog->close();
    }

    void everyWorkspaceLoadFinishesAtOnce()
    {
        auto *session = new coffer::ui::Session;
        JobsPage page(session);
        session->setParent(&page);
        QCOMPARE(page.title(), QStringLiteral("Jobs"));
        QVERIFY(!page.icon().isNull());
        QCOMPARE(page.statusText(), QStringLiteral("No jobs"));
        QSignalSpy loaded(&page, &JobsPage::loadFinished);
        QTemporaryDir dir;
        session->openWorkspace(dir.filePath(QStringLiteral("workspace.yaml")));
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!page.isLoading());
        session->reloadWorkspace();
        QTRY_COMPARE(loaded.size(), 2);
        page.refresh();
        QCOMPARE(loaded.size(), 3);
    }
};

QTEST_MAIN(TstJobsPage)
#include "tst_jobspage.moc"
