// Jobs and the JobQueue: writers of one repository never overlap, other work runs alongside,
// cancel stops a running backup and leaves nothing, failures arrive as signals with a reason.
#include "TestSupport.h"

#include "backup/BackupJob.h"
#include "jobs/JobQueue.h"
#include "repository/Catalog.h"
#include "verify/VerifyJob.h"

#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QtTest>

using namespace coffer;

class TstJobQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writersOfOneRepositoryNeverOverlap();
    void differentRepositoriesRunTogether();
    void aJobWithSeveralKeysExcludesEachOfThem();
    void cancelStopsARunningBackup();
    void failureCarriesTheReason();
    void signalsArriveInOrder();
};

namespace {

// Records when each job started and finished, in the queue's thread.
struct Timeline {
    QList<QPair<QString, QString>> events; // (job title, "start"/"end")
    // The largest number of jobs that were running at the same time.
    int maxOverlap() const
    {
        int running = 0;
        int most = 0;
        for (const auto &event : events) {
            running += event.second == QStringLiteral("start") ? 1 : -1;
            most = qMax(most, running);
        }
        return most;
    }
};

BackupParams backupOf(const QString &repo, const QString &db, const QString &name)
{
    BackupParams params;
    params.repositoryPath = repo;
    params.sourcePath = db;
    params.database = name;
    return params;
}

// Holds its keys until the test lets it finish.
class GateJob final : public Job
{
public:
    explicit GateJob(QStringList keys)
        : m_keys(std::move(keys))
    {
    }
    QString kind() const override { return QStringLiteral("gate"); }
    QString title() const override { return m_keys.join(QLatin1Char('+')); }
    QStringList exclusiveKeys() const override { return m_keys; }
    QSemaphore gate;

protected:
    Result<void> execute() override
    {
        gate.acquire();
        return {};
    }

private:
    const QStringList m_keys;
};

} // namespace

void TstJobQueue::writersOfOneRepositoryNeverOverlap()
{
    testsupport::TempRepository temp;
    QVERIFY(temp.isValid());
    const QString db = temp.path(QStringLiteral("a.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 20000));

    JobQueue queue(4);
    QSignalSpy idle(&queue, &JobQueue::idle);
    QMutex mutex;
    Timeline timeline;
    QList<std::shared_ptr<BackupJob>> jobs;
    for (int i = 0; i < 4; ++i) {
        auto job = std::make_shared<BackupJob>(backupOf(temp.repo(), db, QStringLiteral("db%1").arg(i)));
        // Direct connections run on the pool threads: guard the shared timeline.
        connect(job.get(), &Job::started, job.get(), [&, raw = job.get()] {
            QMutexLocker lock(&mutex);
            timeline.events << qMakePair(raw->title(), QStringLiteral("start"));
        }, Qt::DirectConnection);
        connect(job.get(), &Job::finished, job.get(), [&, raw = job.get()] {
            QMutexLocker lock(&mutex);
            timeline.events << qMakePair(raw->title(), QStringLiteral("end"));
        }, Qt::DirectConnection);
        jobs << job;
        queue.submit(job);
    }
    QCOMPARE(queue.pendingCount(), 4);
    QVERIFY(idle.wait(60000));
    QCOMPARE(timeline.events.size(), 8);
    QCOMPARE(timeline.maxOverlap(), 1);
    for (const auto &job : std::as_const(jobs))
        QCOMPARE(job->state(), Job::State::Succeeded);
    QCOMPARE(queue.jobs().size(), 4);
    QCOMPARE(queue.pendingCount(), 0);
}

void TstJobQueue::differentRepositoriesRunTogether()
{
    testsupport::TempRepository first;
    testsupport::TempRepository second;
    QVERIFY(first.isValid() && second.isValid());
    const QString db = first.path(QStringLiteral("a.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 60000));

    JobQueue queue(2);
    QSignalSpy idle(&queue, &JobQueue::idle);
    QMutex mutex;
    int running = 0;
    int most = 0;
    for (const QString &repo : {first.repo(), second.repo()}) {
        auto job = std::make_shared<BackupJob>(backupOf(repo, db, QStringLiteral("a")));
        // Sampled at every progress report: both must be running at once at some point.
        connect(job.get(), &Job::progress, job.get(), [&] {
            QMutexLocker lock(&mutex);
            most = qMax(most, running);
        }, Qt::DirectConnection);
        connect(job.get(), &Job::started, job.get(), [&] {
            QMutexLocker lock(&mutex);
            ++running;
        }, Qt::DirectConnection);
        connect(job.get(), &Job::finished, job.get(), [&] {
            QMutexLocker lock(&mutex);
            --running;
        }, Qt::DirectConnection);
        queue.submit(job);
    }
    QVERIFY(idle.wait(60000));
    QCOMPARE(most, 2);
}

void TstJobQueue::aJobWithSeveralKeysExcludesEachOfThem()
{
    // A scheduled round names every repository of its workspace: a writer of any of them waits,
    // a writer of another repository does not.
    JobQueue queue(4);
    auto round = std::make_shared<GateJob>(QStringList{ QStringLiteral("repository:/a"), QStringLiteral("repository:/b") });
    auto writerOfB = std::make_shared<GateJob>(QStringList{ QStringLiteral("repository:/b") });
    auto writerOfC = std::make_shared<GateJob>(QStringList{ QStringLiteral("repository:/c") });
    queue.submit(round);
    queue.submit(writerOfB);
    queue.submit(writerOfC);
    QTRY_COMPARE(round->state(), Job::State::Running);
    QTRY_COMPARE(writerOfC->state(), Job::State::Running);
    QTest::qWait(200);
    QCOMPARE(writerOfB->state(), Job::State::Queued);

    round->gate.release();
    QTRY_COMPARE(round->state(), Job::State::Succeeded);
    QTRY_COMPARE(writerOfB->state(), Job::State::Running);
    writerOfB->gate.release();
    writerOfC->gate.release();
    QTRY_COMPARE(queue.pendingCount(), 0);
    QCOMPARE(writerOfB->state(), Job::State::Succeeded);
}

void TstJobQueue::cancelStopsARunningBackup()
{
    testsupport::TempRepository temp;
    QVERIFY(temp.isValid());
    const QString db = temp.path(QStringLiteral("big.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 60000));

    JobQueue queue;
    auto job = std::make_shared<BackupJob>(backupOf(temp.repo(), db, QStringLiteral("big")));
    QSignalSpy failed(job.get(), &Job::failed);
    QSignalSpy succeeded(job.get(), &Job::succeeded);
    // Cancel on the job's own thread the moment compression starts (cancel() is thread-safe).
    connect(job.get(), &Job::progress, job.get(), [raw = job.get()](const QString &phase) {
        if (phase == QStringLiteral("compress"))
            raw->cancel();
    }, Qt::DirectConnection);
    queue.submit(job);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
    QCOMPARE(succeeded.size(), 0);
    QCOMPARE(job->state(), Job::State::Cancelled);
    QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::Cancelled);
    QCOMPARE(testsupport::filesBelow(temp.repo() + QStringLiteral("/backups")), QStringList());
    QCOMPARE(testsupport::filesBelow(temp.repo() + QStringLiteral("/staging")), QStringList());
    auto repo = Repository::open(temp.repo());
    auto catalog = Catalog::open(*repo);
    QCOMPARE(catalog->backups()->size(), 0);

    // A job cancelled before it starts never runs.
    auto queued = std::make_shared<BackupJob>(backupOf(temp.repo(), db, QStringLiteral("never")));
    queued->cancel();
    QSignalSpy started(queued.get(), &Job::started);
    QSignalSpy done(queued.get(), &Job::finished);
    queue.submit(queued);
    // It finishes at once on a pool thread, perhaps before a wait() could start: poll the count.
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QCOMPARE(started.size(), 0);
    QCOMPARE(queued->state(), Job::State::Cancelled);
}

void TstJobQueue::failureCarriesTheReason()
{
    testsupport::TempRepository temp;
    QVERIFY(temp.isValid());
    JobQueue queue;
    auto backup = std::make_shared<BackupJob>(backupOf(temp.repo(), temp.path(QStringLiteral("nope.db")), QStringLiteral("x")));
    VerifyParams params;
    params.repositoryPath = temp.repo();
    params.ids = {QStringLiteral("deadbeef")};
    auto verify = std::make_shared<VerifyJob>(params);
    QSignalSpy idle(&queue, &JobQueue::idle);
    queue.submit(backup);
    queue.submit(verify);
    QVERIFY(idle.wait(10000));
    QCOMPARE(backup->state(), Job::State::Failed);
    QCOMPARE(backup->error().code, ErrorCode::NotFound);
    QVERIFY(backup->error().detail.contains(QStringLiteral("nope.db")));
    QCOMPARE(verify->state(), Job::State::Failed);
    QCOMPARE(verify->error().code, ErrorCode::NotFound);
    QVERIFY(verify->error().message.contains(QStringLiteral("deadbeef")));
}

void TstJobQueue::signalsArriveInOrder()
{
    testsupport::TempRepository temp;
    QVERIFY(temp.isValid());
    const QString db = temp.path(QStringLiteral("a.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 2000));
    JobQueue queue;
    auto job = std::make_shared<BackupJob>(backupOf(temp.repo(), db, QStringLiteral("a")));
    QStringList order;
    connect(job.get(), &Job::started, this, [&order] { order << QStringLiteral("started"); });
    connect(job.get(), &Job::progress, this, [&order] {
        if (order.last() != QStringLiteral("progress"))
            order << QStringLiteral("progress");
    });
    connect(job.get(), &Job::succeeded, this, [&order] { order << QStringLiteral("succeeded"); });
    connect(job.get(), &Job::finished, this, [&order] { order << QStringLiteral("finished"); });
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.submit(job);
    QVERIFY(finished.wait(30000));
    QCOMPARE(order, (QStringList{QStringLiteral("started"), QStringLiteral("progress"), QStringLiteral("succeeded"),
                                 QStringLiteral("finished")}));
    QCOMPARE(job->result().manifest.database, QStringLiteral("a"));
    QVERIFY(job->startedAt().isValid() && job->finishedAt() >= job->startedAt());
}

QTEST_GUILESS_MAIN(TstJobQueue)
#include "tst_jobqueue.moc"
