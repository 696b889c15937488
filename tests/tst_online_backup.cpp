// The backup is online and consistent: a separate writer process commits without pause to a
// WAL database while Coffer snapshots it; the writer keeps going, and every snapshot satisfies
// the writer's invariants (balances sum to 100000, ledger rows come in whole transactions).
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "backup/DatabaseInspector.h"
#include "repository/Catalog.h"
#include "verify/Verifier.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace coffer;

class TstOnlineBackup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backupWhileWriterCommits();
};

namespace {

constexpr int kRowsPerCommit = 3;

// Decodes an artifact into `out` with coffer's own decoder.
bool decode(const Manifest &manifest, const QString &artifact, const QString &out)
{
    auto codec = codecFromName(manifest.compression);
    auto decoder = Decompressor::create(*codec);
    QFile in(artifact);
    QFile plain(out);
    if (!decoder || !in.open(QIODevice::ReadOnly) || !plain.open(QIODevice::WriteOnly))
        return false;
    const ByteSink sink = [&plain](const char *data, qsizetype size) -> Result<void> {
        plain.write(data, size);
        return {};
    };
    const QByteArray bytes = in.readAll();
    return (*decoder)->write(bytes.constData(), bytes.size(), sink).has_value() && (*decoder)->finish(sink).has_value();
}

} // namespace

void TstOnlineBackup::backupWhileWriterCommits()
{
    testsupport::TempRepository repo;
    QVERIFY(repo.isValid());
    const QString db = repo.path(QStringLiteral("live.db"));

    // 40 MiB of existing data, so a snapshot takes many backup steps while commits land.
    QCOMPARE(testsupport::sqlite(db, QStringLiteral("PRAGMA journal_mode=WAL")), QStringLiteral("wal"));
    testsupport::sqlite(db, QStringLiteral("CREATE TABLE filler(id INTEGER PRIMARY KEY, data BLOB)"));
    testsupport::sqlite(db, QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000) "
                                           "INSERT INTO filler(data) SELECT randomblob(4000) FROM c"));

    QProcess writer;
    writer.start(QStringLiteral(COFFER_TEST_WRITER_PATH),
                 {db, QStringLiteral("--seconds"), QStringLiteral("0"), QStringLiteral("--rows-per-commit"),
                  QString::number(kRowsPerCommit)});
    QVERIFY(writer.waitForStarted());
    QVERIFY2(writer.waitForReadyRead(10000), writer.readAllStandardError().constData());
    QCOMPARE(writer.readLine().trimmed(), QByteArray("ready"));

    QList<BackupResult> backups;
    QList<qint64> ledgerBefore;
    QList<qint64> ledgerAfter;
    for (int i = 0; i < 3; ++i) {
        ledgerBefore << testsupport::sqlite(db, QStringLiteral("SELECT count(*) FROM ledger")).toLongLong();
        BackupParams params;
        params.repositoryPath = repo.repo();
        params.sourcePath = db;
        params.database = QStringLiteral("live");
        params.codec = i == 1 ? Codec::Gzip : Codec::Zstd;
        params.level = defaultLevel(params.codec);
        int snapshotSteps = 0;
        CancelFlag cancel{false};
        auto result = BackupPipeline::run(params, cancel, [&snapshotSteps](const QString &phase, qint64, qint64) {
            if (phase == QStringLiteral("snapshot"))
                ++snapshotSteps;
        });
        COFFER_VERIFY_OK(result);
        QVERIFY2(snapshotSteps >= 3, "the snapshot should take several steps");
        ledgerAfter << testsupport::sqlite(db, QStringLiteral("SELECT count(*) FROM ledger")).toLongLong();
        backups << *result;
    }

    ::kill(pid_t(writer.processId()), SIGTERM);
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
    QCOMPARE(writer.exitCode(), 0);
    const QJsonObject stats = QJsonDocument::fromJson(writer.readAllStandardOutput().trimmed()).object();
    const double maxCommitMs = stats.value(QStringLiteral("max_commit_ms")).toDouble(-1);
    qInfo("writer: %lld commits, max commit %.1f ms, p99 %.1f ms, %lld busy",
          qint64(stats.value(QStringLiteral("commits")).toDouble()), maxCommitMs,
          stats.value(QStringLiteral("p99_commit_ms")).toDouble(), qint64(stats.value(QStringLiteral("busy_errors")).toDouble()));
    QVERIFY(stats.value(QStringLiteral("commits")).toDouble() > 10);
    // Not a benchmark: a generous bound that only a writer blocked for a whole backup breaks.
    QVERIFY2(maxCommitMs >= 0 && maxCommitMs < 2000, qPrintable(QString::number(maxCommitMs)));

    for (int i = 0; i < backups.size(); ++i) {
        // The writer made progress while each backup ran.
        QVERIFY2(ledgerAfter[i] > ledgerBefore[i], "the writer was blocked during the backup");

        const QString restored = repo.path(QStringLiteral("restored-%1.db").arg(i));
        QVERIFY(decode(backups[i].manifest, backups[i].artifactPath, restored));
        auto findings = DatabaseInspector::integrityCheck(restored);
        QVERIFY(findings.has_value());
        QVERIFY2(findings->isEmpty(), qPrintable(findings->join(QStringLiteral("; "))));
        QCOMPARE(testsupport::sqlite(restored, QStringLiteral("SELECT sum(balance) FROM accounts")), QStringLiteral("100000"));
        const qint64 ledger = testsupport::sqlite(restored, QStringLiteral("SELECT count(*) FROM ledger")).toLongLong();
        QCOMPARE(ledger % kRowsPerCommit, 0);
        QVERIFY(ledger >= ledgerBefore[i] && ledger <= ledgerAfter[i]);
        QCOMPARE(backups[i].manifest.rowCounts.value(QStringLiteral("ledger")), ledger);
        QCOMPARE(backups[i].manifest.rowCounts.value(QStringLiteral("filler")), 10000);

        auto repository = Repository::open(repo.repo());
        QVERIFY(repository.has_value());
        auto catalog = Catalog::open(*repository);
        QVERIFY(catalog.has_value());
        auto entry = catalog->backup(backups[i].manifest.id);
        QVERIFY(entry.has_value());
        CancelFlag cancel{false};
        auto outcome = Verifier::verify(*entry, VerifyLevel::Full, cancel, {});
        QVERIFY(outcome.has_value());
        QVERIFY2(outcome->ok(), qPrintable(outcome->failedChecks().value(0).detail));
    }
}

QTEST_GUILESS_MAIN(TstOnlineBackup)
#include "tst_online_backup.moc"
