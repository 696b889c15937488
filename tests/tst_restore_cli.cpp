// coffer-cli restore as a user runs it, and as it dies: the real binary, killed or failed at
// every phase by its test hooks, over a database whose last writer crashed with rows still in
// its -wal. Afterwards the target is the old database or the restored one — never missing,
// never half of each — and the audit trail still verifies.
#include "SqliteShell.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

class TstRestoreCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void faultAtEachPhase_data();
    void faultAtEachPhase();
    void leftoverCopyIsRemovedByTheNextRestore();
    void writerDuringSafetyBackupStopsTheRestore_data();
    void writerDuringSafetyBackupStopsTheRestore();
    void liveRollbackNeverThrowsAwayNewWrites();
    void swapOverAnotherUsersDatabaseIsRefused();
    void jsonReportsPlanAndOutcome();
    void latestRestoresTheNewestBackup();
    void preflightFailureExitsThreeAndChangesNothing();
    void refusesWithoutTerminalOrYes();
    void typedConfirmationOnATerminal_data();
    void typedConfirmationOnATerminal();
    void listAndInfoShowSafetyBackups();
    void usageErrors_data();
    void usageErrors();

private:
    QStringList restoreArgs(const QStringList &extra = {}) const;
    QString backupIds(const QString &trigger) const;

    std::unique_ptr<testsupport::TempRepository> m_repo;
    QString m_db;
    QString m_id;
    QString m_backedUp; // the backup's content
    QString m_old; // the content that a restore replaces, -wal included
};

void TstRestoreCli::init()
{
    m_repo = std::make_unique<testsupport::TempRepository>();
    QVERIFY(m_repo->isValid());
    m_db = m_repo->path(QStringLiteral("shop.db"));
    QVERIFY(testsupport::makeSampleDatabase(m_db, 300, true));
    testsupport::sqlite(m_db, QStringLiteral("CREATE TABLE marker(note TEXT)"));
    m_backedUp = testsupport::contentSummary(m_db);
    const auto made = testsupport::runCli({ QStringLiteral("backup"), QStringLiteral("--repo"), m_repo->repo(),
        QStringLiteral("--path"), m_db, QStringLiteral("--json") });
    QCOMPARE(made.exitCode, 0);
    m_id = made.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(m_id.size(), 32);

    // The application changed things after the backup, then crashed with rows in its -wal.
    testsupport::sqlite(m_db, QStringLiteral("DELETE FROM orders WHERE id % 3 = 0"));
    testsupport::SqliteShell writer;
    QVERIFY(writer.start(m_db));
    QCOMPARE(writer.query(QStringLiteral("INSERT INTO marker VALUES('only in the wal'); SELECT count(*) FROM marker")),
        QStringLiteral("1"));
    writer.kill();
    QVERIFY(QFileInfo(m_db + QStringLiteral("-wal")).size() > 0);
    // Read the old content from a copy, so the original keeps its hot -wal.
    const QString copy = m_repo->path(QStringLiteral("old-copy.db"));
    QVERIFY(QFile::copy(m_db, copy));
    QVERIFY(QFile::copy(m_db + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
    m_old = testsupport::contentSummary(copy);
    QVERIFY(m_old.contains(QStringLiteral("marker=1")));
    QVERIFY(m_old != m_backedUp);
}

QStringList TstRestoreCli::restoreArgs(const QStringList &extra) const
{
    return QStringList{ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), m_id,
        QStringLiteral("--target"), m_db, QStringLiteral("--yes") }
    + extra;
}

QString TstRestoreCli::backupIds(const QString &trigger) const
{
    const auto listed = testsupport::runCli(
        { QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") });
    QStringList ids;
    for (const QJsonValue &entry : listed.json().array())
        if (entry.toObject().value(QStringLiteral("trigger")).toString() == trigger)
            ids << entry.toObject().value(QStringLiteral("id")).toString();
    return ids.join(QLatin1Char(','));
}

void TstRestoreCli::faultAtEachPhase_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<QString>("action"); // kill: the process dies there; fail: the step fails
    QTest::addColumn<bool>("live");
    QTest::addColumn<bool>("restored"); // the target ends as the restored database (else the old one)
    QTest::addColumn<bool>("safety"); // a safety backup is in the catalog
    QTest::addColumn<bool>("rolledBack"); // the restore reports that it put the old database back

    const QString points[] = { QStringLiteral("restore-mid-materialise"), QStringLiteral("restore-after-safety-backup"),
        QStringLiteral("restore-before-swap"), QStringLiteral("restore-after-swap"),
        QStringLiteral("restore-mid-verify") };
    for (const QString &point : points) {
        const bool afterSafety = point != points[0];
        const bool installed = point == points[3] || point == points[4];
        QTest::addRow("swap, killed at %s", qPrintable(point))
            << point << QStringLiteral("kill") << false << installed << afterSafety << false;
        QTest::addRow("swap, failing at %s", qPrintable(point))
            << point << QStringLiteral("fail") << false << false << afterSafety << installed;
    }
    for (int i = 2; i < 5; ++i) {
        const bool installed = i > 2;
        QTest::addRow("live, killed at %s", qPrintable(points[i]))
            << points[i] << QStringLiteral("kill") << true << installed << true << false;
        QTest::addRow("live, failing at %s", qPrintable(points[i]))
            << points[i] << QStringLiteral("fail") << true << false << true << installed;
    }
}

void TstRestoreCli::faultAtEachPhase()
{
    QFETCH(QString, point);
    QFETCH(QString, action);
    QFETCH(bool, live);
    QFETCH(bool, restored);
    QFETCH(bool, safety);
    QFETCH(bool, rolledBack);

    const QString variable
        = action == QStringLiteral("kill") ? QStringLiteral("COFFER_KILL_AT=") : QStringLiteral("COFFER_FAIL_AT=");
    const auto run
        = testsupport::runCli(restoreArgs(live ? QStringList{ QStringLiteral("--live"), QStringLiteral("--json") }
                                               : QStringList{ QStringLiteral("--json") }),
            {}, 120000, { variable + point });
    if (action == QStringLiteral("kill")) {
        QCOMPARE(run.exitCode, -1); // died by the signal
    } else {
        QCOMPARE(run.exitCode, 3);
        // A failure in the preflight ends as a plain error; a later one with the plan and outcome.
        const QJsonObject json = run.json().object();
        const QJsonObject outcome = json.value(QStringLiteral("outcome")).toObject();
        QCOMPARE(json.contains(QStringLiteral("outcome")), point != QStringLiteral("restore-mid-materialise"));
        QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(false), false);
        QCOMPARE(outcome.value(QStringLiteral("rolled_back")).toBool(), rolledBack);
        const QJsonObject error = json.contains(QStringLiteral("outcome"))
            ? outcome.value(QStringLiteral("error")).toObject()
            : json.value(QStringLiteral("error")).toObject();
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(point), run.out.constData());
    }

    // Never missing, always whole, always one of the two.
    QVERIFY(QFileInfo::exists(m_db));
    const QString now = testsupport::contentSummary(m_db);
    QVERIFY2(now.startsWith(QStringLiteral("ok;")), qPrintable(now));
    QCOMPARE(now, restored ? m_backedUp : m_old);
    QCOMPARE(backupIds(QStringLiteral("safety")).isEmpty(), !safety);
    if (action == QStringLiteral("fail")) // a failure cleans up after itself; a crash may leave files for the next run
        QCOMPARE(
            QDir(m_repo->dir()).entryList({ QStringLiteral(".shop.db.*") }, QDir::Files | QDir::Hidden), QStringList());
    const auto chain = testsupport::runCli(
        { QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo() });
    QVERIFY2(chain.exitCode == 0, chain.out + chain.err);

    // Whatever happened, running the restore again gets the job done.
    const auto again = testsupport::runCli(restoreArgs(live ? QStringList{ QStringLiteral("--live") } : QStringList{}));
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(testsupport::contentSummary(m_db), m_backedUp);
}

void TstRestoreCli::leftoverCopyIsRemovedByTheNextRestore()
{
    const auto killed
        = testsupport::runCli(restoreArgs(), {}, 120000, { QStringLiteral("COFFER_KILL_AT=restore-mid-materialise") });
    QCOMPARE(killed.exitCode, -1);
    const QStringList left
        = QDir(m_repo->dir()).entryList({ QStringLiteral(".shop.db.coffer-restore-*") }, QDir::Files | QDir::Hidden);
    QCOMPARE(left.size(), 1);
    const auto dry = testsupport::runCli(restoreArgs({ QStringLiteral("--dry-run") }));
    QCOMPARE(dry.exitCode, 0);
    QCOMPARE(
        QDir(m_repo->dir()).entryList({ QStringLiteral(".shop.db.*") }, QDir::Files | QDir::Hidden), QStringList());
}

void TstRestoreCli::writerDuringSafetyBackupStopsTheRestore_data()
{
    QTest::addColumn<bool>("staysOpen");
    QTest::newRow("wrote and left") << false;
    QTest::newRow("still connected") << true;
}

void TstRestoreCli::writerDuringSafetyBackupStopsTheRestore()
{
    QFETCH(bool, staysOpen);
    // The restore stops itself right after its safety backup; an application writes; it goes on.
    QProcess restore;
    QByteArray err;
    QVERIFY2(testsupport::startHeld(restore, QStringLiteral("restore-after-safety-backup"), restoreArgs(), &err),
        err.constData());

    testsupport::SqliteShell app;
    QVERIFY(app.start(m_db));
    QCOMPARE(app.query(QStringLiteral("INSERT INTO marker VALUES('written during the restore'); SELECT count(*) FROM "
                                      "marker")),
        QStringLiteral("2"));
    if (!staysOpen)
        app.kill();
    ::kill(pid_t(restore.processId()), SIGCONT);
    QVERIFY(restore.waitForFinished(60000));
    err += restore.readAllStandardError();
    QCOMPARE(restore.exitCode(), 3);
    QVERIFY2(
        err.contains(staysOpen ? "came into use during the safety backup" : "was written to during the safety backup"),
        err.constData());
    // The write is still there: nothing was restored over it.
    QCOMPARE(staysOpen ? app.query(QStringLiteral("SELECT count(*) FROM marker"))
                       : testsupport::sqlite(m_db, QStringLiteral("SELECT count(*) FROM marker")),
        QStringLiteral("2"));
}

void TstRestoreCli::liveRollbackNeverThrowsAwayNewWrites()
{
    // The live copy is in; a connected application writes; then the check fails. Putting the
    // safety backup back now would throw the application's write away: the restore must not.
    QProcess restore;
    QByteArray err;
    QVERIFY2(testsupport::startHeld(restore, QStringLiteral("restore-mid-verify"),
                 restoreArgs({ QStringLiteral("--live"), QStringLiteral("--json") }), &err,
                 { QStringLiteral("COFFER_FAIL_AT=restore-mid-verify") }),
        err.constData());
    QCOMPARE(testsupport::sqlite(m_db, QStringLiteral("SELECT count(*) FROM marker")), QStringLiteral("0"));
    testsupport::sqlite(m_db, QStringLiteral("INSERT INTO marker VALUES('order 1001, after the restore')"));
    ::kill(pid_t(restore.processId()), SIGCONT);
    QVERIFY(restore.waitForFinished(60000));
    QCOMPARE(restore.exitCode(), 3);
    const QJsonObject outcome
        = QJsonDocument::fromJson(restore.readAllStandardOutput()).object().value(QStringLiteral("outcome")).toObject();
    QCOMPARE(outcome.value(QStringLiteral("rolled_back")).toBool(true), false);
    QCOMPARE(outcome.value(QStringLiteral("rollback_failed")).toBool(false), true); // a person must decide
    QVERIFY(outcome.value(QStringLiteral("rollback_detail")).toString().contains(QStringLiteral("written to it")));
    QCOMPARE(testsupport::sqlite(m_db, QStringLiteral("SELECT note FROM marker")),
        QStringLiteral("order 1001, after the restore"));
}

void TstRestoreCli::swapOverAnotherUsersDatabaseIsRefused()
{
    if (::geteuid() != 0)
        COFFER_SKIP_UNLESS_CI("running coffer-cli as another user needs root");
    // The database belongs to root; user nobody may write the folder and run the restore.
    QVERIFY(::chmod(QFile::encodeName(m_repo->dir()).constData(), 0777) == 0);
    QVERIFY(::chmod(QFile::encodeName(m_db).constData(), 0666) == 0);
    QVERIFY(::chmod(QFile::encodeName(m_db + QStringLiteral("-wal")).constData(), 0666) == 0);
    const QString repo = m_repo->path(QStringLiteral("nobody-repo"));
    QProcess asNobody;
    asNobody.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    auto run = [&](const QStringList &arguments) {
        asNobody.start(QStringLiteral("setpriv"),
            QStringList{ QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                QStringLiteral("--clear-groups"), QStringLiteral(COFFER_CLI_PATH) }
                + arguments);
        asNobody.waitForFinished(60000);
        return asNobody.exitCode();
    };
    QCOMPARE(run({ QStringLiteral("init"), repo }), 0);
    QCOMPARE(run({ QStringLiteral("backup"), QStringLiteral("--repo"), repo, QStringLiteral("--path"), m_db }), 0);
    const QString id = QString::fromUtf8(asNobody.readAllStandardOutput()).section(QStringLiteral(" id "), 1).trimmed();
    QCOMPARE(id.size(), 32);
    QCOMPARE(run({ QStringLiteral("restore"), QStringLiteral("--repo"), repo, id, QStringLiteral("--target"), m_db,
                 QStringLiteral("--yes") }),
        3);
    const QByteArray err = asNobody.readAllStandardError();
    QVERIFY2(err.contains("target_file"), err.constData());
    QVERIFY2(asNobody.readAllStandardOutput().contains("belongs to user root (0)"), err.constData());
    QFileInfo info(m_db);
    QCOMPARE(info.ownerId(), 0u);
}

void TstRestoreCli::jsonReportsPlanAndOutcome()
{
    const auto run = testsupport::runCli(restoreArgs({ QStringLiteral("--json") }));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = run.json().object();
    const QJsonObject plan = json.value(QStringLiteral("plan")).toObject();
    QCOMPARE(plan.value(QStringLiteral("backup")).toObject().value(QStringLiteral("id")).toString(), m_id);
    QCOMPARE(plan.value(QStringLiteral("target")).toObject().value(QStringLiteral("path")).toString(),
        QFileInfo(m_db).canonicalFilePath());
    QCOMPARE(plan.value(QStringLiteral("target")).toObject().value(QStringLiteral("exists")).toBool(), true);
    QCOMPARE(plan.value(QStringLiteral("mode")).toString(), QStringLiteral("swap"));
    QCOMPARE(plan.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(plan.value(QStringLiteral("checks")).toArray().size(), 7);
    QVERIFY(plan.value(QStringLiteral("verification")).toArray().size() >= 10);
    const QJsonObject outcome = json.value(QStringLiteral("outcome")).toObject();
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(outcome.value(QStringLiteral("rolled_back")).toBool(true), false);
    QCOMPARE(outcome.value(QStringLiteral("safety_backup_id")).toString(), backupIds(QStringLiteral("safety")));
    QCOMPARE(plan.value(QStringLiteral("safety_backup")).toObject().value(QStringLiteral("id")).toString(),
        backupIds(QStringLiteral("safety"))); // announced before it was taken
    const QJsonObject timings = outcome.value(QStringLiteral("timings_ms")).toObject();
    QCOMPARE(timings.keys(),
        (QStringList{ QStringLiteral("install"), QStringLiteral("preflight"), QStringLiteral("safety backup"),
            QStringLiteral("verify") }));
    QVERIFY(
        outcome.value(QStringLiteral("gap")).toString().contains(QStringLiteral("is not in the restored database")));
    QCOMPARE(testsupport::contentSummary(m_db), m_backedUp);
}

void TstRestoreCli::latestRestoresTheNewestBackup()
{
    const QString other = m_repo->path(QStringLiteral("other.db"));
    QVERIFY(testsupport::makeSampleDatabase(other, 50));
    const auto newer = testsupport::runCli({ QStringLiteral("backup"), QStringLiteral("--repo"), m_repo->repo(),
        QStringLiteral("--path"), other, QStringLiteral("--name"), QStringLiteral("shop"), QStringLiteral("--json") });
    QCOMPARE(newer.exitCode, 0);
    const auto run = testsupport::runCli({ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(),
        QStringLiteral("--latest"), QStringLiteral("--db"), QStringLiteral("shop"), QStringLiteral("--target"), m_db,
        QStringLiteral("--yes"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.json()
                 .object()
                 .value(QStringLiteral("plan"))
                 .toObject()
                 .value(QStringLiteral("backup"))
                 .toObject()
                 .value(QStringLiteral("id")),
        newer.json().object().value(QStringLiteral("id")));
    QCOMPARE(testsupport::sqlite(m_db, QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("50"));
}

void TstRestoreCli::preflightFailureExitsThreeAndChangesNothing()
{
    const QString artifact = testsupport::runCli(
        { QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), m_id, QStringLiteral("--json") })
                                 .json()
                                 .object()
                                 .value(QStringLiteral("artifact"))
                                 .toString();
    QVERIFY(testsupport::flipByte(artifact, 100));
    const QStringList before = testsupport::filesBelow(m_repo->dir());
    QFile target(m_db);
    QVERIFY(target.open(QIODevice::ReadOnly));
    const QByteArray bytes = target.readAll();
    target.close();

    const auto run = testsupport::runCli(restoreArgs({ QStringLiteral("--json") }));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("backup_verified"), run.err.constData());
    const QJsonObject plan = run.json().object().value(QStringLiteral("plan")).toObject();
    QCOMPARE(plan.value(QStringLiteral("ok")).toBool(true), false);
    QVERIFY(run.json().object().value(QStringLiteral("outcome")).isNull());
    QVERIFY(target.open(QIODevice::ReadOnly));
    QCOMPARE(target.readAll(), bytes);
    QVERIFY(QFileInfo(m_db + QStringLiteral("-wal")).size() > 0); // the hot -wal is still there, untouched
    QCOMPARE(testsupport::filesBelow(m_repo->dir()), before);
}

void TstRestoreCli::refusesWithoutTerminalOrYes()
{
    const auto run = testsupport::runCli({ QStringLiteral("restore"), QStringLiteral("--repo"), m_repo->repo(), m_id,
        QStringLiteral("--target"), m_db });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--yes"));
    QVERIFY(backupIds(QStringLiteral("safety")).isEmpty());
    QVERIFY(QFileInfo(m_db + QStringLiteral("-wal")).size() > 0);
}

void TstRestoreCli::typedConfirmationOnATerminal_data()
{
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<bool>("restores");
    QTest::newRow("the database name") << QByteArray("shop\n") << true;
    QTest::newRow("something else") << QByteArray("yes\n") << false;
}

void TstRestoreCli::typedConfirmationOnATerminal()
{
    QFETCH(QByteArray, typed);
    QFETCH(bool, restores);
    // script(1) gives coffer-cli a real pseudo-terminal and types what we write into it.
    QProcess terminal;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFFER_WORKSPACE"), QDir::tempPath() + QStringLiteral("/coffer-no-such-workspace.yaml"));
    terminal.setProcessEnvironment(env);
    const QString command = QStringLiteral("'%1' restore --repo '%2' %3 --target '%4'")
                                .arg(QStringLiteral(COFFER_CLI_PATH), m_repo->repo(), m_id, m_db);
    terminal.start(QStringLiteral("script"), { QStringLiteral("-qefc"), command, QStringLiteral("/dev/null") });
    QVERIFY(terminal.waitForStarted(10000));
    QByteArray seen;
    QDeadlineTimer deadline(60000);
    while (!seen.contains("Type the database name") && !deadline.hasExpired()) {
        terminal.waitForReadyRead(200);
        seen += terminal.readAll();
    }
    QVERIFY2(seen.contains("Type the database name 'shop'"), seen.constData());
    QVERIFY(seen.contains("Restore plan"));
    terminal.write(typed);
    QVERIFY(terminal.waitForFinished(60000));
    seen += terminal.readAll();
    QCOMPARE(terminal.exitCode(), restores ? 0 : 3);
    QCOMPARE(testsupport::contentSummary(m_db), restores ? m_backedUp : m_old);
    QCOMPARE(backupIds(QStringLiteral("safety")).isEmpty(), !restores);
    QCOMPARE(
        QDir(m_repo->dir()).entryList({ QStringLiteral(".shop.db.*") }, QDir::Files | QDir::Hidden), QStringList());
}

void TstRestoreCli::listAndInfoShowSafetyBackups()
{
    QCOMPARE(testsupport::runCli(restoreArgs()).exitCode, 0);
    const QString safety = backupIds(QStringLiteral("safety"));
    QCOMPARE(safety.size(), 32);
    const auto listed = testsupport::runCli({ QStringLiteral("list"), QStringLiteral("--repo"), m_repo->repo() });
    QVERIFY(listed.out.contains("TRIGGER"));
    QVERIFY(listed.out.contains(safety.left(8).toLatin1() + "  shop"));
    const auto info = testsupport::runCli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), safety });
    QVERIFY(info.out.contains("Trigger:           safety"));
    QVERIFY2(info.out.contains("Expires (UTC):     "
                 + QDateTime::currentDateTimeUtc().addDays(7).date().toString(Qt::ISODate).toLatin1()),
        info.out.constData());
}

void TstRestoreCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no backup") << QStringList{ QStringLiteral("restore"), QStringLiteral("--yes") };
    QTest::newRow("id and latest") << QStringList{ QStringLiteral("restore"), QStringLiteral("abcd1234"),
        QStringLiteral("--latest"), QStringLiteral("--db"), QStringLiteral("x") };
    QTest::newRow("latest without db") << QStringList{ QStringLiteral("restore"), QStringLiteral("--latest") };
    QTest::newRow("two ids") << QStringList{ QStringLiteral("restore"), QStringLiteral("abcd1234"),
        QStringLiteral("bcde2345") };
}

void TstRestoreCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const auto run = testsupport::runCli(arguments + QStringList{ QStringLiteral("--repo"), m_repo->repo() });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.startsWith("coffer-cli: "));
}

QTEST_GUILESS_MAIN(TstRestoreCli)
#include "tst_restore_cli.moc"
