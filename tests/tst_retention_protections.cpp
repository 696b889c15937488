// What survives a prune whatever the rules say (pins, the newest verified backup, the minimum
// count, safety backups), size caps per database, group and repository, layered policies across
// databases, deterministic ties, refused policies and the per-database summaries.
#include "RetentionScenario.h"

#include <QtTest>

// Policies are written with designated initializers naming only the rules a case sets; GCC 12
// warns about the omitted members, which are meant to stay empty optionals.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace coffer;
using namespace testsupport::retention;
using namespace Qt::StringLiterals;

class RetentionProtectionsTest final : public QObject
{
    Q_OBJECT

private slots:
    void protections_data();
    void protections() { checkScenario(); }
    void sizeCaps_data();
    void sizeCaps() { checkScenario(); }
    void databasesAndTies_data();
    void databasesAndTies() { checkScenario(); }
    void refused_data();
    void refused();
    void summaries();
};

void RetentionProtectionsTest::protections_data()
{
    addScenarioColumns();
    const QStringList allOld{ u"2026-10-01T00:00"_s, u"2026-09-01T00:00"_s, u"2026-08-01T00:00"_s };
    QTest::newRow("pinned survives retention-days")
        << policySet(RetentionPolicy{ .retentionDays = 30, .minCount = 0 })
        << QStringList{ u"2026-11-19T00:00"_s, u"2026-09-01T00:00 pinned"_s, u"2026-08-01T00:00"_s }
        << QStringList{ u"2026-11-19T00:00 kept: within 30 days"_s, u"2026-09-01T00:00 kept: pinned"_s,
               u"2026-08-01T00:00 deleted: older than 30 days"_s }
        << QStringList{};
    QTest::newRow("newest verified survives")
        << policySet(RetentionPolicy{ .keepLast = 2, .minCount = 0 })
        << QStringList{ u"2026-11-20T00:00"_s, u"2026-11-19T00:00"_s, u"2026-11-18T00:00 verified"_s,
               u"2026-11-17T00:00 verified"_s }
        << QStringList{ u"2026-11-20T00:00 kept: last 2"_s, u"2026-11-19T00:00 kept: last 2"_s,
               u"2026-11-18T00:00 kept: newest verified"_s, u"2026-11-17T00:00 deleted: not among the last 2"_s }
        << QStringList{};
    QTest::newRow("min-count when every backup is too old")
        << policySet(RetentionPolicy{ .retentionDays = 30, .minCount = 2 }) << allOld
        << QStringList{ u"2026-10-01T00:00 kept: minimum count 2"_s, u"2026-09-01T00:00 kept: minimum count 2"_s,
               u"2026-08-01T00:00 deleted: older than 30 days"_s }
        << QStringList{};
    QTest::newRow("default min-count is 1")
        << policySet(RetentionPolicy{ .retentionDays = 30 }) << allOld
        << QStringList{ u"2026-10-01T00:00 kept: minimum count 1"_s, u"2026-09-01T00:00 deleted: older than 30 days"_s,
               u"2026-08-01T00:00 deleted: older than 30 days"_s }
        << QStringList{};
    QTest::newRow("min-count 0 still leaves the last backup")
        << policySet(RetentionPolicy{ .retentionDays = 30, .minCount = 0 }) << allOld
        << QStringList{ u"2026-10-01T00:00 kept: the last backup of its database"_s,
               u"2026-09-01T00:00 deleted: older than 30 days"_s, u"2026-08-01T00:00 deleted: older than 30 days"_s }
        << QStringList{};
    QTest::newRow("safety backups until expiry, outside keep-last")
        << policySet(RetentionPolicy{ .keepLast = 1, .minCount = 0 })
        << QStringList{ u"2026-11-20T06:00 safety=2026-12-01T00:00"_s, u"2026-11-20T00:00"_s, u"2026-11-15T00:00"_s,
               u"2026-10-01T00:00 safety=2026-11-01T00:00"_s, u"2026-09-01T00:00 safety=2026-10-01T00:00 pinned"_s,
               u"2026-08-01T00:00 safety=2026-12-01T00:00 pinned"_s }
        << QStringList{ u"2026-11-20T06:00 kept: safety backup until 2026-12-01"_s, u"2026-11-20T00:00 kept: last 1"_s,
               u"2026-11-15T00:00 deleted: not among the last 1"_s,
               u"2026-10-01T00:00 deleted: safety backup expired 2026-11-01"_s, u"2026-09-01T00:00 kept: pinned"_s,
               u"2026-08-01T00:00 kept: safety backup until 2026-12-01, pinned"_s }
        << QStringList{};
    QTest::newRow("safety without expiry is ordinary")
        << policySet(RetentionPolicy{ .keepLast = 1, .minCount = 0 })
        << QStringList{ u"2026-11-20T06:00 trigger=safety"_s, u"2026-11-20T00:00"_s }
        << QStringList{ u"2026-11-20T06:00 kept: last 1"_s, u"2026-11-20T00:00 deleted: not among the last 1"_s }
        << QStringList{};
    // The expiry date is the policy zone's: 23:30 UTC on 30 November is 1 December in Berlin.
    QTest::newRow("safety neither minimum count nor newest verified")
        << policySet(RetentionPolicy{ .retentionDays = 30 }, u"Europe/Berlin"_s)
        << QStringList{ u"2026-10-02T00:00 safety=2026-11-30T23:30 verified"_s, u"2026-10-01T00:00"_s,
               u"2026-09-01T00:00 verified"_s, u"2026-08-01T00:00"_s }
        << QStringList{ u"2026-10-02T00:00 kept: safety backup until 2026-12-01"_s,
               u"2026-10-01T00:00 kept: minimum count 1"_s, u"2026-09-01T00:00 kept: newest verified"_s,
               u"2026-08-01T00:00 deleted: older than 30 days"_s }
        << QStringList{};
}

void RetentionProtectionsTest::sizeCaps_data()
{
    addScenarioColumns();
    const QString protectedRest
        = u"the rest are protected (pinned, newest verified, minimum count or unexpired safety backups)"_s;
    const auto withDatabaseCap = [](double gb, std::optional<int> minCount = {}) {
        RetentionPolicySet set = policySet(RetentionPolicy{ .keepLast = 10, .minCount = minCount });
        set.databases[QStringLiteral("orders")] = { .maxSizeGb = gb };
        return set;
    };
    QTest::newRow("database cap") << withDatabaseCap(3)
                                  << QStringList{ u"2026-11-20T00:00"_s, u"2026-11-19T00:00"_s, u"2026-11-18T00:00"_s,
                                         u"2026-11-17T00:00"_s, u"2026-11-16T00:00"_s }
                                  << QStringList{ u"2026-11-20T00:00 kept: last 10, minimum count 1"_s,
                                         u"2026-11-19T00:00 kept: last 10"_s, u"2026-11-18T00:00 kept: last 10"_s,
                                         u"2026-11-17T00:00 deleted: over the 3 GB size limit of database orders"_s,
                                         u"2026-11-16T00:00 deleted: over the 3 GB size limit of database orders"_s }
                                  << QStringList{};
    QTest::newRow("oldest unprotected first")
        << withDatabaseCap(2)
        << QStringList{ u"2026-11-20T00:00"_s, u"2026-11-19T00:00"_s, u"2026-11-18T00:00"_s, u"2026-11-17T00:00"_s,
               u"2026-11-16T00:00 pinned"_s }
        << QStringList{ u"2026-11-20T00:00 kept: last 10, minimum count 1"_s,
               u"2026-11-19T00:00 deleted: over the 2 GB size limit of "_s
               u"database orders"_s,
               u"2026-11-18T00:00 deleted: over the 2 GB size limit of "_s
               u"database orders"_s,
               u"2026-11-17T00:00 deleted: over the 2 GB size limit of "_s
               u"database orders"_s,
               u"2026-11-16T00:00 kept: last 10, pinned"_s }
        << QStringList{};
    QTest::newRow("protected backups over the cap")
        << withDatabaseCap(2)
        << QStringList{ u"2026-11-20T00:00"_s, u"2026-11-19T00:00"_s, u"2026-11-18T00:00 verified"_s,
               u"2026-11-17T00:00 pinned"_s }
        << QStringList{ u"2026-11-20T00:00 kept: last 10, minimum count 1"_s,
               u"2026-11-19T00:00 deleted: over the 2 GB size limit of database orders"_s,
               u"2026-11-18T00:00 kept: last 10, newest verified"_s, u"2026-11-17T00:00 kept: last 10, pinned"_s }
        << QStringList{ u"the backups of database orders total 3 GB after the prune, over its 2 GB limit: "_s
               + protectedRest };
    QTest::newRow("unexpired safety backup is protected")
        << withDatabaseCap(1, 0) << QStringList{ u"2026-11-20T00:00"_s, u"2026-11-19T00:00 safety=2026-12-01T00:00"_s }
        << QStringList{ u"2026-11-20T00:00 deleted: over the 1 GB size limit of database orders"_s,
               u"2026-11-19T00:00 kept: safety backup until 2026-12-01"_s }
        << QStringList{};

    RetentionPolicySet group = policySet(RetentionPolicy{ .keepLast = 10, .minCount = 0 });
    group.groups[QStringLiteral("acme")] = { .maxSizeGb = 2 };
    QTest::newRow("group cap across databases")
        << group
        << QStringList{ u"2026-11-20T00:00 db=a1 group=acme id=a1-new"_s,
               u"2026-11-19T00:00 db=a2 group=acme id=a2-new"_s, u"2026-11-18T00:00 db=a1 group=acme id=a1-old"_s,
               u"2026-11-17T00:00 db=a2 group=acme id=a2-old"_s, u"2026-11-10T00:00 db=b1 group=other id=b1-old"_s }
        << QStringList{ u"a1-new kept: last 10"_s, u"a1-old deleted: over the 2 GB size limit of group acme"_s,
               u"a2-new kept: last 10"_s, u"a2-old deleted: over the 2 GB size limit of group acme"_s,
               u"b1-old kept: last 10"_s }
        << QStringList{};
    QTest::newRow("repository cap over protected backups")
        << policySet(RetentionPolicy{ .keepLast = 10, .maxSizeGb = 5 })
        << QStringList{ u"2026-11-20T00:00 db=x id=x-new gb=3.1"_s, u"2026-11-19T00:00 db=y id=y-new gb=3.1"_s,
               u"2026-11-11T00:00 db=y id=y-old"_s, u"2026-11-10T00:00 db=x id=x-old"_s }
        << QStringList{ u"x-new kept: last 10, minimum count 1"_s,
               u"x-old deleted: over the 5 GB size limit of the repository"_s,
               u"y-new kept: last 10, minimum count 1"_s,
               u"y-old deleted: over the 5 GB size limit of the repository"_s }
        << QStringList{ u"the repository's backups total 6.2 GB after the prune, over its 5 GB limit: "_s
               + protectedRest };
    // Strictly oldest first: the small oldest one goes too, though the 1 GB one alone would do.
    QTest::newRow("cap alone: oldest go until it fits")
        << policySet(RetentionPolicy{ .maxSizeGb = 2.5, .minCount = 0 })
        << QStringList{ u"2026-11-20T00:00"_s, u"2026-11-19T00:00"_s, u"2026-11-18T00:00"_s,
               u"2026-11-17T00:00 gb=0.5"_s }
        << QStringList{ u"2026-11-20T00:00 kept: no keep rule; size limit only"_s,
               u"2026-11-19T00:00 kept: no keep rule; size limit only"_s,
               u"2026-11-18T00:00 deleted: over the 2.5 GB size limit of the repository"_s,
               u"2026-11-17T00:00 deleted: over the 2.5 GB size limit of the repository"_s }
        << QStringList{};
    RetentionPolicySet groupCapOnly;
    groupCapOnly.timeZone = QStringLiteral("UTC");
    groupCapOnly.groups[QStringLiteral("acme")] = { .maxSizeGb = 10 };
    QTest::newRow("group cap alone, under it")
        << groupCapOnly << QStringList{ u"2026-11-20T00:00 group=acme"_s, u"2026-11-01T00:00 group=acme"_s }
        << QStringList{ u"2026-11-20T00:00 kept: no keep rule; size limit only, minimum count 1"_s,
               u"2026-11-01T00:00 kept: no keep rule; size limit only"_s }
        << QStringList{};
    // The database cap runs first, then the repository's counts what is left.
    RetentionPolicySet nested = policySet(RetentionPolicy{ .keepLast = 10, .maxSizeGb = 3, .minCount = 0 });
    nested.databases[QStringLiteral("orders")] = { .maxSizeGb = 2 };
    QTest::newRow("database cap, then repository cap")
        << nested
        << QStringList{ u"2026-11-20T00:00 id=o20"_s, u"2026-11-19T00:00 id=o19"_s, u"2026-11-18T00:00 id=o18"_s,
               u"2026-11-17T00:00 db=logs id=l17"_s, u"2026-11-16T00:00 db=logs id=l16"_s }
        << QStringList{ u"l17 kept: last 10"_s, u"l16 deleted: over the 3 GB size limit of the repository"_s,
               u"o20 kept: last 10"_s, u"o19 kept: last 10"_s,
               u"o18 deleted: over the 2 GB size limit of database orders"_s }
        << QStringList{};
}

void RetentionProtectionsTest::databasesAndTies_data()
{
    addScenarioColumns();
    RetentionPolicySet layered = policySet(RetentionPolicy{ .keepLast = 1, .maxSizeGb = 100, .minCount = 0 });
    layered.groups[QStringLiteral("acme")] = { .keepLast = 2, .maxSizeGb = 0.5 };
    layered.databases[QStringLiteral("orders")] = { .keepLast = 3 };
    QStringList backups;
    for (const QString &db : { u"orders"_s, u"billing"_s, u"logs"_s }) {
        const QString group = db == QLatin1String("logs") ? QString() : QStringLiteral(" group=acme");
        for (int day = 20; day >= 17; --day)
            backups << QStringLiteral("2026-11-%1T00:00 db=%2 id=%2-%1%3").arg(day).arg(db, group);
    }
    // orders: its own keep-last 3; billing: acme's keep-last 2; logs: the default's 1. acme's
    // 0.5 GB cap is not inherited by its databases but applies to the group's total; it cannot
    // take a database's last backup (min-count 0 here, so only that guard keeps billing-20 and orders-20).
    const QString overAcme = QStringLiteral(" deleted: over the 0.5 GB size limit of group acme");
    QTest::newRow("database over group over default")
        << layered << backups
        << QStringList{ u"billing-20 kept: the last backup of its database"_s, u"billing-19"_s + overAcme,
               u"billing-18 deleted: not among the last 2"_s, u"billing-17 deleted: not among the last 2"_s,
               u"logs-20 kept: last 1"_s, u"logs-19 deleted: not among the last 1"_s,
               u"logs-18 deleted: not among the last 1"_s, u"logs-17 deleted: not among the last 1"_s,
               u"orders-20 kept: the last backup of its database"_s, u"orders-19"_s + overAcme, u"orders-18"_s + overAcme,
               u"orders-17 deleted: not among the last 3"_s }
        << QStringList{};

    // A database no rule speaks for is left alone, whatever another database's rules and cap say.
    RetentionPolicySet otherDatabase;
    otherDatabase.databases[QStringLiteral("logs")] = { .keepLast = 1, .maxSizeGb = 1 };
    QTest::newRow("a database without rules is kept")
        << otherDatabase
        << QStringList{ u"2026-11-20T00:00 db=orders id=orders-20"_s, u"2026-10-20T00:00 db=orders id=orders-10"_s,
               u"2026-11-20T00:00 db=logs id=logs-20"_s, u"2026-11-19T00:00 db=logs id=logs-19"_s }
        << QStringList{ u"logs-20 kept: last 1, minimum count 1"_s, u"logs-19 deleted: not among the last 1"_s,
               u"orders-20 kept: no retention rule for this database"_s,
               u"orders-10 kept: no retention rule for this database"_s }
        << QStringList{ u"database orders has no retention rules, so its 2 backup(s) are all kept"_s };

    RetentionPolicySet moved = policySet(RetentionPolicy{ .minCount = 0 });
    moved.groups[QStringLiteral("new")] = { .keepLast = 2 };
    moved.groups[QStringLiteral("old")] = { .keepLast = 1 };
    QTest::newRow("group of the newest backup")
        << moved
        << QStringList{ u"2026-11-20T00:00 group=new"_s, u"2026-11-19T00:00 group=old"_s,
               u"2026-11-18T00:00 group=old"_s }
        << QStringList{ u"2026-11-20T00:00 kept: last 2"_s, u"2026-11-19T00:00 kept: last 2"_s,
               u"2026-11-18T00:00 deleted: not among the last 2"_s }
        << QStringList{};
    const QStringList tied{ u"2026-11-20T00:00 id=b"_s, u"2026-11-20T00:00 id=c"_s, u"2026-11-20T00:00 id=a"_s };
    QTest::newRow("ties: larger id is newer")
        << policySet(RetentionPolicy{ .keepLast = 2, .keepDaily = 1, .minCount = 0 }) << tied
        << QStringList{ u"c kept: last 2, daily 2026-11-20"_s, u"b kept: last 2"_s,
               u"a deleted: not among the last 2, not the newest of its day"_s }
        << QStringList{};
    RetentionPolicySet tiedCap = policySet(RetentionPolicy{ .keepLast = 10, .maxSizeGb = 2, .minCount = 0 });
    QTest::newRow("ties under a cap: smaller id goes first")
        << tiedCap << tied
        << QStringList{ u"c kept: last 10"_s, u"b kept: last 10"_s,
               u"a deleted: over the 2 GB size limit of the repository"_s }
        << QStringList{};
}

void RetentionProtectionsTest::refused_data()
{
    QTest::addColumn<RetentionPolicySet>("policies");
    QTest::addColumn<QString>("message");
    const QString noRules
        = u"the retention policy has no rules; refusing to plan a prune that would delete every backup"_s;
    QTest::newRow("no policy") << RetentionPolicySet{} << noRules;
    QTest::newRow("min-count alone") << policySet(RetentionPolicy{ .minCount = 3 }) << noRules;
    QTest::newRow("keep-daily 0") << policySet(RetentionPolicy{ .keepDaily = 0 }) << u"keep-daily must be at least 1"_s;
    RetentionPolicySet invalidGroup = policySet(RetentionPolicy{ .keepLast = 1 });
    invalidGroup.groups[QStringLiteral("unused")] = { .maxSizeGb = -1 };
    QTest::newRow("invalid unused group") << invalidGroup << u"max-size-gb must be a positive number"_s;
    QTest::newRow("unknown time zone") << policySet(RetentionPolicy{ .keepLast = 1 }, u"Mars/Olympus"_s)
                                       << u"unknown time zone 'Mars/Olympus'"_s;
}

void RetentionProtectionsTest::refused()
{
    QFETCH(RetentionPolicySet, policies);
    QFETCH(QString, message);
    const auto plan = RetentionPlanner::plan({ backup(QStringLiteral("2026-11-20T00:00")) }, policies, kNow);
    QVERIFY2(!plan, "a plan was made");
    QCOMPARE(plan.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(plan.error().message, message);
}

void RetentionProtectionsTest::summaries()
{
    const QList<RetentionCandidate> backups{ backup(QStringLiteral("2026-11-20T00:00 id=o1 gb=1")),
        backup(QStringLiteral("2026-11-19T00:00 id=o2 gb=2")), backup(QStringLiteral("2026-11-18T00:00 id=o3 gb=3")),
        backup(QStringLiteral("2026-11-20T00:00 db=logs id=l1 gb=0.5")),
        backup(QStringLiteral("2026-11-19T00:00 db=logs id=l2 gb=0.25")) };
    const auto plan = RetentionPlanner::plan(backups, policySet(RetentionPolicy{ .keepLast = 1, .minCount = 0 }), kNow);
    COFFER_VERIFY_OK(plan);
    QCOMPARE(plan->now, kNow);
    QCOMPARE(plan->timeZone, QStringLiteral("UTC"));
    QCOMPARE(plan->deletedCount(), 3);
    QCOMPARE(plan->freedBytes(), 5 * kGb + kGb / 4);
    QStringList deleted;
    for (const RetentionDecision &decision : plan->deletions())
        deleted << decision.backup.id;
    QCOMPARE(deleted, (QStringList{ u"l2"_s, u"o2"_s, u"o3"_s }));

    QCOMPARE(plan->databases.size(), 2);
    const RetentionDatabaseSummary &logs = plan->databases.at(0);
    const RetentionDatabaseSummary &orders = plan->databases.at(1);
    QCOMPARE(logs.database, QStringLiteral("logs"));
    QCOMPARE((QList<qint64>{ logs.kept, logs.deleted, logs.keptBytes, logs.freedBytes }),
        (QList<qint64>{ 1, 1, kGb / 2, kGb / 4 }));
    QCOMPARE(orders.database, QStringLiteral("orders"));
    QCOMPARE((QList<qint64>{ orders.kept, orders.deleted, orders.keptBytes, orders.freedBytes }),
        (QList<qint64>{ 1, 2, kGb, 5 * kGb }));
}

QTEST_GUILESS_MAIN(RetentionProtectionsTest)
#include "tst_retention_protections.moc"
