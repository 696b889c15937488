// DeleteJob and PinJob through a real JobQueue on a real repository with real backups: what a
// deletion by hand removes, what it refuses, and what it records.
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "jobs/JobQueue.h"
#include "repository/Catalog.h"
#include "repository/DeleteJob.h"
#include "repository/DeletionWarnings.h"
#include "repository/RepoLock.h"
#include "retention/PinJob.h"
#include "retention/Pinning.h"
#include "verify/VerifyJob.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace coffer;

class TstDeleteJob final : public QObject
{
    Q_OBJECT

private:
    // A backup of the sample database into the test's repository; its catalog entry.
    CatalogEntry backup()
    {
        BackupParams params;
        params.repositoryPath = m_repo->repo();
        params.sourcePath = m_repo->path(QStringLiteral("orders.db"));
        params.database = QStringLiteral("orders");
        const CancelFlag never{ false };
        const auto made = BackupPipeline::run(params, never, {});
        if (!made) {
            qWarning("backup failed: %s", qPrintable(made.error().toString()));
            return {};
        }
        return entry(made->manifest.id).value_or(CatalogEntry{});
    }
    Result<Catalog> catalog() const
    {
        auto repository = Repository::open(m_repo->repo());
        if (!repository)
            return std::unexpected(repository.error());
        return Catalog::open(*repository);
    }
    std::optional<CatalogEntry> entry(const QString &id) const
    {
        auto opened = catalog();
        auto found = opened ? opened->backup(id) : Result<CatalogEntry>(std::unexpected(opened.error()));
        return found ? std::optional(*found) : std::nullopt;
    }
    QList<AuditRecord> auditOf(const QString &operation) const
    {
        QList<AuditRecord> found;
        auto opened = catalog();
        for (const AuditRecord &record :
            opened ? opened->auditTrail().value_or(QList<AuditRecord>{}) : QList<AuditRecord>{})
            if (record.operation == operation)
                found << record;
        return found;
    }
    // Runs `job` on a real queue and waits for its end.
    template <typename J> std::shared_ptr<J> run(std::shared_ptr<J> job)
    {
        JobQueue queue;
        QSignalSpy idle(&queue, &JobQueue::idle);
        queue.submit(job);
        if (!idle.wait(20000))
            qWarning("the job did not finish");
        return job;
    }
    DeleteParams deletion(const QStringList &ids) const
    {
        return { .repositoryPath = m_repo->repo(), .ids = ids, .reason = QStringLiteral("deleted in the test") };
    }

    std::unique_ptr<testsupport::TempRepository> m_repo;

private Q_SLOTS:
    void init()
    {
        m_repo = std::make_unique<testsupport::TempRepository>();
        QVERIFY(m_repo->isValid());
        QVERIFY(testsupport::makeSampleDatabase(m_repo->path(QStringLiteral("orders.db")), 200));
    }

    void deletesAndAudits()
    {
        const CatalogEntry kept = backup();
        const CatalogEntry doomed = backup();
        QVERIFY(!kept.manifest.id.isEmpty() && !doomed.manifest.id.isEmpty());
        QVERIFY(QFileInfo::exists(doomed.artifactPath) && QFileInfo::exists(doomed.manifestPath));

        // A prefix is enough, and naming the same backup twice deletes it once.
        auto job = run(std::make_shared<DeleteJob>(deletion({ doomed.manifest.shortId(), doomed.manifest.id })));
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->error().toString()));
        QCOMPARE(job->result().deleted.size(), 1);
        QCOMPARE(job->result().deleted.first().manifest.id, doomed.manifest.id);
        QCOMPARE(job->result().freedBytes, doomed.manifest.artifactSize);
        QVERIFY(job->result().refused.isEmpty());

        QVERIFY(!QFileInfo::exists(doomed.artifactPath));
        QVERIFY(!QFileInfo::exists(doomed.manifestPath));
        QVERIFY(!entry(doomed.manifest.id));
        QVERIFY(entry(kept.manifest.id));
        QVERIFY(QFileInfo::exists(kept.artifactPath));
        QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/locks")), QStringList());
        QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/staging")), QStringList());

        const QList<AuditRecord> records = auditOf(QStringLiteral("delete"));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().backupId, doomed.manifest.id);
        QCOMPARE(records.first().outcome, QStringLiteral("ok"));
        QVERIFY2(
            records.first().detail.contains(QStringLiteral("deleted in the test")), qPrintable(records.first().detail));
    }

    void refusesPinned()
    {
        const CatalogEntry pinned = backup();
        const CatalogEntry loose = backup();
        QVERIFY(!pinned.manifest.id.isEmpty() && !loose.manifest.id.isEmpty());
        auto pin = run(std::make_shared<PinJob>(
            PinParams{ .repositoryPath = m_repo->repo(), .ids = { pinned.manifest.shortId() }, .pinned = true }));
        QVERIFY2(pin->state() == Job::State::Succeeded, qPrintable(pin->error().toString()));
        QCOMPARE(pin->changes().size(), 1);
        QVERIFY(pin->changes().first().changed);
        QVERIFY(entry(pinned.manifest.id)->manifest.pinned);

        // Only pinned backups asked for: the job fails, naming them, and nothing goes.
        auto refused = run(std::make_shared<DeleteJob>(deletion({ pinned.manifest.id })));
        QCOMPARE(refused->state(), Job::State::Failed);
        QCOMPARE(refused->error().code, ErrorCode::InvalidArgument);
        QVERIFY2(refused->error().message.contains(pinned.manifest.shortId()), qPrintable(refused->error().message));
        QVERIFY(QFileInfo::exists(pinned.artifactPath));
        QVERIFY(auditOf(QStringLiteral("delete")).isEmpty());

        // Pinned and unpinned together: the unpinned one goes, the pinned one stays.
        auto mixed = run(std::make_shared<DeleteJob>(deletion({ pinned.manifest.id, loose.manifest.id })));
        QVERIFY2(mixed->state() == Job::State::Succeeded, qPrintable(mixed->error().toString()));
        QCOMPARE(mixed->result().deleted.size(), 1);
        QCOMPARE(mixed->result().deleted.first().manifest.id, loose.manifest.id);
        QCOMPARE(mixed->result().refused.size(), 1);
        QCOMPARE(mixed->result().refused.first().manifest.id, pinned.manifest.id);
        QVERIFY(!QFileInfo::exists(loose.artifactPath));
        QVERIFY(QFileInfo::exists(pinned.artifactPath));
        QVERIFY(entry(pinned.manifest.id));

        // Unpinned, it goes.
        auto unpin = run(std::make_shared<PinJob>(
            PinParams{ .repositoryPath = m_repo->repo(), .ids = { pinned.manifest.id }, .pinned = false }));
        QVERIFY2(unpin->state() == Job::State::Succeeded, qPrintable(unpin->error().toString()));
        QVERIFY(!entry(pinned.manifest.id)->manifest.pinned);
        auto after = run(std::make_shared<DeleteJob>(deletion({ pinned.manifest.id })));
        QVERIFY2(after->state() == Job::State::Succeeded, qPrintable(after->error().toString()));
        QVERIFY(!entry(pinned.manifest.id));
    }

    // What a deletion loses beyond the backups (a database's last ones, its newest verified one):
    // the warnings `coffer-cli delete` prints and the console's confirmation shows.
    void warningsSayWhatIsLost()
    {
        const QString a = backup().manifest.id;
        const QString b = backup().manifest.id;
        const QString c = backup().manifest.id;
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        const auto all = [this] {
            auto opened = catalog();
            return opened ? opened->backups().value_or(QList<CatalogEntry>{}) : QList<CatalogEntry>{};
        };
        QCOMPARE(all().size(), 3);
        QStringList newestFirst;
        for (const CatalogEntry &entry : all())
            newestFirst << entry.manifest.shortId();

        // Nothing verified: only losing every backup of the database is worth a warning.
        QCOMPARE(deletionWarnings(all(), { b }), QStringList());
        QCOMPARE(deletionWarnings(all(), { a, b, c }),
            QStringList{ QStringLiteral("%1 are all the backups of orders: after this, orders has no backup at all")
                             .arg(newestFirst.join(QStringLiteral(", "))) });

        const CancelFlag never{ false };
        VerifyParams verification;
        verification.repositoryPath = m_repo->repo();
        verification.ids = { a, c };
        const auto verified = VerifyJob::verifyAll(verification, never, {});
        COFFER_VERIFY_OK(verified);
        QCOMPARE(verified->size(), 2);
        QVERIFY(verified->at(0).ok() && verified->at(1).ok());
        const QStringList newest = deletionWarnings(all(), { c });
        QCOMPARE(newest.size(), 1);
        QVERIFY2(newest.first().startsWith(c.left(8)
                     + QStringLiteral(" is the newest verified backup of orders; after this, the newest "
                                      "verified one is ")
                     + a.left(8) + QStringLiteral(" (orders, ")),
            qPrintable(newest.first()));
        QCOMPARE(deletionWarnings(all(), { a }), QStringList()); // an older verified one: the newest stays
        QCOMPARE(deletionWarnings(all(), { b }), QStringList());
        QCOMPARE(deletionWarnings(all(), { a, c }),
            QStringList{ QStringLiteral("%1, %2 are the only verified backups of orders: no other backup of orders has "
                                        "passed a verification")
                             .arg(c.left(8), a.left(8)) });

        // A pinned backup is refused, not lost.
        QVERIFY(Pinning::set(m_repo->repo(), c, true, 0));
        QCOMPARE(deletionWarnings(all(), { c }), QStringList());

        // The last backup of its database.
        const auto removed = DeleteJob::remove(deletion({ a, b }), never, {});
        COFFER_VERIFY_OK(removed);
        QVERIFY(Pinning::set(m_repo->repo(), c, false, 0));
        QCOMPARE(deletionWarnings(all(), { c }),
            QStringList{ QStringLiteral("%1 is the only backup of orders: after this, orders has no backup at all")
                             .arg(c.left(8)) });
    }

    void unknownIdDeletesNothing()
    {
        const CatalogEntry known = backup();
        QVERIFY(!known.manifest.id.isEmpty());
        const QString unknown
            = known.manifest.id.startsWith(QLatin1Char('0')) ? QStringLiteral("ffffffff") : QStringLiteral("00000000");
        auto job = run(std::make_shared<DeleteJob>(deletion({ known.manifest.id, unknown })));
        QCOMPARE(job->state(), Job::State::Failed);
        QCOMPARE(job->error().code, ErrorCode::NotFound);
        QVERIFY(entry(known.manifest.id));
        QVERIFY(QFileInfo::exists(known.artifactPath));
        QVERIFY(auditOf(QStringLiteral("delete")).isEmpty());
    }

    void heldRepositoryDeletesNothing()
    {
        const CatalogEntry known = backup();
        QVERIFY(!known.manifest.id.isEmpty());
        auto repository = Repository::open(m_repo->repo());
        COFFER_VERIFY_OK(repository);
        auto held = RepoLock::acquire(repository->locksDir(), RepoLock::Kind::Shared, QStringLiteral("the test"), 0);
        COFFER_VERIFY_OK(held);
        auto job = run(std::make_shared<DeleteJob>(deletion({ known.manifest.id })));
        QCOMPARE(job->state(), Job::State::Failed);
        QCOMPARE(job->error().code, ErrorCode::Locked);
        QVERIFY(QFileInfo::exists(known.artifactPath));
        held->release();
        QCOMPARE(run(std::make_shared<DeleteJob>(deletion({ known.manifest.id })))->state(), Job::State::Succeeded);
        QVERIFY(!QFileInfo::exists(known.artifactPath));
    }
};

QTEST_GUILESS_MAIN(TstDeleteJob)
#include "tst_deletejob.moc"
