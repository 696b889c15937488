#include "crypto/Identity.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace coffer;

Q_DECLARE_METATYPE(coffer::RetentionPolicy)

namespace coffer {

// Lets QCOMPARE print a policy that differs.
char *toString(const RetentionPolicy &policy)
{
    return qstrdup(qPrintable(policy.describe()));
}

} // namespace coffer

namespace {

// parse() never touches the disk, so a fixed path keeps expected values readable.
const QString kWsPath = QStringLiteral("/srv/team/workspace.yaml");

QStringList names(const QList<DatabaseEntry> &dbs)
{
    QStringList result;
    for (const DatabaseEntry &db : dbs)
        result.append(db.name);
    return result;
}

QVariant lookup(const QVariantMap &map, const QString &keyPath)
{
    QVariant current = map;
    for (const QString &key : keyPath.split(QLatin1Char('/'))) {
        const QVariantMap level = current.toMap();
        if (!level.contains(key))
            return QVariant(QStringLiteral("<missing %1>").arg(keyPath));
        current = level.value(key);
    }
    return current;
}

RetentionDuration duration(int years, int months, int weeks, int days, int hours)
{
    RetentionDuration d;
    d.years = years;
    d.months = months;
    d.weeks = weeks;
    d.days = days;
    d.hours = hours;
    return d;
}

// Saves an environment variable in the constructor and puts it back in the destructor.
class EnvGuard
{
public:
    explicit EnvGuard(const char *name)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_value(qgetenv(name))
    {
    }
    ~EnvGuard()
    {
        if (m_wasSet)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_value;
};

} // namespace

class TestWorkspace final : public QObject
{
    Q_OBJECT

private slots:
    void nativeShape();
    void databases_data();
    void databases();
    void repositories_data();
    void repositories();
    void runbookShape();
    void retentionKeys_data();
    void retentionKeys();
    void retentionRunbookMapping_data();
    void retentionRunbookMapping();
    void retentionResolve_data();
    void retentionResolve();
    void retentionTimeZone_data();
    void retentionTimeZone();
    void retentionEmpty_data();
    void retentionEmpty();
    void encryptionRecipients();
    void passphraseEnvVar_data();
    void passphraseEnvVar();
    void tenantPolicy_data();
    void tenantPolicy();
    void defaults_data();
    void defaults();
    void group_data();
    void group();
    void lookups();
    void emptyWorkspace_data();
    void emptyWorkspace();
    void unknownKeysIgnored();
    void resolvePath_data();
    void resolvePath();
    void loadResolvesAgainstFileFolder();
    void loadErrors_data();
    void loadErrors();
    void errors_data();
    void errors();
    void hostileInputNeverThrows_data();
    void hostileInputNeverThrows();
};

void TestWorkspace::nativeShape()
{
    const QByteArray yaml = "version: 1\n"
                            "repositories:\n"
                            "  - name: local\n"
                            "    path: ./repo\n"
                            "    default: true\n"
                            "  - name: usb\n"
                            "    path: /media/usb/coffer\n"
                            "databases:\n"
                            "  - name: orders\n"
                            "    engine: sqlite\n"
                            "    path: /srv/orders.db\n"
                            "    group: acme\n"
                            "  - name: invoices\n"
                            "    path: data/invoices.db\n"
                            "defaults:\n"
                            "  compression: gzip\n"
                            "  level: 9\n";
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));

    QCOMPARE(ws->filePath(), kWsPath);
    QCOMPARE(ws->repositories().size(), 2);
    QCOMPARE(ws->repositories().at(0).name, QStringLiteral("local"));
    QCOMPARE(ws->repositories().at(0).path, QStringLiteral("/srv/team/repo"));
    QVERIFY(ws->repositories().at(0).isDefault);
    QCOMPARE(ws->repositories().at(1).path, QStringLiteral("/media/usb/coffer"));
    QVERIFY(!ws->repositories().at(1).isDefault);

    QCOMPARE(ws->databases().size(), 2);
    const DatabaseEntry &orders = ws->databases().at(0);
    QCOMPARE(orders.name, QStringLiteral("orders"));
    QCOMPARE(orders.engine, QStringLiteral("sqlite"));
    QCOMPARE(orders.path, QStringLiteral("/srv/orders.db"));
    QCOMPARE(orders.group, QStringLiteral("acme"));
    QVERIFY(!orders.intervalHours);
    QVERIFY(!orders.retainCount);
    const DatabaseEntry &invoices = ws->databases().at(1);
    QCOMPARE(invoices.engine, QStringLiteral("sqlite"));
    QCOMPARE(invoices.path, QStringLiteral("/srv/team/data/invoices.db"));
    QVERIFY(invoices.group.isEmpty());

    QCOMPARE(ws->defaults().compression, QStringLiteral("gzip"));
    QCOMPARE(ws->defaults().level, 9);
    QVERIFY(!ws->defaults().retentionDays);
    QVERIFY(!ws->defaults().encryptionEnabled);
}

void TestWorkspace::databases_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QStringList>("expectedPaths");
    QTest::addColumn<QStringList>("expectedGroups");

    const QString home = QDir::homePath();

    QTest::newRow("list") << QByteArray("databases:\n"
                                        "  - {name: orders, path: /srv/orders.db, group: acme}\n"
                                        "  - {name: users, path: /srv/users.db}\n")
                          << QStringList{QStringLiteral("orders"), QStringLiteral("users")}
                          << QStringList{QStringLiteral("/srv/orders.db"), QStringLiteral("/srv/users.db")}
                          << QStringList{QStringLiteral("acme"), QString()};
    QTest::newRow("map of paths") << QByteArray("databases: {orders: /srv/orders.db, users: /srv/users.db}\n")
                                  << QStringList{QStringLiteral("orders"), QStringLiteral("users")}
                                  << QStringList{QStringLiteral("/srv/orders.db"), QStringLiteral("/srv/users.db")}
                                  << QStringList{QString(), QString()};
    QTest::newRow("map of mappings") << QByteArray("databases:\n"
                                                   "  orders: {path: /srv/orders.db, group: acme}\n"
                                                   "  users:\n"
                                                   "    path: /srv/users.db\n"
                                                   "    group: globex\n")
                                     << QStringList{QStringLiteral("orders"), QStringLiteral("users")}
                                     << QStringList{QStringLiteral("/srv/orders.db"), QStringLiteral("/srv/users.db")}
                                     << QStringList{QStringLiteral("acme"), QStringLiteral("globex")};
    QTest::newRow("map mixing both") << QByteArray("databases:\n"
                                                   "  orders: /srv/orders.db\n"
                                                   "  users: {path: /srv/users.db, group: acme}\n")
                                     << QStringList{QStringLiteral("orders"), QStringLiteral("users")}
                                     << QStringList{QStringLiteral("/srv/orders.db"), QStringLiteral("/srv/users.db")}
                                     << QStringList{QString(), QStringLiteral("acme")};
    QTest::newRow("relative to the file's folder")
        << QByteArray("databases: {a: orders.db, b: ./data/b.db, c: ../shared/c.db}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}
        << QStringList{QStringLiteral("/srv/team/orders.db"), QStringLiteral("/srv/team/data/b.db"),
                       QStringLiteral("/srv/shared/c.db")}
        << QStringList{QString(), QString(), QString()};
    QTest::newRow("tilde expands to home") << QByteArray("databases:\n  - {name: a, path: ~/db/a.db}\n")
                                           << QStringList{QStringLiteral("a")}
                                           << QStringList{home + QStringLiteral("/db/a.db")}
                                           << QStringList{QString()};
    QTest::newRow("engine spelled differently")
        << QByteArray("databases:\n  - {name: a, engine: SQLite, path: /a.db}\n  - {name: b, engine: sqlite3, "
                      "path: /b.db}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")}
        << QStringList{QStringLiteral("/a.db"), QStringLiteral("/b.db")} << QStringList{QString(), QString()};
    QTest::newRow("messy path is cleaned") << QByteArray("databases: {a: /srv//x/../orders.db}\n")
                                           << QStringList{QStringLiteral("a")}
                                           << QStringList{QStringLiteral("/srv/orders.db")} << QStringList{QString()};
    QTest::newRow("empty section") << QByteArray("databases:\n") << QStringList() << QStringList() << QStringList();
}

void TestWorkspace::databases()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expectedNames);
    QFETCH(QStringList, expectedPaths);
    QFETCH(QStringList, expectedGroups);

    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(names(ws->databases()), expectedNames);
    for (qsizetype i = 0; i < expectedNames.size(); ++i) {
        const DatabaseEntry &db = ws->databases().at(i);
        QCOMPARE(db.path, expectedPaths.at(i));
        QCOMPARE(db.group, expectedGroups.at(i));
        QCOMPARE(db.engine, QStringLiteral("sqlite"));
    }
}

void TestWorkspace::repositories_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QStringList>("expectedPaths");
    QTest::addColumn<QString>("expectedDefault"); // empty: no repository at all

    QTest::newRow("list, second is default")
        << QByteArray("repositories:\n  - {name: local, path: ./repo}\n  - {name: usb, path: /media/usb, "
                      "default: true}\n")
        << QStringList{QStringLiteral("local"), QStringLiteral("usb")}
        << QStringList{QStringLiteral("/srv/team/repo"), QStringLiteral("/media/usb")} << QStringLiteral("usb");
    QTest::newRow("list, no default flag: the first")
        << QByteArray("repositories:\n  - {name: local, path: ./repo}\n  - {name: usb, path: /media/usb}\n")
        << QStringList{QStringLiteral("local"), QStringLiteral("usb")}
        << QStringList{QStringLiteral("/srv/team/repo"), QStringLiteral("/media/usb")} << QStringLiteral("local");
    QTest::newRow("list, default: false everywhere")
        << QByteArray("repositories:\n  - {name: a, path: /a, default: false}\n  - {name: b, path: /b, default: "
                      "no}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")}
        << QStringList{QStringLiteral("/a"), QStringLiteral("/b")} << QStringLiteral("a");
    QTest::newRow("map of paths") << QByteArray("repositories: {nas: /mnt/nas/coffer, local: ~/coffer}\n")
                                  << QStringList{QStringLiteral("nas"), QStringLiteral("local")}
                                  << QStringList{QStringLiteral("/mnt/nas/coffer"),
                                                 QDir::homePath() + QStringLiteral("/coffer")}
                                  << QStringLiteral("nas");
    QTest::newRow("quoted bare tilde is home") << QByteArray("repositories: {home: \"~\"}\n")
                                               << QStringList{QStringLiteral("home")}
                                               << QStringList{QDir::homePath()} << QStringLiteral("home");
    QTest::newRow("map of mappings with default")
        << QByteArray("repositories:\n  nas: /mnt/nas\n  local: {path: repo, default: true}\n")
        << QStringList{QStringLiteral("nas"), QStringLiteral("local")}
        << QStringList{QStringLiteral("/mnt/nas"), QStringLiteral("/srv/team/repo")} << QStringLiteral("local");
    QTest::newRow("none") << QByteArray("databases: {a: /a.db}\n") << QStringList() << QStringList() << QString();
}

void TestWorkspace::repositories()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expectedNames);
    QFETCH(QStringList, expectedPaths);
    QFETCH(QString, expectedDefault);

    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(ws->repositories().size(), expectedNames.size());
    for (qsizetype i = 0; i < expectedNames.size(); ++i) {
        QCOMPARE(ws->repositories().at(i).name, expectedNames.at(i));
        QCOMPARE(ws->repositories().at(i).path, expectedPaths.at(i));
        const auto byName = ws->repository(expectedNames.at(i));
        QVERIFY(byName);
        QCOMPARE(byName->path, expectedPaths.at(i));
    }
    const auto def = ws->defaultRepository();
    if (expectedDefault.isEmpty()) {
        QVERIFY(!def);
    } else {
        QVERIFY(def);
        QCOMPARE(def->name, expectedDefault);
    }
}

void TestWorkspace::runbookShape()
{
    // A team's runbook config, brought over unchanged; `backup:` comes before `databases:`.
    const QByteArray yaml = "backup:\n"
                            "  retention_days: 30\n"
                            "  encryption: {enabled: true, key_env_var: BACKUP_KEY}\n"
                            "  schedules:\n"
                            "    orders: {interval_hours: 6, retain_count: 10}\n"
                            "    invoices:\n"
                            "      interval_hours: 0.5\n"
                            "  tenant_backup_policy:\n"
                            "    default_tier: silver\n"
                            "    tiers:\n"
                            "      gold: {retention_days: 90, offsite: true}\n"
                            "databases:\n"
                            "  orders: /srv/orders.db\n"
                            "  invoices: {path: /srv/invoices.db, group: acme}\n"
                            "  audit: /srv/audit.db\n";
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));

    const BackupDefaults &d = ws->defaults();
    QCOMPARE(d.retentionDays, std::optional<int>(30));
    QCOMPARE(d.encryptionEnabled, true);
    QCOMPARE(d.keyEnvVar, QStringLiteral("BACKUP_KEY"));
    QCOMPARE(d.compression, QStringLiteral("zstd"));
    QCOMPARE(d.level, 3);
    QCOMPARE(lookup(d.tenantBackupPolicy, QStringLiteral("default_tier")), QVariant(QStringLiteral("silver")));
    QCOMPARE(lookup(d.tenantBackupPolicy, QStringLiteral("tiers/gold/retention_days")), QVariant(qlonglong(90)));
    QCOMPARE(lookup(d.tenantBackupPolicy, QStringLiteral("tiers/gold/offsite")), QVariant(true));

    const auto orders = ws->database(QStringLiteral("orders"));
    QVERIFY(orders);
    QCOMPARE(orders->intervalHours, std::optional<double>(6.0));
    QCOMPARE(orders->retainCount, std::optional<int>(10));
    const auto invoices = ws->database(QStringLiteral("invoices"));
    QVERIFY(invoices);
    QCOMPARE(invoices->intervalHours, std::optional<double>(0.5));
    QVERIFY(!invoices->retainCount);
    QCOMPARE(invoices->group, QStringLiteral("acme"));
    const auto audit = ws->database(QStringLiteral("audit"));
    QVERIFY(audit);
    QVERIFY(!audit->intervalHours);
    QVERIFY(!audit->retainCount);

    const RetentionPolicySet &retention = ws->retention();
    QCOMPARE(retention.repositoryDefault.retentionDays, std::optional<int>(30));
    QCOMPARE(retention.databases.keys(), QStringList{ QStringLiteral("orders") });
    QCOMPARE(retention.databases.value(QStringLiteral("orders")).retainCount, std::optional<int>(10));
    QCOMPARE(
        retention.resolve(QStringLiteral("invoices"), QStringLiteral("acme")).retentionDays, std::optional<int>(30));
}

void TestWorkspace::retentionKeys_data()
{
    QTest::addColumn<QByteArray>("policy"); // a flow mapping, written at every level
    QTest::addColumn<RetentionPolicy>("expected");

    const auto with = [](auto field, auto value) {
        RetentionPolicy p;
        p.*field = value;
        return p;
    };
    QTest::newRow("keep_last") << QByteArray("{keep_last: 10}") << with(&RetentionPolicy::keepLast, 10);
    QTest::newRow("keep_hourly") << QByteArray("{keep_hourly: 24}") << with(&RetentionPolicy::keepHourly, 24);
    QTest::newRow("keep_daily") << QByteArray("{keep_daily: 7}") << with(&RetentionPolicy::keepDaily, 7);
    QTest::newRow("keep_weekly") << QByteArray("{keep_weekly: 4}") << with(&RetentionPolicy::keepWeekly, 4);
    QTest::newRow("keep_monthly") << QByteArray("{keep_monthly: 12}") << with(&RetentionPolicy::keepMonthly, 12);
    QTest::newRow("keep_yearly") << QByteArray("{keep_yearly: 3}") << with(&RetentionPolicy::keepYearly, 3);
    QTest::newRow("keep_within days") << QByteArray("{keep_within: 7d}")
                                      << with(&RetentionPolicy::keepWithin, duration(0, 0, 0, 7, 0));
    QTest::newRow("keep_within hours") << QByteArray("{keep_within: 12h}")
                                       << with(&RetentionPolicy::keepWithin, duration(0, 0, 0, 0, 12));
    QTest::newRow("keep_within years and months")
        << QByteArray("{keep_within: 1y6m}") << with(&RetentionPolicy::keepWithin, duration(1, 6, 0, 0, 0));
    QTest::newRow("keep_within quoted") << QByteArray("{keep_within: \"2w\"}")
                                        << with(&RetentionPolicy::keepWithin, duration(0, 0, 2, 0, 0));
    QTest::newRow("retention_days") << QByteArray("{retention_days: 90}") << with(&RetentionPolicy::retentionDays, 90);
    QTest::newRow("retain_count") << QByteArray("{retain_count: 5}") << with(&RetentionPolicy::retainCount, 5);
    QTest::newRow("max_size_gb whole") << QByteArray("{max_size_gb: 50}") << with(&RetentionPolicy::maxSizeGb, 50.0);
    QTest::newRow("max_size_gb fraction") << QByteArray("{max_size_gb: 0.5}") << with(&RetentionPolicy::maxSizeGb, 0.5);
    QTest::newRow("min_count 3") << QByteArray("{min_count: 3}") << with(&RetentionPolicy::minCount, 3);
    QTest::newRow("min_count 1") << QByteArray("{min_count: 1}") << with(&RetentionPolicy::minCount, 1);
    QTest::newRow("no keys") << QByteArray("{}") << RetentionPolicy();

    RetentionPolicy all;
    all.keepDaily = 7;
    all.keepWeekly = 4;
    all.keepMonthly = 12;
    all.minCount = 1;
    all.maxSizeGb = 50;
    QTest::newRow("several") << QByteArray("{keep_daily: 7, keep_weekly: 4, keep_monthly: 12, min_count: 1, "
                                           "max_size_gb: 50}")
                             << all;
}

void TestWorkspace::retentionKeys()
{
    QFETCH(QByteArray, policy);
    QFETCH(RetentionPolicy, expected);

    const QByteArray yaml = "databases: {orders: /srv/orders.db}\n"
                            "retention:\n"
                            "  default: "
        + policy
        + "\n"
          "  groups:\n"
          "    acme: "
        + policy
        + "\n"
          "  databases:\n"
          "    orders: "
        + policy + "\n";
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    const RetentionPolicySet &set = ws->retention();
    QCOMPARE(set.repositoryDefault, expected);
    QCOMPARE(set.groups.keys(), QStringList{ QStringLiteral("acme") });
    QCOMPARE(set.groups.value(QStringLiteral("acme")), expected);
    QCOMPARE(set.databases.keys(), QStringList{ QStringLiteral("orders") });
    QCOMPARE(set.databases.value(QStringLiteral("orders")), expected);
}

void TestWorkspace::retentionRunbookMapping_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<RetentionPolicy>("expectedDefault");
    QTest::addColumn<RetentionPolicy>("expectedOrders"); // empty: no entry for orders
    QTest::addColumn<int>("runbookDays"); // the runbook fields, kept as written (0: unset)
    QTest::addColumn<int>("runbookRetainCount");

    const QByteArray databases = "databases: {orders: /srv/orders.db, users: /srv/users.db}\n";
    RetentionPolicy days30;
    days30.retentionDays = 30;
    RetentionPolicy days90;
    days90.retentionDays = 90;
    RetentionPolicy retain10;
    retain10.retainCount = 10;
    RetentionPolicy retain3;
    retain3.retainCount = 3;

    QTest::newRow("retention_days to the default") << databases + "backup: {retention_days: 30}\n"
                                                   << days30 << RetentionPolicy() << 30 << 0;
    QTest::newRow("retain_count to the database")
        << databases + "backup:\n  schedules:\n    orders: {interval_hours: 6, retain_count: 10}\n"
        << RetentionPolicy() << retain10 << 0 << 10;
    QTest::newRow("an interval alone adds no policy")
        << databases + "backup:\n  schedules:\n    orders: {interval_hours: 6}\n"
        << RetentionPolicy() << RetentionPolicy() << 0 << 0;
    QTest::newRow("retention section after backup")
        << databases + "backup: {retention_days: 30}\nretention: {default: {retention_days: 90}}\n"
        << days90 << RetentionPolicy() << 30 << 0;
    QTest::newRow("retention section before backup")
        << databases + "retention: {default: {retention_days: 90}}\nbackup: {retention_days: 30}\n"
        << days90 << RetentionPolicy() << 30 << 0;
    QTest::newRow("retention.databases wins over retain_count") << databases
            + "backup: {schedules: {orders: {retain_count: 10}}}\n"
              "retention: {databases: {orders: {retain_count: 3}}}\n"
                                                                << RetentionPolicy() << retain3 << 0 << 10;

    RetentionPolicy dailyAnd30 = days30;
    dailyAnd30.keepDaily = 7;
    RetentionPolicy lastAnd10 = retain10;
    lastAnd10.keepLast = 2;
    QTest::newRow("field by field: the runbook fills what retention leaves unset")
        << databases
            + "backup:\n  retention_days: 30\n  schedules: {orders: {retain_count: 10}}\n"
              "retention:\n  default: {keep_daily: 7}\n  databases: {orders: {keep_last: 2}}\n"
        << dailyAnd30 << lastAnd10 << 30 << 10;
}

void TestWorkspace::retentionRunbookMapping()
{
    QFETCH(QByteArray, yaml);
    QFETCH(RetentionPolicy, expectedDefault);
    QFETCH(RetentionPolicy, expectedOrders);
    QFETCH(int, runbookDays);
    QFETCH(int, runbookRetainCount);

    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    const RetentionPolicySet &set = ws->retention();
    QCOMPARE(set.repositoryDefault, expectedDefault);
    QVERIFY(set.groups.isEmpty());
    if (expectedOrders == RetentionPolicy()) {
        QVERIFY2(set.databases.isEmpty(), qPrintable(set.databases.keys().join(QLatin1Char(','))));
    } else {
        QCOMPARE(set.databases.keys(), QStringList{ QStringLiteral("orders") });
        QCOMPARE(set.databases.value(QStringLiteral("orders")), expectedOrders);
    }

    // Code that reads the runbook fields still sees what the runbook says.
    QCOMPARE(ws->defaults().retentionDays, runbookDays ? std::optional<int>(runbookDays) : std::nullopt);
    QCOMPARE(ws->database(QStringLiteral("orders"))->retainCount,
        runbookRetainCount ? std::optional<int>(runbookRetainCount) : std::nullopt);
}

void TestWorkspace::retentionResolve_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<RetentionPolicy>("expected");

    // default: keep_daily 7, keep_weekly 4, min_count 1, max_size_gb 50
    // acme:    keep_weekly 8, retention_days 90, max_size_gb 20
    // orders (acme): keep_daily 14, keep_within 7d, max_size_gb 5
    RetentionPolicy fromDefault;
    fromDefault.keepDaily = 7;
    fromDefault.keepWeekly = 4;
    fromDefault.minCount = 1;
    RetentionPolicy fromGroup = fromDefault;
    fromGroup.keepWeekly = 8;
    fromGroup.retentionDays = 90;
    RetentionPolicy fromDatabase = fromGroup;
    fromDatabase.keepDaily = 14;
    fromDatabase.keepWithin = duration(0, 0, 0, 7, 0);
    RetentionPolicy ownOnly = fromDefault;
    ownOnly.keepLast = 3;

    QTest::newRow("database over group over default") << QStringLiteral("orders") << fromDatabase;
    QTest::newRow("group over default") << QStringLiteral("invoices") << fromGroup;
    QTest::newRow("group without a policy: the default") << QStringLiteral("users") << fromDefault;
    QTest::newRow("no group: the default") << QStringLiteral("audit") << fromDefault;
    QTest::newRow("database over default, no group") << QStringLiteral("metrics") << ownOnly;
}

void TestWorkspace::retentionResolve()
{
    QFETCH(QString, database);
    QFETCH(RetentionPolicy, expected);

    const QByteArray yaml = "databases:\n"
                            "  orders: {path: /srv/orders.db, group: acme}\n"
                            "  invoices: {path: /srv/invoices.db, group: acme}\n"
                            "  users: {path: /srv/users.db, group: globex}\n"
                            "  audit: /srv/audit.db\n"
                            "  metrics: /srv/metrics.db\n"
                            "retention:\n"
                            "  default: {keep_daily: 7, keep_weekly: 4, min_count: 1, max_size_gb: 50}\n"
                            "  groups:\n"
                            "    acme: {keep_weekly: 8, retention_days: 90, max_size_gb: 20}\n"
                            "  databases:\n"
                            "    orders: {keep_daily: 14, keep_within: 7d, max_size_gb: 5}\n"
                            "    metrics: {keep_last: 3}\n";
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    const auto db = ws->database(database);
    QVERIFY(db);
    // Size caps stay at their own level (the planner sums each level): never in a resolved policy.
    QCOMPARE(ws->retention().resolve(db->name, db->group), expected);
}

void TestWorkspace::retentionTimeZone_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("absent: the system's") << QByteArray("retention: {default: {keep_last: 3}}\n") << QString();
    QTest::newRow("Europe/Berlin") << QByteArray("retention:\n  timezone: Europe/Berlin\n")
                                   << QStringLiteral("Europe/Berlin");
    QTest::newRow("UTC") << QByteArray("retention: {timezone: UTC}\n") << QStringLiteral("UTC");
    QTest::newRow("padded") << QByteArray("retention: {timezone: \" America/New_York \"}\n")
                            << QStringLiteral("America/New_York");
    QTest::newRow("empty: the system's") << QByteArray("retention: {timezone: ''}\n") << QString();
}

void TestWorkspace::retentionTimeZone()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);

    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(ws->retention().timeZone, expected);
    const QTimeZone zone = ws->retention().zone();
    QVERIFY(zone.isValid());
    QCOMPARE(zone.id(), expected.isEmpty() ? QTimeZone::systemTimeZoneId() : expected.toUtf8());
}

void TestWorkspace::retentionEmpty_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("no retention, no runbook keys")
        << QByteArray("databases: {orders: /srv/orders.db}\nbackup: {compression: gzip}\n");
    QTest::newRow("empty section") << QByteArray("retention:\n");
    QTest::newRow("empty levels") << QByteArray("retention: {default: {}, groups: {}, databases: {}}\n");
    QTest::newRow("a schedule without retain_count")
        << QByteArray("databases: {orders: /srv/orders.db}\nbackup: {schedules: {orders: {interval_hours: 6}}}\n");
}

void TestWorkspace::retentionEmpty()
{
    QFETCH(QByteArray, yaml);
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QVERIFY(ws->retention().isEmpty());
    QCOMPARE(ws->retention().repositoryDefault, RetentionPolicy());
    QVERIFY(ws->retention().groups.isEmpty());
    QVERIFY(ws->retention().databases.isEmpty());
    QVERIFY(ws->retention().timeZone.isEmpty());
}

void TestWorkspace::encryptionRecipients()
{
    auto first = Identity::generate();
    auto second = Identity::generate();
    QVERIFY(first && second);
    const QString a = first->publicKey().toText();
    const QString b = second->publicKey().toText();
    // A key listed twice is one recipient; the order is kept.
    const QByteArray yaml = QStringLiteral("backup:\n"
                                           "  encryption:\n"
                                           "    enabled: true\n"
                                           "    recipients:\n"
                                           "      - %1\n"
                                           "      - \"  %2  \"\n"
                                           "      - %1\n")
                                .arg(a, b)
                                .toUtf8();
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    const QList<PublicKey> &recipients = ws->defaults().encryptionRecipients;
    QCOMPARE(recipients.size(), 2);
    QCOMPARE(recipients.at(0).toText(), a);
    QCOMPARE(recipients.at(1).keyId(), second->publicKey().keyId());
    QVERIFY(ws->defaults().encryptionEnabled);

    const auto none = Workspace::parse("backup: {encryption: {enabled: true}}\n", kWsPath);
    QVERIFY(none);
    QVERIFY(none->defaults().encryptionRecipients.isEmpty());
}

void TestWorkspace::passphraseEnvVar_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("variable");
    QTest::newRow("nothing set") << QByteArray("databases: {a: /a.db}\n") << QStringLiteral("COFFER_PASSPHRASE");
    QTest::newRow("encryption: true") << QByteArray("backup: {encryption: true}\n")
                                      << QStringLiteral("COFFER_PASSPHRASE");
    QTest::newRow("named") << QByteArray("backup: {encryption: {key_env_var: BACKUP_KEY}}\n")
                           << QStringLiteral("BACKUP_KEY");
}

void TestWorkspace::passphraseEnvVar()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, variable);
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(ws->defaults().passphraseEnvVar(), variable);
}

void TestWorkspace::tenantPolicy_data()
{
    QTest::addColumn<QString>("keyPath");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("string") << QStringLiteral("default_tier") << QVariant(QStringLiteral("silver"));
    QTest::newRow("nested int") << QStringLiteral("tiers/gold/retention_days") << QVariant(qlonglong(90));
    QTest::newRow("nested true") << QStringLiteral("tiers/gold/offsite") << QVariant(true);
    QTest::newRow("yes/no are booleans") << QStringLiteral("tiers/silver/offsite") << QVariant(false);
    QTest::newRow("float") << QStringLiteral("tiers/silver/ratio") << QVariant(0.5);
    QTest::newRow("list") << QStringLiteral("exempt_tenants")
                          << QVariant(QVariantList{QStringLiteral("acme"), QStringLiteral("globex"), qlonglong(42)});
    QTest::newRow("quoted number stays a string") << QStringLiteral("quoted_number")
                                                  << QVariant(QStringLiteral("007"));
    QTest::newRow("quoted bool stays a string") << QStringLiteral("quoted_bool") << QVariant(QStringLiteral("yes"));
    QTest::newRow("null") << QStringLiteral("nothing") << QVariant();
    QTest::newRow("list of mappings") << QStringLiteral("windows")
                                      << QVariant(QVariantList{
                                             QVariantMap{{QStringLiteral("start"), QStringLiteral("01:00")},
                                                         {QStringLiteral("days"), qlonglong(5)}}});
    QTest::newRow("deep") << QStringLiteral("a/b/c/d") << QVariant(QStringLiteral("deep value"));
}

void TestWorkspace::tenantPolicy()
{
    QFETCH(QString, keyPath);
    QFETCH(QVariant, expected);

    const QByteArray yaml = "databases: {orders: /srv/orders.db}\n"
                            "backup:\n"
                            "  tenant_backup_policy:\n"
                            "    default_tier: silver\n"
                            "    tiers:\n"
                            "      gold: {retention_days: 90, offsite: true}\n"
                            "      silver: {retention_days: 30, offsite: no, ratio: 0.5}\n"
                            "    exempt_tenants: [acme, \"globex\", 42]\n"
                            "    quoted_number: \"007\"\n"
                            "    quoted_bool: 'yes'\n"
                            "    nothing: ~\n"
                            "    windows:\n"
                            "      - {start: \"01:00\", days: 5}\n"
                            "    a: {b: {c: {d: deep value}}}\n";
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    const QVariant actual = lookup(ws->defaults().tenantBackupPolicy, keyPath);
    QCOMPARE(actual.typeId(), expected.typeId());
    QCOMPARE(actual, expected);
}

void TestWorkspace::defaults_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("compression");
    QTest::addColumn<int>("level");

    QTest::newRow("nothing set") << QByteArray("databases: {a: /a.db}\n") << QStringLiteral("zstd") << 3;
    QTest::newRow("zstd 9") << QByteArray("defaults: {compression: zstd, level: 9}\n") << QStringLiteral("zstd") << 9;
    QTest::newRow("level only") << QByteArray("defaults: {level: 12}\n") << QStringLiteral("zstd") << 12;
    QTest::newRow("gzip takes its own default level") << QByteArray("defaults: {compression: gzip}\n")
                                                      << QStringLiteral("gzip") << 6;
    QTest::newRow("none takes level 0") << QByteArray("defaults: {compression: none}\n") << QStringLiteral("none")
                                        << 0;
    QTest::newRow("upper case codec") << QByteArray("defaults: {compression: GZIP, level: 1}\n")
                                      << QStringLiteral("gzip") << 1;
    QTest::newRow("runbook backup.compression") << QByteArray("backup: {compression: gzip, level: 9}\n")
                                                << QStringLiteral("gzip") << 9;
    QTest::newRow("defaults win over backup")
        << QByteArray("backup: {compression: gzip, level: 2}\ndefaults: {compression: zstd, level: 7}\n")
        << QStringLiteral("zstd") << 7;
}

void TestWorkspace::defaults()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, compression);
    QFETCH(int, level);

    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(ws->defaults().compression, compression);
    QCOMPARE(ws->defaults().level, level);
}

void TestWorkspace::group_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("two, in file order") << QStringLiteral("acme")
                                        << QStringList{QStringLiteral("zeta"), QStringLiteral("alpha")};
    QTest::newRow("one") << QStringLiteral("globex") << QStringList{QStringLiteral("beta")};
    QTest::newRow("unknown group") << QStringLiteral("initech") << QStringList();
    QTest::newRow("case matters") << QStringLiteral("ACME") << QStringList();
    QTest::newRow("ungrouped") << QString() << QStringList{QStringLiteral("gamma")};
}

void TestWorkspace::group()
{
    QFETCH(QString, group);
    QFETCH(QStringList, expected);

    const QByteArray yaml = "databases:\n"
                            "  - {name: zeta, path: /z.db, group: acme}\n"
                            "  - {name: beta, path: /b.db, group: globex}\n"
                            "  - {name: gamma, path: /g.db}\n"
                            "  - {name: alpha, path: /a.db, group: acme}\n";
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(names(ws->group(group)), expected);
}

void TestWorkspace::lookups()
{
    const auto ws = Workspace::parse("repositories: {local: /r}\ndatabases: {orders: /o.db}\n", kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QVERIFY(ws->database(QStringLiteral("orders")));
    QCOMPARE(ws->database(QStringLiteral("orders"))->path, QStringLiteral("/o.db"));
    QVERIFY(!ws->database(QStringLiteral("Orders")));
    QVERIFY(!ws->database(QStringLiteral("missing")));
    QVERIFY(ws->repository(QStringLiteral("local")));
    QVERIFY(!ws->repository(QStringLiteral("remote")));
}

void TestWorkspace::emptyWorkspace_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank lines") << QByteArray("\n\n   \n");
    QTest::newRow("comments only") << QByteArray("# nothing here yet\n");
    QTest::newRow("document marker") << QByteArray("---\n");
    QTest::newRow("empty sections") << QByteArray("databases:\nrepositories:\nbackup:\ndefaults:\nretention:\n");
}

void TestWorkspace::emptyWorkspace()
{
    QFETCH(QByteArray, yaml);
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QVERIFY(ws->databases().isEmpty());
    QVERIFY(ws->repositories().isEmpty());
    QVERIFY(!ws->defaultRepository());
    QCOMPARE(ws->defaults().compression, QStringLiteral("zstd"));
    QCOMPARE(ws->defaults().level, 3);
    QVERIFY(ws->retention().isEmpty());
}

void TestWorkspace::unknownKeysIgnored()
{
    const QByteArray yaml = "owner: platform-team\n"
                            "alerts: {slack: '#db-ops'}\n"
                            "databases:\n"
                            "  - {name: orders, path: /o.db, owner: alice, tags: [hot]}\n"
                            "backup:\n"
                            "  s3_bucket: old-backups\n"
                            "  retention_days: 7\n";
    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(names(ws->databases()), QStringList{QStringLiteral("orders")});
    QCOMPARE(ws->defaults().retentionDays, std::optional<int>(7));
}

void TestWorkspace::resolvePath_data()
{
    QTest::addColumn<QString>("override");
    QTest::addColumn<bool>("envSet");
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<QString>("expected");

    const QString xdgDefault = QStringLiteral("/tmp/coffer-xdg-test/coffer/workspace.yaml");
    QTest::newRow("override beats env") << QStringLiteral("/cli/ws.yaml") << true << QStringLiteral("/env/ws.yaml")
                                        << QStringLiteral("/cli/ws.yaml");
    QTest::newRow("override without env") << QStringLiteral("/cli/ws.yaml") << false << QString()
                                          << QStringLiteral("/cli/ws.yaml");
    QTest::newRow("env beats default") << QString() << true << QStringLiteral("/env/ws.yaml")
                                       << QStringLiteral("/env/ws.yaml");
    QTest::newRow("default") << QString() << false << QString() << xdgDefault;
    QTest::newRow("empty env is unset") << QString() << true << QString() << xdgDefault;
}

void TestWorkspace::resolvePath()
{
    QFETCH(QString, override);
    QFETCH(bool, envSet);
    QFETCH(QString, envValue);
    QFETCH(QString, expected);

    EnvGuard workspaceGuard("COFFER_WORKSPACE");
    EnvGuard xdgGuard("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", "/tmp/coffer-xdg-test");
    if (envSet)
        qputenv("COFFER_WORKSPACE", envValue.toLocal8Bit());
    else
        qunsetenv("COFFER_WORKSPACE");

    QCOMPARE(Workspace::resolvePath(override), expected);
}

void TestWorkspace::loadResolvesAgainstFileFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("team/workspace.yaml"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("team"))));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("repositories: {local: ./repo}\ndatabases: {orders: data/orders.db}\n");
    file.close();

    // Relative to the workspace file, not to the current directory.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QDir::tempPath()));
    const auto ws = Workspace::load(path);
    QDir::setCurrent(previous);

    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(ws->filePath(), path);
    QCOMPARE(ws->defaultRepository()->path, dir.filePath(QStringLiteral("team/repo")));
    QCOMPARE(ws->database(QStringLiteral("orders"))->path, dir.filePath(QStringLiteral("team/data/orders.db")));
}

void TestWorkspace::loadErrors_data()
{
    QTest::addColumn<QString>("fileName"); // created inside a temporary folder
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("mustContain");

    QTest::newRow("missing file") << QStringLiteral("absent.yaml") << QByteArray()
                                  << int(ErrorCode::NotFound)
                                  << QStringList{QStringLiteral("absent.yaml"), QStringLiteral("--workspace"),
                                                 QStringLiteral("COFFER_WORKSPACE")};
    QTest::newRow("a folder") << QStringLiteral("folder") << QByteArray() << int(ErrorCode::InvalidArgument)
                              << QStringList{QStringLiteral("folder"), QStringLiteral("YAML file")};
    QTest::newRow("a database") << QStringLiteral("orders.db")
                                << QByteArray("SQLite format 3\0\x10\0\x01\x01", 20)
                                << int(ErrorCode::InvalidArgument)
                                << QStringList{QStringLiteral("orders.db"), QStringLiteral("SQLite database")};
    QTest::newRow("binary") << QStringLiteral("blob.bin") << QByteArray("ab\0cd", 5)
                            << int(ErrorCode::InvalidArgument)
                            << QStringList{QStringLiteral("blob.bin"), QStringLiteral("binary")};
    QTest::newRow("bad content names the file and line")
        << QStringLiteral("ws.yaml") << QByteArray("databases:\n  - name: orders\n")
        << int(ErrorCode::InvalidArgument)
        << QStringList{QStringLiteral("ws.yaml:2:"), QStringLiteral("orders")};
}

void TestWorkspace::loadErrors()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contents);
    QFETCH(int, code);
    QFETCH(QStringList, mustContain);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(fileName);
    if (fileName == QLatin1String("folder")) {
        QVERIFY(QDir().mkpath(path));
    } else if (!contents.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(contents), contents.size());
    }

    const auto ws = Workspace::load(path);
    QVERIFY(!ws);
    QCOMPARE(int(ws.error().code), code);
    for (const QString &part : mustContain)
        QVERIFY2(ws.error().message.contains(part), qPrintable(ws.error().message));
}

void TestWorkspace::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<QString>("mustNotContain");

    const auto invalid = int(ErrorCode::InvalidArgument);
    const auto at = [](int line) { return kWsPath + QStringLiteral(":%1:").arg(line); };

    QTest::newRow("YAML syntax") << QByteArray("databases: [orders\n") << invalid
                                 << QStringList{kWsPath, QStringLiteral("not valid YAML")} << QString();
    QTest::newRow("tab indentation") << QByteArray("databases:\n\t- name: a\n") << invalid
                                     << QStringList{at(2), QStringLiteral("not valid YAML")} << QString();
    QTest::newRow("top level is a list") << QByteArray("- orders\n- users\n") << invalid
                                         << QStringList{kWsPath, QStringLiteral("mapping")} << QString();
    QTest::newRow("database without name") << QByteArray("databases:\n  - path: /a.db\n") << invalid
                                           << QStringList{at(2), QStringLiteral("no name")} << QString();
    QTest::newRow("database with empty name") << QByteArray("databases:\n  - {name: '', path: /a.db}\n") << invalid
                                              << QStringList{at(2), QStringLiteral("no name")} << QString();
    QTest::newRow("database without path (list)") << QByteArray("databases:\n  - name: orders\n") << invalid
                                                  << QStringList{at(2), QStringLiteral("'orders' has no path")}
                                                  << QString();
    QTest::newRow("database without path (map)") << QByteArray("databases:\n  x: /x.db\n  orders:\n") << invalid
                                                 << QStringList{at(3), QStringLiteral("'orders' has no path")}
                                                 << QString();
    QTest::newRow("database with empty path") << QByteArray("databases:\n  - {name: orders, path: \"\"}\n")
                                              << invalid << QStringList{at(2), QStringLiteral("'orders' has no path")}
                                              << QString();
    QTest::newRow("database entry not a mapping") << QByteArray("databases:\n  - /srv/orders.db\n") << invalid
                                                  << QStringList{at(2), QStringLiteral("name:")} << QString();
    QTest::newRow("databases is a scalar") << QByteArray("databases: orders\n") << invalid
                                           << QStringList{at(1), QStringLiteral("databases")} << QString();
    QTest::newRow("duplicate database (list)")
        << QByteArray("databases:\n  - {name: orders, path: /a.db}\n  - {name: orders, path: /b.db}\n") << invalid
        << QStringList{at(3), QStringLiteral("'orders' is listed twice")} << QString();
    QTest::newRow("names are not format strings")
        << QByteArray("databases:\n  - {name: 'a%1b', path: /a.db}\n  - {name: 'a%1b', path: /b.db}\n") << invalid
        << QStringList{at(3), QStringLiteral("'a%1b' is listed twice")} << QString();
    QTest::newRow("duplicate database (map)") << QByteArray("databases:\n  orders: /a.db\n  orders: /b.db\n")
                                              << invalid
                                              << QStringList{at(3), QStringLiteral("duplicate key 'orders'")}
                                              << QString();
    QTest::newRow("duplicate top-level key") << QByteArray("databases: {a: /a.db}\ndatabases: {b: /b.db}\n")
                                             << invalid << QStringList{at(2), QStringLiteral("'databases'")}
                                             << QString();
    QTest::newRow("unsafe database name") << QByteArray("databases:\n  - {name: ../etc, path: /a.db}\n") << invalid
                                          << QStringList{at(2), QStringLiteral("'../etc'")} << QString();
    QTest::newRow("unsupported engine")
        << QByteArray("databases:\n  - name: orders\n    engine: postgres\n    path: /a.db\n")
        << int(ErrorCode::UnsupportedFormat)
        << QStringList{at(3), QStringLiteral("'orders'"), QStringLiteral("postgres")} << QString();
    QTest::newRow("duplicate repository")
        << QByteArray("repositories:\n  - {name: local, path: /r1}\n  - {name: local, path: /r2}\n") << invalid
        << QStringList{at(3), QStringLiteral("'local' is listed twice")} << QString();
    QTest::newRow("two default repositories")
        << QByteArray("repositories:\n  a: {path: /a, default: true}\n  b: {path: /b, default: true}\n") << invalid
        << QStringList{at(3), QStringLiteral("'a'"), QStringLiteral("'b'")} << QString();
    QTest::newRow("repository without path") << QByteArray("repositories:\n  - name: local\n") << invalid
                                             << QStringList{at(2), QStringLiteral("'local' has no path")}
                                             << QString();
    QTest::newRow("repository default not a bool")
        << QByteArray("repositories:\n  - {name: local, path: /r, default: maybe}\n") << invalid
        << QStringList{at(2), QStringLiteral("'local'"), QStringLiteral("maybe")} << QString();
    QTest::newRow("schedule for unknown database")
        << QByteArray("databases: {orders: /a.db}\nbackup:\n  schedules:\n    invoices: {interval_hours: 6}\n")
        << invalid << QStringList{at(4), QStringLiteral("'invoices'")} << QString();
    QTest::newRow("interval_hours not a number")
        << QByteArray("databases: {orders: /a.db}\nbackup:\n  schedules:\n    orders:\n      interval_hours: six\n")
        << invalid << QStringList{at(5), QStringLiteral("interval_hours"), QStringLiteral("'orders'"),
                                  QStringLiteral("six")}
        << QString();
    QTest::newRow("interval_hours zero")
        << QByteArray("databases: {orders: /a.db}\nbackup: {schedules: {orders: {interval_hours: 0}}}\n") << invalid
        << QStringList{at(2), QStringLiteral("interval_hours"), QStringLiteral("'orders'")} << QString();
    QTest::newRow("interval_hours empty")
        << QByteArray("databases: {orders: /a.db}\nbackup:\n  schedules:\n    orders:\n      interval_hours:\n")
        << invalid
        << QStringList{at(5), QStringLiteral("interval_hours"), QStringLiteral("'orders'"), QStringLiteral("empty")}
        << QString();
    QTest::newRow("retain_count fractional")
        << QByteArray("databases: {orders: /a.db}\nbackup:\n  schedules:\n    orders: {retain_count: 2.5}\n")
        << invalid << QStringList{at(4), QStringLiteral("retain_count"), QStringLiteral("'orders'")} << QString();
    QTest::newRow("schedule not a mapping")
        << QByteArray("databases: {orders: /a.db}\nbackup:\n  schedules:\n    orders: 6\n") << invalid
        << QStringList{at(4), QStringLiteral("'orders'")} << QString();
    QTest::newRow("retention_days not a number") << QByteArray("backup:\n  retention_days: thirty\n") << invalid
                                                 << QStringList{at(2), QStringLiteral("retention_days"),
                                                                QStringLiteral("thirty")}
                                                 << QString();
    QTest::newRow("retention_days zero") << QByteArray("backup:\n  retention_days: 0\n") << invalid
                                         << QStringList{at(2), QStringLiteral("retention_days")} << QString();
    QTest::newRow("encryption.enabled not a bool") << QByteArray("backup:\n  encryption: {enabled: perhaps}\n")
                                                   << invalid
                                                   << QStringList{at(2), QStringLiteral("enabled"),
                                                                  QStringLiteral("perhaps")}
                                                   << QString();
    QTest::newRow("key pasted into key_env_var")
        << QByteArray("backup:\n  encryption:\n    enabled: true\n    key_env_var: \"hunter2 correct horse\"\n")
        << invalid << QStringList{at(4), QStringLiteral("key_env_var")} << QStringLiteral("hunter2");
    QTest::newRow("recipients not a list")
        << QByteArray("backup:\n  encryption:\n    recipients: coffer-p384:AAAA\n") << invalid
        << QStringList{ at(3), QStringLiteral("recipients"), QStringLiteral("list") } << QString();
    QTest::newRow("recipient damaged")
        << QByteArray("backup:\n  encryption:\n    recipients:\n      - coffer-p384:A5x\n") << invalid
        << QStringList{ at(4), QStringLiteral("recipients entry 1"), QStringLiteral("damaged") } << QString();
    QTest::newRow("empty recipient") << QByteArray(
        "backup:\n  encryption:\n    recipients:\n      - \"\"\n      - coffer-p384:A\n")
                                     << invalid << QStringList{ at(4), QStringLiteral("recipients entry 1 is empty") }
                                     << QString();
    QTest::newRow("passphrase pasted as a recipient")
        << QByteArray("backup:\n  encryption:\n    recipients:\n      - correct horse battery\n") << invalid
        << QStringList{ at(4), QStringLiteral("recipients entry 1 is not a public key"),
               QStringLiteral("coffer-p384:") }
        << QStringLiteral("horse");
    QTest::newRow("recipient a mapping")
        << QByteArray("backup:\n  encryption:\n    recipients:\n      - {key: coffer-p384:A}\n") << invalid
        << QStringList{ at(4), QStringLiteral("recipients entry 1"), QStringLiteral("single value") } << QString();
    QTest::newRow("tenant policy not a mapping") << QByteArray("backup:\n  tenant_backup_policy: [a, b]\n")
                                                 << invalid
                                                 << QStringList{at(2), QStringLiteral("tenant_backup_policy")}
                                                 << QString();
    QTest::newRow("retention: unknown key in a policy")
        << QByteArray("databases: {orders: /a.db}\nretention:\n  default:\n    keep_daily: 7\n    keep_dayly: 7\n")
        << invalid
        << QStringList{ at(5), QStringLiteral("unknown key 'keep_dayly'"), QStringLiteral("retention.default"),
               QStringLiteral("keep_last, keep_hourly, keep_daily"), QStringLiteral("max_size_gb") }
        << QString();
    QTest::newRow("retention: unknown key in a database policy")
        << QByteArray("databases: {orders: /a.db}\nretention:\n  databases:\n    orders:\n      keep: 3\n") << invalid
        << QStringList{ at(5), QStringLiteral("'keep'"), QStringLiteral("retention.databases.orders") } << QString();
    QTest::newRow("retention: unknown key in the section")
        << QByteArray("databases: {orders: /a.db}\nretention:\n  databses: {orders: {keep_last: 3}}\n") << invalid
        << QStringList{ at(3), QStringLiteral("'databses'"), QStringLiteral("timezone, default, groups, databases") }
        << QString();
    QTest::newRow("retention: keep_daily 0")
        << QByteArray("retention:\n  default:\n    keep_daily: 0\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.default.keep_daily"), QStringLiteral("at least 1") }
        << QString();
    QTest::newRow("retention: keep_last fractional")
        << QByteArray("retention:\n  groups:\n    acme: {keep_last: 2.5}\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.groups.acme.keep_last"), QStringLiteral("2.5") } << QString();
    QTest::newRow("retention: retain_count 0")
        << QByteArray("databases: {orders: /a.db}\nretention:\n  databases:\n    orders: {retain_count: 0}\n")
        << invalid << QStringList{ at(4), QStringLiteral("retention.databases.orders.retain_count") } << QString();
    QTest::newRow("retention: keep_within 7x")
        << QByteArray("retention:\n  default:\n    keep_within: 7x\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.default.keep_within"), QStringLiteral("'7x'") } << QString();
    QTest::newRow("retention: keep_within zero")
        << QByteArray("retention:\n  default:\n    keep_within: 0d\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.default.keep_within") } << QString();
    QTest::newRow("retention: keep_within empty")
        << QByteArray("retention:\n  default:\n    keep_within:\n    keep_last: 3\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.default.keep_within"), QStringLiteral("empty") } << QString();
    QTest::newRow("retention: max_size_gb -1")
        << QByteArray("retention:\n  default:\n    max_size_gb: -1\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.default.max_size_gb"), QStringLiteral("greater than 0") }
        << QString();
    QTest::newRow("retention: max_size_gb not a number")
        << QByteArray("retention:\n  default:\n    max_size_gb: lots\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.default.max_size_gb"), QStringLiteral("lots") } << QString();
    QTest::newRow("retention: min_count 0")
        << QByteArray("retention:\n  default:\n    min_count: 0\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.default.min_count"), QStringLiteral("at least 1") }
        << QString();
    QTest::newRow("retention: unknown time zone")
        << QByteArray("retention:\n  timezone: Mars/Olympus\n") << invalid
        << QStringList{ at(2), QStringLiteral("retention.timezone"), QStringLiteral("'Mars/Olympus'") } << QString();
    QTest::newRow("retention: unknown database")
        << QByteArray("databases: {orders: /a.db}\nretention:\n  databases:\n    orders: {keep_last: 3}\n"
                      "    invoices: {keep_last: 3}\n")
        << invalid << QStringList{ at(5), QStringLiteral("'invoices'"), QStringLiteral("`databases:`") } << QString();
    QTest::newRow("retention: group policy not a mapping")
        << QByteArray("retention:\n  groups:\n    acme: 7\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.groups.acme"), QStringLiteral("mapping") } << QString();
    QTest::newRow("retention: group policy empty")
        << QByteArray("retention:\n  groups:\n    acme:\n    globex: {keep_last: 1}\n") << invalid
        << QStringList{ at(3), QStringLiteral("retention.groups.acme"), QStringLiteral("mapping") } << QString();
    QTest::newRow("retention: default a list")
        << QByteArray("retention:\n  default: [keep_daily, 7]\n") << invalid
        << QStringList{ at(2), QStringLiteral("retention.default"), QStringLiteral("mapping") } << QString();
    QTest::newRow("retention: groups a list") << QByteArray("retention:\n  groups: [acme]\n") << invalid
                                              << QStringList{ at(2), QStringLiteral("retention.groups") } << QString();
    QTest::newRow("retention: a scalar") << QByteArray("retention: 30\n") << invalid
                                         << QStringList{ at(1), QStringLiteral("`retention:`") } << QString();
    QTest::newRow("retention: duplicate policy key")
        << QByteArray("retention:\n  default:\n    keep_last: 3\n    keep_last: 30\n") << invalid
        << QStringList{ at(4), QStringLiteral("duplicate key 'keep_last'") } << QString();
    QTest::newRow("level not an int") << QByteArray("defaults:\n  level: fast\n") << invalid
                                      << QStringList{at(2), QStringLiteral("level"), QStringLiteral("fast")}
                                      << QString();
    QTest::newRow("level fractional") << QByteArray("defaults:\n  level: 3.5\n") << invalid
                                      << QStringList{at(2), QStringLiteral("level"), QStringLiteral("3.5")}
                                      << QString();
    QTest::newRow("level out of range for codec") << QByteArray("defaults:\n  compression: gzip\n  level: 12\n")
                                                  << invalid
                                                  << QStringList{at(3), QStringLiteral("12"), QStringLiteral("gzip")}
                                                  << QString();
    QTest::newRow("unknown compression") << QByteArray("defaults:\n  compression: lz4\n") << invalid
                                         << QStringList{at(2), QStringLiteral("'lz4'")} << QString();
    QTest::newRow("backup.level not an int") << QByteArray("backup:\n  level: high\n") << invalid
                                             << QStringList{at(2), QStringLiteral("backup.level"),
                                                            QStringLiteral("high")}
                                             << QString();
    QTest::newRow("newer format version") << QByteArray("version: 2\n") << int(ErrorCode::UnsupportedFormat)
                                          << QStringList{at(1), QStringLiteral("2"), QStringLiteral("upgrade")}
                                          << QString();
    QTest::newRow("alias cycle") << QByteArray("backup:\n  tenant_backup_policy: &a {x: *a}\n") << invalid
                                 << QStringList{kWsPath, QStringLiteral("deeper")} << QString();
}

void TestWorkspace::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, code);
    QFETCH(QStringList, mustContain);
    QFETCH(QString, mustNotContain);

    const auto ws = Workspace::parse(yaml, kWsPath);
    QVERIFY2(!ws, "parse accepted an invalid workspace");
    const QString message = ws.error().message;
    QVERIFY2(int(ws.error().code) == code, qPrintable(ws.error().codeName() + QStringLiteral(": ") + message));
    for (const QString &part : mustContain)
        QVERIFY2(message.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, message)));
    if (!mustNotContain.isEmpty())
        QVERIFY2(!message.contains(mustNotContain) && !ws.error().detail.contains(mustNotContain),
                 qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), "messages are one line");
}

void TestWorkspace::hostileInputNeverThrows_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("deep nesting") << QByteArray(5000, '[');
    QTest::newRow("deep mappings") << QByteArray("a: ").repeated(1) + QByteArray("{b: ").repeated(3000);
    QTest::newRow("unterminated quote") << QByteArray("databases: {orders: \"/srv/o.db}\n");
    QTest::newRow("undefined alias") << QByteArray("databases: *nope\n");
    QTest::newRow("nul bytes") << QByteArray("databases:\0\0\0 [", 15);
    QTest::newRow("bad utf-8") << QByteArray("databases: {\xff\xfe: /a.db}\n");
    QTest::newRow("mapping as key") << QByteArray("databases: {? {a: 1} : /a.db}\n");
    QTest::newRow("list as name") << QByteArray("databases:\n  - {name: [a, b], path: /a.db}\n");
}

void TestWorkspace::hostileInputNeverThrows()
{
    QFETCH(QByteArray, yaml);
    Result<Workspace> ws = Workspace::parse(QByteArray(), kWsPath);
    try {
        ws = Workspace::parse(yaml, kWsPath);
    } catch (...) {
        QFAIL("an exception escaped Workspace::parse");
    }
    if (!ws) {
        QVERIFY(!ws.error().message.isEmpty());
        QVERIFY(ws.error().code != ErrorCode::Internal);
    }
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
