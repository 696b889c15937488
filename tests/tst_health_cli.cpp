// `coffer-cli health` on a real workspace: real databases backed up and verified with coffer-cli
// itself, then judged. Exit 0 when everything is fresh and verified, 1 when a database was never
// backed up, its verification failed or a repository cannot be read, 3 when the workspace cannot be
// read; the JSON keys; the metrics file it can write.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using testsupport::CliRun;
using testsupport::runCli;
using namespace Qt::StringLiterals;

namespace {

QString describe(const CliRun &run)
{
    return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

QByteArray quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), u"\\\\"_s).replace(QLatin1Char('"'), u"\\\""_s);
    return (QLatin1Char('"') + escaped + QLatin1Char('"')).toUtf8();
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QJsonObject databaseNamed(const QJsonObject &json, const QString &name)
{
    for (const QJsonValue &value : json.value(u"databases"_s).toArray())
        if (value.toObject().value(u"database"_s).toString() == name)
            return value.toObject();
    return {};
}

} // namespace

class HealthCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.isValid());
        QVERIFY(m_state.isValid());
        for (const QString &name : { u"orders"_s, u"billing"_s })
            QVERIFY(testsupport::makeSampleDatabase(m_fixture.path(name + u".db"_s), 200));
        QVERIFY(writeWorkspace(false));
        const CliRun backup = cli({ u"backup"_s, u"--all"_s });
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const CliRun verify = cli({ u"verify"_s, u"--all"_s, u"--level"_s, u"full"_s });
        QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
    }

    void freshAndVerifiedIsExitZero()
    {
        const CliRun run = cli({ u"health"_s });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.value(0).startsWith(u"DATABASE"_s), qPrintable(describe(run)));
        for (const QString &header : { u"LEVEL"_s, u"LAST BACKUP"_s, u"SCHEDULE"_s, u"VERIFIED"_s, u"LAST DRILL"_s })
            QVERIFY(lines.value(0).contains(header));
        QVERIFY(lines.value(1).startsWith(u"orders "_s));
        QVERIFY2(lines.value(1).contains(u" green "_s), qPrintable(lines.value(1)));
        QVERIFY(lines.value(1).contains(u"every 6 h"_s));
        QVERIFY(lines.value(1).contains(u"ok full"_s));
        QVERIFY(lines.value(2).contains(u"none (24 h assumed)"_s));
        QCOMPARE(lines.constLast(), u"2 databases: 2 green, 0 amber, 0 red"_s);
    }

    void jsonKeys()
    {
        const CliRun run = cli({ u"health"_s, u"--json"_s });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject json = run.json().object();
        QCOMPARE(sortedKeys(json),
            (QStringList{ u"checked_at"_s, u"databases"_s, u"level"_s, u"repository_problems"_s, u"workspace"_s }));
        QCOMPARE(json.value(u"level"_s).toString(), u"green"_s);
        QCOMPARE(json.value(u"workspace"_s).toString(), QFileInfo(workspace()).absoluteFilePath());
        QCOMPARE(json.value(u"databases"_s).toArray().size(), 2);
        QVERIFY(json.value(u"repository_problems"_s).toArray().isEmpty());

        const QJsonObject orders = databaseNamed(json, u"orders"_s);
        QCOMPARE(sortedKeys(orders),
            (QStringList{ u"database"_s, u"drill"_s, u"group"_s, u"interval_assumed"_s, u"interval_hours"_s,
                u"last_backup"_s, u"level"_s, u"overdue"_s, u"problems"_s, u"reasons"_s, u"schedule"_s,
                u"verification"_s }));
        QCOMPARE(orders.value(u"group"_s).toString(), u"acme"_s);
        QCOMPARE(orders.value(u"level"_s).toString(), u"green"_s);
        QCOMPARE(orders.value(u"interval_hours"_s).toDouble(), 6.0);
        QCOMPARE(orders.value(u"interval_assumed"_s).toBool(), false);
        QCOMPARE(orders.value(u"schedule"_s).toString(), u"every 6 h"_s);
        QCOMPARE(orders.value(u"overdue"_s).toBool(), false);
        QVERIFY(orders.value(u"problems"_s).toArray().isEmpty());
        QVERIFY(orders.value(u"drill"_s).isNull());
        QCOMPARE(orders.value(u"reasons"_s).toArray().first().toString().left(12), u"last backup "_s);

        const QJsonObject last = orders.value(u"last_backup"_s).toObject();
        QCOMPARE(
            sortedKeys(last), (QStringList{ u"age_seconds"_s, u"created"_s, u"id"_s, u"repository"_s, u"size"_s }));
        QCOMPARE(last.value(u"id"_s).toString().size(), 32);
        QVERIFY(last.value(u"size"_s).toInteger() > 0);
        QVERIFY(last.value(u"age_seconds"_s).toInteger() >= 0 && last.value(u"age_seconds"_s).toInteger() < 3600);
        QCOMPARE(last.value(u"repository"_s).toString(), u"local"_s);

        const QJsonObject verification = orders.value(u"verification"_s).toObject();
        QCOMPARE(sortedKeys(verification), (QStringList{ u"failed_checks"_s, u"level"_s, u"ok"_s, u"time"_s }));
        QCOMPARE(verification.value(u"ok"_s).toBool(), true);
        QCOMPARE(verification.value(u"level"_s).toString(), u"full"_s);
        QVERIFY(verification.value(u"failed_checks"_s).toArray().isEmpty());

        const QJsonObject billing = databaseNamed(json, u"billing"_s);
        QCOMPARE(billing.value(u"interval_hours"_s).toDouble(), 24.0);
        QCOMPARE(billing.value(u"interval_assumed"_s).toBool(), true);
        QVERIFY(billing.value(u"schedule"_s).isNull());
    }

    // --metrics-file writes the Prometheus text, readable by node_exporter, without publishing.
    void writesAMetricsFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"coffer.prom"_s);
        const CliRun run = cli({ u"health"_s, u"--metrics-file"_s, file });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile metrics(file);
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        const QByteArray text = metrics.readAll();
        QVERIFY2(text.contains("coffer_health_level{database=\"orders\"} 0\n"), text.constData());
        QVERIFY(text.contains("# TYPE coffer_backup_success_total counter\n"));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0644));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{ u"coffer.prom"_s });
        // No alert state was touched by a mere metrics write.
        QVERIFY(!QFileInfo::exists(stateFile(u"alerts.json"_s)));
    }

    void neverBackedUpIsExitOne()
    {
        QVERIFY(writeWorkspace(true));
        const CliRun run = cli({ u"health"_s });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("website: never backed up"), qPrintable(describe(run)));
        QVERIFY(run.out.contains("3 databases: 2 green, 0 amber, 1 red"));

        const CliRun json = cli({ u"health"_s, u"--json"_s });
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(json.json().object().value(u"level"_s).toString(), u"red"_s);
        const QJsonObject website = databaseNamed(json.json().object(), u"website"_s);
        QCOMPARE(website.value(u"level"_s).toString(), u"red"_s);
        QVERIFY(website.value(u"last_backup"_s).isNull());
        QVERIFY(website.value(u"verification"_s).isNull());
        QCOMPARE(website.value(u"overdue"_s).toBool(), true);
        QCOMPARE(website.value(u"problems"_s).toArray().first().toString(), u"never backed up"_s);

        // --publish with no monitoring configured: nothing is published, the alert is still shown,
        // and only once.
        const CliRun published = cli({ u"health"_s, u"--publish"_s });
        QCOMPARE(published.exitCode, 1);
        QVERIFY2(published.out.contains("alert (overdue): website: never backed up"), qPrintable(describe(published)));
        QVERIFY(published.out.contains("published: nothing"));
        const CliRun again = cli({ u"health"_s, u"--publish"_s, u"--json"_s });
        QCOMPARE(again.exitCode, 1);
        const QJsonObject publish = again.json().object().value(u"publish"_s).toObject();
        QCOMPARE(sortedKeys(publish),
            (QStringList{ u"alerts"_s, u"metrics_written"_s, u"problems"_s, u"pushed"_s, u"webhook_deliveries"_s }));
        QVERIFY(publish.value(u"alerts"_s).toArray().isEmpty());
        QVERIFY(QFileInfo::exists(stateFile(u"alerts.json"_s)));
        QVERIFY(writeWorkspace(false));
    }

    void failedVerificationIsExitOne()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A second repository holding a corrupted newest backup of billing.
        const QString repo = dir.filePath(u"repo2"_s);
        QVERIFY(cli({ u"init"_s, repo }).exitCode == 0);
        const CliRun backup = cli({ u"backup"_s, u"--db"_s, u"billing"_s, u"--repo"_s, repo, u"--json"_s });
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const QString artifact = backup.json().object().value(u"artifact"_s).toString();
        QVERIFY2(!artifact.isEmpty(), qPrintable(describe(backup)));
        QVERIFY(testsupport::flipByte(artifact, 40));
        QCOMPARE(cli({ u"verify"_s, u"--all"_s, u"--repo"_s, repo }).exitCode, 1);

        QVERIFY(writeWorkspace(false, "  - {name: second, path: " + quoted(repo) + "}\n"));
        const CliRun run = cli({ u"health"_s, u"--json"_s });
        QVERIFY(writeWorkspace(false));
        QCOMPARE(run.exitCode, 1);
        const QJsonObject billing = databaseNamed(run.json().object(), u"billing"_s);
        QCOMPARE(billing.value(u"level"_s).toString(), u"red"_s);
        QCOMPARE(billing.value(u"last_backup"_s).toObject().value(u"repository"_s).toString(), u"second"_s);
        QCOMPARE(billing.value(u"verification"_s).toObject().value(u"ok"_s).toBool(), false);
        QVERIFY(!billing.value(u"verification"_s).toObject().value(u"failed_checks"_s).toArray().isEmpty());
        QVERIFY2(billing.value(u"problems"_s).toArray().first().toString().startsWith(u"verification failed: "_s),
            qPrintable(describe(run)));
    }

    void unreadableRepositoryIsExitOne()
    {
        QVERIFY(
            writeWorkspace(false, "  - {name: unplugged, path: " + quoted(m_fixture.path(u"no-such-repo"_s)) + "}\n"));
        const CliRun run = cli({ u"health"_s, u"--json"_s });
        const CliRun text = cli({ u"health"_s });
        QVERIFY(writeWorkspace(false));
        QCOMPARE(run.exitCode, 1);
        const QJsonArray problems = run.json().object().value(u"repository_problems"_s).toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(sortedKeys(problems[0].toObject()), (QStringList{ u"error"_s, u"path"_s, u"repository"_s }));
        QCOMPARE(problems[0].toObject().value(u"repository"_s).toString(), u"unplugged"_s);
        // The databases themselves are still judged from the readable repository.
        QCOMPARE(run.json().object().value(u"level"_s).toString(), u"green"_s);
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("repository unplugged ("), qPrintable(describe(text)));
    }

    void unreadableWorkspaceIsExitThree_data()
    {
        QTest::addColumn<QByteArray>("contents"); // empty: no file at all
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("not YAML") << QByteArray("databases: [unclosed\n");
    }

    void unreadableWorkspaceIsExitThree()
    {
        QFETCH(QByteArray, contents);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"workspace.yaml"_s);
        if (!contents.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(contents);
        }
        const CliRun run = runCli({ u"health"_s, u"--workspace"_s, path, u"--json"_s }, {}, 60000, environment());
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.json().object().contains(u"error"_s));
    }

    void usage()
    {
        QCOMPARE(cli({ u"health"_s, u"extra"_s }).exitCode, 2);
        QCOMPARE(cli({ u"health"_s, u"--no-such-option"_s }).exitCode, 2);
        const CliRun help = cli({ u"health"_s, u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--publish"));
    }

private:
    QString workspace() const { return m_fixture.path(u"workspace.yaml"_s); }
    QStringList environment() const { return { u"XDG_STATE_HOME="_s + m_state.path() }; }
    CliRun cli(const QStringList &arguments) const { return runCli(arguments, workspace(), 120000, environment()); }

    // A file in the workspace's state folder (there is exactly one workspace here).
    QString stateFile(const QString &name) const
    {
        const QDir coffer(m_state.path() + u"/coffer"_s);
        const QStringList folders = coffer.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        return folders.size() == 1 ? coffer.filePath(folders[0] + u"/"_s + name) : QString();
    }

    bool writeWorkspace(bool withWebsite, const QByteArray &moreRepositories = {})
    {
        QByteArray yaml = "repositories:\n  - {name: local, path: " + quoted(m_fixture.repo()) + ", default: true}\n"
            + moreRepositories + "databases:\n  - {name: orders, path: " + quoted(m_fixture.path(u"orders.db"_s))
            + ", group: acme}\n  - {name: billing, path: " + quoted(m_fixture.path(u"billing.db"_s)) + "}\n";
        if (withWebsite)
            yaml += "  - {name: website, path: " + quoted(m_fixture.path(u"website.db"_s)) + "}\n";
        yaml += "backup:\n  schedules:\n    orders: {interval_hours: 6}\n";
        QFile file(workspace());
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(yaml) == yaml.size();
    }

    testsupport::TempRepository m_fixture;
    QTemporaryDir m_state;
};

QTEST_GUILESS_MAIN(HealthCliTest)
#include "tst_health_cli.moc"
