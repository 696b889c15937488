// The restore engine in-process: planning and preflight, the safety backup, the atomic swap,
// the live copy-in, and what is refused — always against real files and real processes.
#include "SmallDisk.h"
#include "SqliteShell.h"
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "repository/Catalog.h"
#include "restore/RestorePlanner.h"
#include "restore/Restorer.h"
#include "verify/Verifier.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace coffer;

class TstRestore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void restoresOverExistingDatabase();
    void safetyBackupIsFiledAndExpires();
    void reportsEachCheckAndPhaseAsItHappens();
    void restoresToAnotherPath();
    void latestSkipsBackupsThatFailedVerification();
    void dryRunChangesNothing();
    void badArtifactIsRefusedAndTargetUntouched_data();
    void badArtifactIsRefusedAndTargetUntouched();
    void targetInUseIsRefusedWithoutLive();
    void liveRestoreIsSeenByOpenConnection();
    void otherDatabasesNameIsRefused();
    void nonSqliteTargetIsRefused();
    void unwritableFolderIsRefused();
    void hotWalGoesIntoSafetyBackupNotIntoRestoredDatabase();
    void keepsTheTargetsPermissions();
    void fullDiskDuringLiveCopyLeavesTargetAsItWas();
    void fullRepositoryStopsBeforeTouchingTarget();
    void auditTrailRecordsEveryRestore();
    void cancelDuringTheChecksStopsThePreflight();
    void hotJournalIsRolledBackBeforeTheSafetyBackup();
    void liveIntoWalTargetWithOtherPageSizeIsRefused();
    void targetsASwapCannotReplaceAreRefused_data();
    void targetsASwapCannotReplaceAreRefused();

private:
    QString backup(const QString &db, const QString &name = QStringLiteral("shop"));
    RestoreParams params(const QString &id) const;
    static Result<RestorePlan> prepare(const RestoreParams &params);
    static RestoreResult execute(const RestorePlan &plan);
    QStringList hiddenLeftovers() const;
    Result<Catalog> openCatalog() const;

    std::unique_ptr<testsupport::TempRepository> m_repo;
    QString m_db;
    QString m_backedUp; // contentSummary of m_db at backup time
    QString m_id;
};

void TstRestore::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    m_db = m_repo->path(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_db, 300));
    testsupport::sqlite(m_db, QStringLiteral("CREATE TABLE marker(note TEXT)"));
    m_backedUp = testsupport::contentSummary(m_db);
    m_id = backup(m_db);
    QVERIFY(!m_id.isEmpty());
    // What happens after the backup: the restore must take it away again.
    testsupport::sqlite(m_db, QStringLiteral("INSERT INTO marker VALUES('after the backup')"));
    testsupport::sqlite(m_db, QStringLiteral("DELETE FROM orders WHERE id % 2 = 0"));
    QVERIFY(testsupport::contentSummary(m_db) != m_backedUp);
}

QString TstRestore::backup(const QString &db, const QString &name)
{
    BackupParams p;
    p.repositoryPath = m_repo->repo();
    p.sourcePath = db;
    p.database = name;
    CancelFlag cancel{ false };
    auto result = BackupPipeline::run(p, cancel, {});
    return result ? result->manifest.id : QString();
}

RestoreParams TstRestore::params(const QString &id) const
{
    RestoreParams p;
    p.repositoryPath = m_repo->repo();
    p.backupId = id;
    p.targetPath = m_db;
    return p;
}

Result<RestorePlan> TstRestore::prepare(const RestoreParams &params)
{
    CancelFlag cancel{ false };
    return RestorePlanner::prepare(params, cancel, {});
}

RestoreResult TstRestore::execute(const RestorePlan &plan)
{
    CancelFlag cancel{ false };
    return Restorer::execute(plan, cancel, {});
}

Result<Catalog> TstRestore::openCatalog() const
{
    auto repo = Repository::open(m_repo->repo());
    if (!repo)
        return std::unexpected(repo.error());
    return Catalog::open(*repo);
}

QStringList TstRestore::hiddenLeftovers() const
{
    return QDir(m_repo->dir()).entryList({ QStringLiteral(".shop.db.*") }, QDir::Files | QDir::Hidden);
}

void TstRestore::restoresOverExistingDatabase()
{
    const QString before = testsupport::contentSummary(m_db);
    auto plan = prepare(params(m_id.left(8)));
    COFFER_VERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->failedChecks().value(0).detail));
    QCOMPARE(plan->mode, QStringLiteral("swap"));
    QVERIFY(plan->takeSafetyBackup);
    QStringList names;
    for (const CheckResult &check : std::as_const(plan->checks))
        names << check.name;
    QCOMPARE(names,
        (QStringList{ QStringLiteral("target_folder"), QStringLiteral("target_file"), QStringLiteral("database_name"),
            QStringLiteral("target_in_use"), QStringLiteral("repository_writable"), QStringLiteral("free_space"),
            QStringLiteral("backup_verified") }));
    // Preflight touched nothing: the target is still the changed database.
    QCOMPARE(testsupport::contentSummary(m_db), before);

    const RestoreResult result = execute(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    QVERIFY(!result.rolledBack);
    QCOMPARE(testsupport::contentSummary(m_db), m_backedUp);
    QVERIFY(!result.safetyBackupId.isEmpty());
    QVERIFY(result.gap.contains(QStringLiteral("is not in the restored database")));
    QStringList phases;
    for (const RestorePhase &phase : result.phases)
        phases << phase.name;
    QCOMPARE(phases,
        (QStringList{ QStringLiteral("preflight"), QStringLiteral("safety backup"), QStringLiteral("install"),
            QStringLiteral("verify") }));
    for (const CheckResult &check : result.installedChecks)
        QVERIFY2(check.ok, qPrintable(check.name + QStringLiteral(": ") + check.detail));
    QVERIFY(!QFileInfo::exists(m_db + QStringLiteral("-journal")));
    QCOMPARE(hiddenLeftovers(), QStringList()); // no copy, no kept old file
}

void TstRestore::safetyBackupIsFiledAndExpires()
{
    const QString before = testsupport::contentSummary(m_db);
    auto plan = prepare(params(m_id));
    COFFER_VERIFY_OK(plan);
    const RestoreResult result = execute(*plan);
    QVERIFY(result.ok());

    auto catalog = openCatalog();
    COFFER_VERIFY_OK(catalog);
    auto safety = catalog->backup(result.safetyBackupId);
    COFFER_VERIFY_OK(safety);
    QCOMPARE(safety->manifest.trigger, QStringLiteral("safety"));
    QCOMPARE(safety->manifest.database, QStringLiteral("shop"));
    QVERIFY(safety->manifest.tags.contains(QStringLiteral("before-restore-%1").arg(m_id.left(8))));
    QCOMPARE(result.safetyBackupId, plan->safetyBackupId); // the id the preflight announced
    const qint64 keptHours = safety->manifest.created.secsTo(safety->manifest.expires) / 3600;
    QCOMPARE(keptHours, qint64(7 * 24));

    // The safety backup holds exactly what was replaced: restoring it brings that back.
    auto undo = prepare(params(result.safetyBackupId));
    COFFER_VERIFY_OK(undo);
    QVERIFY(execute(*undo).ok());
    QCOMPARE(testsupport::contentSummary(m_db), before);
}

void TstRestore::reportsEachCheckAndPhaseAsItHappens()
{
    // The wizard's live checklist and phase list are told each step as it is decided.
    CancelFlag cancel{ false };
    QList<CheckResult> told;
    QStringList steps;
    auto plan = RestorePlanner::prepare(
        params(m_id), cancel,
        [&](const QString &step, qint64, qint64) {
            if (steps.isEmpty() || steps.last() != step)
                steps << step;
        },
        [&](const CheckResult &check) {
            told << check;
            steps << QStringLiteral("check:") + check.name;
        });
    COFFER_VERIFY_OK(plan);
    QCOMPARE(told.size(), plan->checks.size());
    for (qsizetype i = 0; i < told.size(); ++i) {
        QCOMPARE(told.at(i).name, plan->checks.at(i).name);
        QCOMPARE(told.at(i).ok, plan->checks.at(i).ok);
    }
    // The verification's progress comes before its own check, after the quick ones.
    QCOMPARE(steps.last(), QStringLiteral("check:backup_verified"));
    QVERIFY2(steps.indexOf(QStringLiteral("check:free_space")) < steps.indexOf(QStringLiteral("check")),
        qPrintable(steps.join(QLatin1Char(' '))));
    QVERIFY(plan->safetyBackupId.contains(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$"))));

    QStringList phases;
    const RestoreResult result = Restorer::execute(*plan, cancel, {}, [&](const QString &phase) { phases << phase; });
    QVERIFY(result.ok());
    QCOMPARE(phases, (QStringList{ QStringLiteral("safety backup"), QStringLiteral("install"), QStringLiteral("verify") }));
    QStringList timed;
    for (const RestorePhase &phase : result.phases)
        timed << phase.name;
    QCOMPARE(timed, QStringList{ QStringLiteral("preflight") } + phases);

    // A new file has nothing to keep: no safety backup is named or taken.
    RestoreParams elsewhere = params(m_id);
    elsewhere.targetPath = m_repo->path(QStringLiteral("copy.db"));
    auto fresh = RestorePlanner::prepare(elsewhere, cancel, {});
    COFFER_VERIFY_OK(fresh);
    QVERIFY(fresh->safetyBackupId.isEmpty());
    phases.clear();
    QVERIFY(Restorer::execute(*fresh, cancel, {}, [&](const QString &phase) { phases << phase; }).ok());
    QCOMPARE(phases, (QStringList{ QStringLiteral("install"), QStringLiteral("verify") }));
}

void TstRestore::restoresToAnotherPath()
{
    QFile original(m_db);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray originalBytes = original.readAll();
    original.close();
    const QString side = m_repo->path(QStringLiteral("side/shop-copy.db"));
    QVERIFY(QDir().mkpath(QFileInfo(side).absolutePath()));

    RestoreParams p = params(m_id);
    p.targetPath = side;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(plan->ok());
    QVERIFY(!plan->takeSafetyBackup); // nothing there to keep
    const RestoreResult result = execute(*plan);
    QVERIFY(result.ok());
    QVERIFY(result.safetyBackupId.isEmpty());
    QCOMPARE(testsupport::contentSummary(side), m_backedUp);
    QCOMPARE(QFileInfo(side).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), originalBytes);
}

void TstRestore::latestSkipsBackupsThatFailedVerification()
{
    const QString newer = backup(m_db);
    QVERIFY(!newer.isEmpty());
    RestoreParams p = params({});
    p.latestOf = QStringLiteral("shop");
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QCOMPARE(plan->backup.manifest.id, newer);

    // Damage the newest and let a verification find it: --latest falls back to the older one.
    QVERIFY(testsupport::flipByte(plan->backup.artifactPath, 40));
    plan.value().copy.reset();
    auto catalog = openCatalog();
    COFFER_VERIFY_OK(catalog);
    auto entry = catalog->backup(newer);
    COFFER_VERIFY_OK(entry);
    CancelFlag cancel{ false };
    auto outcome = Verifier::verify(*entry, VerifyLevel::Quick, cancel, {});
    COFFER_VERIFY_OK(outcome);
    QVERIFY(!outcome->ok());
    COFFER_VERIFY_OK(catalog->recordVerification(*outcome));

    plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QCOMPARE(plan->backup.manifest.id, m_id);
    QVERIFY(plan->notes.join(QLatin1Char('\n')).contains(newer.left(8)));
    QVERIFY(execute(*plan).ok());
    QCOMPARE(testsupport::contentSummary(m_db), m_backedUp);
}

void TstRestore::dryRunChangesNothing()
{
    const QStringList filesBefore = testsupport::filesBelow(m_repo->dir());
    QFile target(m_db);
    QVERIFY(target.open(QIODevice::ReadOnly));
    const QByteArray bytes = target.readAll();
    target.close();

    RestoreParams p = params(m_id);
    p.dryRun = true;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(plan->ok());
    QVERIFY(!plan->copy); // the verified copy is gone again
    QVERIFY(!plan->verification.isEmpty());
    QCOMPARE(hiddenLeftovers(), QStringList());
    QVERIFY(target.open(QIODevice::ReadOnly));
    QCOMPARE(target.readAll(), bytes);
    // Only the catalog learned something (the verification); no backup, no artifact.
    QCOMPARE(testsupport::filesBelow(m_repo->dir()), filesBefore);
}

void TstRestore::badArtifactIsRefusedAndTargetUntouched_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("flipped byte") << QStringLiteral("flip");
    QTest::newRow("truncated") << QStringLiteral("truncate");
    QTest::newRow("missing") << QStringLiteral("remove");
}

void TstRestore::badArtifactIsRefusedAndTargetUntouched()
{
    QFETCH(QString, damage);
    auto first = prepare(params(m_id));
    COFFER_VERIFY_OK(first);
    const QString artifact = first->backup.artifactPath;
    first.value().copy.reset();
    if (damage == QStringLiteral("flip"))
        QVERIFY(testsupport::flipByte(artifact, -20));
    else if (damage == QStringLiteral("truncate"))
        QVERIFY(QFile::resize(artifact, QFileInfo(artifact).size() / 2));
    else
        QVERIFY(QFile::remove(artifact));

    QFile target(m_db);
    QVERIFY(target.open(QIODevice::ReadOnly));
    const QByteArray bytes = target.readAll();
    target.close();
    auto plan = prepare(params(m_id));
    COFFER_VERIFY_OK(plan);
    QVERIFY(!plan->ok());
    QCOMPARE(plan->failedChecks().first().name, QStringLiteral("backup_verified"));
    QVERIFY(!plan->copy);
    const RestoreResult result = execute(*plan); // refuses a plan that did not pass
    QVERIFY(!result.ok());
    QVERIFY(target.open(QIODevice::ReadOnly));
    QCOMPARE(target.readAll(), bytes);
    QCOMPARE(hiddenLeftovers(), QStringList());

    auto catalog = openCatalog();
    COFFER_VERIFY_OK(catalog);
    auto backups = catalog->backups();
    COFFER_VERIFY_OK(backups);
    QCOMPARE(backups->size(), 1); // no safety backup was taken
    QVERIFY(backups->first().lastVerification && !backups->first().lastVerification->ok());
    auto trail = catalog->auditTrail();
    COFFER_VERIFY_OK(trail);
    QCOMPARE(trail->last().operation, QStringLiteral("restore"));
    QCOMPARE(trail->last().outcome, QStringLiteral("refused"));
}

void TstRestore::targetInUseIsRefusedWithoutLive()
{
    testsupport::SqliteShell app;
    QVERIFY(app.start(m_db));
    auto plan = prepare(params(m_id));
    COFFER_VERIFY_OK(plan);
    QVERIFY(!plan->ok());
    QCOMPARE(plan->failedChecks().first().name, QStringLiteral("target_in_use"));
    QVERIFY2(plan->failedChecks().first().detail.contains(QStringLiteral("pid %1").arg(app.pid())),
        qPrintable(plan->failedChecks().first().detail));
    QVERIFY(plan->failedChecks().first().detail.contains(QStringLiteral("--live")));

    RestoreParams live = params(m_id);
    live.live = true;
    auto livePlan = prepare(live);
    COFFER_VERIFY_OK(livePlan);
    QVERIFY(livePlan->ok());
    QCOMPARE(livePlan->mode, QStringLiteral("live"));
}

void TstRestore::liveRestoreIsSeenByOpenConnection()
{
    testsupport::SqliteShell app;
    QVERIFY(app.start(m_db, QStringLiteral("PRAGMA journal_mode=WAL")));
    QCOMPARE(app.query(QStringLiteral("SELECT count(*) FROM marker")), QStringLiteral("1"));
    RestoreParams p = params(m_id);
    p.live = true;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->failedChecks().value(0).detail));
    const RestoreResult result = execute(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    // The connection that stayed open now reads the restored content, and can keep writing.
    QCOMPARE(app.query(QStringLiteral("SELECT count(*) FROM marker")), QStringLiteral("0"));
    QCOMPARE(app.query(QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("300"));
    QCOMPARE(app.query(QStringLiteral("INSERT INTO marker VALUES('after the restore'); SELECT count(*) FROM marker")),
        QStringLiteral("1"));
}

void TstRestore::otherDatabasesNameIsRefused()
{
    const QString other = m_repo->path(QStringLiteral("billing.db"));
    QVERIFY(testsupport::makeSampleDatabase(other, 10));
    RestoreParams p = params(m_id);
    p.targetPath = other;
    p.workspaceDatabases = { DatabaseEntry{ QStringLiteral("shop"), QStringLiteral("sqlite"), m_db, {}, {}, {}, {} },
        DatabaseEntry{ QStringLiteral("billing"), QStringLiteral("sqlite"), other, {}, {}, {}, {} } };
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(!plan->ok());
    QCOMPARE(plan->failedChecks().first().name, QStringLiteral("database_name"));
    QVERIFY(plan->failedChecks().first().detail.contains(QStringLiteral("billing")));
    plan.value().copy.reset();
    p.ignoreNameMismatch = true;
    plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(plan->ok());
    QCOMPARE(plan->safetyDatabase, QStringLiteral("billing")); // filed under what it protects

    // Without --target, the workspace's path for the backup's database is the target.
    p = params(m_id);
    p.targetPath.clear();
    p.workspaceDatabases = { DatabaseEntry{ QStringLiteral("shop"), QStringLiteral("sqlite"), other, {}, {}, {}, {} } };
    auto byName = prepare(p);
    COFFER_VERIFY_OK(byName);
    QCOMPARE(byName->target.path, QFileInfo(other).canonicalFilePath());
}

void TstRestore::nonSqliteTargetIsRefused()
{
    const QString notes = m_repo->path(QStringLiteral("notes.db"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are not the pages you are looking for\n");
    file.close();
    RestoreParams p = params(m_id);
    p.targetPath = notes;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(!plan->ok());
    QCOMPARE(plan->failedChecks().first().name, QStringLiteral("target_file"));
    QVERIFY(plan->failedChecks().first().detail.contains(QStringLiteral("not an SQLite database")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("these are not the pages you are looking for\n"));
}

void TstRestore::unwritableFolderIsRefused()
{
    // A read-only file system: even root cannot write there.
    testsupport::SmallDisk disk(QStringLiteral("4m"));
    if (!disk.isMounted())
        COFFER_SKIP_UNLESS_CI("mounting a tmpfs needs root");
    const QString target = disk.path(QStringLiteral("shop.db"));
    QVERIFY(QFile::copy(m_db, target));
    QVERIFY(disk.remountReadOnly());
    const QString before = testsupport::contentSummary(target);

    RestoreParams p = params(m_id);
    p.targetPath = target;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(!plan->ok());
    QCOMPARE(plan->failedChecks().first().name, QStringLiteral("target_folder"));
    QVERIFY(plan->failedChecks().first().detail.contains(QStringLiteral("not writable")));
    QCOMPARE(testsupport::contentSummary(target), before);
}

void TstRestore::hotWalGoesIntoSafetyBackupNotIntoRestoredDatabase()
{
    // A writer that died with committed rows still in its -wal.
    {
        testsupport::SqliteShell writer;
        QVERIFY(writer.start(m_db, QStringLiteral("PRAGMA journal_mode=WAL")));
        QCOMPARE(writer.query(QStringLiteral("INSERT INTO marker VALUES('only in the wal'); SELECT count(*) FROM "
                                             "marker")),
            QStringLiteral("2"));
        writer.kill();
    }
    QVERIFY(QFileInfo(m_db + QStringLiteral("-wal")).size() > 0);
    auto plan = prepare(params(m_id));
    COFFER_VERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->failedChecks().value(0).detail));
    QVERIFY(plan->target.hotWal);
    const RestoreResult result = execute(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    // The stale -wal did not meet the restored file...
    QVERIFY(!QFileInfo::exists(m_db + QStringLiteral("-wal")));
    QCOMPARE(testsupport::contentSummary(m_db), m_backedUp);
    // ...and the rows that lived only in it are in the safety backup.
    RestoreParams side = params(result.safetyBackupId);
    side.targetPath = m_repo->path(QStringLiteral("before-restore.db"));
    auto sidePlan = prepare(side);
    COFFER_VERIFY_OK(sidePlan);
    QVERIFY(execute(*sidePlan).ok());
    QCOMPARE(testsupport::sqlite(side.targetPath, QStringLiteral("SELECT count(*) FROM marker")), QStringLiteral("2"));
}

void TstRestore::keepsTheTargetsPermissions()
{
    QVERIFY(::chmod(QFile::encodeName(m_db).constData(), 0640) == 0);
    auto plan = prepare(params(m_id));
    COFFER_VERIFY_OK(plan);
    QVERIFY(execute(*plan).ok());
    struct stat st = {};
    QVERIFY(::stat(QFile::encodeName(m_db).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 07777), 0640);
}

void TstRestore::fullDiskDuringLiveCopyLeavesTargetAsItWas()
{
    testsupport::SmallDisk disk(QStringLiteral("8m"));
    if (!disk.isMounted())
        COFFER_SKIP_UNLESS_CI("mounting a small tmpfs as a full disk needs root");
    // A small database in place, a larger backup to restore over it.
    const QString target = disk.path(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(target, 20));
    const QString big = m_repo->path(QStringLiteral("big.db"));
    QVERIFY(testsupport::makeSampleDatabase(big, 3000));
    const QString id = backup(big);
    QVERIFY(!id.isEmpty());
    const QString before = testsupport::contentSummary(target);

    RestoreParams p = params(id);
    p.targetPath = target;
    p.live = true;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->failedChecks().value(0).detail));
    // The disk fills up between the preflight and the copy.
    const QString filler = disk.fill();
    QVERIFY(!filler.isEmpty());

    const RestoreResult result = execute(*plan);
    QVERIFY(!result.ok());
    QVERIFY2(result.error->toString().contains(QStringLiteral("full"), Qt::CaseInsensitive),
        qPrintable(result.error->toString()));
    QVERIFY(result.rolledBack);
    QVERIFY(!result.rollbackFailed);
    QVERIFY(result.rollbackDetail.contains(QStringLiteral("SQLite rolled the copy back")));
    QVERIFY(!result.safetyBackupId.isEmpty()); // the repository is on another disk
    QVERIFY(QFile::remove(filler));
    QCOMPARE(testsupport::contentSummary(target), before);
}

void TstRestore::fullRepositoryStopsBeforeTouchingTarget()
{
    testsupport::SmallDisk disk(QStringLiteral("8m"));
    if (!disk.isMounted())
        COFFER_SKIP_UNLESS_CI("mounting a small tmpfs as a full disk needs root");
    const QString repoPath = disk.path(QStringLiteral("repo"));
    QVERIFY(Repository::init(repoPath).has_value());
    BackupParams b;
    b.repositoryPath = repoPath;
    b.sourcePath = m_db;
    b.database = QStringLiteral("shop");
    CancelFlag cancel{ false };
    auto made = BackupPipeline::run(b, cancel, {});
    COFFER_VERIFY_OK(made);
    const QString before = testsupport::contentSummary(m_db);

    RestoreParams p = params(made->manifest.id);
    p.repositoryPath = repoPath;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(plan->ok());
    QVERIFY(!disk.fill().isEmpty());
    const RestoreResult result = execute(*plan);
    QVERIFY(!result.ok());
    QVERIFY2(result.error->message.contains(QStringLiteral("disk is full")), qPrintable(result.error->message));
    QVERIFY(!result.installed);
    QCOMPARE(testsupport::contentSummary(m_db), before);
}

void TstRestore::auditTrailRecordsEveryRestore()
{
    auto plan = prepare(params(m_id));
    COFFER_VERIFY_OK(plan);
    QVERIFY(execute(*plan).ok());
    testsupport::SqliteShell app;
    QVERIFY(app.start(m_db));
    auto refused = prepare(params(m_id));
    COFFER_VERIFY_OK(refused);
    QVERIFY(!refused->ok());

    auto catalog = openCatalog();
    COFFER_VERIFY_OK(catalog);
    auto trail = catalog->auditTrail();
    COFFER_VERIFY_OK(trail);
    QStringList lines;
    for (const AuditRecord &record : std::as_const(*trail))
        lines << QStringLiteral("%1 %2 %3").arg(record.operation, record.backupId.left(8), record.outcome);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("backup %1 ok").arg(m_id.left(8)));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("backup "))); // the safety backup
    QCOMPARE(lines.at(2), QStringLiteral("restore %1 ok").arg(m_id.left(8)));
    QCOMPARE(lines.at(3), QStringLiteral("restore %1 refused").arg(m_id.left(8)));
    QVERIFY(trail->at(2).detail.contains(QStringLiteral("is not in the restored database")));
    QCOMPARE(trail->at(2).target, QFileInfo(m_db).canonicalFilePath());
    auto chain = catalog->verifyAuditTrail();
    COFFER_VERIFY_OK(chain);
    QVERIFY(chain->ok);
}

void TstRestore::cancelDuringTheChecksStopsThePreflight()
{
    // Ctrl-C while integrity_check runs: it finishes, and then the cancel counts.
    CancelFlag cancel{ false };
    bool sawChecks = false;
    auto plan = RestorePlanner::prepare(params(m_id), cancel, [&](const QString &phase, qint64, qint64) {
        if (phase == QStringLiteral("check")) {
            sawChecks = true;
            cancel = true;
        }
    });
    QVERIFY(sawChecks);
    QVERIFY(!plan.has_value());
    QCOMPARE(plan.error().code, ErrorCode::Cancelled);
    QCOMPARE(hiddenLeftovers(), QStringList());
    auto catalog = openCatalog();
    COFFER_VERIFY_OK(catalog);
    auto trail = catalog->auditTrail();
    COFFER_VERIFY_OK(trail);
    QCOMPARE(trail->last().outcome, QStringLiteral("cancelled"));
}

void TstRestore::hotJournalIsRolledBackBeforeTheSafetyBackup()
{
    // A writer died mid-transaction with pages already spilled to the database: a hot -journal.
    const QString before = testsupport::contentSummary(m_db);
    {
        testsupport::SqliteShell writer;
        QVERIFY(writer.start(m_db, QStringLiteral("PRAGMA cache_size=5")));
        writer.query(QStringLiteral("BEGIN; INSERT INTO blobs(data) SELECT randomblob(4000) FROM blobs"));
        writer.kill();
    }
    QVERIFY(QFileInfo(m_db + QStringLiteral("-journal")).size() > 0);
    auto plan = prepare(params(m_id));
    COFFER_VERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->failedChecks().value(0).detail));
    QVERIFY(plan->target.hotJournal);
    const RestoreResult result = execute(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    QCOMPARE(testsupport::contentSummary(m_db), m_backedUp);
    // The safety backup holds the database as it was committed (the torn transaction undone).
    RestoreParams side = params(result.safetyBackupId);
    side.targetPath = m_repo->path(QStringLiteral("before-restore.db"));
    auto sidePlan = prepare(side);
    COFFER_VERIFY_OK(sidePlan);
    QVERIFY(execute(*sidePlan).ok());
    QCOMPARE(testsupport::contentSummary(side.targetPath), before);
}

void TstRestore::liveIntoWalTargetWithOtherPageSizeIsRefused()
{
    // SQLite cannot change a WAL database's page size through the backup API: say so before
    // taking a safety backup, not after.
    const QString small = m_repo->path(QStringLiteral("small-pages.db"));
    {
        testsupport::SqliteShell shell; // one connection: the page size holds until the first write
        QVERIFY(shell.start(small, QStringLiteral("PRAGMA page_size=1024")));
        shell.query(QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE t(x)"));
    }
    QCOMPARE(testsupport::sqlite(small, QStringLiteral("PRAGMA page_size")), QStringLiteral("1024"));
    RestoreParams p = params(m_id);
    p.targetPath = small;
    p.live = true;
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(!plan->ok());
    QCOMPARE(plan->failedChecks().first().name, QStringLiteral("target_file"));
    QVERIFY2(plan->failedChecks().first().detail.contains(QStringLiteral("1024-byte pages")),
             qPrintable(plan->failedChecks().first().detail));
    p.live = false; // a swap has no such limit
    auto swap = prepare(p);
    COFFER_VERIFY_OK(swap);
    QVERIFY(swap->ok());
}

void TstRestore::targetsASwapCannotReplaceAreRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("says");
    QTest::newRow("hard-linked") << QStringLiteral("hardlink") << QStringLiteral("hard links");
    QTest::newRow("dangling symlink") << QStringLiteral("dangling") << QStringLiteral("symbolic link");
}

void TstRestore::targetsASwapCannotReplaceAreRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, says);
    RestoreParams p = params(m_id);
    if (kind == QStringLiteral("hardlink")) {
        QVERIFY(::link(QFile::encodeName(m_db).constData(),
                    QFile::encodeName(m_repo->path(QStringLiteral("other-name.db"))).constData())
            == 0);
    } else {
        p.targetPath = m_repo->path(QStringLiteral("link.db"));
        QVERIFY(QFile::link(m_repo->path(QStringLiteral("gone.db")), p.targetPath));
    }
    const QString before = testsupport::contentSummary(m_db);
    auto plan = prepare(p);
    COFFER_VERIFY_OK(plan);
    QVERIFY(!plan->ok());
    QCOMPARE(plan->failedChecks().first().name, QStringLiteral("target_file"));
    QVERIFY2(plan->failedChecks().first().detail.contains(says), qPrintable(plan->failedChecks().first().detail));
    QCOMPARE(testsupport::contentSummary(m_db), before);
    if (kind == QStringLiteral("hardlink")) {
        p.live = true; // writes in place: every name sees the restored database
        auto live = prepare(p);
        COFFER_VERIFY_OK(live);
        QVERIFY(live->ok());
        QVERIFY(execute(*live).ok());
        QCOMPARE(testsupport::contentSummary(m_repo->path(QStringLiteral("other-name.db"))), m_backedUp);
    }
}

QTEST_GUILESS_MAIN(TstRestore)
#include "tst_restore.moc"
