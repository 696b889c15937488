// The parts of a restore drill on their own: the smoke query expectation grammar, smoke queries
// on a real SQLite file (read-only, time limit, cancel), the seeded choice of backups, and the
// drill report's JSON and HTML. The drills themselves are in tst_drill.
#include "TestSupport.h"

#include "drill/DrillSelection.h"
#include "drill/SmokeExpectation.h"
#include "drill/SmokeQueryCheck.h"
#include "report/DrillReport.h"
#include "report/DrillReportHtml.h"
#include "report/DrillReportJson.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace coffer;
using testsupport::sqlite;

class TstDrillChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void expectationGrammar_data();
    void expectationGrammar();
    void expectationComparisons_data();
    void expectationComparisons();
    void smokeQueries_data();
    void smokeQueries();
    void smokeQueryTimeLimitAndCancel();
    void sampleIsSeededAndDistinct();
    void reportJsonAndHtml();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstDrillChecks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstDrillChecks::expectationGrammar_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("empty: a row") << "" << true << "";
    QTest::newRow("blanks: a row") << "   " << true << "";
    QTest::newRow("> 0") << "> 0" << true << "> 0";
    QTest::newRow(">= 1") << ">= 1" << true << ">= 1";
    QTest::newRow("= 42") << "= 42" << true << "= 42";
    QTest::newRow("!= 0") << "!= 0" << true << "!= 0";
    QTest::newRow("< 5") << "< 5" << true << "< 5";
    QTest::newRow("<= 5") << "<= 5" << true << "<= 5";
    QTest::newRow("no blanks") << ">=1" << true << ">= 1";
    QTest::newRow("extra blanks") << "  >   0  " << true << "> 0";
    QTest::newRow("negative") << "> -3" << true << "> -3";
    QTest::newRow("decimal") << "< 0.5" << true << "< 0.5";
    QTest::newRow("manifest") << "= manifest(users)" << true << "= manifest(users)";
    QTest::newRow("manifest, blanks") << "=manifest( users )" << true << "= manifest(users)";
    QTest::newRow("manifest, other operator") << ">= manifest(orders)" << true << ">= manifest(orders)";
    QTest::newRow("manifest, any case") << "= MANIFEST(users)" << true << "= manifest(users)";
    QTest::newRow("a number alone: equal") << "42" << true << "= 42";
    QTest::newRow("==") << "== 1" << true << "= 1";
    QTest::newRow("an operator alone") << ">" << false << "";
    QTest::newRow("doubled operator") << ">> 0" << false << "";
    QTest::newRow("===") << "=== 1" << false << "";
    QTest::newRow("=>") << "=> 1" << false << "";
    QTest::newRow("<>") << "<> 0" << false << "";
    QTest::newRow("a word") << "> many" << false << "";
    QTest::newRow("trailing words") << "> 0 rows" << false << "";
    QTest::newRow("manifest without a table") << "= manifest()" << false << "";
    QTest::newRow("manifest without an operator") << "manifest(users)" << false << "";
    QTest::newRow("manifest, two tables") << "= manifest(a)(b)" << false << "";
}

void TstDrillChecks::expectationGrammar()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    auto parsed = parseExpectation(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid) {
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(parsed.error().message.contains(QStringLiteral("'%1'").arg(text)), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.contains(QStringLiteral("manifest(")));
        return;
    }
    QCOMPARE(parsed->text(), canonical);
    // What text() writes parses back to the same expectation.
    auto again = parseExpectation(parsed->text());
    QVERIFY(again.has_value());
    QCOMPARE(again->text(), canonical);
}

void TstDrillChecks::expectationComparisons_data()
{
    QTest::addColumn<QString>("expect");
    QTest::addColumn<QVariant>("found");
    QTest::addColumn<bool>("holds");
    const QVariant zero = QVariant::fromValue(qint64(0));
    const QVariant one = QVariant::fromValue(qint64(1));
    const QVariant five = QVariant::fromValue(qint64(5));
    QTest::newRow("> 0, 1") << "> 0" << one << true;
    QTest::newRow("> 0, 0") << "> 0" << zero << false;
    QTest::newRow(">= 1, 1") << ">= 1" << one << true;
    QTest::newRow(">= 1, 0") << ">= 1" << zero << false;
    QTest::newRow("= 42, 42") << "= 42" << QVariant::fromValue(qint64(42)) << true;
    QTest::newRow("= 42, 41") << "= 42" << QVariant::fromValue(qint64(41)) << false;
    QTest::newRow("!= 0, 0") << "!= 0" << zero << false;
    QTest::newRow("!= 0, 5") << "!= 0" << five << true;
    QTest::newRow("< 5, 5") << "< 5" << five << false;
    QTest::newRow("<= 5, 5") << "<= 5" << five << true;
    QTest::newRow("< 5, 4.5") << "< 5" << QVariant::fromValue(4.5) << true;
    QTest::newRow("= 0.5, 0.5") << "= 0.5" << QVariant::fromValue(0.5) << true;
    QTest::newRow("text holding a number") << "= 42" << QVariant(QStringLiteral("42")) << true;
    QTest::newRow("text not a number") << "> 0" << QVariant(QStringLiteral("many")) << false;
    QTest::newRow("NULL") << "!= 0" << QVariant() << false;
    // Beyond 2^53 doubles cannot tell these apart; integers compare exactly.
    QTest::newRow("big integers") << "= 9007199254740993" << QVariant::fromValue(qint64(9007199254740992)) << false;
    QTest::newRow("any row, NULL") << "" << QVariant() << true;
}

void TstDrillChecks::expectationComparisons()
{
    QFETCH(QString, expect);
    QFETCH(QVariant, found);
    QFETCH(bool, holds);
    auto parsed = parseExpectation(expect);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->holds(found, parsed->expectedFrom({})), holds);
}

void TstDrillChecks::smokeQueries_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expect");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("detail");
    QTest::newRow("count > 0") << "SELECT count(*) FROM users"
                               << "> 0" << true << "SELECT count(*) FROM users: expected > 0, got 3";
    QTest::newRow("empty table") << "SELECT count(*) FROM empty"
                                 << "> 0" << false << "SELECT count(*) FROM empty: expected > 0, got 0";
    QTest::newRow("missing table") << "SELECT count(*) FROM nope"
                                   << "> 0" << false << "SELECT count(*) FROM nope failed: no such table: nope";
    QTest::newRow("a row") << "SELECT name FROM users LIMIT 1"
                           << "" << true << "SELECT name FROM users LIMIT 1: expected a row, got 'ann'";
    QTest::newRow("no row") << "SELECT 1 FROM empty"
                            << "" << false << "SELECT 1 FROM empty: expected a row, got no row";
    QTest::newRow("NULL is a row") << "SELECT NULL"
                                   << "" << true << "SELECT NULL: expected a row, got NULL";
    QTest::newRow("manifest count") << "SELECT count(*) FROM users"
                                    << "= manifest(users)" << true
                                    << "SELECT count(*) FROM users: expected = manifest(users) (3), got 3";
    QTest::newRow("manifest count differs")
        << "SELECT count(*) - 1 FROM users"
        << "= manifest(users)" << false << "SELECT count(*) - 1 FROM users: expected = manifest(users) (3), got 2";
    QTest::newRow("manifest lacks the table")
        << "SELECT count(*) FROM empty"
        << "= manifest(gone)" << false
        << "SELECT count(*) FROM empty: expected = manifest(gone), but the backup's manifest records no table gone "
           "(got 0)";
    QTest::newRow("not a number") << "SELECT name FROM users LIMIT 1"
                                  << "> 0" << false
                                  << "SELECT name FROM users LIMIT 1: expected > 0, got 'ann', not a number";
    QTest::newRow("multi-line query") << "SELECT count(*)\n  FROM users\n WHERE id > 1"
                                      << ">= 2" << true
                                      << "SELECT count(*) FROM users WHERE id > 1: expected >= 2, got 2";
    QTest::newRow("bad expectation") << "SELECT 1"
                                     << ">> 0" << false << "SELECT 1: '>> 0' is not a smoke query expectation";
    QTest::newRow("delete refused") << "DELETE FROM users"
                                    << "" << false << "DELETE FROM users failed: attempt to write a readonly database";
    QTest::newRow("insert refused") << "INSERT INTO users(name) VALUES('x')"
                                    << "" << false
                                    << "failed: attempt to write a readonly database (a smoke query may only read)";
    QTest::newRow("drop refused") << "DROP TABLE users"
                                  << "" << false << "DROP TABLE users failed: ";
    QTest::newRow("two statements") << "SELECT 1; DELETE FROM users"
                                    << "" << false << "failed: it holds more than one statement";
    QTest::newRow("trailing semicolon") << "SELECT 1;  "
                                        << "= 1" << true << "SELECT 1: expected = 1, got 1";
    QTest::newRow("attach refused") << "ATTACH 'other.db' AS other"
                                    << "" << false << "ATTACH 'other.db' AS other failed: ";
    QTest::newRow("query_only cannot be lifted") << "PRAGMA query_only = 0"
                                                 << "" << false << "PRAGMA query_only = 0: expected a row, got no row";
}

void TstDrillChecks::smokeQueries()
{
    QFETCH(QString, sql);
    QFETCH(QString, expect);
    QFETCH(bool, ok);
    QFETCH(QString, detail);
    const QString db = m_dir->filePath(QStringLiteral("copy.db"));
    if (!QFileInfo::exists(db)) {
        sqlite(db, QStringLiteral("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT)"));
        sqlite(db, QStringLiteral("CREATE TABLE empty(x)"));
        sqlite(db, QStringLiteral("INSERT INTO users(name) VALUES ('ann'), ('bob'), ('cy')"));
    }
    Manifest manifest;
    manifest.rowCounts = { { QStringLiteral("users"), 3 }, { QStringLiteral("empty"), 0 } };
    CancelFlag cancel{ false };
    // The writing query comes second: it must not have changed what the first one sees.
    auto checks = SmokeQueryCheck::run(db,
        { SmokeQuery{ sql, expect },
            SmokeQuery{ QStringLiteral("SELECT count(*) FROM users"), QStringLiteral("= 3") } },
        manifest, cancel);
    COFFER_VERIFY_OK(checks);
    QCOMPARE(checks->size(), 2);
    const CheckResult &check = checks->first();
    QCOMPARE(check.name, QStringLiteral("smoke_query"));
    QVERIFY2(check.detail.contains(detail), qPrintable(check.detail));
    QCOMPARE(check.ok, ok);
    QVERIFY2(checks->at(1).ok, qPrintable(checks->at(1).detail));
    QCOMPARE(sqlite(db, QStringLiteral("SELECT count(*) FROM users")), QStringLiteral("3"));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("other.db"))));
    QVERIFY(!QFileInfo::exists(db + QStringLiteral("-journal")));
}

void TstDrillChecks::smokeQueryTimeLimitAndCancel()
{
    const QString db = m_dir->filePath(QStringLiteral("copy.db"));
    sqlite(db, QStringLiteral("CREATE TABLE t(x)"));
    const SmokeQuery endless{ QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                             "SELECT count(*) FROM c"),
        QStringLiteral("> 0") };
    CancelFlag cancel{ false };
    QElapsedTimer timer;
    timer.start();
    auto checks = SmokeQueryCheck::run(db, { endless }, {}, cancel, 300);
    COFFER_VERIFY_OK(checks);
    QVERIFY(!checks->first().ok);
    QVERIFY2(checks->first().detail.contains(QStringLiteral("still running after 300 ms")),
        qPrintable(checks->first().detail));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));

    // The job's cancel flag stops a running query: an Error, not a finding about the backup.
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel.store(true);
    });
    timer.restart();
    auto cancelled = SmokeQueryCheck::run(db, { endless }, {}, cancel, 600000);
    canceller.join();
    QVERIFY(!cancelled.has_value());
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    QVERIFY(timer.elapsed() < 10000);
}

void TstDrillChecks::sampleIsSeededAndDistinct()
{
    // Catalog entries only: the choice needs no files.
    QList<CatalogEntry> backups;
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    for (int i = 0; i < 40; ++i) {
        CatalogEntry entry;
        entry.manifest.id = QStringLiteral("%1").arg(i, 32, 10, QLatin1Char('0'));
        entry.manifest.database = i % 2 ? QStringLiteral("odd") : QStringLiteral("even");
        entry.manifest.created = start.addDays(-i); // newest first, as the catalog lists them
        backups << entry;
    }
    const auto ids = [](const QList<CatalogEntry> &entries) {
        QStringList list;
        for (const CatalogEntry &entry : entries)
            list << entry.manifest.id.right(2);
        return list;
    };
    const QList<CatalogEntry> chosen
        = DrillSelection::choose(backups, { QStringLiteral("odd"), QStringLiteral("even") }, 5, 7);
    QCOMPARE(chosen.size(), 10);
    QSet<QString> distinct;
    for (int i = 0; i < chosen.size(); ++i) {
        distinct.insert(chosen.at(i).manifest.id);
        QCOMPARE(chosen.at(i).manifest.database, i < 5 ? QStringLiteral("odd") : QStringLiteral("even"));
        if (i % 5)
            QVERIFY(chosen.at(i).manifest.created < chosen.at(i - 1).manifest.created); // newest first
    }
    QCOMPARE(distinct.size(), 10);
    QCOMPARE(chosen.at(0).manifest.id.right(2), QStringLiteral("01")); // each database's newest
    QCOMPARE(chosen.at(5).manifest.id.right(2), QStringLiteral("00"));
    // The same seed, the same draw; other seeds, other draws.
    QCOMPARE(
        ids(DrillSelection::choose(backups, { QStringLiteral("odd"), QStringLiteral("even") }, 5, 7)), ids(chosen));
    QSet<QStringList> draws;
    for (quint32 seed = 1; seed <= 10; ++seed)
        draws.insert(ids(DrillSelection::choose(backups, { QStringLiteral("odd") }, 3, seed)));
    QVERIFY(draws.size() > 5);
    // More than there are: all of them, once each.
    QCOMPARE(DrillSelection::choose(backups, { QStringLiteral("odd") }, 100, 1).size(), 20);
    QCOMPARE(DrillSelection::choose(backups, { QStringLiteral("odd"), QStringLiteral("odd") }, 1, 1).size(), 1);
    QVERIFY(DrillSelection::choose(backups, { QStringLiteral("ghost") }, 3, 1).isEmpty());
}

void TstDrillChecks::reportJsonAndHtml()
{
    Manifest manifest;
    manifest.id = QStringLiteral("0123456789abcdef0123456789abcdef");
    manifest.database = QStringLiteral("R&D <shop>");
    manifest.created = QDateTime(QDate(2026, 3, 1), QTime(2, 30), QTimeZone::utc());
    manifest.artifactSize = 1234;
    manifest.trigger = QStringLiteral("scheduled");
    CatalogEntry entry;
    entry.manifest = manifest;
    DrillOutcome passed{ manifest.id, manifest.database, manifest.created.addDays(1), 1500, 1700,
        { { QStringLiteral("integrity_check"), true, QStringLiteral("ok") },
            { QStringLiteral("smoke_query"), true, QStringLiteral("SELECT 1: expected a row, got 1") } } };
    DrillOutcome failedDrill{ manifest.id, manifest.database, manifest.created.addDays(2), 900, 1000,
        { { QStringLiteral("smoke_query"), false, QStringLiteral("SELECT '<script>': expected > 0, got 0") } } };
    DrillOutcome missing;
    missing.database = QStringLiteral("ghost");
    missing.checks << CheckResult{ QStringLiteral("backup"), false, QStringLiteral("ghost has no backup") };
    const QDateTime started(QDate(2026, 3, 5), QTime(4, 0), QTimeZone::utc());
    const DrillReport report = DrillReport::make(QStringLiteral("repository"), QString(), QStringLiteral("/srv/repo"),
        started, started.addSecs(5), { passed, failedDrill, missing }, { entry });
    QCOMPARE(report.passed(), 1);
    QCOMPARE(report.failed(), 2);
    QCOMPARE(report.longestRtoMs(), std::optional<qint64>(1500));

    const QJsonObject json = DrillReportJson::toObject(report);
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("coffer-drill-report"));
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(json.value(QStringLiteral("durationMs")).toInteger(), 5000);
    QCOMPARE(json.value(QStringLiteral("scope")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("repository"));
    const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("drills")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("passed")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("databases")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("longestRtoMs")).toInteger(), 1500);
    const QJsonArray drills = json.value(QStringLiteral("drills")).toArray();
    QCOMPARE(drills.size(), 3);
    const QJsonObject first = drills.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("backupId")).toString(), manifest.id);
    QCOMPARE(first.value(QStringLiteral("created")).toString(), QStringLiteral("2026-03-01T02:30:00.000Z"));
    QCOMPARE(first.value(QStringLiteral("artifactSize")).toInteger(), 1234);
    QCOMPARE(first.value(QStringLiteral("trigger")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("passed"));
    QCOMPARE(first.value(QStringLiteral("rtoMs")).toInteger(), 1500);
    QCOMPARE(first.value(QStringLiteral("durationMs")).toInteger(), 1700);
    QCOMPARE(first.value(QStringLiteral("smokeQueries")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("checks")).toArray().size(), 2);
    QVERIFY(drills.at(2).toObject().value(QStringLiteral("backupId")).isNull());
    QVERIFY(drills.at(2).toObject().value(QStringLiteral("created")).isNull());

    const QString html = DrillReportHtml::toHtml(report);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<title>Coffer drill report</title>")));
    QCOMPARE(html.count(QStringLiteral("FAILED&nbsp;")), 2 + 1); // two drills and the run
    QVERIFY(html.contains(QStringLiteral("R&amp;D &lt;shop&gt;")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(html.contains(QStringLiteral("1.5 s")));
    QVERIFY(html.contains(QStringLiteral("none run"))); // the database without a backup
}

QTEST_GUILESS_MAIN(TstDrillChecks)
#include "tst_drill_checks.moc"
