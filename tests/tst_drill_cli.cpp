// `coffer-cli drill`: the real command on real backups — one line per drill, --json keys, exit
// codes (0 passed, 1 a drill failed, 2 usage, 3 the operation failed) and --report files.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

using testsupport::CliRun;
using testsupport::runCli;
using testsupport::sqlite;
using testsupport::TempRepository;

namespace {

QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstDrillCli final : public QObject
{
    Q_OBJECT

private:
    CliRun cli(const QStringList &arguments)
    {
        // TMPDIR: the drills' scratch folders go where the test can see them.
        return runCli(arguments, m_workspace, 120000, { QStringLiteral("TMPDIR=") + m_scratch });
    }
    CliRun drill(const QStringList &extra) { return cli(QStringList{ QStringLiteral("drill") } + extra); }
    QString backup(const QString &database)
    {
        const CliRun run
            = cli({ QStringLiteral("backup"), QStringLiteral("--db"), database, QStringLiteral("--json") });
        [&] { QVERIFY2(run.exitCode == 0, qPrintable(describe(run))); }();
        const QJsonValue json = run.json().isArray() ? run.json().array().first() : QJsonValue(run.json().object());
        return json.toObject().value(QStringLiteral("id")).toString();
    }

    std::unique_ptr<TempRepository> m_repo;
    QString m_workspace;
    QString m_scratch;
    QString m_shop; // backup ids
    QString m_orders;

private Q_SLOTS:
    void initTestCase()
    {
        m_repo = std::make_unique<TempRepository>();
        QVERIFY(m_repo->isValid());
        m_scratch = m_repo->path(QStringLiteral("scratch"));
        QVERIFY(QDir().mkpath(m_scratch));
        for (const QString &name : { QStringLiteral("shop"), QStringLiteral("orders") }) {
            const QString db = m_repo->path(name + QStringLiteral(".db"));
            QVERIFY(testsupport::makeSampleDatabase(db, 300));
            sqlite(db, QStringLiteral("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT)"));
            sqlite(db, QStringLiteral("INSERT INTO users(name) VALUES ('ann'), ('bob')"));
        }
        m_workspace = m_repo->path(QStringLiteral("workspace.yaml"));
        QFile file(m_workspace);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("repositories:\n"
                   "  - {name: local, path: ./repo, default: true}\n"
                   "databases:\n"
                   "  shop:\n"
                   "    path: shop.db\n"
                   "    group: acme\n"
                   "    smoke_queries:\n"
                   "      - sql: SELECT count(*) FROM users\n"
                   "        expect: \"> 0\"\n"
                   "      - sql: SELECT count(*) FROM orders\n"
                   "        expect: = manifest(orders)\n"
                   "  orders:\n"
                   "    path: orders.db\n");
        file.close();
        m_shop = backup(QStringLiteral("shop"));
        m_orders = backup(QStringLiteral("orders"));
        QVERIFY(!m_shop.isEmpty() && !m_orders.isEmpty());
    }

    void healthyDrillPrintsOneLine()
    {
        const CliRun run = drill({ QStringLiteral("--db"), QStringLiteral("shop") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("PASSED  shop  %1  RTO ").arg(m_shop.left(8))),
            qPrintable(lines.at(0)));
        QVERIFY2(lines.at(0).endsWith(QStringLiteral("(2 smoke queries)")), qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1), QStringLiteral("1 drill passed, 0 failed"));
        QCOMPARE(QDir(m_scratch).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());

        // The catalog now shows it: list --json carries the full verification the drill made.
        const CliRun list
            = cli({ QStringLiteral("list"), QStringLiteral("--db"), QStringLiteral("shop"), QStringLiteral("--json") });
        QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
        QVERIFY2(list.out.contains("\"full\""), qPrintable(describe(list)));
    }

    void withoutSmokeQueriesItSaysSo()
    {
        const CliRun run = drill({ QStringLiteral("--db"), QStringLiteral("orders") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains("PASSED  orders") && run.out.contains("no smoke queries"), qPrintable(describe(run)));
    }

    void jsonHasTheDocumentedKeys()
    {
        const CliRun run = drill({ QStringLiteral("--group"), QStringLiteral("acme"), QStringLiteral("--json") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonArray drills = run.json().array();
        QCOMPARE(drills.size(), 1);
        const QJsonObject drill = drills.first().toObject();
        QStringList keys = drill.keys();
        keys.sort();
        QCOMPARE(keys,
            (QStringList{ QStringLiteral("backup_id"), QStringLiteral("checks"), QStringLiteral("database"),
                QStringLiteral("duration_ms"), QStringLiteral("ok"), QStringLiteral("rto_ms"),
                QStringLiteral("smoke_queries"), QStringLiteral("time") }));
        QCOMPARE(drill.value(QStringLiteral("backup_id")).toString(), m_shop);
        QCOMPARE(drill.value(QStringLiteral("database")).toString(), QStringLiteral("shop"));
        QCOMPARE(drill.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(drill.value(QStringLiteral("rto_ms")).toInteger() > 0);
        QVERIFY(drill.value(QStringLiteral("duration_ms")).toInteger()
            >= drill.value(QStringLiteral("rto_ms")).toInteger());
        QVERIFY(QDateTime::fromString(drill.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).isValid());
        const QJsonArray checks = drill.value(QStringLiteral("checks")).toArray();
        QVERIFY(checks.size() >= 15);
        for (const QJsonValue &check : checks) {
            QStringList checkKeys = check.toObject().keys();
            checkKeys.sort();
            QCOMPARE(
                checkKeys, (QStringList{ QStringLiteral("detail"), QStringLiteral("name"), QStringLiteral("ok") }));
        }
        QVERIFY(QJsonDocument(checks).toJson().contains(
            "SELECT count(*) FROM orders: expected = manifest(orders) (300), got 300"));

        // list and info carry the backup's newest drill in the same shape.
        const CliRun list = cli({ QStringLiteral("list"), QStringLiteral("--db"), QStringLiteral("shop"),
            QStringLiteral("--json") });
        QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
        QJsonObject listed;
        for (const QJsonValue &entry : list.json().array())
            if (entry.toObject().value(QStringLiteral("id")).toString() == m_shop)
                listed = entry.toObject();
        const QJsonObject lastDrill = listed.value(QStringLiteral("last_drill")).toObject();
        QCOMPARE(lastDrill.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(lastDrill.value(QStringLiteral("rto_ms")).toInteger(), drill.value(QStringLiteral("rto_ms")).toInteger());
        QCOMPARE(lastDrill.value(QStringLiteral("time")), drill.value(QStringLiteral("time")));
    }

    void reportFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << QStringLiteral("drill.json");
        QTest::newRow("html") << QStringLiteral("drill.html");
        QTest::newRow("pdf") << QStringLiteral("drill.pdf");
    }

    void reportFiles()
    {
        QFETCH(QString, file);
        const QString path = m_repo->path(file);
        const CliRun run = drill({ QStringLiteral("--all"), QStringLiteral("--report"), path });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains("report written to"), qPrintable(describe(run)));
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.isEmpty());
        if (file.endsWith(QStringLiteral(".json"))) {
            QJsonParseError error{};
            const QJsonObject json = QJsonDocument::fromJson(bytes, &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("coffer-drill-report"));
            QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
            QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("passed"));
            QCOMPARE(json.value(QStringLiteral("scope")).toObject().value(QStringLiteral("kind")).toString(),
                QStringLiteral("repository"));
            QCOMPARE(json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("drills")).toInt(), 2);
            const QJsonArray drills = json.value(QStringLiteral("drills")).toArray();
            QCOMPARE(drills.size(), 2);
            QStringList databases;
            for (const QJsonValue &drill : drills) {
                const QJsonObject object = drill.toObject();
                databases << object.value(QStringLiteral("database")).toString();
                for (const char *key : { "backupId", "created", "time", "outcome", "rtoMs", "durationMs", "checks" })
                    QVERIFY2(object.contains(QLatin1String(key)), key);
            }
            QCOMPARE(databases, (QStringList{ QStringLiteral("orders"), QStringLiteral("shop") }));
        } else if (file.endsWith(QStringLiteral(".html"))) {
            QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
            QVERIFY(bytes.contains(m_shop.toLatin1()) && bytes.contains(m_orders.toLatin1()));
            QVERIFY(bytes.contains("PASSED"));
        } else {
            QVERIFY(bytes.startsWith("%PDF-"));
            QVERIFY(bytes.contains("%%EOF"));
        }
    }

    void usageAndOperationFailures()
    {
        QCOMPARE(drill({}).exitCode, 2);
        QCOMPARE(drill({ QStringLiteral("--all"), QStringLiteral("--db"), QStringLiteral("shop") }).exitCode, 2);
        QCOMPARE(drill({ m_shop, QStringLiteral("--sample"), QStringLiteral("2") }).exitCode, 2);
        QCOMPARE(drill({ QStringLiteral("--all"), QStringLiteral("--sample"), QStringLiteral("0") }).exitCode, 2);
        const QString txt = m_repo->path(QStringLiteral("drill.txt"));
        QCOMPARE(drill({ QStringLiteral("--all"), QStringLiteral("--report"), txt }).exitCode, 2);
        QVERIFY(!QFileInfo::exists(txt));
        // An id that names no backup: the drill cannot run at all.
        const CliRun unknown = drill({ QStringLiteral("0000aaaa") });
        QVERIFY2(unknown.exitCode == 3, qPrintable(describe(unknown)));
        QVERIFY2(unknown.err.contains("No backup with id"), qPrintable(describe(unknown)));
        // A database with no backup is a failed drill, not a failed command.
        const CliRun ghost = drill({ QStringLiteral("--db"), QStringLiteral("ghost") });
        QVERIFY2(ghost.exitCode == 1, qPrintable(describe(ghost)));
        QVERIFY2(ghost.out.contains("ghost has no backup"), qPrintable(describe(ghost)));
    }

    // kill -9 while the restored copy is there leaves it (plaintext, even of an encrypted backup);
    // the next drill removes it, and nothing that is not a dead drill's own folder.
    void killedDrillsCopyIsRemovedByTheNext()
    {
        const QString scratch = m_repo->path(QStringLiteral("scratch-killed"));
        QVERIFY(QDir().mkpath(scratch));
        const QStringList env{ QStringLiteral("TMPDIR=") + scratch };
        const CliRun killed = runCli({ QStringLiteral("drill"), QStringLiteral("--db"), QStringLiteral("orders") },
            m_workspace, 120000, env + QStringList{ QStringLiteral("COFFER_KILL_AT=drill-restored") });
        QVERIFY2(killed.exitCode == -1, qPrintable(describe(killed))); // killed, not exited
        const QStringList left = QDir(scratch).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QCOMPARE(left.size(), 1);
        const QRegularExpressionMatch named
            = QRegularExpression(QStringLiteral("^coffer-drill-(\\d+)-[A-Za-z0-9]{6}$")).match(left.first());
        QVERIFY2(named.hasMatch(), qPrintable(left.first()));
        const QString deadPid = named.captured(1);
        const QString folder = QDir(scratch).filePath(left.first());
        const QStringList copies = testsupport::filesBelow(folder);
        QCOMPARE(copies.size(), 1);
        QVERIFY2(
            copies.first().startsWith(QStringLiteral(".restored.sqlite.coffer-restore-")), qPrintable(copies.first()));
        QVERIFY(readAll(QDir(folder).filePath(copies.first())).startsWith("SQLite format 3"));

        // What must stay: a running process's folder (this test's), names off the pattern, a file
        // and a symlink named like a dead drill's folder (the symlink's target is not followed).
        const QString running = QStringLiteral("coffer-drill-%1-Ab12Cd").arg(QCoreApplication::applicationPid());
        const QString offPattern = QStringLiteral("coffer-drill-%1-abc").arg(deadPid);
        const QString file = QStringLiteral("coffer-drill-%1-File01").arg(deadPid);
        const QString link = QStringLiteral("coffer-drill-%1-Link01").arg(deadPid);
        const QString target = m_repo->path(QStringLiteral("not-a-drill"));
        QVERIFY(QDir().mkpath(target));
        QFile precious(QDir(target).filePath(QStringLiteral("precious")));
        QVERIFY(precious.open(QIODevice::WriteOnly) && precious.write("keep") == 4);
        precious.close();
        for (const QString &name : { running, offPattern })
            QVERIFY(QDir(scratch).mkdir(name));
        QFile plain(QDir(scratch).filePath(file));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QVERIFY(QFile::link(target, QDir(scratch).filePath(link)));

        const CliRun next = runCli(
            { QStringLiteral("drill"), QStringLiteral("--db"), QStringLiteral("orders") }, m_workspace, 120000, env);
        QVERIFY2(next.exitCode == 0, qPrintable(describe(next)));
        QVERIFY(!QFileInfo::exists(folder));
        QStringList expected{ running, offPattern, file, link };
        expected.sort();
        QStringList kept
            = QDir(scratch).entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot);
        kept.sort();
        QCOMPARE(kept, expected);
        QCOMPARE(readAll(precious.fileName()), QByteArray("keep"));
    }

    // SIGTERM (a systemd stop, Ctrl-C) while the restored copy is there: the drill stops and the
    // folder goes with it.
    void terminatedDrillRemovesItsFolder()
    {
        const QString scratch = m_repo->path(QStringLiteral("scratch-terminated"));
        QVERIFY(QDir().mkpath(scratch));
        QProcess process;
        QByteArray err;
        QVERIFY2(testsupport::startHeld(process, QStringLiteral("drill-restored"),
                     { QStringLiteral("drill"), QStringLiteral("--db"), QStringLiteral("shop") }, &err,
                     { QStringLiteral("TMPDIR=") + scratch, QStringLiteral("COFFER_WORKSPACE=") + m_workspace }),
            err.constData());
        QCOMPARE(QDir(scratch).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
        QCOMPARE(::kill(pid_t(process.processId()), SIGTERM), 0);
        QCOMPARE(::kill(pid_t(process.processId()), SIGCONT), 0);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(QDir(scratch).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }

    void dataRemovedBeforeTheBackupFailsTheDrill()
    {
        // Runs last: the newest backup of shop has no users.
        sqlite(m_repo->path(QStringLiteral("shop.db")), QStringLiteral("DELETE FROM users"));
        const QString emptied = backup(QStringLiteral("shop"));
        const CliRun run = drill({ QStringLiteral("--db"), QStringLiteral("shop") });
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("FAILED  shop  %1").arg(emptied.left(8)).toUtf8()),
            qPrintable(describe(run)));
        QVERIFY2(run.out.contains("        smoke_query: SELECT count(*) FROM users: expected > 0, got 0"),
            qPrintable(describe(run)));
        QVERIFY2(run.out.contains("0 drills passed, 1 failed"), qPrintable(describe(run)));

        // The older backup still has them: drilling it by id passes.
        const CliRun old = drill({ m_shop, QStringLiteral("--json") });
        QVERIFY2(old.exitCode == 0, qPrintable(describe(old)));
        QCOMPARE(old.json().array().first().toObject().value(QStringLiteral("backup_id")).toString(), m_shop);

        // Both, sampled: exit 1, and the report says which one failed.
        const QString path = m_repo->path(QStringLiteral("failed.json"));
        const CliRun both = drill({ QStringLiteral("--db"), QStringLiteral("shop"), QStringLiteral("--sample"),
            QStringLiteral("2"), QStringLiteral("--report"), path });
        QVERIFY2(both.exitCode == 1, qPrintable(describe(both)));
        const QJsonObject report = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        const QJsonObject summary = report.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("passed")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("drills"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("backupId"))
                     .toString(),
            emptied);
    }
};

QTEST_GUILESS_MAIN(TstDrillCli)
#include "tst_drill_cli.moc"
