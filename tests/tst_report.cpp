// Verification reports (core/report, report-pdf): the summary a run produces (data-driven), the
// JSON schema "coffer-verification-report" version 1, the HTML (every backup, every failure, a
// hostile name escaped) and the PDF (produced, %PDF, one page object per laid-out page).
#include "ReportPdf.h"
#include "report/ReportFile.h"
#include "report/ReportHtml.h"
#include "report/ReportJson.h"
#include "report/VerificationRunReport.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace coffer;

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);

CatalogEntry backupOf(const QString &id, const QString &database, int daysAgo)
{
    CatalogEntry entry;
    entry.manifest.id = id;
    entry.manifest.database = database;
    entry.manifest.created = kNow.addDays(-daysAgo);
    entry.manifest.artifactSize = 1000 + daysAgo;
    return entry;
}

VerifyOutcome outcomeOf(const QString &id, const QString &database, bool ok, int daysAgo = 0)
{
    VerifyOutcome outcome;
    outcome.backupId = id;
    outcome.database = database;
    outcome.level = QStringLiteral("quick");
    outcome.time = kNow.addDays(-daysAgo);
    outcome.durationMs = 42;
    outcome.checks << CheckResult{ QStringLiteral("manifest"), true, QStringLiteral("well-formed") }
                   << CheckResult{ QStringLiteral("artifact_sha256"), ok,
                          ok ? QStringLiteral("matches") : QStringLiteral("expected aaaa, found bbbb") };
    return outcome;
}

// `spec`: one letter per backup b0, b1, …: n never verified, p passed recently, s passed long ago,
// f failed earlier, P passed in this run, F failed in this run.
ReportRepositoryRun runOf(const QString &spec)
{
    ReportRepositoryRun run;
    run.repository = QStringLiteral("local");
    for (int i = 0; i < spec.size(); ++i) {
        const QString id = QStringLiteral("b%1").arg(i).repeated(4);
        CatalogEntry entry = backupOf(id, i % 2 ? QStringLiteral("orders") : QStringLiteral("customers"), 100 - i);
        switch (spec.at(i).toLatin1()) {
        case 'p':
            entry.lastVerification = outcomeOf(id, entry.manifest.database, true, 2);
            break;
        case 's':
            entry.lastVerification = outcomeOf(id, entry.manifest.database, true, 45);
            break;
        case 'f':
            entry.lastVerification = outcomeOf(id, entry.manifest.database, false, 1);
            break;
        case 'P':
            entry.lastVerification = outcomeOf(id, entry.manifest.database, false, 60); // this run overrides it
            run.outcomes << outcomeOf(id, entry.manifest.database, true);
            break;
        case 'F':
            run.outcomes << outcomeOf(id, entry.manifest.database, false);
            break;
        default:
            break;
        }
        run.backups << entry;
    }
    return run;
}

VerificationRunReport reportOf(const QString &spec, int staleAfterDays = 30)
{
    return VerificationRunReport::make(ReportScope::Repository, QStringLiteral("local"), QStringLiteral("quick"),
        kNow.addSecs(-5), kNow, { runOf(spec) }, staleAfterDays, kNow);
}

int countPages(const QByteArray &pdf)
{
    // "/Type /Page" objects, not the "/Type /Pages" tree node.
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s])"));
    int pages = 0;
    auto it = page.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++pages;
    }
    return pages;
}

} // namespace

class TstReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summaryCounts_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("staleAfterDays");
        QTest::addColumn<int>("verified");
        QTest::addColumn<int>("failed");
        QTest::addColumn<int>("stale");
        QTest::addColumn<int>("never");
        QTest::addColumn<int>("checked");
        QTest::addColumn<int>("failedNow");
        QTest::addColumn<QString>("oldestUnverified");

        QTest::newRow("empty repository") << QString() << 30 << 0 << 0 << 0 << 0 << 0 << 0 << QString();
        QTest::newRow("all never verified")
            << QStringLiteral("nnn") << 30 << 0 << 0 << 0 << 3 << 0 << 0 << QStringLiteral("b0b0b0b0");
        QTest::newRow("this run passes all") << QStringLiteral("PPP") << 30 << 3 << 0 << 0 << 0 << 3 << 0 << QString();
        QTest::newRow("this run overrides an old failure")
            << QStringLiteral("Pf") << 30 << 1 << 1 << 0 << 0 << 1 << 0 << QString();
        QTest::newRow("a failure in this run")
            << QStringLiteral("PFn") << 30 << 1 << 1 << 0 << 1 << 2 << 1 << QStringLiteral("b2b2b2b2");
        QTest::newRow("stale after 30 days") << QStringLiteral("sp") << 30 << 1 << 0 << 1 << 0 << 0 << 0 << QString();
        QTest::newRow("not stale after 60 days")
            << QStringLiteral("sp") << 60 << 2 << 0 << 0 << 0 << 0 << 0 << QString();
        QTest::newRow("oldest unverified is the oldest")
            << QStringLiteral("pnnPn") << 30 << 2 << 0 << 0 << 3 << 1 << 0 << QStringLiteral("b1b1b1b1");
    }

    void summaryCounts()
    {
        QFETCH(QString, spec);
        QFETCH(int, staleAfterDays);
        const VerificationRunReport report = reportOf(spec, staleAfterDays);
        const ReportSummary &s = report.summary;
        QCOMPARE(s.backups, int(spec.size()));
        QTEST(s.verified, "verified");
        QTEST(s.failed, "failed");
        QTEST(s.stale, "stale");
        QTEST(s.neverVerified, "never");
        QTEST(s.checked, "checked");
        QTEST(s.failedNow, "failedNow");
        QCOMPARE(s.verified + s.failed + s.stale + s.neverVerified, s.backups);
        QCOMPARE(s.passed + s.failedNow, s.checked);
        QCOMPARE(report.entries.size(), s.checked);
        QFETCH(QString, oldestUnverified);
        QCOMPARE(s.oldestUnverified ? s.oldestUnverified->backupId.left(8) : QString(), oldestUnverified);
        QCOMPARE(report.ok(), s.failedNow == 0);

        // The JSON carries the same numbers.
        const QJsonObject json = QJsonDocument::fromJson(ReportJson::toBytes(report)).object();
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("backups")).toInt(-1), s.backups);
        QTEST(summary.value(QStringLiteral("verified")).toInt(-1), "verified");
        QTEST(summary.value(QStringLiteral("failed")).toInt(-1), "failed");
        QTEST(summary.value(QStringLiteral("stale")).toInt(-1), "stale");
        QTEST(summary.value(QStringLiteral("neverVerified")).toInt(-1), "never");
        QTEST(summary.value(QStringLiteral("run")).toObject().value(QStringLiteral("checked")).toInt(-1), "checked");
        QTEST(summary.value(QStringLiteral("run")).toObject().value(QStringLiteral("failed")).toInt(-1), "failedNow");
        QCOMPARE(summary.value(QStringLiteral("oldestUnverified")).isNull(), oldestUnverified.isEmpty());
        QCOMPARE(json.value(QStringLiteral("outcome")).toString(),
            s.failedNow ? QStringLiteral("failed") : QStringLiteral("passed"));
    }

    void jsonSchemaVersion1_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("type"); // QJsonValue::Type
        QTest::newRow("format") << QStringLiteral("format") << int(QJsonValue::String);
        QTest::newRow("version") << QStringLiteral("version") << int(QJsonValue::Double);
        QTest::newRow("generator") << QStringLiteral("generator") << int(QJsonValue::String);
        QTest::newRow("scope") << QStringLiteral("scope") << int(QJsonValue::Object);
        QTest::newRow("level") << QStringLiteral("level") << int(QJsonValue::String);
        QTest::newRow("started") << QStringLiteral("started") << int(QJsonValue::String);
        QTest::newRow("finished") << QStringLiteral("finished") << int(QJsonValue::String);
        QTest::newRow("durationMs") << QStringLiteral("durationMs") << int(QJsonValue::Double);
        QTest::newRow("staleAfterDays") << QStringLiteral("staleAfterDays") << int(QJsonValue::Double);
        QTest::newRow("outcome") << QStringLiteral("outcome") << int(QJsonValue::String);
        QTest::newRow("summary") << QStringLiteral("summary") << int(QJsonValue::Object);
        QTest::newRow("results") << QStringLiteral("results") << int(QJsonValue::Array);
        QTest::newRow("problems") << QStringLiteral("problems") << int(QJsonValue::Array);
    }

    void jsonSchemaVersion1()
    {
        QFETCH(QString, key);
        QFETCH(int, type);
        const QJsonObject json = ReportJson::toObject(reportOf(QStringLiteral("PFn")));
        QVERIFY2(json.contains(key), qPrintable(key));
        QCOMPARE(int(json.value(key).type()), type);
        QCOMPARE(json.size(), 13); // a new top-level field is a schema change: document it
    }

    void jsonResultsAndValues()
    {
        const QJsonObject json = ReportJson::toObject(reportOf(QStringLiteral("PF")));
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("coffer-verification-report"));
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("scope")).toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("repository"));
        QCOMPARE(json.value(QStringLiteral("durationMs")).toInt(), 5000);
        QCOMPARE(json.value(QStringLiteral("started")).toString(), QStringLiteral("2024-06-01T11:59:55.000Z"));
        const QJsonArray results = json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        const QJsonObject failed = results.at(1).toObject();
        const QStringList keys{ QStringLiteral("repository"), QStringLiteral("backupId"), QStringLiteral("database"),
            QStringLiteral("created"), QStringLiteral("artifactSize"), QStringLiteral("level"), QStringLiteral("time"),
            QStringLiteral("durationMs"), QStringLiteral("outcome"), QStringLiteral("checks") };
        QCOMPARE(failed.keys(), [&] {
            QStringList sorted = keys;
            sorted.sort();
            return sorted;
        }());
        QCOMPARE(failed.value(QStringLiteral("backupId")).toString(), QStringLiteral("b1b1b1b1"));
        QCOMPARE(failed.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QStringLiteral("artifactSize")).toInt(), 1099);
        QCOMPARE(failed.value(QStringLiteral("durationMs")).toInt(), 42);
        const QJsonArray checks = failed.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checks.size(), 2);
        QCOMPARE(checks.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("artifact_sha256"));
        QCOMPARE(checks.at(1).toObject().value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(checks.at(1).toObject().value(QStringLiteral("detail")).toString(),
            QStringLiteral("expected aaaa, found bbbb"));

        // A database without any backup has a null id; an unreachable repository is a problem.
        ReportRepositoryRun missing;
        missing.repository = QStringLiteral("local");
        VerifyOutcome none;
        none.database = QStringLiteral("ledger");
        none.checks << CheckResult{ QStringLiteral("max_age"), false, QStringLiteral("ledger has no backup") };
        missing.outcomes << none;
        const ReportRepositoryRun usb{ QStringLiteral("usb"), {}, {}, QStringLiteral("not mounted") };
        const auto report = VerificationRunReport::make(
            ReportScope::Workspace, {}, QStringLiteral("full"), kNow, kNow, { missing, usb }, 30, kNow);
        const QJsonObject withProblems = ReportJson::toObject(report);
        QVERIFY(withProblems.value(QStringLiteral("results"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("backupId"))
                    .isNull());
        QVERIFY(withProblems.value(QStringLiteral("scope")).toObject().value(QStringLiteral("name")).isNull());
        const QJsonArray problems = withProblems.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("repository")).toString(), QStringLiteral("usb"));
        QCOMPARE(withProblems.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    }

    void formatFromTheExtension_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format"); // -1: refused
        QTest::newRow("json") << QStringLiteral("/tmp/r.json") << int(ReportFormat::Json);
        QTest::newRow("JSON") << QStringLiteral("r.JSON") << int(ReportFormat::Json);
        QTest::newRow("html") << QStringLiteral("r.html") << int(ReportFormat::Html);
        QTest::newRow("htm") << QStringLiteral("r.htm") << int(ReportFormat::Html);
        QTest::newRow("pdf") << QStringLiteral("a.b/r.pdf") << int(ReportFormat::Pdf);
        QTest::newRow("txt") << QStringLiteral("r.txt") << -1;
        QTest::newRow("none") << QStringLiteral("report") << -1;
        QTest::newRow("pdf folder") << QStringLiteral("x.pdf/report") << -1;
    }

    void formatFromTheExtension()
    {
        QFETCH(QString, path);
        QFETCH(int, format);
        const auto found = ReportFile::formatOf(path);
        QCOMPARE(found ? int(*found) : -1, format);
        if (!found)
            QVERIFY2(found.error().message.contains(QStringLiteral(".json, .html or .pdf")),
                qPrintable(found.error().message));
    }

    void htmlHasEveryBackupAndFailureEscaped()
    {
        ReportRepositoryRun run = runOf(QStringLiteral("PFPF"));
        run.repository = QStringLiteral("R&D <share>");
        run.backups[1].manifest.database = QStringLiteral("<script>alert(1)</script>");
        run.outcomes[1].database = run.backups[1].manifest.database;
        run.outcomes[1].checks[1].detail = QStringLiteral("found \"<img src=x onerror=alert(2)>\"");
        const auto report = VerificationRunReport::make(
            ReportScope::Selection, {}, QStringLiteral("quick"), kNow, kNow, { run }, 30, kNow);
        const QString html = ReportHtml::toHtml(report);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        for (const VerifyOutcome &outcome : run.outcomes)
            QVERIFY2(html.contains(outcome.backupId), qPrintable(outcome.backupId));
        QCOMPARE(html.count(QStringLiteral("FAILED&nbsp;")), 2 + 1); // two backups and the run itself
        QCOMPARE(html.count(QStringLiteral("expected aaaa, found bbbb")), 1); // the other detail was replaced
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("found &quot;&lt;img src=x onerror=alert(2)&gt;&quot;")));
        QVERIFY(html.contains(QStringLiteral("R&amp;D &lt;share&gt;")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        // Self-contained: no external resource of any kind.
        QVERIFY(!html.contains(QStringLiteral("http://")) && !html.contains(QStringLiteral("https://")));
        QVERIFY(!html.contains(QStringLiteral("<link")) && !html.contains(QStringLiteral("src=\"")));
        QVERIFY(html.contains(QStringLiteral("<style>")));
    }

    void pdfIsProducedWithOnePageObjectPerPage()
    {
        const auto small = ReportPdf::render(reportOf(QStringLiteral("PF")));
        QVERIFY2(small, small ? "" : qPrintable(small.error().toString()));
        QVERIFY(small->bytes.startsWith("%PDF-"));
        QVERIFY(small->bytes.contains("/Font")); // text, not just empty pages
        QCOMPARE(small->pages, 1);
        QCOMPARE(countPages(small->bytes), 1);

        // 400 backups with 2 checks each: 1200 table rows need many pages, and every one is in the file.
        const auto large = ReportPdf::render(reportOf(QStringLiteral("PF").repeated(200)));
        QVERIFY2(large, large ? "" : qPrintable(large.error().toString()));
        QVERIFY(large->bytes.startsWith("%PDF-"));
        QVERIFY2(large->pages >= 15 && large->pages <= 80, qPrintable(QString::number(large->pages)));
        QCOMPARE(countPages(large->bytes), large->pages);
        const auto larger = ReportPdf::render(reportOf(QStringLiteral("PF").repeated(400)));
        QVERIFY(larger);
        QCOMPARE(countPages(larger->bytes), larger->pages);
        QVERIFY2(larger->pages >= 2 * large->pages - 2 && larger->pages <= 2 * large->pages + 2,
            qPrintable(QStringLiteral("%1 vs %2").arg(larger->pages).arg(large->pages)));
    }

    void writeChoosesTheFormatAndReplacesAtomically()
    {
        QTemporaryDir dir;
        const VerificationRunReport report = reportOf(QStringLiteral("PF"));
        const QString json = dir.filePath(QStringLiteral("r.json"));
        QFile old(json);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QVERIFY(ReportPdf::write(report, json));
        QVERIFY(ReportPdf::write(report, dir.filePath(QStringLiteral("r.html"))));
        QVERIFY(ReportPdf::write(report, dir.filePath(QStringLiteral("r.pdf"))));
        QFile in(json);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(in.readAll()).object().value(QStringLiteral("version")).toInt(), 1);
        QFile pdf(dir.filePath(QStringLiteral("r.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const auto refused = ReportPdf::write(report, dir.filePath(QStringLiteral("r.txt")));
        QVERIFY(!refused);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.txt"))));
        const auto nowhere = ReportPdf::write(report, dir.filePath(QStringLiteral("missing/r.json")));
        QVERIFY(!nowhere);
        QCOMPARE(nowhere.error().code, ErrorCode::Io);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3); // no temporary file left behind
    }
};

QTEST_MAIN(TstReport)
#include "tst_report.moc"
