// The audit trail as an auditor relies on it: real catalog.db files, the real coffer-cli, edits
// and deletions made behind Coffer's back with SQLite itself, concurrent writers, and the upgrade
// of a catalog written by the previous release.
#include "TestSupport.h"

#include "common/FileUtil.h"
#include "common/SqliteDb.h"
#include "repository/AuditTrail.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QtTest>

#include <sqlite3.h>

#include <atomic>
#include <thread>

using namespace coffer;
using testsupport::CliRun;
using testsupport::runCli;
using testsupport::TempRepository;

namespace {

const QString kZeros(64, QLatin1Char('0'));

QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
        .arg(run.exitCode)
        .arg(QString::fromLocal8Bit(run.out), QString::fromLocal8Bit(run.err));
}

// Runs SQL on a file through the sqlite3 C API, as someone going behind Coffer's back would.
// Returns SQLite's error message, empty on success.
QString execSql(const QString &path, const QString &sql, int busyTimeoutMs = 5000)
{
    sqlite3 *db = nullptr;
    QString error;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        error = QStringLiteral("cannot open %1").arg(path);
    } else {
        sqlite3_busy_timeout(db, busyTimeoutMs);
        char *message = nullptr;
        if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK)
            error = message ? QString::fromUtf8(message) : QStringLiteral("sqlite error");
        sqlite3_free(message);
    }
    sqlite3_close(db);
    return error;
}

QString catalogOf(const TempRepository &temp)
{
    return temp.repo() + QStringLiteral("/catalog.db");
}

QStringList repoArgs(const TempRepository &temp, QStringList arguments)
{
    arguments << QStringLiteral("--repo") << temp.repo();
    return arguments;
}

// Appends `count` records through a Catalog of its own (its own connection).
bool appendRecords(const QString &repoPath, int count, const QString &prefix = QStringLiteral("record"))
{
    auto repo = Repository::open(repoPath);
    if (!repo)
        return false;
    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return false;
    for (int i = 0; i < count; ++i) {
        auto appended = catalog->audit({ .operation = i % 2 ? QStringLiteral("verify") : QStringLiteral("backup"),
            .target = QStringLiteral("orders"),
            .backupId = QStringLiteral("0123456789abcdef0123456789abcde%1").arg(i % 10),
            .outcome = QStringLiteral("ok"),
            .detail = QStringLiteral("%1 %2").arg(prefix).arg(i + 1) });
        if (!appended) {
            qWarning("append failed: %s", qPrintable(appended.error().toString()));
            return false;
        }
    }
    return true;
}

QJsonObject verifyJson(const TempRepository &temp)
{
    return runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json") }))
        .json()
        .object();
}

QList<qint64> sequencesOf(const QJsonArray &records)
{
    QList<qint64> sequences;
    for (const QJsonValue &record : records)
        sequences << record.toObject().value(QStringLiteral("sequence")).toInteger();
    return sequences;
}

const QString kDropTriggers
    = QStringLiteral("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_replace;");

// The catalog schema of the previous release (version 1), exactly as it created it.
const QString kVersion1Schema = QStringLiteral(R"(
    CREATE TABLE backups(id TEXT PRIMARY KEY, database TEXT NOT NULL, grp TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL, trigger TEXT NOT NULL, artifact_size INTEGER NOT NULL,
        plaintext_size INTEGER NOT NULL, manifest TEXT NOT NULL);
    CREATE INDEX backups_by_database ON backups(database, created);
    CREATE TABLE verifications(id INTEGER PRIMARY KEY AUTOINCREMENT, backup_id TEXT NOT NULL, time TEXT NOT NULL,
        level TEXT NOT NULL, ok INTEGER NOT NULL, duration_ms INTEGER NOT NULL, checks TEXT NOT NULL);
    CREATE INDEX verifications_by_backup ON verifications(backup_id, id);
    CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, host TEXT NOT NULL,
        user TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL);
    PRAGMA user_version = 1;)");

struct OldAuditRow {
    int id;
    QDateTime time;
    QString host, user, action, subject, outcome, detail;
};

QString sqlText(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

// Replaces the repository's catalog with a version-1 one that holds the current catalog's
// backups and verifications and the given audit rows (inserted in the order given).
QString makeVersion1Catalog(const TempRepository &temp, const QList<OldAuditRow> &rows)
{
    const QString v1 = temp.path(QStringLiteral("catalog-v1.db"));
    QString sql = kVersion1Schema;
    sql += QStringLiteral("ATTACH %1 AS current;"
                          "INSERT INTO backups SELECT id, database, grp, created, trigger, artifact_size, plaintext_size, "
                          "manifest FROM current.backups;"
                          "INSERT INTO verifications SELECT * FROM current.verifications;"
                          "DETACH current;")
               .arg(sqlText(catalogOf(temp)));
    for (const OldAuditRow &row : rows)
        sql += QStringLiteral("INSERT INTO audit(id, time, host, user, action, subject, outcome, detail) "
                              "VALUES(%1, %2, %3, %4, %5, %6, %7, %8);")
                   .arg(QString::number(row.id), sqlText(row.time.toUTC().toString(Qt::ISODateWithMs)),
                       sqlText(row.host), sqlText(row.user), sqlText(row.action), sqlText(row.subject),
                       sqlText(row.outcome), sqlText(row.detail));
    if (const QString error = execSql(v1, sql); !error.isEmpty())
        return error;
    QFile::remove(catalogOf(temp));
    return QFile::rename(v1, catalogOf(temp)) ? QString() : QStringLiteral("cannot replace catalog.db");
}

// Every row of a table as text, to show that something did not change.
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

} // namespace

class TstAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realOperationsFormAVerifiedChain();
    void hashFollowsTheDocumentedSerialisation();
    void emptyTrail();
    void triggersRefuseChanges_data();
    void triggersRefuseChanges();
    void editedFieldIsDetected_data();
    void editedFieldIsDetected();
    void rehashedEditBreaksTheNextLink();
    void removedRecordsAreDetected_data();
    void removedRecordsAreDetected();
    void droppedTableIsDetected();
    void concurrentThreadsFormOneChain();
    void concurrentProcessesFormOneChain();
    void failedAppendLeavesNoTransactionOpen();
    void appendJoinsACallersTransaction();
    void listingIsOneReadableLinePerRecord();
    void sinceFilters_data();
    void sinceFilters();
    void sinceRejectsGarbage_data();
    void sinceRejectsGarbage();
    void usageErrors_data();
    void usageErrors();
    void migratesVersion1Catalog();
    void failedMigrationLeavesVersion1Catalog();
    void refusesNewerCatalog();
};

void TstAudit::realOperationsFormAVerifiedChain()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    const QString db = temp.path(QStringLiteral("orders.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 200));

    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        const CliRun backup = runCli(
            repoArgs(temp, { QStringLiteral("backup"), QStringLiteral("--path"), db, QStringLiteral("--json") }));
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        ids << backup.json().object().value(QStringLiteral("id")).toString();
    }
    const CliRun verify = runCli(repoArgs(temp, { QStringLiteral("verify"), QStringLiteral("--all") }));
    QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
    const CliRun reindex = runCli(repoArgs(temp, { QStringLiteral("repo"), QStringLiteral("reindex") }));
    QVERIFY2(reindex.exitCode == 0, qPrintable(describe(reindex)));

    const CliRun audit = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("--json") }));
    QVERIFY2(audit.exitCode == 0, qPrintable(describe(audit)));
    const QJsonArray records = audit.json().array();
    QCOMPARE(records.size(), 5);
    QStringList operations;
    QSet<QString> verifiedIds;
    QString previous = kZeros;
    const QStringList keys{ QStringLiteral("backup_id"), QStringLiteral("detail"), QStringLiteral("hash"),
        QStringLiteral("host"), QStringLiteral("operation"), QStringLiteral("outcome"), QStringLiteral("previous_hash"),
        QStringLiteral("sequence"), QStringLiteral("target"), QStringLiteral("time"), QStringLiteral("user") };
    for (int i = 0; i < records.size(); ++i) {
        const QJsonObject record = records.at(i).toObject();
        QCOMPARE(record.keys(), keys);
        QCOMPARE(record.value(QStringLiteral("sequence")).toInteger(), i + 1);
        QCOMPARE(record.value(QStringLiteral("previous_hash")).toString(), previous);
        previous = record.value(QStringLiteral("hash")).toString();
        QCOMPARE(previous.size(), 64);
        QCOMPARE(record.value(QStringLiteral("host")).toString(), QSysInfo::machineHostName());
        QCOMPARE(record.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
        const QDateTime time
            = QDateTime::fromString(record.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QVERIFY(qAbs(time.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        operations << record.value(QStringLiteral("operation")).toString();
        if (operations.last() == QStringLiteral("verify"))
            verifiedIds << record.value(QStringLiteral("backup_id")).toString();
    }
    QCOMPARE(operations,
        (QStringList{ QStringLiteral("backup"), QStringLiteral("backup"), QStringLiteral("verify"),
            QStringLiteral("verify"), QStringLiteral("reindex") }));
    QCOMPARE(records.at(0).toObject().value(QStringLiteral("backup_id")).toString(), ids.at(0));
    QCOMPARE(records.at(1).toObject().value(QStringLiteral("backup_id")).toString(), ids.at(1));
    QCOMPARE(records.at(0).toObject().value(QStringLiteral("target")).toString(), QStringLiteral("orders"));
    QCOMPARE(verifiedIds, (QSet<QString>{ ids.at(0), ids.at(1) }));
    QCOMPARE(records.at(4).toObject().value(QStringLiteral("backup_id")).toString(), QString());

    const CliRun chain = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify") }));
    QVERIFY2(chain.exitCode == 0, qPrintable(describe(chain)));
    QCOMPARE(
        QString::fromLocal8Bit(chain.out).trimmed(), QStringLiteral("Audit trail verified: 5 records, chain intact"));
    const QJsonObject json = verifyJson(temp);
    QCOMPARE(json,
        (QJsonObject{ { QStringLiteral("ok"), true }, { QStringLiteral("records"), 5 },
            { QStringLiteral("first_broken"), QJsonValue() }, { QStringLiteral("problem"), QJsonValue() } }));
}

void TstAudit::hashFollowsTheDocumentedSerialisation()
{
    // docs/format.md promises that sqlite3 and a script can re-check the chain: rebuild the
    // canonical bytes by hand from the stored columns and compare.
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 2));
    const QString catalog = catalogOf(temp);
    for (int sequence : { 1, 2 }) {
        auto column = [&](const char *name) {
            return testsupport::sqlite(catalog,
                QStringLiteral("SELECT %1 FROM audit WHERE sequence = %2").arg(QLatin1String(name)).arg(sequence));
        };
        QString canonical
            = QStringLiteral(R"({"backup_id":"%1","detail":"%2","host":"%3","operation":"%4",)"
                             R"("outcome":"%5","previous_hash":"%6","sequence":%7,"target":"%8",)"
                             R"("time":"%9",)")
                  .arg(column("backup_id"), column("detail"), column("host"), column("operation"), column("outcome"),
                      column("previous_hash"), QString::number(sequence), column("target"), column("time"));
        canonical += QStringLiteral(R"("user":"%1"})").arg(column("user"));
        QVERIFY2(!canonical.contains(QLatin1Char('\\')), "test values must need no JSON escaping");
        const QString expected
            = QString::fromLatin1(QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex());
        QCOMPARE(column("hash"), expected);
        QCOMPARE(column("previous_hash"),
            sequence == 1 ? kZeros
                          : testsupport::sqlite(catalog, QStringLiteral("SELECT hash FROM audit WHERE sequence = 1")));
        QVERIFY(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"))
                    .match(column("time"))
                    .hasMatch());
    }
}

void TstAudit::emptyTrail()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    const CliRun list = runCli(repoArgs(temp, { QStringLiteral("audit") }));
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QCOMPARE(QString::fromLocal8Bit(list.out).trimmed(), QStringLiteral("The audit trail is empty"));
    const CliRun json = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("--json") }));
    QVERIFY(json.json().isArray());
    QCOMPARE(json.json().array().size(), 0);
    const CliRun verify = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify") }));
    QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
    QVERIFY(verify.out.contains("0 records, chain intact"));
}

void TstAudit::triggersRefuseChanges_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update a field") << "UPDATE audit SET outcome = 'failed' WHERE sequence = 2";
    QTest::newRow("update the hash too")
        << "UPDATE audit SET detail = 'nothing', hash = previous_hash WHERE sequence = 2";
    QTest::newRow("delete one") << "DELETE FROM audit WHERE sequence = 2";
    QTest::newRow("delete all") << "DELETE FROM audit";
    QTest::newRow("insert or replace")
        << "INSERT OR REPLACE INTO audit SELECT sequence, time, host, user, operation, target, backup_id, outcome, "
           "'nothing happened', previous_hash, hash FROM audit WHERE sequence = 2";
}

void TstAudit::triggersRefuseChanges()
{
    QFETCH(QString, sql);
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 3));
    const QString before = tableDump(catalogOf(temp), QStringLiteral("audit"));
    QVERIFY(before.contains(QStringLiteral("record 3")));

    const QString error = execSql(catalogOf(temp), sql);
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QCOMPARE(tableDump(catalogOf(temp), QStringLiteral("audit")), before);
    QCOMPARE(verifyJson(temp).value(QStringLiteral("ok")).toBool(), true);
}

void TstAudit::editedFieldIsDetected_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("time") << "time"
                          << "2020-01-01T00:00:00.000Z";
    QTest::newRow("time, same instant written differently") << "time"
                                                            << "same-instant";
    QTest::newRow("host") << "host"
                          << "elsewhere";
    QTest::newRow("user") << "user"
                          << "mallory";
    QTest::newRow("operation") << "operation"
                               << "restore";
    QTest::newRow("target") << "target"
                            << "payroll";
    QTest::newRow("backup_id") << "backup_id"
                               << "ffffffffffffffffffffffffffffffff";
    QTest::newRow("outcome") << "outcome"
                             << "failed";
    QTest::newRow("detail") << "detail"
                            << "nothing to see";
    QTest::newRow("previous_hash") << "previous_hash" << QString(64, QLatin1Char('1'));
    QTest::newRow("hash") << "hash" << QString(64, QLatin1Char('f'));
}

void TstAudit::editedFieldIsDetected()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 4));
    const QString catalog = catalogOf(temp);
    QCOMPARE(verifyJson(temp).value(QStringLiteral("ok")).toBool(), true);

    if (value == QStringLiteral("same-instant"))
        value = testsupport::sqlite(
            catalog, QStringLiteral("SELECT replace(time, 'Z', '+00:00') FROM audit WHERE sequence = 2"));
    QVERIFY(execSql(catalog, kDropTriggers).isEmpty());
    const QString edit = QStringLiteral("UPDATE audit SET %1 = %2 WHERE sequence = 2").arg(field, sqlText(value));
    const QString error = execSql(catalog, edit);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("SELECT %1 FROM audit WHERE sequence = 2").arg(field)), value);

    const CliRun run = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify") }));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.out.contains("record 2: its content does not match its hash"), qPrintable(describe(run)));
    const QJsonObject json = verifyJson(temp);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("records")).toInteger(), 4);
    QCOMPARE(json.value(QStringLiteral("first_broken")).toInteger(), 2);
    QVERIFY(json.value(QStringLiteral("problem")).toString().startsWith(QStringLiteral("record 2: ")));
    // The repository check reports it too.
    const CliRun check = runCli(repoArgs(temp, { QStringLiteral("repo"), QStringLiteral("check") }));
    QVERIFY2(check.exitCode == 1, qPrintable(describe(check)));
    QVERIFY2(check.out.contains("audit trail: record 2"), qPrintable(describe(check)));
}

void TstAudit::rehashedEditBreaksTheNextLink()
{
    // Someone who edits a record and recomputes its hash still breaks the next record's link.
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 4));
    const QString catalog = catalogOf(temp);
    auto repo = Repository::open(temp.repo());
    QVERIFY(repo.has_value());
    AuditRecord forged;
    {
        auto opened = Catalog::open(*repo);
        QVERIFY(opened.has_value());
        auto trail = opened->auditTrail();
        COFFER_VERIFY_OK(trail);
        forged = trail->at(1);
    }
    forged.outcome = QStringLiteral("failed");
    const QString oldHash = forged.hash;
    forged.hash = AuditTrail::hashOf(forged);
    QVERIFY(forged.hash != oldHash);
    QVERIFY(execSql(catalog, kDropTriggers).isEmpty());
    QVERIFY(execSql(
        catalog, QStringLiteral("UPDATE audit SET outcome = 'failed', hash = '%1' WHERE sequence = 2").arg(forged.hash))
                .isEmpty());

    const QJsonObject json = verifyJson(temp);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("first_broken")).toInteger(), 3);
    QCOMPARE(json.value(QStringLiteral("problem")).toString(),
        QStringLiteral("record 3: its link to record 2 is broken (record 2 was altered or replaced after this "
                       "record was written)"));
}

void TstAudit::removedRecordsAreDetected_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<int>("firstBroken");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("laterFirstBroken"); // once two more records were appended
    QTest::newRow("middle") << "sequence = 3" << 4 << "record 4: its link to record 2 is broken (record 3 was removed)"
                            << 4;
    QTest::newRow("two in the middle") << "sequence IN (2, 3)" << 4
                                       << "record 4: its link to record 1 is broken (records 2 to 3 were removed)" << 4;
    QTest::newRow("first") << "sequence = 1" << 2
                           << "record 2: the records before it are missing (record 1 was removed)" << 2;
    QTest::newRow("last") << "sequence = 5" << 5 << "record 5: missing from the end of the trail (record 5 was removed)"
                          << 6;
    QTest::newRow("all") << "1" << 1 << "record 1: missing from the end of the trail (records 1 to 5 were removed)"
                         << 6;
}

void TstAudit::removedRecordsAreDetected()
{
    QFETCH(QString, where);
    QFETCH(int, firstBroken);
    QFETCH(QString, problem);
    QFETCH(int, laterFirstBroken);
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 5));
    const QString catalog = catalogOf(temp);
    QVERIFY(execSql(catalog, kDropTriggers).isEmpty());
    QVERIFY(execSql(catalog, QStringLiteral("DELETE FROM audit WHERE %1").arg(where)).isEmpty());

    const CliRun run = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify") }));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(problem.toLocal8Bit()), qPrintable(describe(run)));
    QJsonObject json = verifyJson(temp);
    QCOMPARE(json.value(QStringLiteral("first_broken")).toInteger(), firstBroken);
    QCOMPARE(json.value(QStringLiteral("problem")).toString(), problem);

    // Records appended later do not paper over the gap.
    QVERIFY(appendRecords(temp.repo(), 2, QStringLiteral("later")));
    json = verifyJson(temp);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("first_broken")).toInteger(), laterFirstBroken);
}

void TstAudit::droppedTableIsDetected()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 2));
    QVERIFY(execSql(catalogOf(temp), QStringLiteral("DROP TABLE audit")).isEmpty());
    const CliRun run = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify") }));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.out.contains("the audit table is missing"), qPrintable(describe(run)));
}

void TstAudit::concurrentThreadsFormOneChain()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    constexpr int kThreads = 4;
    constexpr int kEach = 40;
    std::atomic<int> failures{ 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            if (!appendRecords(temp.repo(), kEach, QStringLiteral("thread %1").arg(t)))
                ++failures;
        });
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);

    const QString catalog = catalogOf(temp);
    QCOMPARE(
        testsupport::sqlite(catalog, QStringLiteral("SELECT count(*) FROM audit")), QString::number(kThreads * kEach));
    QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("SELECT count(DISTINCT sequence) FROM audit")),
        QString::number(kThreads * kEach));
    QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("SELECT count(DISTINCT previous_hash) FROM audit")),
        QString::number(kThreads * kEach));
    for (int t = 0; t < kThreads; ++t)
        QCOMPARE(testsupport::sqlite(
                     catalog, QStringLiteral("SELECT count(*) FROM audit WHERE detail LIKE 'thread %1 %'").arg(t)),
            QString::number(kEach));
    const QJsonObject json = verifyJson(temp);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("records")).toInteger(), kThreads * kEach);
}

void TstAudit::concurrentProcessesFormOneChain()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    constexpr int kDatabases = 4;
    QList<QProcess *> processes;
    auto startAll = [&](const QList<QStringList> &commands) {
        for (const QStringList &arguments : commands) {
            auto *process = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("COFFER_WORKSPACE"), temp.path(QStringLiteral("no-workspace.yaml")));
            process->setProcessEnvironment(env);
            process->start(QStringLiteral(COFFER_CLI_PATH), arguments);
            processes << process;
        }
        bool ok = true;
        for (QProcess *process : std::as_const(processes)) {
            ok = process->waitForFinished(120000) && process->exitStatus() == QProcess::NormalExit
                && process->exitCode() == 0 && ok;
            if (!ok)
                qWarning("%s", process->readAllStandardError().constData());
            delete process;
        }
        processes.clear();
        return ok;
    };
    QList<QStringList> backups;
    for (int i = 0; i < kDatabases; ++i) {
        const QString db = temp.path(QStringLiteral("db%1.sqlite").arg(i));
        QVERIFY(testsupport::makeSampleDatabase(db, 100));
        backups << repoArgs(temp, { QStringLiteral("backup"), QStringLiteral("--path"), db });
    }
    QVERIFY(startAll(backups));
    const QStringList verifyAll = repoArgs(temp, { QStringLiteral("verify"), QStringLiteral("--all") });
    QVERIFY(startAll({ verifyAll, verifyAll, verifyAll }));

    const int expected = kDatabases + 3 * kDatabases;
    const QString catalog = catalogOf(temp);
    QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("SELECT count(DISTINCT sequence) FROM audit")),
        QString::number(expected));
    QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("SELECT count(*) FROM audit WHERE operation = 'verify'")),
        QString::number(3 * kDatabases));
    const QJsonObject json = verifyJson(temp);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("records")).toInteger(), expected);
}

void TstAudit::failedAppendLeavesNoTransactionOpen()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    auto repo = Repository::open(temp.repo());
    QVERIFY(repo.has_value());
    auto catalog = Catalog::open(*repo);
    QVERIFY(catalog.has_value());
    auto first = catalog->audit({ .operation = QStringLiteral("backup"), .outcome = QStringLiteral("ok") });
    COFFER_VERIFY_OK(first);

    QVERIFY(execSql(catalogOf(temp),
        QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON audit "
                       "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"))
                .isEmpty());
    auto refused = catalog->audit({ .operation = QStringLiteral("verify"), .outcome = QStringLiteral("ok") });
    QVERIFY(!refused.has_value());
    QVERIFY2(refused.error().toString().contains(QStringLiteral("refused by the test")),
        qPrintable(refused.error().toString()));

    // A transaction left open would hold the write lock: another writer would time out.
    const QString dropped = execSql(catalogOf(temp), QStringLiteral("DROP TRIGGER refuse"), 1000);
    QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
    auto second = catalog->audit({ .operation = QStringLiteral("verify"), .outcome = QStringLiteral("ok") });
    COFFER_VERIFY_OK(second);
    auto report = catalog->verifyAuditTrail();
    COFFER_VERIFY_OK(report);
    QVERIFY(report->ok);
    QCOMPARE(report->records, 2);
}

void TstAudit::appendJoinsACallersTransaction()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 1));
    auto db = SqliteDb::open(catalogOf(temp), SqliteDb::Mode::ReadWrite);
    QVERIFY(db.has_value());
    AuditTrail trail(*db);

    // (COFFER_VERIFY_OK evaluates its argument twice: keep side effects out of it.)
    auto begun = db->exec(QStringLiteral("BEGIN IMMEDIATE"));
    COFFER_VERIFY_OK(begun);
    auto rolledBack = trail.append({ .operation = QStringLiteral("prune"), .outcome = QStringLiteral("ok") });
    COFFER_VERIFY_OK(rolledBack);
    auto rollback = db->exec(QStringLiteral("ROLLBACK"));
    COFFER_VERIFY_OK(rollback);
    QCOMPARE(testsupport::sqlite(catalogOf(temp), QStringLiteral("SELECT count(*) FROM audit")), QStringLiteral("1"));

    begun = db->exec(QStringLiteral("BEGIN IMMEDIATE"));
    COFFER_VERIFY_OK(begun);
    auto appended = trail.append({ .operation = QStringLiteral("delete"), .outcome = QStringLiteral("ok") });
    COFFER_VERIFY_OK(appended);
    auto committed = db->exec(QStringLiteral("COMMIT"));
    COFFER_VERIFY_OK(committed);
    QCOMPARE(appended->sequence, 2);
    QCOMPARE(testsupport::sqlite(catalogOf(temp), QStringLiteral("SELECT operation FROM audit WHERE sequence = 2")),
        QStringLiteral("delete"));
    QCOMPARE(verifyJson(temp).value(QStringLiteral("ok")).toBool(), true);
}

void TstAudit::listingIsOneReadableLinePerRecord()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    const QString db = temp.path(QStringLiteral("orders.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 50));
    const CliRun backup
        = runCli(repoArgs(temp, { QStringLiteral("backup"), QStringLiteral("--path"), db, QStringLiteral("--json") }));
    QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
    const QString id = backup.json().object().value(QStringLiteral("id")).toString();
    {
        auto repo = Repository::open(temp.repo());
        QVERIFY(repo.has_value());
        auto catalog = Catalog::open(*repo);
        QVERIFY(catalog.has_value());
        auto appended = catalog->audit({ .operation = QStringLiteral("restore"),
            .target = QStringLiteral("orders"),
            .outcome = QStringLiteral("failed"),
            .detail = QStringLiteral("line one\nline two %1 %2") });
        COFFER_VERIFY_OK(appended);
    }

    const CliRun run = runCli(repoArgs(temp, { QStringLiteral("audit") }));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QStringList lines = QString::fromLocal8Bit(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 3, qPrintable(describe(run))); // a header and two records
    QVERIFY(lines.at(0).contains(QStringLiteral("OPERATION")));
    const QString user = fileutil::currentUser();
    const QString who = (user.isEmpty() ? QStringLiteral("?") : user) + QLatin1Char('@') + QSysInfo::machineHostName();
    const QString created
        = testsupport::sqlite(catalogOf(temp), QStringLiteral("SELECT time FROM audit WHERE sequence = 1"))
              .left(19)
              .replace(QLatin1Char('T'), QLatin1Char(' '));
    for (const QString &part : { created, who, QStringLiteral("backup"), QStringLiteral("orders"), id.left(8),
             QStringLiteral("ok"), QStringLiteral("manual backup") })
        QVERIFY2(lines.at(1).contains(part), qPrintable(lines.at(1) + QStringLiteral(" lacks ") + part));
    QVERIFY2(!lines.at(1).contains(id), "the listing shows the short id");
    QVERIFY2(lines.at(2).contains(QStringLiteral("restore")) && lines.at(2).contains(QStringLiteral("failed")),
        qPrintable(lines.at(2)));
    QVERIFY2(lines.at(2).endsWith(QStringLiteral("line one line two %1 %2")), qPrintable(lines.at(2)));
}

void TstAudit::sinceFilters_data()
{
    QTest::addColumn<QString>("since");
    QTest::addColumn<QList<qint64>>("sequences");
    const QList<qint64> fromTwo{ 2, 3, 4, 5 };
    const QList<qint64> fromThree{ 3, 4, 5 };
    QTest::newRow("ISO, Z") << "2025-06-01T12:00:00Z" << fromTwo;
    QTest::newRow("ISO, inclusive to the ms") << "2025-06-01T12:00:00.001Z" << fromThree;
    QTest::newRow("ISO, no zone means UTC") << "2025-06-01T12:00:00" << fromTwo;
    QTest::newRow("ISO, no zone means UTC (one second later)") << "2025-06-01T12:00:01" << fromThree;
    QTest::newRow("ISO, offset") << "2025-06-01T14:00:00+02:00" << fromTwo;
    QTest::newRow("ISO date") << "2025-06-01" << fromTwo;
    QTest::newRow("ISO date, next day") << "2025-06-02" << fromThree;
    QTest::newRow("weeks") << "2w" << fromThree;
    QTest::newRow("days") << "7d" << fromThree;
    QTest::newRow("hours") << "24h" << QList<qint64>{ 4, 5 };
    QTest::newRow("minutes") << "30m" << QList<qint64>{ 5 };
    QTest::newRow("the future") << "2999-01-01" << QList<qint64>{};
}

void TstAudit::sinceFilters()
{
    QFETCH(QString, since);
    QFETCH(QList<qint64>, sequences);
    // Times chosen in the past come from a migrated version-1 catalog, the only way records get them.
    TempRepository temp;
    QVERIFY(temp.isValid());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString made = makeVersion1Catalog(temp,
        { { 1, QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC), QStringLiteral("h"), QStringLiteral("u"),
              QStringLiteral("backup"), QStringLiteral("a"), QStringLiteral("ok"), QStringLiteral("one") },
            { 2, QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC), QStringLiteral("h"), QStringLiteral("u"),
                QStringLiteral("backup"), QStringLiteral("a"), QStringLiteral("ok"), QStringLiteral("two") },
            { 3, now.addDays(-3), QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("verify"),
                QStringLiteral("a"), QStringLiteral("ok"), QStringLiteral("three") },
            { 4, now.addSecs(-2 * 3600), QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("verify"),
                QStringLiteral("a"), QStringLiteral("ok"), QStringLiteral("four") },
            { 5, now.addSecs(-5 * 60), QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("verify"),
                QStringLiteral("a"), QStringLiteral("ok"), QStringLiteral("five") } });
    QVERIFY2(made.isEmpty(), qPrintable(made));

    // Far from UTC, so a time without a zone read as local time would select other records.
    const QByteArray tz = qgetenv("TZ");
    qputenv("TZ", "Asia/Tokyo");
    const CliRun run = runCli(
        repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("--since"), since, QStringLiteral("--json") }));
    tz.isNull() ? qunsetenv("TZ") : qputenv("TZ", tz);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(sequencesOf(run.json().array()), sequences);

    const CliRun text = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("--since"), since }));
    QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
    const int lines = int(QString::fromLocal8Bit(text.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
    QCOMPARE(lines, sequences.isEmpty() ? 1 : int(sequences.size()) + 1);
}

void TstAudit::sinceRejectsGarbage_data()
{
    QTest::addColumn<QString>("since");
    for (const char *value :
        { "yesterday", "24", "h", "-1d", "7 days", "24x", "2025-13-01", "2025-06-01T25:00:00", "" })
        QTest::newRow(*value ? value : "empty") << QString::fromLatin1(value);
}

void TstAudit::sinceRejectsGarbage()
{
    QFETCH(QString, since);
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 1));
    const CliRun run = runCli(
        repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("--since"), since, QStringLiteral("--json") }));
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("--since") && run.err.contains("24h"), qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
}

void TstAudit::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("words");
    QTest::newRow("unknown action") << QStringList{ QStringLiteral("audit"), QStringLiteral("check") } << "'verify'";
    QTest::newRow("two actions") << QStringList{ QStringLiteral("audit"), QStringLiteral("verify"),
        QStringLiteral("verify") }
                                 << "'verify'";
    QTest::newRow("verify --since") << QStringList{ QStringLiteral("audit"), QStringLiteral("verify"),
        QStringLiteral("--since"), QStringLiteral("1d") }
                                    << "whole trail";
}

void TstAudit::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, words);
    TempRepository temp;
    QVERIFY(temp.isValid());
    const CliRun run = runCli(repoArgs(temp, arguments));
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(QString::fromLocal8Bit(run.err).contains(words), qPrintable(describe(run)));

    const CliRun help = runCli({ QStringLiteral("--help") });
    QVERIFY(help.out.contains("audit verify"));
}

void TstAudit::migratesVersion1Catalog()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    const QString db = temp.path(QStringLiteral("orders.db"));
    QVERIFY(testsupport::makeSampleDatabase(db, 50));
    const CliRun backup
        = runCli(repoArgs(temp, { QStringLiteral("backup"), QStringLiteral("--path"), db, QStringLiteral("--json") }));
    QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
    const QString id = backup.json().object().value(QStringLiteral("id")).toString();
    QVERIFY(runCli(repoArgs(temp, { QStringLiteral("verify"), QStringLiteral("--all") })).exitCode == 0);

    // Old rows inserted out of id order: the migration follows the ids.
    const QDateTime t1(QDate(2025, 3, 1), QTime(8, 0, 0, 123), Qt::UTC);
    const QString made = makeVersion1Catalog(temp,
        { { 9, t1.addSecs(120), QStringLiteral("db-host"), QStringLiteral("carol"), QStringLiteral("reindex"),
              QStringLiteral("/srv/repo"), QStringLiteral("ok"), QStringLiteral("1 backups indexed, 0 problems") },
            { 2, t1, QStringLiteral("old-host"), QStringLiteral("alice"), QStringLiteral("backup"),
                QStringLiteral("orders"), QStringLiteral("ok"), QStringLiteral("%1 2972215 bytes").arg(id) },
            { 5, t1.addSecs(60), QStringLiteral("old-host"), QStringLiteral("bob"), QStringLiteral("verify"),
                QStringLiteral("orders"), QStringLiteral("failed"), QStringLiteral("it's %1 quick").arg(id) } });
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString catalog = catalogOf(temp);
    QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("PRAGMA user_version")), QStringLiteral("1"));
    const QString backups = tableDump(catalog, QStringLiteral("backups"));
    const QString verifications = tableDump(catalog, QStringLiteral("verifications"));
    QVERIFY(backups.contains(id));
    QVERIFY(verifications.contains(id));

    // Opening it (any command) upgrades it.
    const CliRun list = runCli(repoArgs(temp, { QStringLiteral("list"), QStringLiteral("--json") }));
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QCOMPARE(list.json().array().size(), 1);
    QCOMPARE(
        testsupport::sqlite(catalog, QStringLiteral("PRAGMA user_version")), QString::number(Catalog::kSchemaVersion));
    QCOMPARE(Catalog::kSchemaVersion, 4);
    // Version 3 adds the deletion mark: 0 for the one backup that was there.
    QCOMPARE(tableDump(catalog, QStringLiteral("backups")), backups + QStringLiteral("|0"));
    QCOMPARE(tableDump(catalog, QStringLiteral("verifications")), verifications);
    QCOMPARE(
        testsupport::sqlite(catalog, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'audit_v%'")),
        QStringLiteral("0"));

    const CliRun audit = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("--json") }));
    QVERIFY2(audit.exitCode == 0, qPrintable(describe(audit)));
    const QJsonArray records = audit.json().array();
    QCOMPARE(records.size(), 3);
    const QList<QStringList> expected{ { QStringLiteral("1"), t1.toString(Qt::ISODateWithMs),
                                           QStringLiteral("old-host"), QStringLiteral("alice"),
                                           QStringLiteral("backup"), QStringLiteral("orders"), QStringLiteral("ok"),
                                           QStringLiteral("%1 2972215 bytes").arg(id) },
        { QStringLiteral("2"), t1.addSecs(60).toString(Qt::ISODateWithMs), QStringLiteral("old-host"),
            QStringLiteral("bob"), QStringLiteral("verify"), QStringLiteral("orders"), QStringLiteral("failed"),
            QStringLiteral("it's %1 quick").arg(id) },
        { QStringLiteral("3"), t1.addSecs(120).toString(Qt::ISODateWithMs), QStringLiteral("db-host"),
            QStringLiteral("carol"), QStringLiteral("reindex"), QStringLiteral("/srv/repo"), QStringLiteral("ok"),
            QStringLiteral("1 backups indexed, 0 problems") } };
    for (int i = 0; i < records.size(); ++i) {
        const QJsonObject r = records.at(i).toObject();
        const QStringList got{ QString::number(r.value(QStringLiteral("sequence")).toInteger()),
            r.value(QStringLiteral("time")).toString(), r.value(QStringLiteral("host")).toString(),
            r.value(QStringLiteral("user")).toString(), r.value(QStringLiteral("operation")).toString(),
            r.value(QStringLiteral("target")).toString(), r.value(QStringLiteral("outcome")).toString(),
            r.value(QStringLiteral("detail")).toString() };
        QCOMPARE(got, expected.at(i));
        QCOMPARE(r.value(QStringLiteral("backup_id")).toString(), QString());
    }
    QCOMPARE(records.at(0).toObject().value(QStringLiteral("previous_hash")).toString(), kZeros);

    // The upgraded trail is chained, guarded, and new records chain onto the old ones.
    QCOMPARE(verifyJson(temp).value(QStringLiteral("records")).toInteger(), 3);
    QVERIFY(execSql(catalog, QStringLiteral("DELETE FROM audit WHERE sequence = 2"))
                .contains(QStringLiteral("append-only")));
    QVERIFY(runCli(repoArgs(temp, { QStringLiteral("verify"), QStringLiteral("--all") })).exitCode == 0);
    const QJsonObject json = verifyJson(temp);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("records")).toInteger(), 4);
    QCOMPARE(testsupport::sqlite(catalog,
                 QStringLiteral("SELECT previous_hash = (SELECT hash FROM audit WHERE sequence = 3) "
                                "FROM audit WHERE sequence = 4")),
        QStringLiteral("1"));
}

void TstAudit::failedMigrationLeavesVersion1Catalog()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    const QString made = makeVersion1Catalog(temp,
        { { 1, QDateTime(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC), QStringLiteral("h"), QStringLiteral("u"),
            QStringLiteral("backup"), QStringLiteral("orders"), QStringLiteral("ok"), QStringLiteral("old") } });
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString catalog = catalogOf(temp);
    // A stray table in the way makes the upgrade fail halfway, after it changed things.
    QVERIFY(execSql(catalog, QStringLiteral("CREATE TABLE audit_v1(x)")).isEmpty());
    const QString before = tableDump(catalog, QStringLiteral("audit"));

    const CliRun run = runCli(repoArgs(temp, { QStringLiteral("audit") }));
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(
        run.err.contains("could not be upgraded") && run.err.contains("left unchanged"), qPrintable(describe(run)));
    QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("PRAGMA user_version")), QStringLiteral("1"));
    QCOMPARE(tableDump(catalog, QStringLiteral("audit")), before);
    QCOMPARE(testsupport::sqlite(
                 catalog, QStringLiteral("SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'action'")),
        QStringLiteral("1"));

    // Once the obstacle is gone, the upgrade goes through.
    QVERIFY(execSql(catalog, QStringLiteral("DROP TABLE audit_v1")).isEmpty());
    const CliRun again = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify") }));
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY(again.out.contains("1 records, chain intact"));
}

void TstAudit::refusesNewerCatalog()
{
    TempRepository temp;
    QVERIFY(temp.isValid());
    QVERIFY(appendRecords(temp.repo(), 1));
    const QString newer = QString::number(Catalog::kSchemaVersion + 1);
    QVERIFY(execSql(catalogOf(temp), QStringLiteral("PRAGMA user_version = ") + newer).isEmpty());
    const QString before = tableDump(catalogOf(temp), QStringLiteral("audit"));
    const CliRun run = runCli(repoArgs(temp, { QStringLiteral("audit"), QStringLiteral("verify") }));
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("newer Coffer"), qPrintable(describe(run)));
    QCOMPARE(testsupport::sqlite(catalogOf(temp), QStringLiteral("PRAGMA user_version")), newer);
    QCOMPARE(tableDump(catalogOf(temp), QStringLiteral("audit")), before);
}

QTEST_GUILESS_MAIN(TstAudit)
#include "tst_audit.moc"
