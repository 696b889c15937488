// Restore drills: a real backup restored into a scratch folder, verified in full, smoke-queried,
// timed and removed, with the outcome in the catalog; the live database never touched. The
// grammar, the smoke queries alone, the choice of backups and the report: tst_drill_checks.
#include "ContainerSupport.h"
#include "GeneratedBackups.h"
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "common/Sha256.h"
#include "drill/DrillJob.h"
#include "report/DrillReport.h"
#include "repository/Catalog.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace coffer;
using testsupport::sqlite;

class TstDrill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void healthyBackupDrills();
    void deletedRowsFailTheSmokeQuery();
    void manifestExpectation();
    void writingQueryIsRefused();
    void databaseWithoutSmokeQueriesStillDrills();
    void databaseWithoutBackupFailsUnrecorded();
    void encryptedBackupNeedsKey();
    void sampleDrillsRealBackups();
    void liveDatabaseUntouched();
    void scratchFolderIsPrivateAndRemoved();
    void cleanupFailureIsReported();
    void cancelStopsAndCleansUp_data();
    void cancelStopsAndCleansUp();
    void drillsSurviveReindexAndDeletion();
    void schema3CatalogUpgrades();

private:
    // A database with `users` (kUsers rows) beside the sample tables, backed up into the repository.
    BackupResult backUp(const QString &name = QStringLiteral("shop"), const EncryptionKeys &keys = {});
    Workspace workspace(const QString &smokeQueriesYaml, const QString &database = QStringLiteral("shop"));
    DrillParams params(const Workspace &ws, const QStringList &databases = { QStringLiteral("shop") });
    // Runs the job on this thread; fails the test when it does not succeed.
    QList<DrillOutcome> drill(const DrillParams &params);
    Catalog catalog();
    QString live(const QString &name = QStringLiteral("shop")) const
    {
        return m_repo->path(name + QStringLiteral(".db"));
    }

    static constexpr int kUsers = 50;
    std::unique_ptr<testsupport::TempRepository> m_repo;
    std::unique_ptr<QTemporaryDir> m_scratch;
};

namespace {

QStringList checkNames(const QList<CheckResult> &checks)
{
    QStringList names;
    for (const CheckResult &check : checks)
        names << check.name;
    return names;
}

QString failures(const QList<CheckResult> &checks)
{
    QStringList lines;
    for (const CheckResult &check : failedOf(checks))
        lines << check.name + QStringLiteral(": ") + check.detail;
    return lines.join(QStringLiteral("; "));
}

std::optional<CheckResult> named(const QList<CheckResult> &checks, const QString &name)
{
    for (const CheckResult &check : checks)
        if (check.name == name)
            return check;
    return std::nullopt;
}

// Every row of a table, columns joined by '|', in rowid order.
QString tableDump(const QString &path, const QString &table)
{
    sqlite3 *db = nullptr;
    QStringList rows;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        const QByteArray sql = QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table).toUtf8();
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK) {
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                QStringList columns;
                for (int i = 0; i < sqlite3_column_count(stmt); ++i)
                    columns << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)));
                rows << columns.join(QLatin1Char('|'));
            }
            sqlite3_finalize(stmt);
        } else {
            rows << QStringLiteral("error: ") + QString::fromUtf8(sqlite3_errmsg(db));
        }
    }
    sqlite3_close(db);
    return rows.join(QLatin1Char('\n'));
}

// Name, size, modification and change times (ns) and SHA-256 of every file in `dir`.
QStringList fileStates(const QString &dir)
{
    QStringList states;
    const QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        const QString path = QDir(dir).filePath(name);
        struct stat info {
        };
        ::stat(QFile::encodeName(path).constData(), &info);
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        states << QStringLiteral("%1 %2 %3.%4 %5.%6 %7")
                      .arg(name)
                      .arg(qint64(info.st_size))
                      .arg(qint64(info.st_mtim.tv_sec))
                      .arg(qint64(info.st_mtim.tv_nsec))
                      .arg(qint64(info.st_ctim.tv_sec))
                      .arg(qint64(info.st_ctim.tv_nsec))
                      .arg(Sha256::hex(file.readAll()));
    }
    return states;
}

} // namespace

void TstDrill::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    m_scratch = std::make_unique<QTemporaryDir>();
    QVERIFY(m_scratch->isValid());
}

BackupResult TstDrill::backUp(const QString &name, const EncryptionKeys &keys)
{
    const QString db = live(name);
    if (!QFileInfo::exists(db)) {
        if (!testsupport::makeSampleDatabase(db, 200))
            qFatal("no sample database");
        sqlite(db, QStringLiteral("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL)"));
        sqlite(db,
            QStringLiteral("INSERT INTO users(name) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                           "FROM c WHERE x < %1) SELECT 'user' || x FROM c")
                .arg(kUsers));
    }
    BackupParams params;
    params.repositoryPath = m_repo->repo();
    params.sourcePath = db;
    params.database = name;
    params.encryption = keys;
    CancelFlag cancel{ false };
    auto result = BackupPipeline::run(params, cancel, {});
    if (!result)
        qFatal("backup failed: %s", qPrintable(result.error().toString()));
    return *result;
}

Workspace TstDrill::workspace(const QString &smokeQueriesYaml, const QString &database)
{
    QString yaml = QStringLiteral("databases:\n  %1:\n    path: %1.db\n").arg(database);
    if (!smokeQueriesYaml.isEmpty())
        yaml += QStringLiteral("    smoke_queries:\n") + smokeQueriesYaml;
    auto ws = Workspace::parse(yaml.toUtf8(), m_repo->path(QStringLiteral("workspace.yaml")));
    if (!ws)
        qFatal("workspace: %s", qPrintable(ws.error().toString()));
    return *ws;
}

DrillParams TstDrill::params(const Workspace &ws, const QStringList &databases)
{
    DrillParams p;
    p.repositoryPath = m_repo->repo();
    p.databases = databases;
    p.workspace = ws;
    p.scratchDirectory = m_scratch->path();
    p.seed = 1;
    return p;
}

QList<DrillOutcome> TstDrill::drill(const DrillParams &params)
{
    DrillJob job(params);
    job.run();
    if (job.state() != Job::State::Succeeded)
        qWarning("drill failed: %s", qPrintable(job.error().toString()));
    return job.state() == Job::State::Succeeded ? job.outcomes() : QList<DrillOutcome>{};
}

Catalog TstDrill::catalog()
{
    auto repo = Repository::open(m_repo->repo());
    auto opened = Catalog::open(*repo);
    if (!opened)
        qFatal("catalog: %s", qPrintable(opened.error().toString()));
    return std::move(*opened);
}

void TstDrill::healthyBackupDrills()
{
    const BackupResult backup = backUp();
    const Workspace ws = workspace(QStringLiteral("      - sql: SELECT count(*) FROM users\n"
                                                  "        expect: \"> 0\"\n"
                                                  "      - SELECT 1 FROM orders LIMIT 1\n"));
    const QList<DrillOutcome> outcomes = drill(params(ws));
    QCOMPARE(outcomes.size(), 1);
    const DrillOutcome &outcome = outcomes.first();
    QVERIFY2(outcome.ok(), qPrintable(failures(outcome.checks)));
    QCOMPARE(outcome.backupId, backup.manifest.id);
    QCOMPARE(outcome.database, QStringLiteral("shop"));
    QVERIFY(outcome.rtoMs > 0);
    QVERIFY(outcome.durationMs >= outcome.rtoMs);
    QCOMPARE(DrillReport::smokeQueries(outcome), 2);
    QCOMPARE(named(outcome.checks, QStringLiteral("smoke_query"))->detail,
        QStringLiteral("SELECT count(*) FROM users: expected > 0, got %1").arg(kUsers));

    // Every check of a full verification, and then the drill's own.
    CancelFlag cancel{ false };
    Catalog cat = catalog();
    auto entry = cat.backup(backup.manifest.id);
    COFFER_VERIFY_OK(entry);
    auto full = Verifier::verify(*entry, VerifyLevel::Full, cancel, {});
    COFFER_VERIFY_OK(full);
    const QStringList names = checkNames(outcome.checks);
    for (const QString &name : checkNames(full->checks))
        QVERIFY2(names.contains(name), qPrintable(name));
    QCOMPARE(names.mid(names.size() - 3),
        (QStringList{ QStringLiteral("smoke_query"), QStringLiteral("smoke_query"), QStringLiteral("cleanup") }));

    // Recorded: the drill, a full verification, and the audit trail.
    auto drills = cat.drills(QStringLiteral("shop"));
    COFFER_VERIFY_OK(drills);
    QCOMPARE(drills->size(), 1);
    QCOMPARE(drills->first().rtoMs, outcome.rtoMs);
    QCOMPARE(checkNames(drills->first().checks), names);
    QVERIFY(drills->first().ok());
    auto entryAfter = cat.backup(backup.manifest.id);
    COFFER_VERIFY_OK(entryAfter);
    QVERIFY(entryAfter->lastDrill.has_value());
    QCOMPARE(entryAfter->lastDrill->rtoMs, outcome.rtoMs);
    QCOMPARE(entryAfter->lastDrill->time, outcome.time);
    QVERIFY(entryAfter->lastVerification.has_value());
    QCOMPARE(entryAfter->lastVerification->level, QStringLiteral("full"));
    QVERIFY(entryAfter->lastVerification->ok());
    QCOMPARE(entryAfter->lastVerification->checks.size(), full->checks.size());
    auto trail = cat.auditTrail();
    COFFER_VERIFY_OK(trail);
    QCOMPARE(trail->last().operation, QStringLiteral("drill"));
    QCOMPARE(trail->last().backupId, backup.manifest.id);
    QCOMPARE(trail->last().outcome, QStringLiteral("ok"));
    QVERIFY2(trail->last().detail.contains(QStringLiteral("2 smoke queries")), qPrintable(trail->last().detail));

    // record = false leaves the catalog as it was.
    DrillParams unrecorded = params(ws);
    unrecorded.record = false;
    QCOMPARE(drill(unrecorded).size(), 1);
    QCOMPARE(cat.drills()->size(), 1);
    QCOMPARE(cat.verifications()->size(), 1);
}

void TstDrill::deletedRowsFailTheSmokeQuery()
{
    backUp();
    sqlite(live(), QStringLiteral("DELETE FROM users"));
    const BackupResult emptied = backUp();
    const Workspace ws = workspace(QStringLiteral("      - sql: SELECT count(*) FROM users\n"
                                                  "        expect: \"> 0\"\n"));
    const QList<DrillOutcome> outcomes = drill(params(ws));
    QCOMPARE(outcomes.size(), 1);
    const DrillOutcome &outcome = outcomes.first();
    QCOMPARE(outcome.backupId, emptied.manifest.id); // the newest
    QVERIFY(!outcome.ok());
    const QList<CheckResult> failed = failedOf(outcome.checks);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().name, QStringLiteral("smoke_query"));
    QCOMPARE(failed.first().detail, QStringLiteral("SELECT count(*) FROM users: expected > 0, got 0"));
    // The backup itself is sound: its verification passed, the drill failed.
    Catalog cat = catalog();
    auto entry = cat.backup(emptied.manifest.id);
    COFFER_VERIFY_OK(entry);
    QVERIFY(entry->lastVerification && entry->lastVerification->ok());
    QVERIFY(entry->lastDrill && !entry->lastDrill->ok());
    QCOMPARE(cat.auditTrail()->last().outcome, QStringLiteral("failed"));
    QVERIFY(cat.auditTrail()->last().detail.contains(QStringLiteral("smoke_query")));
}

void TstDrill::manifestExpectation()
{
    backUp();
    const Workspace ws = workspace(QStringLiteral("      - sql: SELECT count(*) FROM users\n"
                                                  "        expect: = manifest(users)\n"));
    QList<DrillOutcome> outcomes = drill(params(ws));
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok(), qPrintable(failures(outcomes.first().checks)));
    QCOMPARE(named(outcomes.first().checks, QStringLiteral("smoke_query"))->detail,
        QStringLiteral("SELECT count(*) FROM users: expected = manifest(users) (%1), got %1").arg(kUsers));

    // The table is gone from the next backup: the query fails, and so does the drill.
    sqlite(live(), QStringLiteral("DROP TABLE users"));
    backUp();
    outcomes = drill(params(ws));
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(!outcomes.first().ok());
    const QList<CheckResult> failed = failedOf(outcomes.first().checks);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().detail, QStringLiteral("SELECT count(*) FROM users failed: no such table: users"));
}

void TstDrill::writingQueryIsRefused()
{
    backUp();
    const Workspace ws = workspace(QStringLiteral("      - DELETE FROM users\n"
                                                  "      - sql: SELECT count(*) FROM users\n"
                                                  "        expect: = manifest(users)\n"));
    const QList<DrillOutcome> outcomes = drill(params(ws));
    QCOMPARE(outcomes.size(), 1);
    const QList<CheckResult> failed = failedOf(outcomes.first().checks);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().detail.startsWith(QStringLiteral("DELETE FROM users failed: attempt to write a readonly")),
        qPrintable(failed.first().detail));
    QCOMPARE(sqlite(live(), QStringLiteral("SELECT count(*) FROM users")), QString::number(kUsers));
}

void TstDrill::databaseWithoutSmokeQueriesStillDrills()
{
    backUp();
    const QList<DrillOutcome> outcomes = drill(params(workspace({})));
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok(), qPrintable(failures(outcomes.first().checks)));
    QCOMPARE(DrillReport::smokeQueries(outcomes.first()), 0);
    QVERIFY(named(outcomes.first().checks, QStringLiteral("integrity_check")).has_value());
    QVERIFY(catalog().auditTrail()->last().detail.contains(QStringLiteral("no smoke queries")));
}

void TstDrill::databaseWithoutBackupFailsUnrecorded()
{
    backUp();
    const QList<DrillOutcome> outcomes
        = drill(params(workspace({}), { QStringLiteral("shop"), QStringLiteral("ghost") }));
    QCOMPARE(outcomes.size(), 2);
    QVERIFY(outcomes.at(0).ok());
    QCOMPARE(outcomes.at(1).database, QStringLiteral("ghost"));
    QVERIFY(outcomes.at(1).backupId.isEmpty());
    QVERIFY(!outcomes.at(1).ok());
    QCOMPARE(outcomes.at(1).checks.first().name, QStringLiteral("backup"));
    QVERIFY(catalog().drills(QStringLiteral("ghost"))->isEmpty());
}

void TstDrill::encryptedBackupNeedsKey()
{
    EncryptionKeys keys;
    keys.passphrase = testsupport::passphrase(testsupport::kPassphrase);
    keys.iterations = testsupport::kFastIterations;
    const BackupResult backup = backUp(QStringLiteral("shop"), keys);
    const Workspace ws = workspace(QStringLiteral("      - SELECT 1 FROM users\n"));

    // Without a key: a failed drill that says a key is needed, and no verification recorded
    // (the backup is not at fault).
    QList<DrillOutcome> outcomes = drill(params(ws));
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(!outcomes.first().ok());
    const auto decrypt = named(outcomes.first().checks, QStringLiteral("decrypt"));
    QVERIFY(decrypt && !decrypt->ok);
    QVERIFY2(decrypt->detail.contains(QStringLiteral("supply its passphrase")), qPrintable(decrypt->detail));
    QVERIFY(named(outcomes.first().checks, QStringLiteral("cleanup"))->ok);
    Catalog cat = catalog();
    QCOMPARE(cat.drills()->size(), 1);
    QVERIFY(cat.verifications()->isEmpty());

    // With the passphrase it restores, verifies and passes.
    DrillParams withKey = params(ws);
    withKey.credentials.passphrase = testsupport::passphrase(testsupport::kPassphrase);
    outcomes = drill(withKey);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok(), qPrintable(failures(outcomes.first().checks)));
    QVERIFY(named(outcomes.first().checks, QStringLiteral("encryption_header"))->ok);
    QCOMPARE(cat.backup(backup.manifest.id)->lastVerification->level, QStringLiteral("full"));
}

void TstDrill::sampleDrillsRealBackups()
{
    const BackupResult source = backUp();
    const QDateTime base = source.manifest.created;
    for (int day = 1; day <= 5; ++day)
        QVERIFY(testsupport::cloneBackup(m_repo->repo(), source.manifest, base.addDays(-day)).has_value());
    DrillParams p = params(workspace({}));
    p.sample = 3;
    p.seed = 42;
    p.record = false;
    const QList<DrillOutcome> first = drill(p);
    QCOMPARE(first.size(), 3);
    QStringList ids;
    for (const DrillOutcome &outcome : first) {
        QVERIFY2(outcome.ok(), qPrintable(failures(outcome.checks)));
        ids << outcome.backupId;
    }
    QCOMPARE(ids.first(), source.manifest.id);
    ids.removeDuplicates();
    QCOMPARE(ids.size(), 3);
    QStringList again;
    for (const DrillOutcome &outcome : drill(p))
        again << outcome.backupId;
    QCOMPARE(again, ids);
}

void TstDrill::liveDatabaseUntouched()
{
    backUp();
    // In WAL mode, as busy databases are: a connection that opened it would leave -wal/-shm
    // files behind or change them.
    const QString db = live();
    QCOMPARE(sqlite(db, QStringLiteral("PRAGMA journal_mode=WAL")), QStringLiteral("wal"));
    sqlite(db, QStringLiteral("INSERT INTO users(name) VALUES('late')"));
    backUp();
    QTest::qWait(20); // so that a write would show in the modification time
    const QStringList before = fileStates(m_repo->dir());
    QVERIFY(before.filter(QStringLiteral("shop.db ")).size() == 1);

    const QList<DrillOutcome> outcomes
        = drill(params(workspace(QStringLiteral("      - sql: SELECT count(*) FROM users\n"
                                                "        expect: = manifest(users)\n"))));
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok(), qPrintable(failures(outcomes.first().checks)));
    QCOMPARE(fileStates(m_repo->dir()), before);
}

void TstDrill::scratchFolderIsPrivateAndRemoved()
{
    backUp();
    DrillParams p = params(workspace(QStringLiteral("      - SELECT count(*) FROM users\n")));
    DrillJob job(p);
    // Seen from inside the drill, while the restored copy is there.
    QStringList seen;
    connect(
        &job, &Job::progress, &job,
        [&](const QString &phase) {
            if (!phase.endsWith(QStringLiteral("smoke queries")))
                return;
            const QFileInfoList folders = QDir(m_scratch->path()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
            for (const QFileInfo &folder : folders) {
                seen << QStringLiteral("%1 %2")
                            .arg(folder.fileName().left(13))
                            .arg(int(folder.permissions() & 0x0777), 0, 16);
                seen << testsupport::filesBelow(folder.filePath());
            }
        },
        Qt::DirectConnection);
    job.run();
    QCOMPARE(job.state(), Job::State::Succeeded);
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.first(), QStringLiteral("coffer-drill- 700"));
    QVERIFY2(seen.at(1).startsWith(QStringLiteral(".restored.sqlite.coffer-restore-")), qPrintable(seen.at(1)));
    QVERIFY(named(job.outcomes().first().checks, QStringLiteral("cleanup"))->ok);
    QCOMPARE(QDir(m_scratch->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());

    // A scratch folder that does not exist is the job's failure, not the backup's.
    p.scratchDirectory = m_scratch->filePath(QStringLiteral("missing"));
    DrillJob missing(p);
    missing.run();
    QCOMPARE(missing.state(), Job::State::Failed);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(catalog().drills()->size() == 1);
}

void TstDrill::cleanupFailureIsReported()
{
    if (::geteuid() != 0)
        COFFER_SKIP_UNLESS_CI("needs root to mount a file system inside the scratch folder");
    backUp();
    DrillJob job(params(workspace({})));
    // A file system mounted inside the drill's folder: a real reason for its removal to fail.
    QString mountPoint;
    connect(
        &job, &Job::progress, &job,
        [&](const QString &phase) {
            if (!phase.endsWith(QStringLiteral("smoke queries")) || !mountPoint.isEmpty())
                return;
            const QFileInfoList folders = QDir(m_scratch->path()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
            if (folders.size() != 1)
                return;
            mountPoint = folders.first().filePath() + QStringLiteral("/busy");
            if (!QDir().mkdir(mountPoint)
                || ::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=1m") != 0)
                mountPoint = QStringLiteral("failed");
        },
        Qt::DirectConnection);
    job.run();
    QVERIFY(!mountPoint.isEmpty());
    QVERIFY2(mountPoint != QStringLiteral("failed"), "mount failed");
    ::umount2(QFile::encodeName(mountPoint).constData(), MNT_DETACH);
    const QString folder = QFileInfo(mountPoint).absolutePath();
    // Only the mount point stayed: the restored copy itself was removed.
    QCOMPARE(testsupport::filesBelow(folder), QStringList());
    QVERIFY(QDir(folder).removeRecursively());

    QCOMPARE(job.state(), Job::State::Succeeded);
    QCOMPARE(job.outcomes().size(), 1);
    const DrillOutcome &outcome = job.outcomes().first();
    const QList<CheckResult> failed = failedOf(outcome.checks);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().name, QStringLiteral("cleanup"));
    QVERIFY2(
        failed.first().detail.contains(folder) && failed.first().detail.contains(QStringLiteral("remove it by hand")),
        qPrintable(failed.first().detail));
    QVERIFY(outcome.rtoMs > 0);
    QCOMPARE(catalog().drills()->first().checks.last().name, QStringLiteral("cleanup"));
}

void TstDrill::cancelStopsAndCleansUp_data()
{
    QTest::addColumn<QString>("phase");
    QTest::newRow("while restoring") << QStringLiteral("restore");
    QTest::newRow("before the smoke queries") << QStringLiteral("smoke queries");
}

void TstDrill::cancelStopsAndCleansUp()
{
    QFETCH(QString, phase);
    backUp();
    DrillJob job(params(workspace(QStringLiteral("      - SELECT count(*) FROM users\n"))));
    bool asked = false;
    connect(
        &job, &Job::progress, &job,
        [&](const QString &current) {
            if (current.endsWith(phase) && !asked) {
                asked = true;
                job.cancel();
            }
        },
        Qt::DirectConnection);
    job.run();
    QVERIFY(asked);
    QCOMPARE(job.state(), Job::State::Cancelled);
    QVERIFY(job.outcomes().isEmpty());
    QVERIFY(catalog().drills()->isEmpty());
    QVERIFY(catalog().verifications()->isEmpty());
    QCOMPARE(QDir(m_scratch->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

void TstDrill::drillsSurviveReindexAndDeletion()
{
    const BackupResult backup = backUp();
    QCOMPARE(drill(params(workspace({}))).size(), 1);
    Catalog cat = catalog();
    auto rebuilt = cat.rebuild();
    COFFER_VERIFY_OK(rebuilt);
    QCOMPARE(rebuilt->indexed, 1);
    auto entry = cat.backup(backup.manifest.id);
    COFFER_VERIFY_OK(entry);
    QVERIFY(entry->lastDrill.has_value());
    QVERIFY(entry->lastDrill->ok());
    // The evidence outlives the backup: drills() still lists it by database.
    COFFER_VERIFY_OK(cat.removeBackup(backup.manifest.id));
    QCOMPARE(cat.backups()->size(), 0);
    auto drills = cat.drills(QStringLiteral("shop"));
    COFFER_VERIFY_OK(drills);
    QCOMPARE(drills->size(), 1);
    QCOMPARE(drills->first().backupId, backup.manifest.id);
    QVERIFY(cat.drills(QStringLiteral("other"))->isEmpty());
}

void TstDrill::schema3CatalogUpgrades()
{
    const BackupResult backup = backUp();
    QCOMPARE(drill(params(workspace({}))).size(), 1);
    const QString db = Repository::open(m_repo->repo())->catalogPath();
    // Back to version 3 exactly as it was: the same tables without drills.
    QCOMPARE(sqlite(db, QStringLiteral("DROP TABLE drills")), QString());
    QCOMPARE(sqlite(db, QStringLiteral("PRAGMA user_version = 3")), QString());
    QCOMPARE(sqlite(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'drills%'")),
        QStringLiteral("0"));
    const QString backups = tableDump(db, QStringLiteral("backups"));
    const QString verifications = tableDump(db, QStringLiteral("verifications"));
    const QString audit = tableDump(db, QStringLiteral("audit"));
    QVERIFY(backups.contains(backup.manifest.id));
    QVERIFY(verifications.contains(QStringLiteral("full")));
    QVERIFY(audit.contains(QStringLiteral("drill")));

    Catalog cat = catalog();
    QCOMPARE(sqlite(db, QStringLiteral("PRAGMA user_version")), QString::number(Catalog::kSchemaVersion));
    QCOMPARE(Catalog::kSchemaVersion, 4);
    QCOMPARE(tableDump(db, QStringLiteral("backups")), backups);
    QCOMPARE(tableDump(db, QStringLiteral("verifications")), verifications);
    QCOMPARE(tableDump(db, QStringLiteral("audit")), audit);
    QCOMPARE(sqlite(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'drills%'")),
        QStringLiteral("3"));
    QVERIFY(cat.drills()->isEmpty());
    auto entry = cat.backup(backup.manifest.id);
    COFFER_VERIFY_OK(entry);
    QVERIFY(!entry->lastDrill.has_value());
    QVERIFY(entry->lastVerification.has_value());
    auto verified = cat.verifyAuditTrail();
    COFFER_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    // And it takes drills again.
    QCOMPARE(drill(params(workspace({}))).size(), 1);
    QCOMPARE(cat.drills()->size(), 1);
}

QTEST_GUILESS_MAIN(TstDrill)
#include "tst_drill.moc"
