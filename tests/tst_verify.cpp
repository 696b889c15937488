// Verification finds each kind of damage and names the check that caught it.
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "common/Sha256.h"
#include "repository/Catalog.h"
#include "verify/Verifier.h"
#include "verify/VerifyJob.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace coffer;

class TstVerify final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void goodBackupPasses_data();
    void goodBackupPasses();
    void damageIsCaught_data();
    void damageIsCaught();
    void pagesDamagedAfterSnapshotFailFullOnly();
    void outcomesAreRecorded();
    void historyKeepsEveryOutcome();
    void maxAgeAndMinSize();

private:
    CatalogEntry entry(const QString &id);
    QStringList failedChecks(const QString &id, VerifyLevel level);

    std::unique_ptr<testsupport::TempRepository> m_repo;
    BackupResult m_backup;
};

namespace {

QString sha256File(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return Sha256::hex(file.readAll());
}

bool rewriteManifest(const QString &path, const std::function<void(QJsonObject &)> &edit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    edit(json);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(json).toJson()) > 0;
}

} // namespace

void TstVerify::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    const QString db = m_repo->path(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 3000));
    BackupParams params;
    params.repositoryPath = m_repo->repo();
    params.sourcePath = db;
    params.database = QStringLiteral("shop");
    CancelFlag cancel{ false };
    auto result = BackupPipeline::run(params, cancel, {});
    COFFER_VERIFY_OK(result);
    m_backup = *result;
}

CatalogEntry TstVerify::entry(const QString &id)
{
    auto repo = Repository::open(m_repo->repo());
    auto catalog = Catalog::open(*repo);
    auto found = catalog->backup(id);
    if (!found)
        qFatal("backup %s not in the catalog", qPrintable(id));
    return *found;
}

QStringList TstVerify::failedChecks(const QString &id, VerifyLevel level)
{
    CancelFlag cancel{ false };
    auto outcome = Verifier::verify(entry(id), level, cancel, {});
    if (!outcome)
        return { QStringLiteral("error: ") + outcome.error().toString() };
    QStringList names;
    for (const CheckResult &check : outcome->failedChecks()) {
        names << check.name;
        if (check.detail.isEmpty())
            names << QStringLiteral("(no detail)");
    }
    return names;
}

void TstVerify::goodBackupPasses_data()
{
    QTest::addColumn<VerifyLevel>("level");
    QTest::addColumn<int>("checks");
    QTest::newRow("quick") << VerifyLevel::Quick << 4;
    QTest::newRow("full") << VerifyLevel::Full << 13;
}

void TstVerify::goodBackupPasses()
{
    QFETCH(VerifyLevel, level);
    QFETCH(int, checks);
    CancelFlag cancel{ false };
    auto outcome = Verifier::verify(entry(m_backup.manifest.id), level, cancel, {});
    QVERIFY(outcome.has_value());
    QVERIFY2(outcome->ok(), qPrintable(outcome->failedChecks().value(0).detail));
    QCOMPARE(outcome->checks.size(), checks);
}

void TstVerify::damageIsCaught_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<VerifyLevel>("level");
    QTest::addColumn<QString>("expectedCheck");
    QTest::newRow("flipped byte, quick") << "flip" << VerifyLevel::Quick << "artifact_sha256";
    QTest::newRow("flipped byte, full") << "flip" << VerifyLevel::Full << "artifact_sha256";
    QTest::newRow("truncated, quick") << "truncate" << VerifyLevel::Quick << "artifact_size";
    QTest::newRow("truncated, full") << "truncate" << VerifyLevel::Full << "decompress";
    QTest::newRow("missing artifact") << "delete" << VerifyLevel::Quick << "artifact_present";
    QTest::newRow("wrong checksum in manifest") << "manifest-sha" << VerifyLevel::Quick << "artifact_sha256";
    QTest::newRow("wrong plaintext checksum") << "manifest-plain-sha" << VerifyLevel::Full << "plaintext_sha256";
    QTest::newRow("wrong row count in manifest") << "manifest-rows" << VerifyLevel::Full << "row_counts";
    QTest::newRow("malformed manifest") << "manifest-garbage" << VerifyLevel::Quick << "manifest";
    QTest::newRow("manifest missing a field") << "manifest-field" << VerifyLevel::Quick << "manifest";
}

void TstVerify::damageIsCaught()
{
    QFETCH(QString, damage);
    QFETCH(VerifyLevel, level);
    QFETCH(QString, expectedCheck);
    const QString artifact = m_backup.artifactPath;
    const QString manifest = m_backup.manifestPath;
    if (damage == QStringLiteral("flip")) {
        QVERIFY(testsupport::flipByte(artifact, QFileInfo(artifact).size() / 2));
    } else if (damage == QStringLiteral("truncate")) {
        QVERIFY(QFile::resize(artifact, QFileInfo(artifact).size() - 100));
    } else if (damage == QStringLiteral("delete")) {
        QVERIFY(QFile::remove(artifact));
    } else if (damage == QStringLiteral("manifest-sha")) {
        QVERIFY(rewriteManifest(manifest,
            [](QJsonObject &json) { json.insert(QStringLiteral("artifact_sha256"), QString(64, QLatin1Char('a'))); }));
    } else if (damage == QStringLiteral("manifest-plain-sha")) {
        QVERIFY(rewriteManifest(manifest,
            [](QJsonObject &json) { json.insert(QStringLiteral("plaintext_sha256"), QString(64, QLatin1Char('b'))); }));
    } else if (damage == QStringLiteral("manifest-rows")) {
        QVERIFY(rewriteManifest(manifest, [](QJsonObject &json) {
            QJsonObject rows = json.value(QStringLiteral("row_counts")).toObject();
            rows.insert(QStringLiteral("orders"), 2999);
            json.insert(QStringLiteral("row_counts"), rows);
        }));
    } else if (damage == QStringLiteral("manifest-garbage")) {
        QFile file(manifest);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"format\": \"coffer-manifest\", ");
    } else if (damage == QStringLiteral("manifest-field")) {
        QVERIFY(rewriteManifest(manifest, [](QJsonObject &json) { json.remove(QStringLiteral("page_count")); }));
    }
    const QStringList failed = failedChecks(m_backup.manifest.id, level);
    QVERIFY2(failed.contains(expectedCheck), qPrintable(failed.join(QStringLiteral(", "))));
    QVERIFY2(!failed.contains(QStringLiteral("(no detail)")), "every failed check says what it found");
}

void TstVerify::pagesDamagedAfterSnapshotFailFullOnly()
{
    // A backup whose checksums are all consistent but whose database pages are damaged, as if
    // the damage happened after the snapshot was taken and before it was hashed.
    const QString db = m_repo->path(QStringLiteral("plain.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 3000));
    BackupParams params;
    params.repositoryPath = m_repo->repo();
    params.sourcePath = db;
    params.database = QStringLiteral("plain");
    params.codec = Codec::None;
    params.level = 0;
    CancelFlag cancel{ false };
    auto result = BackupPipeline::run(params, cancel, {});
    QVERIFY(result.has_value());
    {
        QFile file(result->artifactPath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pageSize = result->manifest.pageSize;
        for (qint64 page = 3; page < result->manifest.pageCount; page += 7) {
            file.seek((page - 1) * pageSize);
            file.write(QByteArray(64, '\xee'));
        }
    }
    const QString sha = sha256File(result->artifactPath);
    QVERIFY(rewriteManifest(result->manifestPath, [&sha](QJsonObject &json) {
        json.insert(QStringLiteral("artifact_sha256"), sha);
        json.insert(QStringLiteral("plaintext_sha256"), sha);
    }));

    QCOMPARE(failedChecks(result->manifest.id, VerifyLevel::Quick), QStringList());
    const QStringList failed = failedChecks(result->manifest.id, VerifyLevel::Full);
    QVERIFY2(failed.contains(QStringLiteral("integrity_check")), qPrintable(failed.join(QStringLiteral(", "))));
    QVERIFY(!failed.contains(QStringLiteral("plaintext_sha256")));
}

void TstVerify::outcomesAreRecorded()
{
    QVERIFY(testsupport::flipByte(m_backup.artifactPath, 10));
    VerifyParams params;
    params.repositoryPath = m_repo->repo();
    params.all = true;
    CancelFlag cancel{ false };
    auto outcomes = VerifyJob::verifyAll(params, cancel, {});
    QVERIFY(outcomes.has_value());
    QCOMPARE(outcomes->size(), 1);
    QVERIFY(!outcomes->first().ok());
    const CatalogEntry recorded = entry(m_backup.manifest.id);
    QVERIFY(recorded.lastVerification.has_value());
    QVERIFY(!recorded.lastVerification->ok());
    QCOMPARE(recorded.lastVerification->level, QStringLiteral("quick"));
    QCOMPARE(recorded.lastVerification->failedChecks().first().name, QStringLiteral("artifact_sha256"));
}

void TstVerify::historyKeepsEveryOutcome()
{
    VerifyParams params;
    params.repositoryPath = m_repo->repo();
    params.ids = { m_backup.manifest.id };
    CancelFlag cancel{ false };
    QVERIFY(VerifyJob::verifyAll(params, cancel, {}).has_value());
    QVERIFY(testsupport::flipByte(m_backup.artifactPath, 10));
    QVERIFY(VerifyJob::verifyAll(params, cancel, {}).has_value());

    auto repository = Repository::open(m_repo->repo());
    QVERIFY(repository.has_value());
    auto catalog = Catalog::open(*repository);
    QVERIFY(catalog.has_value());
    const auto history = catalog->verifications(m_backup.manifest.id);
    QVERIFY(history.has_value());
    QCOMPARE(history->size(), 2);
    QVERIFY(!history->at(0).ok()); // newest first
    QVERIFY(history->at(1).ok());
    QCOMPARE(history->at(0).database, m_backup.manifest.database);
    QCOMPARE(history->at(0).backupId, m_backup.manifest.id);
    QVERIFY(history->at(0).time >= history->at(1).time);
    const auto all = catalog->verifications();
    QVERIFY(all.has_value());
    QCOMPARE(all->size(), 2);
    const auto other = catalog->verifications(QStringLiteral("0123456789abcdef0123456789abcdef"));
    QVERIFY(other.has_value());
    QVERIFY(other->isEmpty());
}

void TstVerify::maxAgeAndMinSize()
{
    VerifyParams params;
    params.repositoryPath = m_repo->repo();
    params.all = true;
    params.maxAgeHours = 1;
    params.minSize = m_backup.manifest.artifactSize + 1;
    params.expectedDatabases = { QStringLiteral("shop"), QStringLiteral("never-backed-up") };
    CancelFlag cancel{ false };
    auto outcomes = VerifyJob::verifyAll(params, cancel, {});
    QVERIFY(outcomes.has_value());
    QCOMPARE(outcomes->size(), 2);
    QStringList failed;
    for (const CheckResult &check : outcomes->at(0).failedChecks())
        failed << check.name;
    QCOMPARE(failed, QStringList{ QStringLiteral("min_size") }); // fresh, so max_age passes
    QCOMPARE(outcomes->at(1).database, QStringLiteral("never-backed-up"));
    QCOMPARE(outcomes->at(1).failedChecks().first().name, QStringLiteral("max_age"));

    // Scoped to one database (--all --db), another database's missing backup is not this run's failure.
    params.database = QStringLiteral("shop");
    outcomes = VerifyJob::verifyAll(params, cancel, {});
    QVERIFY(outcomes.has_value());
    QCOMPARE(outcomes->size(), 1);
    QCOMPARE(outcomes->first().database, QStringLiteral("shop"));
    params.database.clear();

    // The same backup, older than a rule of about a second.
    QTest::qWait(1500);
    params.maxAgeHours = 1.0 / 3600;
    params.minSize.reset();
    params.expectedDatabases.clear();
    outcomes = VerifyJob::verifyAll(params, cancel, {});
    QVERIFY(outcomes.has_value());
    QCOMPARE(outcomes->size(), 1);
    QCOMPARE(outcomes->first().failedChecks().size(), 1);
    QCOMPARE(outcomes->first().failedChecks().first().name, QStringLiteral("max_age"));
}

QTEST_GUILESS_MAIN(TstVerify)
#include "tst_verify.moc"
