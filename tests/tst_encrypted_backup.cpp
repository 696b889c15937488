// Encrypted backups through the core: the pipeline writes the cfr1 container, verification
// and restore open it with the right credentials only, and a restore's safety backup is
// encrypted so that the same credentials bring it back.
#include "SqliteShell.h"
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "crypto/CfrFormat.h"
#include "crypto/Decryptor.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"
#include "restore/RestorePlanner.h"
#include "restore/Restorer.h"
#include "verify/Verifier.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace coffer;

namespace {

std::shared_ptr<const SecretBytes> secret(const char *text)
{
    return std::make_shared<const SecretBytes>(text, qsizetype(qstrlen(text)));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TstEncryptedBackup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void pipelineWritesTheContainer();
    void fullVerificationNeedsTheKey_data();
    void fullVerificationNeedsTheKey();
    void quickVerificationNeedsNoKey();
    void anotherBackupsArtifactIsCaught();
    void requireEncryptionRefusesPlainBackups();
    void restoreDecryptsAndEncryptsTheSafetyBackup();
    void restoreWithoutKeysIsRefusedBeforeAnythingChanges();
    void safetyBackupInRequireEncryptionRepoNeedsKeys();
    void liveRollbackOpensItsSafetyBackup();

private:
    Result<BackupResult> backUp(
        const QString &db, const QString &name, const EncryptionKeys &keys, const QString &repo = {});
    Result<VerifyOutcome> verify(const QString &id, VerifyLevel level, const Credentials &credentials);
    CatalogEntry entry(const QString &id);

    std::optional<Identity> m_alice;
    std::optional<Identity> m_bob;
    std::unique_ptr<testsupport::TempRepository> m_repo;
    QString m_db;
};

void TstEncryptedBackup::initTestCase()
{
    auto alice = Identity::generate();
    auto bob = Identity::generate();
    COFFER_VERIFY_OK(alice);
    COFFER_VERIFY_OK(bob);
    m_alice = *alice;
    m_bob = *bob;
}

void TstEncryptedBackup::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    m_db = m_repo->path(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_db, 3000, true));
}

Result<BackupResult> TstEncryptedBackup::backUp(
    const QString &db, const QString &name, const EncryptionKeys &keys, const QString &repo)
{
    BackupParams params;
    params.repositoryPath = repo.isEmpty() ? m_repo->repo() : repo;
    params.sourcePath = db;
    params.database = name;
    params.encryption = keys;
    CancelFlag cancel{ false };
    return BackupPipeline::run(params, cancel, {});
}

CatalogEntry TstEncryptedBackup::entry(const QString &id)
{
    auto repo = Repository::open(m_repo->repo());
    auto catalog = Catalog::open(*repo);
    auto found = catalog->backup(id);
    if (!found)
        qFatal("backup %s not in the catalog", qPrintable(id));
    return *found;
}

Result<VerifyOutcome> TstEncryptedBackup::verify(const QString &id, VerifyLevel level, const Credentials &credentials)
{
    CancelFlag cancel{ false };
    return Verifier::verify(entry(id), level, cancel, {}, credentials);
}

void TstEncryptedBackup::pipelineWritesTheContainer()
{
    EncryptionKeys keys;
    keys.recipients = { m_alice->publicKey(), m_bob->publicKey() };
    keys.passphrase = secret("a long passphrase for the test");
    auto backup = backUp(m_db, QStringLiteral("shop"), keys);
    COFFER_VERIFY_OK(backup);
    const Manifest &m = backup->manifest;
    QCOMPARE(m.encryptionScheme, QStringLiteral("cfr1"));
    QCOMPARE(m.encryptionRecipients,
        (QStringList{ QStringLiteral("passphrase"), m_alice->publicKey().keyId(), m_bob->publicKey().keyId() }));
    QVERIFY2(m.artifactFile.endsWith(QStringLiteral(".sqlite.zst.cfr")), qPrintable(m.artifactFile));
    QCOMPARE(
        QFileInfo(backup->artifactPath).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    // The artifact is the container, its header names this backup and the database's hash,
    // and the manifest holds no secret.
    const QByteArray artifact = readAll(backup->artifactPath);
    QVERIFY(artifact.startsWith(QByteArray(cfr::kMagic, sizeof cfr::kMagic)));
    auto header = Decryptor::peek(artifact.left(4096));
    COFFER_VERIFY_OK(header);
    QCOMPARE(QString::fromLatin1(header->backupId.toHex()), m.id);
    QCOMPARE(QString::fromLatin1(header->plaintextSha256.toHex()), m.plaintextSha256);
    QCOMPARE(qint64(header->plaintextSize), m.plaintextSize);
    QCOMPARE(header->recipientIds(), m.encryptionRecipients);
    QVERIFY(!readAll(backup->manifestPath).contains("a long passphrase"));

    // The database's own SHA-256 (taken on a second thread before the stream) is right.
    auto outcome = verify(m.id, VerifyLevel::Full, Credentials{ { *m_bob }, {} });
    COFFER_VERIFY_OK(outcome);
    QVERIFY2(outcome->ok(), qPrintable(outcome->failedChecks().value(0).detail));
    QStringList names;
    for (const CheckResult &check : outcome->checks)
        names << check.name;
    QVERIFY2(names.contains(QStringLiteral("decrypt")) && names.contains(QStringLiteral("encryption_header"))
            && names.contains(QStringLiteral("plaintext_sha256")) && names.contains(QStringLiteral("integrity_check")),
        qPrintable(names.join(QLatin1Char(' '))));
}

void TstEncryptedBackup::fullVerificationNeedsTheKey_data()
{
    QTest::addColumn<int>("given"); // 0 nothing, 1 wrong passphrase, 2 another key, 3 right passphrase, 4 right key
    QTest::addColumn<bool>("opens");
    QTest::addColumn<int>("code");
    QTest::newRow("nothing") << 0 << false << int(ErrorCode::KeyRequired);
    QTest::newRow("wrong passphrase") << 1 << false << int(ErrorCode::WrongKey);
    QTest::newRow("another key") << 2 << false << int(ErrorCode::WrongKey);
    QTest::newRow("right passphrase") << 3 << true << 0;
    QTest::newRow("right key") << 4 << true << 0;
}

void TstEncryptedBackup::fullVerificationNeedsTheKey()
{
    QFETCH(int, given);
    QFETCH(bool, opens);
    QFETCH(int, code);
    EncryptionKeys keys;
    keys.recipients = { m_alice->publicKey() };
    keys.passphrase = secret("right");
    auto backup = backUp(m_db, QStringLiteral("shop"), keys);
    COFFER_VERIFY_OK(backup);
    Credentials credentials;
    if (given == 1)
        credentials.passphrase = secret("wrong");
    if (given == 2)
        credentials.identities = { *m_bob };
    if (given == 3)
        credentials.passphrase = secret("right");
    if (given == 4)
        credentials.identities = { *m_alice };
    auto outcome = verify(backup->manifest.id, VerifyLevel::Full, credentials);
    if (opens) {
        COFFER_VERIFY_OK(outcome);
        QVERIFY(outcome->ok());
        return;
    }
    // Not the backup's fault: an error for the caller, not a failed verification.
    QVERIFY(!outcome);
    QCOMPARE(int(outcome.error().code), code);
    QVERIFY2(outcome.error().message.contains(m_alice->publicKey().keyId()), qPrintable(outcome.error().message));
}

void TstEncryptedBackup::quickVerificationNeedsNoKey()
{
    EncryptionKeys keys;
    keys.recipients = { m_alice->publicKey() };
    auto backup = backUp(m_db, QStringLiteral("shop"), keys);
    COFFER_VERIFY_OK(backup);
    auto outcome = verify(backup->manifest.id, VerifyLevel::Quick, {});
    COFFER_VERIFY_OK(outcome);
    QVERIFY(outcome->ok());
}

void TstEncryptedBackup::anotherBackupsArtifactIsCaught()
{
    // Someone with write access swaps in another backup's artifact and fixes the manifest's
    // artifact hash and size: the authenticated header still names the other backup.
    EncryptionKeys keys;
    keys.recipients = { m_alice->publicKey() };
    const QString other = m_repo->path(QStringLiteral("other.db"));
    QVERIFY(testsupport::makeSampleDatabase(other, 500));
    auto mine = backUp(m_db, QStringLiteral("shop"), keys);
    auto theirs = backUp(other, QStringLiteral("shop"), keys);
    COFFER_VERIFY_OK(mine);
    COFFER_VERIFY_OK(theirs);
    const QByteArray swapped = readAll(theirs->artifactPath);
    QVERIFY(writeAll(mine->artifactPath, swapped));
    QJsonObject manifest = QJsonDocument::fromJson(readAll(mine->manifestPath)).object();
    manifest[QStringLiteral("artifact_sha256")] = theirs->manifest.artifactSha256;
    manifest[QStringLiteral("artifact_size")] = double(theirs->manifest.artifactSize);
    QVERIFY(writeAll(mine->manifestPath, QJsonDocument(manifest).toJson()));

    auto outcome = verify(mine->manifest.id, VerifyLevel::Full, Credentials{ { *m_alice }, {} });
    COFFER_VERIFY_OK(outcome);
    QVERIFY(!outcome->ok());
    QStringList failed;
    for (const CheckResult &check : outcome->failedChecks())
        failed << check.name;
    QVERIFY2(failed.contains(QStringLiteral("encryption_header")), qPrintable(failed.join(QLatin1Char(' '))));
}

void TstEncryptedBackup::requireEncryptionRefusesPlainBackups()
{
    const QString strict = m_repo->path(QStringLiteral("strict"));
    COFFER_VERIFY_OK(Repository::init(strict, true));
    auto plain = backUp(m_db, QStringLiteral("shop"), {}, strict);
    QVERIFY(!plain);
    QVERIFY2(plain.error().message.contains(QStringLiteral("requires encrypted backups")),
        qPrintable(plain.error().message));
    QVERIFY2(testsupport::filesBelow(strict + QStringLiteral("/backups")).isEmpty(),
        qPrintable(testsupport::filesBelow(strict).join(QLatin1Char(' '))));
    EncryptionKeys keys;
    keys.recipients = { m_alice->publicKey() };
    COFFER_VERIFY_OK(backUp(m_db, QStringLiteral("shop"), keys, strict));
}

void TstEncryptedBackup::restoreDecryptsAndEncryptsTheSafetyBackup()
{
    EncryptionKeys keys;
    keys.recipients = { m_alice->publicKey() };
    auto backup = backUp(m_db, QStringLiteral("shop"), keys);
    COFFER_VERIFY_OK(backup);
    const QString backedUp = testsupport::contentSummary(m_db);
    testsupport::sqlite(m_db, QStringLiteral("DELETE FROM orders"));
    const QString changed = testsupport::contentSummary(m_db);
    QVERIFY(changed != backedUp);

    RestoreParams params;
    params.repositoryPath = m_repo->repo();
    params.backupId = backup->manifest.id;
    params.targetPath = m_db;
    params.credentials.identities = { *m_alice };
    params.safetyRecipients.recipients = { m_bob->publicKey() };
    CancelFlag cancel{ false };
    auto plan = RestorePlanner::prepare(params, cancel, {});
    COFFER_VERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->failedChecks().value(0).detail));
    const RestoreResult result = Restorer::execute(*plan, cancel, {});
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    QCOMPARE(testsupport::contentSummary(m_db), backedUp);

    // The replaced state is kept encrypted, to the restorer's key and the extra recipient.
    const CatalogEntry safety = entry(result.safetyBackupId);
    QCOMPARE(safety.manifest.encryptionScheme, QStringLiteral("cfr1"));
    QCOMPARE(safety.manifest.encryptionRecipients,
        (QStringList{ m_alice->publicKey().keyId(), m_bob->publicKey().keyId() }));
    for (const Identity &who : { *m_alice, *m_bob }) {
        auto outcome = verify(result.safetyBackupId, VerifyLevel::Full, Credentials{ { who }, {} });
        COFFER_VERIFY_OK(outcome);
        QVERIFY(outcome->ok());
    }
    const QString restoredCopy = m_repo->path(QStringLiteral("safety-check.db"));
    RestoreParams back = params;
    back.backupId = result.safetyBackupId;
    back.targetPath = restoredCopy;
    back.credentials.identities = { *m_bob };
    auto backPlan = RestorePlanner::prepare(back, cancel, {});
    COFFER_VERIFY_OK(backPlan);
    QVERIFY(backPlan->ok());
    QVERIFY(Restorer::execute(*backPlan, cancel, {}).ok());
    QCOMPARE(testsupport::contentSummary(restoredCopy), changed);
}

void TstEncryptedBackup::restoreWithoutKeysIsRefusedBeforeAnythingChanges()
{
    EncryptionKeys keys;
    keys.passphrase = secret("only this");
    auto backup = backUp(m_db, QStringLiteral("shop"), keys);
    COFFER_VERIFY_OK(backup);
    testsupport::sqlite(m_db, QStringLiteral("DELETE FROM orders"));
    const QString current = testsupport::contentSummary(m_db);
    RestoreParams params;
    params.repositoryPath = m_repo->repo();
    params.backupId = backup->manifest.id;
    params.targetPath = m_db;
    params.credentials.passphrase = secret("not this");
    CancelFlag cancel{ false };
    auto plan = RestorePlanner::prepare(params, cancel, {});
    QVERIFY(!plan);
    QCOMPARE(plan.error().code, ErrorCode::WrongKey);
    QCOMPARE(testsupport::contentSummary(m_db), current);
    QCOMPARE(
        QDir(m_repo->dir()).entryList({ QStringLiteral(".shop.db.*") }, QDir::Files | QDir::Hidden), QStringList());
}

void TstEncryptedBackup::safetyBackupInRequireEncryptionRepoNeedsKeys()
{
    // A plain backup from before the repository's policy became require_encryption: restoring
    // it needs no key, but the safety backup of the current data must be encrypted, and with
    // nothing to encrypt it to the preflight refuses instead of writing it in the clear.
    auto backup = backUp(m_db, QStringLiteral("shop"), {});
    COFFER_VERIFY_OK(backup);
    const QString config = m_repo->repo() + QStringLiteral("/coffer-repo.json");
    QJsonObject json = QJsonDocument::fromJson(readAll(config)).object();
    json[QStringLiteral("policy")] = QJsonObject{ { QStringLiteral("require_encryption"), true } };
    QVERIFY(writeAll(config, QJsonDocument(json).toJson()));

    RestoreParams params;
    params.repositoryPath = m_repo->repo();
    params.backupId = backup->manifest.id;
    params.targetPath = m_db;
    CancelFlag cancel{ false };
    auto keyless = RestorePlanner::prepare(params, cancel, {});
    COFFER_VERIFY_OK(keyless);
    QStringList failed;
    for (const CheckResult &check : keyless->failedChecks())
        failed << check.name;
    QCOMPARE(failed, QStringList{ QStringLiteral("safety_encryption") });

    params.safetyRecipients.recipients = { m_bob->publicKey() };
    auto plan = RestorePlanner::prepare(params, cancel, {});
    COFFER_VERIFY_OK(plan);
    QVERIFY(plan->ok());
    const RestoreResult result = Restorer::execute(*plan, cancel, {});
    QVERIFY(result.ok());
    QCOMPARE(entry(result.safetyBackupId).manifest.encryptionRecipients, QStringList{ m_bob->publicKey().keyId() });
}

void TstEncryptedBackup::liveRollbackOpensItsSafetyBackup()
{
    // A live restore that fails puts the previous content back from the safety backup. With
    // public keys alone that backup could be written but not read: refused in the preflight.
    auto backup = backUp(m_db, QStringLiteral("shop"), {});
    COFFER_VERIFY_OK(backup);
    testsupport::sqlite(m_db, QStringLiteral("DELETE FROM orders WHERE rowid % 2 = 0"));
    const QString current = testsupport::contentSummary(m_db);
    const QString publicKey = m_bob->publicKey().toText();
    const QStringList restore{ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), backup->manifest.id,
        QStringLiteral("--target"), m_db, QStringLiteral("--live"), QStringLiteral("--yes"),
        QStringLiteral("--recipient"), publicKey };
    const testsupport::CliRun refused = testsupport::runCli(restore);
    QVERIFY2(refused.exitCode != 0, refused.out.constData());
    QVERIFY2(refused.out.contains("live restore's rollback") || refused.err.contains("live restore's rollback"),
        (refused.out + refused.err).constData());
    QCOMPARE(testsupport::contentSummary(m_db), current);

    // With a private key given, the safety backup is encrypted to it too, and a failure after
    // the copy-in is rolled back from it.
    const QString keyFile = m_repo->path(QStringLiteral("alice.pem"));
    COFFER_VERIFY_OK(m_alice->save(keyFile));
    const testsupport::CliRun rolledBack
        = testsupport::runCli(restore + QStringList{ QStringLiteral("--identity"), keyFile }, {}, 120000,
            { QStringLiteral("COFFER_FAIL_AT=restore-mid-verify") });
    QCOMPARE(rolledBack.exitCode, 3);
    QVERIFY2(rolledBack.err.contains("was copied back into the live database"), rolledBack.err.constData());
    QCOMPARE(testsupport::contentSummary(m_db), current);
}

QTEST_GUILESS_MAIN(TstEncryptedBackup)
#include "tst_encrypted_backup.moc"
