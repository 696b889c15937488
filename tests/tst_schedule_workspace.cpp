// The workspace's `schedules:`, `smoke_queries:` and `monitoring:` sections: every shape the
// YAML accepts, how a database's schedule is resolved, and every refused input with its message.
#include "TestSupport.h"

#include "workspace/Workspace.h"
#include "workspace/WorkspaceEditor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace coffer;

namespace {

const QString kWsPath = QStringLiteral("/srv/team/workspace.yaml");

// The databases every YAML below can refer to: orders and invoices in group acme, shop alone.
const QByteArray kDatabases = "databases:\n"
                              "  orders: {path: /d/orders.db, group: acme}\n"
                              "  invoices: {path: /d/invoices.db, group: acme}\n"
                              "  shop: /d/shop.db\n";

// One line per task, for comparisons that print well: "backup=daily at 02:30; verify=every 24 h
// (full); drill=off (sample 1); prune=never".
QString summary(const DatabaseSchedule &s)
{
    return QStringLiteral("backup=%1; verify=%2 (%3); drill=%4 (sample %5); prune=%6")
        .arg(s.backup.describe(), s.verify.describe(), s.verifyLevel, s.drill.describe())
        .arg(s.drillSample)
        .arg(s.prune == DatabaseSchedule::PruneMode::Auto ? QStringLiteral("auto") : QStringLiteral("never"));
}

QString smoke(const QList<SmokeQuery> &queries)
{
    QStringList parts;
    for (const SmokeQuery &q : queries)
        parts << (q.expect.isEmpty() ? q.sql : QStringLiteral("%1 [%2]").arg(q.sql, q.expect));
    return parts.join(QStringLiteral(" | "));
}

} // namespace

class TestScheduleWorkspace final : public QObject
{
    Q_OBJECT

private slots:
    void shapes_data();
    void shapes();
    void resolution_data();
    void resolution();
    void timeZone_data();
    void timeZone();
    void smokeQueries_data();
    void smokeQueries();
    void monitoring_data();
    void monitoring();
    void errors_data();
    void errors();
    void invalidUrlKeepsItsSecrets_data();
    void invalidUrlKeepsItsSecrets();
    void editorRemovesTheDatabaseSchedule();
    void editorMovesADatabaseIntoAScheduledGroup();
};

void TestScheduleWorkspace::shapes_data()
{
    QTest::addColumn<QByteArray>("schedules");
    QTest::addColumn<QString>("expected"); // summary() of orders

    const QString off = QStringLiteral("backup=off; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("no schedules") << QByteArray() << off;
    QTest::newRow("empty schedules") << QByteArray("schedules:\n") << off;
    QTest::newRow("interval") << QByteArray("schedules:\n  default:\n    backup: {interval_hours: 24}\n")
                              << QStringLiteral(
                                     "backup=every 24 h; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("fractional interval")
        << QByteArray("schedules: {default: {backup: {interval_hours: 1.5}}}\n")
        << QStringLiteral("backup=every 1.5 h; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("at, quoted") << QByteArray("schedules: {default: {backup: {at: \"02:30\"}}}\n")
                                << QStringLiteral(
                                       "backup=daily at 02:30; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("at, plain, one digit hour") << QByteArray("schedules:\n  default:\n    backup: {at: 2:30}\n")
                                               << QStringLiteral("backup=daily at 02:30; verify=off (full); drill=off "
                                                                 "(sample 1); prune=never");
    QTest::newRow("at list, weekdays")
        << QByteArray("schedules:\n  default:\n    backup: {at: [\"14:30\", \"02:30\"], days: weekdays}\n")
        << QStringLiteral("backup=weekdays at 02:30, 14:30; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("weekends") << QByteArray("schedules: {default: {backup: {at: \"10:00\", days: weekends}}}\n")
                              << QStringLiteral(
                                     "backup=weekends at 10:00; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("daily spelt out")
        << QByteArray("schedules: {default: {backup: {at: \"10:00\", days: daily}}}\n")
        << QStringLiteral("backup=daily at 10:00; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("day list, mixed spelling")
        << QByteArray("schedules: {default: {backup: {at: \"04:00\", days: [Thursday, mon]}}}\n")
        << QStringLiteral("backup=Mon, Thu at 04:00; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("one day as a scalar")
        << QByteArray("schedules: {default: {backup: {at: \"04:00\", days: sun}}}\n")
        << QStringLiteral("backup=Sun at 04:00; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("hourly_at") << QByteArray("schedules: {default: {backup: {hourly_at: 15}}}\n")
                               << QStringLiteral(
                                      "backup=hourly at :15; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("hourly_at on weekdays")
        << QByteArray("schedules: {default: {backup: {hourly_at: 0, days: weekdays}}}\n")
        << QStringLiteral("backup=hourly at :00 on weekdays; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("every task") << QByteArray("schedules:\n"
                                              "  default:\n"
                                              "    backup: {interval_hours: 24}\n"
                                              "    verify: {interval_hours: 24, level: quick}\n"
                                              "    drill: {at: \"04:00\", days: [sun], sample: 3}\n"
                                              "    prune: auto\n")
                                << QStringLiteral("backup=every 24 h; verify=every 24 h (quick); drill=Sun at 04:00 "
                                                  "(sample 3); prune=auto");
    QTest::newRow("verify level defaults to full")
        << QByteArray("schedules: {default: {verify: {at: \"05:00\"}}}\n")
        << QStringLiteral("backup=off; verify=daily at 05:00 (full); drill=off (sample 1); prune=never");
    QTest::newRow("level in capitals")
        << QByteArray("schedules: {default: {verify: {at: \"05:00\", level: FULL}}}\n")
        << QStringLiteral("backup=off; verify=daily at 05:00 (full); drill=off (sample 1); prune=never");
    QTest::newRow("prune never") << QByteArray("schedules: {default: {prune: never}}\n") << off;
    QTest::newRow("backup off") << QByteArray("schedules: {default: {backup: off}}\n") << off;
}

void TestScheduleWorkspace::shapes()
{
    QFETCH(QByteArray, schedules);
    QFETCH(QString, expected);
    const auto ws = Workspace::parse(kDatabases + schedules, kWsPath);
    COFFER_VERIFY_OK(ws);
    QCOMPARE(summary(ws->schedule(QStringLiteral("orders"))), expected);
}

void TestScheduleWorkspace::resolution_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("expected");

    // The default, a group and a database each say something; the runbook says orders every 6 h.
    const QByteArray layered = kDatabases
        + "backup:\n"
          "  schedules:\n"
          "    orders: {interval_hours: 6, retain_count: 10}\n"
          "    shop: {interval_hours: 12}\n"
          "schedules:\n"
          "  default:\n"
          "    verify: {interval_hours: 24}\n"
          "    drill: {at: \"04:00\", days: [sun]}\n"
          "  groups:\n"
          "    acme:\n"
          "      backup: {at: \"02:30\", days: weekdays}\n"
          "      verify: {interval_hours: 12, level: quick}\n"
          "  databases:\n"
          "    orders: {backup: {hourly_at: 15}, prune: auto}\n";
    QTest::newRow("database wins over group and runbook")
        << layered << QStringLiteral("orders")
        << QStringLiteral("backup=hourly at :15; verify=every 12 h (quick); drill=Sun at 04:00 (sample 1); prune=auto");
    QTest::newRow("group wins over default")
        << layered << QStringLiteral("invoices")
        << QStringLiteral("backup=weekdays at 02:30; verify=every 12 h (quick); drill=Sun at 04:00 (sample 1); "
                          "prune=never");
    QTest::newRow("runbook interval where schedules say nothing")
        << layered << QStringLiteral("shop")
        << QStringLiteral("backup=every 12 h; verify=every 24 h (full); drill=Sun at 04:00 (sample 1); prune=never");
    // The runbook line is about this one database: it beats the default (and a group).
    QTest::newRow("runbook wins over default")
        << kDatabases
            + "backup: {schedules: {shop: {interval_hours: 12}}}\n"
              "schedules: {default: {backup: {at: \"01:00\"}}}\n"
        << QStringLiteral("shop")
        << QStringLiteral("backup=every 12 h; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("runbook alone") << kDatabases + "backup: {schedules: {shop: {interval_hours: 12}}}\n"
                                   << QStringLiteral("shop")
                                   << QStringLiteral(
                                          "backup=every 12 h; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("a database turns off its group's backup")
        << kDatabases
            + "schedules:\n  groups: {acme: {backup: {at: \"02:30\"}}}\n"
              "  databases: {orders: {backup: off}}\n"
        << QStringLiteral("orders")
        << QStringLiteral("backup=off; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("a database turns off the default prune")
        << kDatabases + "schedules: {default: {prune: auto}, databases: {shop: {prune: never}}}\n"
        << QStringLiteral("shop") << QStringLiteral("backup=off; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("task level goes with its task")
        << kDatabases
            + "schedules:\n  default: {verify: {at: \"05:00\", level: quick}}\n"
              "  databases: {orders: {verify: {at: \"06:00\"}}}\n"
        << QStringLiteral("orders")
        << QStringLiteral("backup=off; verify=daily at 06:00 (full); drill=off (sample 1); prune=never");
    QTest::newRow("a group without members is fine")
        << kDatabases + "schedules: {groups: {nobody: {backup: {at: \"01:00\"}}}}\n"
        << QStringLiteral("shop") << QStringLiteral("backup=off; verify=off (full); drill=off (sample 1); prune=never");
    QTest::newRow("unlisted database: empty")
        << layered << QStringLiteral("unknown")
        << QStringLiteral("backup=off; verify=off (full); drill=off (sample 1); prune=never");
}

void TestScheduleWorkspace::resolution()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, database);
    QFETCH(QString, expected);
    const auto ws = Workspace::parse(yaml, kWsPath);
    COFFER_VERIFY_OK(ws);
    QCOMPARE(summary(ws->schedule(database)), expected);
    // The runbook value stays readable as before.
    if (database == QLatin1String("orders") && yaml.contains("orders: {interval_hours: 6"))
        QCOMPARE(ws->database(database)->intervalHours, std::optional<double>(6));
}

void TestScheduleWorkspace::timeZone_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("schedules.timezone") << QByteArray("schedules: {timezone: America/New_York}\n"
                                                      "retention: {timezone: Europe/Berlin, default: {keep_last: 1}}\n")
                                        << QByteArray("America/New_York");
    QTest::newRow("retention.timezone") << QByteArray("retention: {timezone: Europe/Berlin, default: {keep_last: 1}}\n")
                                        << QByteArray("Europe/Berlin");
    QTest::newRow("neither: the system's") << QByteArray("schedules: {}\n") << QTimeZone::systemTimeZoneId();
}

void TestScheduleWorkspace::timeZone()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, zone);
    const auto ws = Workspace::parse(yaml, kWsPath);
    COFFER_VERIFY_OK(ws);
    QVERIFY(ws->scheduleTimeZone().isValid());
    QCOMPARE(ws->scheduleTimeZone().id(), zone);
}

void TestScheduleWorkspace::smokeQueries_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QByteArray("databases: {orders: /o.db}\n") << QString();
    QTest::newRow("the documented shapes")
        << QByteArray("databases:\n"
                      "  orders:\n"
                      "    path: orders.db\n"
                      "    smoke_queries:\n"
                      "      - sql: SELECT count(*) FROM users\n"
                      "        expect: \"> 0\"\n"
                      "      - SELECT 1 FROM orders LIMIT 1\n")
        << QStringLiteral("SELECT count(*) FROM users [> 0] | SELECT 1 FROM orders LIMIT 1");
    QTest::newRow("list-shaped database")
        << QByteArray("databases:\n  - name: orders\n    path: /o.db\n    smoke_queries: [SELECT 1]\n")
        << QStringLiteral("SELECT 1");
    QTest::newRow("every operator, normalised")
        << QByteArray("databases:\n  orders:\n    path: /o.db\n    smoke_queries:\n"
                      "      - {sql: a, expect: \">=1\"}\n"
                      "      - {sql: b, expect: \"= 42\"}\n"
                      "      - {sql: c, expect: \"!= 0\"}\n"
                      "      - {sql: d, expect: \"<5\"}\n"
                      "      - {sql: e, expect: \"<= 5\"}\n"
                      "      - {sql: f, expect: \"== -2.5\"}\n"
                      "      - {sql: g, expect: 42}\n"
                      "      - {sql: h, expect: \"= manifest(users)\"}\n"
                      "      - {sql: i, expect: \"=manifest( users )\"}\n")
        << QStringLiteral("a [>= 1] | b [= 42] | c [!= 0] | d [< 5] | e [<= 5] | f [= -2.5] | g [= 42] | "
                          "h [= manifest(users)] | i [= manifest(users)]");
}

void TestScheduleWorkspace::smokeQueries()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const auto ws = Workspace::parse(yaml, kWsPath);
    COFFER_VERIFY_OK(ws);
    QCOMPARE(smoke(ws->database(QStringLiteral("orders"))->smokeQueries), expected);
}

void TestScheduleWorkspace::monitoring_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // file | push url | job | hook url | timeout | retries

    QTest::newRow("none") << QByteArray() << QStringLiteral("||coffer||10|3");
    QTest::newRow("the documented shape")
        << QByteArray("monitoring:\n"
                      "  metrics_file: /var/lib/prometheus/node-exporter/coffer.prom\n"
                      "  pushgateway: {url: \"http://127.0.0.1:9091\", job: coffer-prod}\n"
                      "  webhook: {url: \"https://hooks.example/coffer\", timeout_seconds: 5, retries: 0}\n")
        << QStringLiteral("/var/lib/prometheus/node-exporter/coffer.prom|http://127.0.0.1:9091|coffer-prod|"
                          "https://hooks.example/coffer|5|0");
    QTest::newRow("bare URLs, relative file")
        << QByteArray("monitoring:\n  metrics_file: metrics/coffer.prom\n  pushgateway: http://pg:9091\n"
                      "  webhook: https://hooks.example/x\n")
        << QStringLiteral("/srv/team/metrics/coffer.prom|http://pg:9091|coffer|https://hooks.example/x|10|3");
}

void TestScheduleWorkspace::monitoring()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const auto ws = Workspace::parse(yaml, kWsPath);
    COFFER_VERIFY_OK(ws);
    const MonitoringSettings &m = ws->monitoring();
    QCOMPARE(QStringLiteral("%1|%2|%3|%4|%5|%6")
                 .arg(m.metricsFile, m.pushgatewayUrl, m.pushgatewayJob, m.webhookUrl)
                 .arg(m.webhookTimeoutSeconds)
                 .arg(m.webhookRetries),
        expected);
}

void TestScheduleWorkspace::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("mustContain");

    // kDatabases takes lines 1-4; the sections under test start on line 5.
    const auto at = [](int line) { return kWsPath + QStringLiteral(":%1:").arg(line); };
    const auto row = [&](const char *name, const QByteArray &section, int line, const QStringList &parts) {
        QTest::newRow(name) << kDatabases + section << (QStringList{ at(line) } + parts);
    };

    row("unknown key in schedules", "schedules:\n  defaults: {}\n", 6,
        { QStringLiteral("unknown key 'defaults' in schedules"),
            QStringLiteral("timezone, default, groups, databases") });
    row("unknown task", "schedules:\n  default:\n    backups: {at: \"02:30\"}\n", 7,
        { QStringLiteral("unknown key 'backups' in schedules.default"),
            QStringLiteral("backup, verify, drill, prune") });
    row("unknown cadence key", "schedules:\n  default:\n    backup: {every: 6}\n", 7,
        { QStringLiteral("unknown key 'every' in schedules.default.backup"), QStringLiteral("interval_hours, at") });
    row("level on a backup", "schedules:\n  default:\n    backup: {at: \"02:30\", level: full}\n", 7,
        { QStringLiteral("unknown key 'level' in schedules.default.backup") });
    row("sample on a verify", "schedules:\n  default:\n    verify: {at: \"02:30\", sample: 2}\n", 7,
        { QStringLiteral("unknown key 'sample' in schedules.default.verify") });
    row("hour 25", "schedules:\n  default:\n    backup: {at: \"25:00\"}\n", 7,
        { QStringLiteral("'25:00' is not a time of day"), QStringLiteral("HH:MM from 00:00 to 23:59") });
    row("minute 60", "schedules:\n  default:\n    backup:\n      at: [\"02:30\", \"03:60\"]\n", 8,
        { QStringLiteral("schedules.default.backup.at: '03:60' is not a time of day") });
    row("seconds", "schedules:\n  default:\n    backup: {at: \"02:30:00\"}\n", 7,
        { QStringLiteral("'02:30:00' is not a time of day") });
    row("no colon", "schedules:\n  default:\n    backup: {at: 230}\n", 7, { QStringLiteral("'230' is not a time") });
    row("empty at list", "schedules:\n  default:\n    backup: {at: []}\n", 7,
        { QStringLiteral("schedules.default.backup.at is empty") });
    row("unknown weekday", "schedules:\n  default:\n    backup: {at: \"02:30\", days: [mon, mun]}\n", 7,
        { QStringLiteral("unknown day 'mun'"), QStringLiteral("mon, tue, wed, thu, fri, sat, sun") });
    row("unknown day word", "schedules:\n  default:\n    backup: {at: \"02:30\", days: workdays}\n", 7,
        { QStringLiteral("unknown day 'workdays'"), QStringLiteral("daily, weekdays, weekends") });
    row("interval and at together",
        "schedules:\n  default:\n    backup:\n      interval_hours: 6\n      at: \"02:30\"\n", 9,
        { QStringLiteral("gives both interval_hours and at"), QStringLiteral("keep one") });
    row("at and hourly_at together", "schedules:\n  default:\n    backup: {at: \"02:30\", hourly_at: 5}\n", 7,
        { QStringLiteral("gives both at and hourly_at") });
    row("days with an interval", "schedules:\n  default:\n    backup: {interval_hours: 6, days: weekdays}\n", 7,
        { QStringLiteral("days goes with at or hourly_at, not with interval_hours") });
    row("days alone", "schedules:\n  default:\n    backup: {days: weekdays}\n", 7,
        { QStringLiteral("neither interval_hours, at nor hourly_at") });
    row("zero interval", "schedules:\n  default:\n    backup: {interval_hours: 0}\n", 7,
        { QStringLiteral("interval_hours must be greater than 0") });
    row("hourly_at 60", "schedules:\n  default:\n    backup: {hourly_at: 60}\n", 7,
        { QStringLiteral("hourly_at is the minute of each hour, from 0 to 59, not 60") });
    row("empty task", "schedules:\n  default:\n    backup:\n", 7,
        { QStringLiteral("schedules.default.backup is empty") });
    row("task as a word", "schedules:\n  default:\n    backup: daily\n", 7,
        { QStringLiteral("schedules.default.backup must be a mapping such as") });
    row("verify level", "schedules:\n  default:\n    verify: {interval_hours: 24, level: deep}\n", 7,
        { QStringLiteral("schedules.default.verify.level must be quick or full, not 'deep'") });
    row("sample 0", "schedules:\n  default:\n    drill: {at: \"04:00\", sample: 0}\n", 7,
        { QStringLiteral("schedules.default.drill.sample must be at least 1, not 0") });
    row("prune word", "schedules:\n  default:\n    prune: always\n", 7,
        { QStringLiteral("prune must be auto"), QStringLiteral("or never, not 'always'") });
    row("unlisted database", "schedules:\n  databases:\n    ordres: {backup: {at: \"02:30\"}}\n", 7,
        { QStringLiteral("schedules.databases names database 'ordres', which is not listed under `databases:`") });
    row("group not a mapping", "schedules:\n  groups:\n    acme: weekly\n", 7,
        { QStringLiteral("schedules.groups.acme must be a mapping of tasks") });
    row("bad time zone", "schedules:\n  timezone: Mars/Olympus\n", 6,
        { QStringLiteral("schedules.timezone 'Mars/Olympus' is not a time zone") });
    row("unknown monitoring key", "monitoring:\n  metrics: /x.prom\n", 6,
        { QStringLiteral("unknown key 'metrics' in monitoring"),
            QStringLiteral("metrics_file, pushgateway, webhook") });
    row("webhook not http", "monitoring:\n  webhook: {url: \"ftp://hooks.example/x\"}\n", 6,
        { QStringLiteral(
            "monitoring.webhook.url is not an http:// or https:// URL (it reads ftp://hooks.example/…)") });
    row("webhook without scheme", "monitoring:\n  webhook: hooks.example/x\n", 6,
        { QStringLiteral("monitoring.webhook is not an http:// or https:// URL (it names no host)") });
    row("pushgateway not http", "monitoring:\n  pushgateway: {url: \"file:///tmp/x\"}\n", 6,
        { QStringLiteral("monitoring.pushgateway.url is not an http:// or https:// URL (it names no host)") });
    row("pushgateway job with a slash", "monitoring:\n  pushgateway: {url: \"http://pg:9091\", job: a/b}\n", 6,
        { QStringLiteral("monitoring.pushgateway.job must be a name without '/'") });
    row("webhook unknown key", "monitoring:\n  webhook: {url: \"https://h.example\", retry: 2}\n", 6,
        { QStringLiteral("unknown key 'retry' in monitoring.webhook") });
    row("webhook timeout 0", "monitoring:\n  webhook: {url: \"https://h.example\", timeout_seconds: 0}\n", 6,
        { QStringLiteral("monitoring.webhook.timeout_seconds must be at least 1") });
    row("webhook without url", "monitoring:\n  webhook: {retries: 2}\n", 6,
        { QStringLiteral("monitoring.webhook has no url") });
    row("empty metrics file", "monitoring:\n  metrics_file:\n", 6,
        { QStringLiteral("monitoring.metrics_file is empty") });

    // Smoke queries sit inside a database entry.
    QTest::newRow("smoke query without sql")
        << QByteArray("databases:\n  orders:\n    path: /o.db\n    smoke_queries:\n      - expect: \"> 0\"\n")
        << QStringList{ at(5), QStringLiteral("smoke query 1 of database 'orders' has no sql"),
               QStringLiteral("- sql: SELECT") };
    QTest::newRow("smoke expect not in the grammar")
        << QByteArray("databases:\n  orders:\n    path: /o.db\n    smoke_queries:\n      - SELECT 1\n"
                      "      - {sql: SELECT count(*) FROM t, expect: \"about 3\"}\n")
        << QStringList{ at(6),
               QStringLiteral("smoke query 2 of database 'orders': 'about 3' is not a smoke query expectation"),
               QStringLiteral("= manifest(users)") };
    QTest::newRow("smoke expect with a word")
        << QByteArray("databases:\n  orders:\n    path: /o.db\n    smoke_queries: [{sql: x, expect: \"> many\"}]\n")
        << QStringList{ at(4), QStringLiteral("'> many' is not a smoke query expectation") };
    QTest::newRow("smoke unknown key")
        << QByteArray("databases:\n  orders:\n    path: /o.db\n    smoke_queries: [{query: SELECT 1}]\n")
        << QStringList{ at(4), QStringLiteral("unknown key 'query' in smoke query 1 of database 'orders'"),
               QStringLiteral("sql, expect") };
    QTest::newRow("smoke queries not a list")
        << QByteArray("databases:\n  orders:\n    path: /o.db\n    smoke_queries: SELECT 1\n")
        << QStringList{ at(4), QStringLiteral("smoke_queries of database 'orders' must be a list") };
}

void TestScheduleWorkspace::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, mustContain);
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(!ws, "parse accepted an invalid workspace");
    QCOMPARE(ws.error().code, ErrorCode::InvalidArgument);
    const QString message = ws.error().message;
    for (const QString &part : mustContain)
        QVERIFY2(message.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, message)));
    QVERIFY2(!message.contains(QLatin1Char('\n')), "messages are one line");
}

void TestScheduleWorkspace::invalidUrlKeepsItsSecrets_data()
{
    QTest::addColumn<QByteArray>("monitoring");
    QTest::addColumn<QString>("shown");
    // Webhook URLs carry tokens in the path or query, Pushgateways a user:password: a message
    // about a wrong URL (printed, logged, shown in the console) must not repeat them.
    QTest::newRow("webhook, wrong scheme")
        << QByteArray("monitoring:\n  webhook: {url: \"ftp://ops:S3CRET@hooks.example/T0KEN?key=K3Y\"}\n")
        << QStringLiteral("(it reads ftp://hooks.example/…)");
    QTest::newRow("webhook, no scheme") << QByteArray(
        "monitoring:\n  webhook: \"ops:S3CRET@hooks.example/T0KEN?key=K3Y\"\n")
                                        << QStringLiteral("monitoring.webhook is not an http:// or https:// URL");
    QTest::newRow("pushgateway, wrong scheme")
        << QByteArray("monitoring:\n  pushgateway: {url: \"gopher://ops:S3CRET@pg.example:9091/T0KEN?key=K3Y\"}\n")
        << QStringLiteral("(it reads gopher://pg.example:9091/…)");
}

void TestScheduleWorkspace::invalidUrlKeepsItsSecrets()
{
    QFETCH(QByteArray, monitoring);
    QFETCH(QString, shown);
    const auto ws = Workspace::parse(kDatabases + monitoring, kWsPath);
    QVERIFY2(!ws, "parse accepted an invalid URL");
    const QString message = ws.error().toString();
    QVERIFY2(message.contains(shown), qPrintable(message));
    for (const char *secret : { "S3CRET", "T0KEN", "K3Y", "ops" })
        QVERIFY2(!message.contains(QLatin1String(secret)), qPrintable(message));
}

void TestScheduleWorkspace::editorRemovesTheDatabaseSchedule()
{
    // A schedule naming a database that is no longer listed would make the file invalid: the
    // editor removes it with the database, and nothing else changes.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("workspace.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("repositories:\n  local: repo\n" + kDatabases
        + "schedules:\n"
          "  timezone: UTC\n"
          "  default: {backup: {interval_hours: 24}}\n"
          "  databases:\n"
          "    orders: {backup: {hourly_at: 15}}   # busy\n"
          "    shop: {prune: auto}\n"
          "retention: {default: {keep_last: 3}}\n"
          "monitoring: {metrics_file: coffer.prom}\n");
    file.close();

    auto outcome = WorkspaceEditor(path).removeDatabase(QStringLiteral("orders"));
    COFFER_VERIFY_OK(outcome);
    QCOMPARE(outcome->alsoRemoved, QStringList{ QStringLiteral("schedules.databases.orders") });
    const auto ws = Workspace::load(path);
    COFFER_VERIFY_OK(ws);
    QVERIFY(!ws->database(QStringLiteral("orders")));
    QCOMPARE(summary(ws->schedule(QStringLiteral("shop"))),
        QStringLiteral("backup=every 24 h; verify=off (full); drill=off (sample 1); prune=auto"));
    QCOMPARE(ws->scheduleTimeZone().id(), QByteArray("UTC"));
    QCOMPARE(ws->monitoring().metricsFile, dir.filePath(QStringLiteral("coffer.prom")));

    // The last database named there: `databases:` goes, the rest of `schedules:` stays.
    COFFER_VERIFY_OK(WorkspaceEditor(path).removeDatabase(QStringLiteral("shop")));
    const auto after = Workspace::load(path);
    COFFER_VERIFY_OK(after);
    QCOMPARE(summary(after->schedule(QStringLiteral("invoices"))),
        QStringLiteral("backup=every 24 h; verify=off (full); drill=off (sample 1); prune=never"));
}

void TestScheduleWorkspace::editorMovesADatabaseIntoAScheduledGroup()
{
    // Changing a database's group changes its schedule when the group has one: that is the
    // point of the edit, not a side effect the editor should refuse.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("workspace.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("repositories:\n  local: repo\n" + kDatabases
        + "schedules:\n  groups:\n    acme: {backup: {at: \"02:30\", days: weekdays}}\n");
    file.close();
    COFFER_VERIFY_OK(WorkspaceEditor(path).setDatabaseGroup(QStringLiteral("shop"), QStringLiteral("acme")));
    const auto ws = Workspace::load(path);
    COFFER_VERIFY_OK(ws);
    QCOMPARE(ws->schedule(QStringLiteral("shop")).backup.describe(), QStringLiteral("weekdays at 02:30"));

    // Likewise a database added to the group gets its schedule.
    DatabaseEntry ledger;
    ledger.name = QStringLiteral("ledger");
    ledger.path = dir.filePath(QStringLiteral("ledger.db"));
    ledger.group = QStringLiteral("acme");
    COFFER_VERIFY_OK(WorkspaceEditor(path).addDatabase(ledger));
    const auto added = Workspace::load(path);
    COFFER_VERIFY_OK(added);
    QCOMPARE(added->schedule(QStringLiteral("ledger")).backup.describe(), QStringLiteral("weekdays at 02:30"));
}

QTEST_GUILESS_MAIN(TestScheduleWorkspace)
#include "tst_schedule_workspace.moc"
