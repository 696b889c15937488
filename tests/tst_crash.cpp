// Real coffer-cli processes killed (SIGKILL) at the backup pipeline's named hold points, and
// what the next command finds: no half backup, no lost backup, a clean staging folder. Also the
// catalog's recovery tools: repo reindex and repo check.
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using testsupport::CliRun;
using testsupport::filesBelow;
using testsupport::runCli;
using testsupport::TempRepository;

namespace {

constexpr qint64 kMiB = 1 << 20;

QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
        .arg(run.exitCode)
        .arg(QString::fromLocal8Bit(run.out), QString::fromLocal8Bit(run.err));
}

QStringList withSuffix(const QStringList &files, const QString &suffix)
{
    QStringList matching;
    for (const QString &file : files)
        if (file.endsWith(suffix))
            matching << file;
    return matching;
}

// A coffer-cli backup started with COFFER_HOLD_AT=point, stopped there, then killed hard.
struct KilledRun {
    bool held = false;
    QByteArray err;
    qint64 pid = 0;
};

KilledRun killAt(const QString &point, const QStringList &arguments)
{
    KilledRun run;
    QProcess process;
    run.held = testsupport::startHeld(process, point, arguments, &run.err);
    run.pid = process.processId();
    process.kill(); // SIGKILL: no destructor, no clean-up handler runs
    process.waitForFinished(10000);
    return run;
}

CliRun list(const QString &repo)
{
    return runCli({ QStringLiteral("list"), QStringLiteral("--repo"), repo, QStringLiteral("--json") });
}

CliRun verifyAllFull(const QString &repo)
{
    return runCli({ QStringLiteral("verify"), QStringLiteral("--repo"), repo, QStringLiteral("--all"),
        QStringLiteral("--level"), QStringLiteral("full"), QStringLiteral("--json") });
}

CliRun repoCommand(const QString &action, const QString &repo)
{
    return runCli({ QStringLiteral("repo"), action, QStringLiteral("--repo"), repo, QStringLiteral("--json") });
}

QString catalogCount(const QString &repo)
{
    return testsupport::sqlite(repo + QStringLiteral("/catalog.db"), QStringLiteral("SELECT count(*) FROM backups"));
}

// The parts of a listing that identify backups (not their verification history).
QList<QStringList> identities(const QJsonArray &array)
{
    QList<QStringList> result;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        QStringList fields;
        for (const char *key :
            { "id", "database", "created", "artifact", "manifest", "artifact_sha256", "plaintext_sha256" })
            fields << o.value(QLatin1String(key)).toString();
        fields << QString::number(o.value(QStringLiteral("artifact_size")).toInteger())
               << QString::number(o.value(QStringLiteral("plaintext_size")).toInteger());
        result << fields;
    }
    return result;
}

} // namespace

class TestCrash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void killedBackup_data();
    void killedBackup();
    void liveBackupIsNotCleanedUp();

    void reindexRestoresTheListing();
    void checkFindsProblems_data();
    void checkFindsProblems();

private:
    QStringList backupArguments(const QString &repo) const
    {
        return { QStringLiteral("backup"), QStringLiteral("--path"), m_source, QStringLiteral("--repo"), repo,
            QStringLiteral("--json") };
    }

    QTemporaryDir m_data;
    QString m_source; // ~8 MiB, so the stream has several 1 MiB chunks
    QString m_small;
};

void TestCrash::initTestCase()
{
    QVERIFY(m_data.isValid());
    m_source = m_data.filePath(QStringLiteral("big.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_source, 19000));
    const qint64 size = QFileInfo(m_source).size();
    QVERIFY2(size >= 6 * kMiB && size <= 12 * kMiB, qPrintable(QString::number(size)));
    m_small = m_data.filePath(QStringLiteral("small.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_small, 100));
}

void TestCrash::killedBackup_data()
{
    QTest::addColumn<QString>("point");
    // How the next command reaches the repository: the same path; after the folder moved (a
    // removable drive mounted elsewhere); or the crashed run came through a symlink.
    QTest::addColumn<QString>("reopen");
    for (const char *point : { "backup-stream", "backup-published-artifact", "backup-published-manifest" }) {
        QTest::addRow("%s", point) << QString::fromLatin1(point) << QStringLiteral("same");
        QTest::addRow("%s, repository moved", point) << QString::fromLatin1(point) << QStringLiteral("moved");
        QTest::addRow("%s, through a symlink", point) << QString::fromLatin1(point) << QStringLiteral("symlink");
    }
}

void TestCrash::killedBackup()
{
    QFETCH(QString, point);
    QFETCH(QString, reopen);
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    QString crashedVia = fixture.repo();
    QString repo = fixture.repo();
    if (reopen == QStringLiteral("symlink")) {
        crashedVia = fixture.path(QStringLiteral("link-to-repo"));
        QVERIFY(QFile::link(fixture.repo(), crashedVia));
    }

    const KilledRun killed = killAt(point, backupArguments(crashedVia));
    QVERIFY2(killed.held, killed.err.constData());
    if (reopen == QStringLiteral("moved")) {
        repo = fixture.path(QStringLiteral("mounted-elsewhere"));
        QVERIFY(QDir().rename(fixture.repo(), repo));
    }
    const QString backups = repo + QStringLiteral("/backups");
    const QString staging = repo + QStringLiteral("/staging");
    const QString locks = repo + QStringLiteral("/locks");

    // What the crash left, seen without opening the repository.
    const QStringList leftInBackups = filesBelow(backups);
    const QStringList leftInStaging = filesBelow(staging);
    QString manifestId;
    if (point == QStringLiteral("backup-stream")) {
        QCOMPARE(leftInBackups, QStringList());
        // Killed mid-stream: the snapshot and the half-written artifact are still in staging.
        QCOMPARE(withSuffix(leftInStaging, QStringLiteral(".snapshot")).size(), 1);
        QCOMPARE(withSuffix(leftInStaging, QStringLiteral(".artifact")).size(), 1);
        QCOMPARE(withSuffix(leftInStaging, QStringLiteral(".pending")).size(), 0);
    } else if (point == QStringLiteral("backup-published-artifact")) {
        QCOMPARE(leftInBackups.size(), 1);
        QVERIFY2(leftInBackups.first().endsWith(QStringLiteral(".sqlite.zst")), qPrintable(leftInBackups.first()));
        QCOMPARE(withSuffix(leftInStaging, QStringLiteral(".pending")).size(), 1);
    } else {
        QCOMPARE(leftInBackups.size(), 2);
        const QStringList manifests = withSuffix(leftInBackups, QStringLiteral(".manifest.json"));
        QCOMPARE(manifests.size(), 1);
        QCOMPARE(withSuffix(leftInBackups, QStringLiteral(".sqlite.zst")).size(), 1);
        QCOMPARE(withSuffix(leftInStaging, QStringLiteral(".pending")).size(), 1);
        QFile manifest(backups + QLatin1Char('/') + manifests.first());
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        manifestId = QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("id")).toString();
        QCOMPARE(manifestId.size(), 32);
        // Published, but the catalog does not know it yet.
        QCOMPARE(catalogCount(repo), QStringLiteral("0"));
    }
    // The dead process's lock may remain; it must be the only one and name the dead pid.
    const QStringList staleLocks = filesBelow(locks);
    QVERIFY2(staleLocks.size() <= 1, qPrintable(staleLocks.join(QLatin1Char(' '))));
    for (const QString &lock : staleLocks)
        QVERIFY2(lock.contains(QStringLiteral("-%1-").arg(killed.pid)), qPrintable(lock));

    // The next command that opens the repository resolves it.
    const CliRun listed = list(repo);
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    QVERIFY2(listed.json().isArray(), qPrintable(describe(listed)));
    QCOMPARE(filesBelow(staging), QStringList());
    QCOMPARE(filesBelow(locks), QStringList());
    if (point == QStringLiteral("backup-published-manifest")) {
        // A whole backup: indexed, verifiable.
        const QJsonArray entries = listed.json().array();
        QCOMPARE(entries.size(), 1);
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), manifestId);
        QCOMPARE(QDir(backups).relativeFilePath(entry.value(QStringLiteral("artifact")).toString()),
            withSuffix(leftInBackups, QStringLiteral(".sqlite.zst")).first());
        QCOMPARE(catalogCount(repo), QStringLiteral("1"));
        QCOMPARE(filesBelow(backups), leftInBackups);
        const CliRun verified = verifyAllFull(repo);
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
        QCOMPARE(verified.json().array().size(), 1);
    } else {
        // No backup at all: nothing listed, nothing left under backups/.
        QCOMPARE(listed.json().array().size(), 0);
        QCOMPARE(filesBelow(backups), QStringList());
        QCOMPARE(catalogCount(repo), QStringLiteral("0"));
    }
    const CliRun checked = repoCommand(QStringLiteral("check"), repo);
    QVERIFY2(checked.exitCode == 0, qPrintable(describe(checked)));
    QCOMPARE(checked.json().object().value(QStringLiteral("problems")).toArray().size(), 0);

    // And the repository works as before: a new backup succeeds and everything verifies.
    const CliRun again = runCli(backupArguments(repo));
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    const CliRun verified = verifyAllFull(repo);
    QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
    const int expected = point == QStringLiteral("backup-published-manifest") ? 2 : 1;
    QCOMPARE(verified.json().array().size(), expected);
    QCOMPARE(list(repo).json().array().size(), expected);
    QCOMPARE(filesBelow(staging), QStringList());
}

void TestCrash::liveBackupIsNotCleanedUp()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString repo = fixture.repo();
    const QString staging = repo + QStringLiteral("/staging");

    // A backup that is alive and mid-stream: its work files belong to it, not to the cleaner.
    QProcess writer;
    QByteArray err;
    QVERIFY2(
        testsupport::startHeld(writer, QStringLiteral("backup-stream"), backupArguments(repo), &err), err.constData());
    const QStringList working = filesBelow(staging);
    QCOMPARE(withSuffix(working, QStringLiteral(".snapshot")).size(), 1);

    const CliRun listed = list(repo);
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    QCOMPARE(listed.json().array().size(), 0);
    for (const QString &file : working)
        QVERIFY2(QFileInfo::exists(staging + QLatin1Char('/') + file), qPrintable(file));

    // Another backup runs alongside it (both hold shared locks) and succeeds.
    const CliRun second = runCli({ QStringLiteral("backup"), QStringLiteral("--path"), m_small,
        QStringLiteral("--repo"), repo, QStringLiteral("--json") });
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    for (const QString &file : working)
        QVERIFY2(QFileInfo::exists(staging + QLatin1Char('/') + file), qPrintable(file));

    writer.kill();
    writer.waitForFinished(10000);
    const CliRun after = list(repo);
    QCOMPARE(after.exitCode, 0);
    QCOMPARE(after.json().array().size(), 1);
    QCOMPARE(filesBelow(staging), QStringList());
    QCOMPARE(filesBelow(repo + QStringLiteral("/locks")), QStringList());
}

void TestCrash::reindexRestoresTheListing()
{
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString repo = fixture.repo();
    for (const QString &name : { QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("alpha") }) {
        const CliRun made = runCli({ QStringLiteral("backup"), QStringLiteral("--path"), m_small,
            QStringLiteral("--name"), name, QStringLiteral("--repo"), repo, QStringLiteral("--json") });
        QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    }
    const CliRun before = list(repo);
    QCOMPARE(before.exitCode, 0);
    QCOMPARE(before.json().array().size(), 3);

    QVERIFY(QFile::remove(repo + QStringLiteral("/catalog.db")));
    const CliRun empty = list(repo);
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.json().array().size(), 0); // the catalog alone was lost...

    const CliRun reindexed = repoCommand(QStringLiteral("reindex"), repo);
    QVERIFY2(reindexed.exitCode == 0, qPrintable(describe(reindexed)));
    QCOMPARE(reindexed.json().object().value(QStringLiteral("indexed")).toInt(), 3);
    const CliRun after = list(repo);
    QCOMPARE(after.exitCode, 0);
    // ...and the manifests bring back every backup, in the same order, with the same checksums.
    QCOMPARE(identities(after.json().array()), identities(before.json().array()));
    const CliRun verified = verifyAllFull(repo);
    QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
    const CliRun checked = repoCommand(QStringLiteral("check"), repo);
    QVERIFY2(checked.exitCode == 0, qPrintable(describe(checked)));
}

void TestCrash::checkFindsProblems_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expectedProblem");
    QTest::newRow("none") << QString() << QString();
    QTest::newRow("file without a manifest") << QStringLiteral("orphan") << QStringLiteral("without a manifest");
    QTest::newRow("deleted artifact") << QStringLiteral("no-artifact") << QStringLiteral("artifact missing");
    QTest::newRow("deleted manifest") << QStringLiteral("no-manifest") << QStringLiteral("manifest missing");
    QTest::newRow("truncated artifact") << QStringLiteral("truncated") << QStringLiteral("the manifest says");
    // One problem: the backup is not indexed. Its artifact has a manifest; calling it "a file
    // without a manifest (an orphaned or foreign file)" invites a user to delete a good backup.
    QTest::newRow("manifest not in the catalog") << QStringLiteral("unindexed") << QStringLiteral("not in the catalog");
}

void TestCrash::checkFindsProblems()
{
    QFETCH(QString, damage);
    QFETCH(QString, expectedProblem);
    TempRepository fixture;
    QVERIFY(fixture.isValid());
    const QString repo = fixture.repo();
    const CliRun made = runCli({ QStringLiteral("backup"), QStringLiteral("--path"), m_small, QStringLiteral("--repo"),
        repo, QStringLiteral("--json") });
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QJsonObject backup = made.json().object();
    const QString artifact = backup.value(QStringLiteral("artifact")).toString();
    const QString manifest = backup.value(QStringLiteral("manifest")).toString();
    QVERIFY(QFileInfo::exists(artifact) && QFileInfo::exists(manifest));

    if (damage == QStringLiteral("orphan")) {
        QFile stray(QFileInfo(artifact).absolutePath() + QStringLiteral("/copied-by-hand.sqlite"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("someone put this here");
    } else if (damage == QStringLiteral("no-artifact")) {
        QVERIFY(QFile::remove(artifact));
    } else if (damage == QStringLiteral("no-manifest")) {
        QVERIFY(QFile::remove(manifest));
    } else if (damage == QStringLiteral("truncated")) {
        QFile file(artifact);
        QVERIFY(file.resize(file.size() / 2));
    } else if (damage == QStringLiteral("unindexed")) {
        QCOMPARE(testsupport::sqlite(repo + QStringLiteral("/catalog.db"), QStringLiteral("DELETE FROM backups")),
            QString());
        QCOMPARE(catalogCount(repo), QStringLiteral("0"));
    }

    const CliRun checked = repoCommand(QStringLiteral("check"), repo);
    const QJsonArray problems = checked.json().object().value(QStringLiteral("problems")).toArray();
    if (damage.isEmpty()) {
        QVERIFY2(checked.exitCode == 0, qPrintable(describe(checked)));
        QCOMPARE(problems.size(), 0);
        QCOMPARE(checked.json().object().value(QStringLiteral("ok")).toBool(), true);
        return;
    }
    QVERIFY2(checked.exitCode == 1, qPrintable(describe(checked)));
    QCOMPARE(checked.json().object().value(QStringLiteral("ok")).toBool(), false);
    QStringList texts;
    for (const QJsonValue &problem : problems)
        texts << problem.toString();
    QVERIFY2(
        problems.size() == 1 && texts.first().contains(expectedProblem), qPrintable(texts.join(QLatin1Char('\n'))));
    // The human form says it too.
    const CliRun human = runCli({ QStringLiteral("repo"), QStringLiteral("check"), QStringLiteral("--repo"), repo });
    QCOMPARE(human.exitCode, 1);
    QVERIFY2(human.out.contains("problem: ") && human.out.contains(expectedProblem.toLatin1()), human.out.constData());
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
