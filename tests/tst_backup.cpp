// The backup pipeline in-process: what it writes, and that a failure or a cancel at any step
// leaves nothing in the catalog and nothing outside staging.
#include "SmallDisk.h"
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "backup/DatabaseInspector.h"
#include "repository/Catalog.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

#include <sqlite3.h>

using namespace coffer;

class TstBackup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void manifestDescribesTheDatabase();
    void artifactRestoresWithStockTools_data();
    void artifactRestoresWithStockTools();
    void badSourceChangesNothing_data();
    void badSourceChangesNothing();
    void cancelAtEachPhaseLeavesNothing_data();
    void cancelAtEachPhaseLeavesNothing();
    void fullDiskLeavesNothing();
    void newerRepositoryIsRefused();
    void givenIdIsUsedAndAMalformedOneRefused();
    void lockedDatabaseIsReportedAndChangesNothing();

private:
    BackupParams params(const QString &db) const;
    void assertNothingPublished();

    std::unique_ptr<testsupport::TempRepository> m_repo;
    QString m_db;
};

void TstBackup::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    m_db = m_repo->path(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_db, 4000, true));
}

BackupParams TstBackup::params(const QString &db) const
{
    BackupParams p;
    p.repositoryPath = m_repo->repo();
    p.sourcePath = db;
    p.database = QStringLiteral("shop");
    p.group = QStringLiteral("acme");
    p.tags = {QStringLiteral("nightly")};
    return p;
}

void TstBackup::assertNothingPublished()
{
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/backups")), QStringList());
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/staging")), QStringList());
    auto repo = Repository::open(m_repo->repo());
    QVERIFY(repo.has_value());
    auto catalog = Catalog::open(*repo);
    QVERIFY(catalog.has_value());
    QCOMPARE(catalog->backups()->size(), 0);
}

void TstBackup::manifestDescribesTheDatabase()
{
    CancelFlag cancel{false};
    QStringList phases;
    auto result = BackupPipeline::run(params(m_db), cancel, [&phases](const QString &phase, qint64, qint64) {
        if (!phases.contains(phase))
            phases << phase;
    });
    COFFER_VERIFY_OK(result);
    QCOMPARE(phases, (QStringList{QStringLiteral("snapshot"), QStringLiteral("compress"), QStringLiteral("read back")}));
    const Manifest &m = result->manifest;
    QCOMPARE(m.database, QStringLiteral("shop"));
    QCOMPARE(m.group, QStringLiteral("acme"));
    QCOMPARE(m.tags, QStringList{QStringLiteral("nightly")});
    QCOMPARE(m.trigger, QStringLiteral("manual"));
    QCOMPARE(m.sourcePath, QFileInfo(m_db).absoluteFilePath());
    QCOMPARE(m.tableCount, 3);
    QCOMPARE(m.rowCounts.value(QStringLiteral("orders")), 4000);
    QCOMPARE(m.rowCounts.value(QStringLiteral("customers")), 4000);
    QCOMPARE(m.pageSize, testsupport::sqlite(m_db, QStringLiteral("PRAGMA page_size")).toLongLong());
    QCOMPARE(m.plaintextSize, m.pageSize * m.pageCount);
    QCOMPARE(m.compression, QStringLiteral("zstd"));
    QCOMPARE(m.compressionLevel, 3);
    QVERIFY(m.artifactSize < m.plaintextSize);
    QCOMPARE(QFileInfo(result->artifactPath).size(), m.artifactSize);
    QVERIFY(result->artifactPath.startsWith(m_repo->repo() + QStringLiteral("/backups/shop/")));
    QVERIFY(result->artifactPath.endsWith(QStringLiteral("-") + m.shortId() + QStringLiteral(".sqlite.zst")));
    QCOMPARE(QFileInfo(result->artifactPath).permissions() & 0x0077, QFileDevice::Permissions());
    QCOMPARE(QFile(result->manifestPath).permissions() & 0x0077, QFileDevice::Permissions());

    // The manifest on disk says the same as the result, and the catalog indexes it.
    QFile file(result->manifestPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto onDisk = Manifest::fromBytes(file.readAll());
    QVERIFY(onDisk.has_value());
    QCOMPARE(onDisk->toJson(), m.toJson());
    auto repo = Repository::open(m_repo->repo());
    auto catalog = Catalog::open(*repo);
    auto entries = catalog->backups();
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().manifest.id, m.id);
    QCOMPARE(testsupport::filesBelow(m_repo->repo() + QStringLiteral("/staging")), QStringList());
}

void TstBackup::artifactRestoresWithStockTools_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<QString>("tool");
    QTest::newRow("zstd") << Codec::Zstd << "zstd -d -c";
    QTest::newRow("gzip") << Codec::Gzip << "gunzip -c";
    QTest::newRow("none") << Codec::None << "cat";
}

void TstBackup::artifactRestoresWithStockTools()
{
    QFETCH(Codec, codec);
    QFETCH(QString, tool);
    BackupParams p = params(m_db);
    p.codec = codec;
    p.level = defaultLevel(codec);
    CancelFlag cancel{false};
    auto result = BackupPipeline::run(p, cancel, {});
    COFFER_VERIFY_OK(result);

    const QString restored = m_repo->path(QStringLiteral("restored.db"));
    QProcess process;
    process.setStandardOutputFile(restored);
    const QStringList command = tool.split(QLatin1Char(' '));
    process.start(command.first(), command.mid(1) << result->artifactPath);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QFile file(restored);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()),
             result->manifest.plaintextSha256);
    auto findings = DatabaseInspector::integrityCheck(restored);
    QVERIFY(findings.has_value() && findings->isEmpty());
    QCOMPARE(testsupport::sqlite(restored, QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("4000"));
    QCOMPARE(testsupport::sqlite(restored, QStringLiteral("SELECT sum(amount) FROM orders")),
             testsupport::sqlite(m_db, QStringLiteral("SELECT sum(amount) FROM orders")));
}

void TstBackup::badSourceChangesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("missing") << "missing" << ErrorCode::NotFound;
    QTest::newRow("text file") << "text" << ErrorCode::NotSqlite;
    QTest::newRow("empty file") << "empty" << ErrorCode::NotSqlite;
    QTest::newRow("folder") << "folder" << ErrorCode::NotSqlite;
    QTest::newRow("SQLite header, garbage after") << "garbage" << ErrorCode::NotSqlite;
}

void TstBackup::badSourceChangesNothing()
{
    QFETCH(QString, kind);
    QFETCH(ErrorCode, code);
    const QString path = m_repo->path(QStringLiteral("bad.db"));
    if (kind == QStringLiteral("text") || kind == QStringLiteral("empty") || kind == QStringLiteral("garbage")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (kind == QStringLiteral("text"))
            file.write("id,name\n1,alice\n");
        if (kind == QStringLiteral("garbage"))
            file.write(QByteArray("SQLite format 3\0", 16) + QByteArray(8192, '\x07'));
    } else if (kind == QStringLiteral("folder")) {
        QVERIFY(QDir().mkdir(path));
    }
    CancelFlag cancel{false};
    auto result = BackupPipeline::run(params(path), cancel, {});
    QVERIFY(!result.has_value());
    if (kind == QStringLiteral("garbage")) {
        // SQLite itself decides what an unreadable header is; either way it is refused clearly.
        QVERIFY2(result.error().code == ErrorCode::NotSqlite || result.error().code == ErrorCode::Corrupt,
                 qPrintable(result.error().toString()));
    } else {
        QCOMPARE(result.error().code, code);
    }
    QVERIFY(!result.error().message.isEmpty());
    assertNothingPublished();
}

void TstBackup::cancelAtEachPhaseLeavesNothing_data()
{
    QTest::addColumn<QString>("phase");
    QTest::newRow("snapshot") << "snapshot";
    QTest::newRow("compress") << "compress";
    QTest::newRow("read back") << "read back";
}

void TstBackup::cancelAtEachPhaseLeavesNothing()
{
    QFETCH(QString, phase);
    const QString big = m_repo->path(QStringLiteral("big.db"));
    QVERIFY(testsupport::makeSampleDatabase(big, 30000));
    CancelFlag cancel{false};
    bool reached = false;
    auto result = BackupPipeline::run(params(big), cancel, [&](const QString &current, qint64, qint64) {
        if (current == phase) {
            reached = true;
            cancel.store(true);
        }
    });
    QVERIFY(reached);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    assertNothingPublished();
}

void TstBackup::fullDiskLeavesNothing()
{
    // A real 10 MiB file system: the 6 MiB snapshot fits, its uncompressible artifact does not.
    testsupport::SmallDisk disk(QStringLiteral("10m"));
    if (!disk.isMounted())
        COFFER_SKIP_UNLESS_CI("mounting a small tmpfs as a full disk needs root");
    const QString repoPath = disk.path(QStringLiteral("repo"));
    QVERIFY(Repository::init(repoPath).has_value());
    const QString db = m_repo->path(QStringLiteral("random.db"));
    testsupport::sqlite(db, QStringLiteral("CREATE TABLE r(data BLOB)"));
    testsupport::sqlite(db, QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500) "
                                           "INSERT INTO r SELECT randomblob(4000) FROM c"));
    QVERIFY(QFileInfo(db).size() > 6'000'000);

    BackupParams p = params(db);
    p.repositoryPath = repoPath;
    p.codec = Codec::None;
    p.level = 0;
    CancelFlag cancel{false};
    auto result = BackupPipeline::run(p, cancel, {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Io);
    QVERIFY2(result.error().message.contains(QStringLiteral("disk is full")), qPrintable(result.error().toString()));
    QCOMPARE(testsupport::filesBelow(repoPath + QStringLiteral("/backups")), QStringList());
    QCOMPARE(testsupport::filesBelow(repoPath + QStringLiteral("/staging")), QStringList());

    // A database larger than the whole disk is refused before anything is written.
    const QString huge = m_repo->path(QStringLiteral("huge.db"));
    testsupport::sqlite(huge, QStringLiteral("CREATE TABLE r(data BLOB)"));
    testsupport::sqlite(huge, QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000) "
                                             "INSERT INTO r SELECT randomblob(4000) FROM c"));
    p.sourcePath = huge;
    result = BackupPipeline::run(p, cancel, {});
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(QStringLiteral("Not enough free space")), qPrintable(result.error().toString()));
    QCOMPARE(testsupport::filesBelow(repoPath + QStringLiteral("/staging")), QStringList());
}

void TstBackup::newerRepositoryIsRefused()
{
    QFile config(m_repo->repo() + QStringLiteral("/coffer-repo.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QByteArray json = config.readAll();
    config.close();
    json.replace("\"format_version\": 1", "\"format_version\": 7");
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(json);
    config.close();
    const QStringList before = testsupport::filesBelow(m_repo->repo());

    CancelFlag cancel{false};
    auto result = BackupPipeline::run(params(m_db), cancel, {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::UnsupportedFormat);
    QVERIFY(result.error().message.contains(QStringLiteral("newer Coffer")));
    QCOMPARE(testsupport::filesBelow(m_repo->repo()), before);
}

void TstBackup::lockedDatabaseIsReportedAndChangesNothing()
{
    // Another connection holds an exclusive lock on a rollback-journal database, as a writer
    // in the middle of a long transaction does: no consistent snapshot can be read.
    const QString db = m_repo->path(QStringLiteral("busy.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 500, false));
    sqlite3 *holder = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &holder), SQLITE_OK);
    const auto close = qScopeGuard([holder] { sqlite3_close(holder); });
    QCOMPARE(sqlite3_exec(holder, "BEGIN EXCLUSIVE; UPDATE orders SET qty = qty + 1;", nullptr, nullptr, nullptr),
             SQLITE_OK);

    CancelFlag cancel{false};
    auto result = BackupPipeline::run(params(db), cancel, {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Locked);
    QVERIFY2(result.error().message.contains(QStringLiteral("locked")), qPrintable(result.error().toString()));
    assertNothingPublished();

    // Once the writer commits, the same backup succeeds and sees the committed change.
    QCOMPARE(sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    result = BackupPipeline::run(params(db), cancel, {});
    COFFER_VERIFY_OK(result);
}

void TstBackup::givenIdIsUsedAndAMalformedOneRefused()
{
    // A restore names its safety backup before taking it, so the confirmation can quote the id.
    CancelFlag cancel{false};
    BackupParams named = params(m_db);
    for (const QString &bad : {QStringLiteral("../../etc"), QStringLiteral("0123456789ABCDEF0123456789ABCDEF"),
             QStringLiteral("0123")}) {
        named.id = bad;
        auto refused = BackupPipeline::run(named, cancel, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    }
    assertNothingPublished();

    named.id = QStringLiteral("0123456789abcdef0123456789abcdef");
    auto result = BackupPipeline::run(named, cancel, {});
    COFFER_VERIFY_OK(result);
    QCOMPARE(result->manifest.id, named.id);
    QVERIFY(result->artifactPath.contains(QStringLiteral("-01234567")));
}

QTEST_GUILESS_MAIN(TstBackup)
#include "tst_backup.moc"
