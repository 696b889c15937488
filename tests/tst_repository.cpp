// Repository layout, opening rules, locks and the catalog being only an index.
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "repository/Repository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QtTest>

using namespace coffer;

class TstRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initCreatesPrivateLayout();
    void initRefusesOccupiedFolders_data();
    void initRefusesOccupiedFolders();
    void openRejects_data();
    void openRejects();
    void openCleansStagingOnlyWhenNobodyWorks();
    void locksExcludeAndStaleLocksAreRemoved();
    void reindexRestoresTheListing();
    void hostileManifestNamesAreNotPaths_data();
    void hostileManifestNamesAreNotPaths();
    void databaseNamesBecomeSafeFolders_data();
    void databaseNamesBecomeSafeFolders();
};

void TstRepository::initCreatesPrivateLayout()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("new/repo"));
    auto repo = Repository::init(root);
    COFFER_VERIFY_OK(repo);
    for (const QString &sub : {QString(), QStringLiteral("/backups"), QStringLiteral("/staging"), QStringLiteral("/locks")}) {
        const QFileInfo info(root + sub);
        QVERIFY2(info.isDir(), qPrintable(root + sub));
        QCOMPARE(info.permissions() & 0x0077, QFileDevice::Permissions());
    }
    QVERIFY(QFileInfo::exists(root + QStringLiteral("/catalog.db")));
    QFile config(root + QStringLiteral("/coffer-repo.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(config.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("format_version")).toInt(), Repository::kFormatVersion);
    QCOMPARE(json.value(QStringLiteral("id")).toString(), repo->id());
    auto reopened = Repository::open(root);
    QVERIFY(reopened.has_value());
    QCOMPARE(reopened->id(), repo->id());
}

void TstRepository::initRefusesOccupiedFolders_data()
{
    QTest::addColumn<QString>("occupant");
    QTest::newRow("existing repository") << "repo";
    QTest::newRow("folder with files") << "files";
    QTest::newRow("a file") << "file";
}

void TstRepository::initRefusesOccupiedFolders()
{
    QFETCH(QString, occupant);
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("target"));
    if (occupant == QStringLiteral("repo")) {
        QVERIFY(Repository::init(root).has_value());
    } else if (occupant == QStringLiteral("files")) {
        QVERIFY(QDir().mkpath(root));
        QFile precious(root + QStringLiteral("/precious.txt"));
        QVERIFY(precious.open(QIODevice::WriteOnly));
        precious.write("keep me");
    } else {
        QFile file(root);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QStringList before = testsupport::filesBelow(dir.path());
    auto repo = Repository::init(root);
    QVERIFY(!repo.has_value());
    QCOMPARE(repo.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(testsupport::filesBelow(dir.path()), before);
}

void TstRepository::openRejects_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("newer format") << R"({"format": "coffer-repository", "format_version": 2, "id": "x"})"
                                  << ErrorCode::UnsupportedFormat << "newer Coffer";
    QTest::newRow("foreign json") << R"({"name": "something else"})" << ErrorCode::Corrupt << "damaged or foreign";
    QTest::newRow("not json") << "PK\x03\x04 zip bytes" << ErrorCode::Corrupt << "damaged or foreign";
    QTest::newRow("no version") << R"({"format": "coffer-repository"})" << ErrorCode::Corrupt << "format_version";
    QTest::newRow("no config") << "" << ErrorCode::NotFound << "not a Coffer repository";
}

void TstRepository::openRejects()
{
    QFETCH(QString, config);
    QFETCH(ErrorCode, code);
    QFETCH(QString, words);
    QTemporaryDir dir;
    if (!config.isEmpty()) {
        QFile file(dir.filePath(QStringLiteral("coffer-repo.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config.toUtf8());
    }
    const QStringList before = testsupport::filesBelow(dir.path());
    auto repo = Repository::open(dir.path());
    QVERIFY(!repo.has_value());
    QCOMPARE(repo.error().code, code);
    QVERIFY2(repo.error().message.contains(words), qPrintable(repo.error().message));
    QCOMPARE(testsupport::filesBelow(dir.path()), before);
}

void TstRepository::openCleansStagingOnlyWhenNobodyWorks()
{
    testsupport::TempRepository temp;
    QVERIFY(temp.isValid());
    const QString leftover = temp.repo() + QStringLiteral("/staging/crashed.snapshot");
    QFile file(leftover);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    {
        // Someone is working here: their staging files must survive our open.
        auto held = RepoLock::acquire(temp.repo() + QStringLiteral("/locks"), RepoLock::Kind::Shared, QStringLiteral("test"));
        QVERIFY(held.has_value());
        QVERIFY(Repository::open(temp.repo()).has_value());
        QVERIFY(QFileInfo::exists(leftover));
    }
    QVERIFY(Repository::open(temp.repo()).has_value());
    QVERIFY(!QFileInfo::exists(leftover));
}

void TstRepository::locksExcludeAndStaleLocksAreRemoved()
{
    QTemporaryDir dir;
    const QString locks = dir.filePath(QStringLiteral("locks"));
    auto shared1 = RepoLock::acquire(locks, RepoLock::Kind::Shared, QStringLiteral("backup a"));
    auto shared2 = RepoLock::acquire(locks, RepoLock::Kind::Shared, QStringLiteral("backup b"));
    QVERIFY(shared1.has_value() && shared2.has_value());
    QCOMPARE(RepoLock::holders(locks).size(), 2);

    auto exclusive = RepoLock::acquire(locks, RepoLock::Kind::Exclusive, QStringLiteral("reindex"), 200);
    QVERIFY(!exclusive.has_value());
    QCOMPARE(exclusive.error().code, ErrorCode::Locked);
    QVERIFY2(exclusive.error().message.contains(QStringLiteral("backup")), qPrintable(exclusive.error().message));
    shared1->release();
    shared2->release();
    exclusive = RepoLock::acquire(locks, RepoLock::Kind::Exclusive, QStringLiteral("reindex"));
    QVERIFY(exclusive.has_value());
    QVERIFY(!RepoLock::acquire(locks, RepoLock::Kind::Shared, QStringLiteral("backup"), 100).has_value());
    exclusive->release();
    QCOMPARE(RepoLock::holders(locks).size(), 0);

    // A lock left by a process that died (a real pid that no longer exists on this host).
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForFinished());
    const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
    QFile stale(locks + QStringLiteral("/dead.exclusive.lock"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write(QJsonDocument(QJsonObject{{QStringLiteral("host"), QSysInfo::machineHostName()},
                                          {QStringLiteral("pid"), 999999},
                                          {QStringLiteral("kind"), QStringLiteral("exclusive")},
                                          {QStringLiteral("time"), QStringLiteral("2026-01-01T00:00:00Z")}})
                    .toJson());
    stale.close();
    Q_UNUSED(deadPid);
    auto afterCrash = RepoLock::acquire(locks, RepoLock::Kind::Exclusive, QStringLiteral("reindex"));
    QVERIFY2(afterCrash.has_value(), "a stale lock must not block");
    QVERIFY(!QFileInfo::exists(stale.fileName()));

    // A lock held by a live process on another host is respected: we cannot know it is gone.
    afterCrash->release();
    QFile remote(locks + QStringLiteral("/remote.shared.lock"));
    QVERIFY(remote.open(QIODevice::WriteOnly));
    remote.write(QJsonDocument(QJsonObject{{QStringLiteral("host"), QStringLiteral("another-host")},
                                           {QStringLiteral("pid"), 999999},
                                           {QStringLiteral("kind"), QStringLiteral("shared")},
                                           {QStringLiteral("time"), QStringLiteral("2026-01-01T00:00:00Z")}})
                     .toJson());
    remote.close();
    QVERIFY(!RepoLock::acquire(locks, RepoLock::Kind::Exclusive, QStringLiteral("prune"), 100).has_value());
}

void TstRepository::reindexRestoresTheListing()
{
    testsupport::TempRepository temp;
    QVERIFY(temp.isValid());
    const QString db = temp.path(QStringLiteral("a.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 500));
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        BackupParams params;
        params.repositoryPath = temp.repo();
        params.sourcePath = db;
        params.database = i == 2 ? QStringLiteral("other") : QStringLiteral("a");
        CancelFlag cancel{false};
        auto result = BackupPipeline::run(params, cancel, {});
        QVERIFY(result.has_value());
        ids << result->manifest.id;
    }
    auto repo = Repository::open(temp.repo());
    QList<QJsonObject> before;
    {
        auto catalog = Catalog::open(*repo);
        const auto entries = catalog->backups();
        for (const CatalogEntry &entry : *entries)
            before << entry.manifest.toJson();
    }
    QVERIFY(QFile::remove(repo->catalogPath()));
    auto catalog = Catalog::open(*repo);
    QCOMPARE(catalog->backups()->size(), 0);
    auto report = catalog->rebuild();
    QVERIFY(report.has_value());
    QCOMPARE(report->indexed, 3);
    QCOMPARE(report->problems, QStringList());
    QList<QJsonObject> after;
    const auto entries = catalog->backups();
    for (const CatalogEntry &entry : *entries)
        after << entry.manifest.toJson();
    QCOMPARE(after, before);

    // A damaged manifest is reported, not fatal, and the others are indexed.
    QFile damaged(catalog->backups()->first().manifestPath);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("{");
    damaged.close();
    report = catalog->rebuild();
    QVERIFY(report.has_value());
    QCOMPARE(report->indexed, 2);
    QCOMPARE(report->problems.size(), 1);
    QVERIFY(report->problems.first().contains(QStringLiteral("not valid JSON")));
}

void TstRepository::hostileManifestNamesAreNotPaths_data()
{
    QTest::addColumn<QString>("artifact");
    QTest::newRow("parent") << "../../../etc/passwd";
    QTest::newRow("absolute") << "/etc/passwd";
    QTest::newRow("hidden") << ".hidden";
    QTest::newRow("subfolder") << "a/b.sqlite.zst";
    QTest::newRow("backslash") << "..\\..\\x";
    QTest::newRow("empty") << "";
}

void TstRepository::hostileManifestNamesAreNotPaths()
{
    QFETCH(QString, artifact);
    Manifest m;
    m.id = QString(32, QLatin1Char('a'));
    m.database = QStringLiteral("db");
    m.created = QDateTime::currentDateTimeUtc();
    m.schemaHash = m.plaintextSha256 = m.artifactSha256 = QString(64, QLatin1Char('0'));
    m.artifactFile = QStringLiteral("db.sqlite.zst");
    QVERIFY(Manifest::fromBytes(m.toBytes()).has_value());
    m.artifactFile = artifact;
    auto parsed = Manifest::fromBytes(m.toBytes());
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::Corrupt);
    QVERIFY(parsed.error().message.contains(QStringLiteral("'artifact'")));
}

void TstRepository::databaseNamesBecomeSafeFolders_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("folder");
    QTest::newRow("plain") << "orders" << "orders";
    QTest::newRow("slash") << "acme/orders" << "acme_orders";
    QTest::newRow("dots") << ".." << "_.";
    QTest::newRow("spaces and unicode") << "Bücher Ost" << "B_cher_Ost";
    QTest::newRow("empty") << "" << "_";
}

void TstRepository::databaseNamesBecomeSafeFolders()
{
    QFETCH(QString, name);
    QFETCH(QString, folder);
    QCOMPARE(Repository::safeName(name), folder);
}

QTEST_GUILESS_MAIN(TstRepository)
#include "tst_repository.moc"
