// `coffer-cli verify --report FILE`: each format from its extension (JSON with the documented
// schema, HTML, PDF through an offscreen QGuiApplication), refused extensions, exit codes kept.
#include "TestSupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using testsupport::CliRun;
using testsupport::runCli;
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

class TstReportCli final : public QObject
{
    Q_OBJECT

private:
    QString backup(const QString &name)
    {
        const CliRun run = runCli({ QStringLiteral("backup"), QStringLiteral("--path"), m_source,
            QStringLiteral("--name"), name, QStringLiteral("--repo"), m_repo->repo(), QStringLiteral("--json") });
        [&] { QVERIFY2(run.exitCode == 0, qPrintable(describe(run))); }();
        return run.json().object().value(QStringLiteral("id")).toString();
    }
    CliRun verify(const QStringList &extra)
    {
        return runCli(QStringList{ QStringLiteral("verify"), QStringLiteral("--repo"), m_repo->repo() } + extra);
    }

    std::unique_ptr<TempRepository> m_repo;
    QString m_source;
    QStringList m_ids; // shop, orders, then a corrupted "orders"

private Q_SLOTS:
    void initTestCase()
    {
        m_repo = std::make_unique<TempRepository>();
        QVERIFY(m_repo->isValid());
        m_source = m_repo->path(QStringLiteral("shop.db"));
        QVERIFY(testsupport::makeSampleDatabase(m_source, 500));
        m_ids << backup(QStringLiteral("shop")) << backup(QStringLiteral("orders")) << backup(QStringLiteral("orders"));
        QVERIFY(!m_ids.contains(QString()));
    }

    void writesEachFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << QStringLiteral("report.json");
        QTest::newRow("html") << QStringLiteral("report.html");
        QTest::newRow("pdf") << QStringLiteral("report.pdf");
    }

    void writesEachFormat()
    {
        QFETCH(QString, file);
        const QString path = m_repo->path(file);
        const CliRun run = verify({ QStringLiteral("--all"), QStringLiteral("--report"), path });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains("report written to"), qPrintable(describe(run)));
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.isEmpty());
        if (file.endsWith(QStringLiteral(".json"))) {
            const QJsonObject json = QJsonDocument::fromJson(bytes).object();
            QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("coffer-verification-report"));
            QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
            QCOMPARE(json.value(QStringLiteral("scope")).toObject().value(QStringLiteral("kind")).toString(),
                QStringLiteral("repository"));
            QCOMPARE(json.value(QStringLiteral("results")).toArray().size(), 3);
            const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
            QCOMPARE(summary.value(QStringLiteral("backups")).toInt(), 3);
            QCOMPARE(summary.value(QStringLiteral("verified")).toInt(), 3);
            QCOMPARE(summary.value(QStringLiteral("neverVerified")).toInt(), 0);
        } else if (file.endsWith(QStringLiteral(".html"))) {
            for (const QString &id : std::as_const(m_ids))
                QVERIFY2(bytes.contains(id.toLatin1()), qPrintable(id));
            QVERIFY(bytes.contains("PASSED"));
        } else {
            QVERIFY(bytes.startsWith("%PDF-"));
            QVERIFY(bytes.contains("%%EOF"));
        }
    }

    void refusesAnUnknownExtensionBeforeVerifying()
    {
        const QString path = m_repo->path(QStringLiteral("report.txt"));
        const CliRun run = verify({ QStringLiteral("--all"), QStringLiteral("--report"), path });
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(".json, .html or .pdf"), qPrintable(describe(run)));
        QVERIFY(!QFileInfo::exists(path));
        const CliRun nowhere = verify(
            { QStringLiteral("--all"), QStringLiteral("--report"), m_repo->path(QStringLiteral("no/r.json")) });
        QVERIFY2(nowhere.exitCode == 2, qPrintable(describe(nowhere)));
        const CliRun dbWithoutAll = verify({ m_ids.at(0), QStringLiteral("--db"), QStringLiteral("shop") });
        QVERIFY2(dbWithoutAll.exitCode == 2, qPrintable(describe(dbWithoutAll)));
    }

    void aFailureIsInTheReportAndTheExitCodeStaysOne()
    {
        // Runs last: it corrupts the third backup.
        const CliRun info = runCli({ QStringLiteral("info"), QStringLiteral("--repo"), m_repo->repo(), m_ids.at(2),
            QStringLiteral("--json") });
        QCOMPARE(info.exitCode, 0);
        const QString artifact = info.json().object().value(QStringLiteral("artifact")).toString();
        QVERIFY(testsupport::flipByte(artifact, QFileInfo(artifact).size() / 2));

        const QString json = m_repo->path(QStringLiteral("orders.json"));
        const CliRun run = verify({ QStringLiteral("--all"), QStringLiteral("--db"), QStringLiteral("orders"),
            QStringLiteral("--report"), json, QStringLiteral("--json") });
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QCOMPARE(run.json().array().size(), 2); // --json output unchanged: the outcomes only
        const QJsonObject report = QJsonDocument::fromJson(readAll(json)).object();
        QCOMPARE(report.value(QStringLiteral("scope")).toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("database"));
        QCOMPARE(report.value(QStringLiteral("scope")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("orders"));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        const QJsonObject summary = report.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("backups")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
        QStringList failed;
        for (const QJsonValue &result : report.value(QStringLiteral("results")).toArray())
            if (result.toObject().value(QStringLiteral("outcome")).toString() == QStringLiteral("failed"))
                failed << result.toObject().value(QStringLiteral("backupId")).toString();
        QCOMPARE(failed, QStringList{ m_ids.at(2) });

        // One backup: the scope names it; the PDF and the HTML show the failure too.
        const QString html = m_repo->path(QStringLiteral("one.html"));
        const CliRun one = verify({ m_ids.at(2).left(8), QStringLiteral("--report"), html });
        QVERIFY2(one.exitCode == 1, qPrintable(describe(one)));
        const QByteArray page = readAll(html);
        QVERIFY(page.contains("FAILED"));
        QVERIFY(page.contains("artifact_sha256"));
        const QString pdf = m_repo->path(QStringLiteral("one.pdf"));
        const CliRun printed = verify({ m_ids.at(2), QStringLiteral("--report=") + pdf });
        QVERIFY2(printed.exitCode == 1, qPrintable(describe(printed)));
        QVERIFY(readAll(pdf).startsWith("%PDF-"));
    }
};

QTEST_GUILESS_MAIN(TstReportCli)
#include "tst_report_cli.moc"
