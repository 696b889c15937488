// The storage queries behind the charts (core/storage/): bytes per database per day from the
// catalog and the audit trail, deleted backups' lifetimes, the growth rate and its projection,
// the retention preview against the prune itself, and which mounted volumes count as removable.
#include "StorageScenario.h"
#include "TestSupport.h"

#include "repository/AuditTrail.h"
#include "repository/Catalog.h"
#include "retention/PruneJob.h"
#include "storage/RetentionPreview.h"
#include "storage/StorageGrowth.h"
#include "storage/StorageHistory.h"
#include "storage/StorageVolumes.h"

#include <QSet>
#include <QStorageInfo>
#include <QtTest>

#include <cmath>

#include <memory>

using namespace coffer;
using testsupport::StorageScenario;

Q_DECLARE_METATYPE(coffer::RetentionPolicy)
Q_DECLARE_METATYPE(coffer::AuditRecord)
Q_DECLARE_METATYPE(std::optional<double>)

namespace {

struct Snapshot {
    QList<CatalogEntry> entries;
    QList<AuditRecord> trail;
};

Snapshot read(const QString &repositoryPath)
{
    Snapshot snapshot;
    auto repo = Repository::open(repositoryPath);
    auto catalog = repo ? Catalog::open(*repo) : std::unexpected(repo.error());
    if (!catalog)
        return snapshot;
    snapshot.entries = catalog->backups().value_or(QList<CatalogEntry>{});
    snapshot.trail = catalog->auditTrail().value_or(QList<AuditRecord>{});
    return snapshot;
}

// What the catalog says `database` stored at the end of `day`, summed without StorageHistory.
qint64 catalogSum(const QList<CatalogEntry> &entries, const QString &database, const QDate &day)
{
    qint64 sum = 0;
    for (const CatalogEntry &entry : entries) {
        if (entry.manifest.database == database && entry.manifest.created.toUTC().date() <= day)
            sum += entry.manifest.artifactSize;
    }
    return sum;
}

AuditRecord record(const QString &operation, const QString &id, const QDateTime &time, const QString &detail,
    const QString &outcome = QStringLiteral("ok"))
{
    return { .time = time,
        .operation = operation,
        .target = QStringLiteral("orders"),
        .backupId = id,
        .outcome = outcome,
        .detail = detail };
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

} // namespace

class TstStorageHistory final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StorageScenario> m_scenario;

private Q_SLOTS:
    void initTestCase()
    {
        m_scenario = std::make_unique<StorageScenario>(20);
        QVERIFY(m_scenario->isValid());
    }

    void dailyBytesEqualTheCatalogsSums()
    {
        const Snapshot now = read(m_scenario->repo());
        QCOMPARE(now.entries.size(), m_scenario->backups().size());
        const StorageHistory history
            = StorageHistory::of(StorageHistory::lifetimes(now.entries, now.trail), QDateTime::currentDateTimeUtc());
        QCOMPARE(history.databases(), (QStringList{ QStringLiteral("customers"), QStringLiteral("orders") }));
        QCOMPARE(history.days().size(), 21);
        QCOMPARE(history.days().constFirst(), StorageScenario::copyTime(20).date());
        QCOMPARE(history.days().constLast(), QDateTime::currentDateTimeUtc().date());
        const qint64 orders = m_scenario->orders().artifactSize;
        const qint64 customers = m_scenario->customers().artifactSize;
        QVERIFY(orders != customers);
        for (qsizetype i = 0; i < history.days().size(); ++i) {
            const QDate day = history.days().at(i);
            for (const QString &database : history.databases())
                QCOMPARE(history.bytes(database, i), catalogSum(now.entries, database, day));
            QCOMPARE(history.total(i), catalogSum(now.entries, QStringLiteral("orders"), day)
                    + catalogSum(now.entries, QStringLiteral("customers"), day));
        }
        // Known sizes: day i (0 = 20 days ago) holds i + 1 copies of orders; today adds the source.
        QCOMPARE(history.bytes(QStringLiteral("orders"), 0), orders);
        QCOMPARE(history.bytes(QStringLiteral("orders"), 19), 20 * orders);
        QCOMPARE(history.bytes(QStringLiteral("orders"), 20), 21 * orders);
        QCOMPARE(history.bytes(QStringLiteral("customers"), 20), 7 * customers);
        QCOMPARE(history.deletedBackups(), 0);
    }

    void aPruneShowsAsShrinkageAndItsBackupsKeepTheirHistory()
    {
        StorageScenario scenario(10);
        QVERIFY(scenario.isValid());
        const Snapshot before = read(scenario.repo());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const StorageHistory old = StorageHistory::of(StorageHistory::lifetimes(before.entries, before.trail), now);

        PruneParams params;
        params.repositoryPath = scenario.repo();
        params.database = QStringLiteral("orders");
        params.policies.repositoryDefault.keepLast = 4;
        const CancelFlag cancel{ false };
        auto pruned = PruneJob::prune(params, cancel, {});
        COFFER_VERIFY_OK(pruned);
        QCOMPARE(pruned->deleted, 7);

        const Snapshot after = read(scenario.repo());
        int unplaced = -1;
        const QList<BackupLifetime> lives = StorageHistory::lifetimes(after.entries, after.trail, &unplaced);
        QCOMPARE(unplaced, 0);
        QCOMPARE(lives.size(), before.entries.size());
        // Each deleted backup comes back from its audit record with its creation and sizes.
        for (const CatalogEntry &entry : before.entries) {
            const auto life = std::ranges::find(lives, entry.manifest.id, &BackupLifetime::id);
            QVERIFY(life != lives.end());
            QCOMPARE(life->created, entry.manifest.created.toUTC());
            QCOMPARE(life->artifactBytes, entry.manifest.artifactSize);
            QCOMPARE(life->plaintextBytes, entry.manifest.plaintextSize);
        }
        const StorageHistory history = StorageHistory::of(lives, QDateTime::currentDateTimeUtc());
        QCOMPARE(history.deletedBackups(), 7);
        QCOMPARE(history.days(), old.days());
        const qsizetype today = history.days().size() - 1;
        // The past is as it was; today has the bytes the prune freed less.
        for (qsizetype i = 0; i < today; ++i)
            QCOMPARE(history.total(i), old.total(i));
        QCOMPARE(history.total(today), old.total(today) - pruned->freedBytes);
        QCOMPARE(history.bytes(QStringLiteral("orders"), today), 4 * scenario.orders().artifactSize);
        QVERIFY(history.total(today) < history.total(today - 1));
        // The catalog alone would rewrite the past: only the trail keeps it.
        const StorageHistory catalogOnly = StorageHistory::of(StorageHistory::lifetimes(after.entries, {}), now);
        QVERIFY(catalogOnly.total(today - 1) < history.total(today - 1));
    }

    void lifetimesFromTheTrail_data()
    {
        QTest::addColumn<QList<AuditRecord>>("trail");
        QTest::addColumn<int>("lives");
        QTest::addColumn<int>("unplaced");
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<qint64>("plaintext");

        const QDateTime made = utc("2026-03-01T06:00:00Z");
        const QDateTime gone = utc("2026-03-05T12:00:00Z");
        QTest::newRow("deletion records its lifetime")
            << QList<AuditRecord>{ record(QStringLiteral("delete"), QStringLiteral("a"), gone,
                   QStringLiteral("too old; 500 bytes freed; created 2026-03-01T06:00:00Z; plaintext 2000 bytes")) }
            << 1 << 0 << made << qint64(500) << qint64(2000);
        QTest::newRow("prune explanation with numbers in it")
            << QList<AuditRecord>{ record(QStringLiteral("prune"), QStringLiteral("a"), gone,
                   QStringLiteral("deleted: not among the last 3, 7 bytes freed by hand; 640 bytes freed; created "
                                  "2026-03-01T06:00:00Z; plaintext 900 bytes")) }
            << 1 << 0 << made << qint64(640) << qint64(900);
        QTest::newRow("older deletion: creation from the backup record")
            << QList<AuditRecord>{ record(QStringLiteral("backup"), QStringLiteral("a"), made,
                                       QStringLiteral("manual backup, 500 bytes")),
                   record(QStringLiteral("delete"), QStringLiteral("a"), gone, QStringLiteral("x; 500 bytes freed")) }
            << 1 << 0 << made << qint64(500) << qint64(-1);
        QTest::newRow("older deletion without its backup record is left out")
            << QList<AuditRecord>{ record(
                   QStringLiteral("delete"), QStringLiteral("a"), gone, QStringLiteral("x; 500 bytes freed")) }
            << 0 << 1 << QDateTime() << qint64(0) << qint64(0);
        QTest::newRow("a failed deletion deleted nothing")
            << QList<AuditRecord>{ record(QStringLiteral("delete"), QStringLiteral("a"), gone,
                   QStringLiteral("x; not deleted: disk; created 2026-03-01T06:00:00Z"), QStringLiteral("failed")) }
            << 0 << 0 << QDateTime() << qint64(0) << qint64(0);
        QTest::newRow("a repository-wide prune summary names no backup")
            << QList<AuditRecord>{ record(QStringLiteral("prune"), QString(), gone,
                   QStringLiteral("deleted 3 of 3 backup(s) the policy selected, 900 bytes freed, 1 kept")) }
            << 0 << 0 << QDateTime() << qint64(0) << qint64(0);
    }

    void lifetimesFromTheTrail()
    {
        QFETCH(QList<AuditRecord>, trail);
        QFETCH(int, lives);
        QFETCH(int, unplaced);
        int lost = -1;
        const QList<BackupLifetime> result = StorageHistory::lifetimes({}, trail, &lost);
        QCOMPARE(result.size(), lives);
        QCOMPARE(lost, unplaced);
        if (lives == 0)
            return;
        QTEST(result.constFirst().created, "created");
        QTEST(result.constFirst().artifactBytes, "bytes");
        QTEST(result.constFirst().plaintextBytes, "plaintext");
        QCOMPARE(result.constFirst().deleted, utc("2026-03-05T12:00:00Z"));

        // Stored from its creation's day to the day before its deletion's end.
        const StorageHistory history = StorageHistory::of(result, utc("2026-03-07T10:00:00Z"));
        QCOMPARE(history.days().size(), 7);
        const qint64 b = result.constFirst().artifactBytes;
        QCOMPARE(history.totals(), (QList<qint64>{ b, b, b, b, 0, 0, 0 }));
    }

    void growthRate_data()
    {
        QTest::addColumn<QList<qint64>>("totals");
        QTest::addColumn<qint64>("free");
        QTest::addColumn<std::optional<double>>("rate");
        QTest::addColumn<std::optional<double>>("daysUntilFull");

        QList<qint64> linear;
        for (int i = 0; i < 40; ++i)
            linear << 1000 + 100 * i;
        QTest::newRow("steady 100 bytes a day") << linear << qint64(5000) << std::optional(100.0) << std::optional(50.0);
        QList<qint64> spike = linear;
        spike[35] += 1000000; // one day with a huge backup, gone the next day
        QTest::newRow("one unusual day does not move the rate")
            << spike << qint64(5000) << std::optional(100.0) << std::optional(50.0);
        QList<qint64> prunedOnce = linear;
        for (int i = 38; i < 40; ++i)
            prunedOnce[i] -= 3000; // a prune two days ago
        QTest::newRow("a prune two days ago barely moves it")
            << prunedOnce << qint64(5000) << std::optional(100.0) << std::optional(50.0);
        QTest::newRow("flat: no projection")
            << QList<qint64>(31, 7000) << qint64(5000) << std::optional(0.0) << std::optional<double>();
        QList<qint64> shrinking;
        for (int i = 0; i < 10; ++i)
            shrinking << 10000 - 500 * i;
        QTest::newRow("shrinking: no projection")
            << shrinking << qint64(5000) << std::optional(-500.0) << std::optional<double>();
        QTest::newRow("unknown free space: no projection")
            << linear << qint64(-1) << std::optional(100.0) << std::optional<double>();
        QTest::newRow("one day: no rate")
            << QList<qint64>{ 5000 } << qint64(5000) << std::optional<double>() << std::optional<double>();
        QTest::newRow("two days") << QList<qint64>{ 5000, 5400 } << qint64(1000) << std::optional(400.0)
                                  << std::optional(2.5);
    }

    void growthRate()
    {
        QFETCH(QList<qint64>, totals);
        QFETCH(qint64, free);
        QFETCH(std::optional<double>, rate);
        QFETCH(std::optional<double>, daysUntilFull);
        // A history with these totals: one backup per day whose size is the day's change, kept
        // until the day it shrinks by (a backup that lives exactly one day per step).
        QList<BackupLifetime> lives;
        const QDate first(2026, 1, 1);
        const QDateTime now(first.addDays(totals.size() - 1), QTime(23, 0), Qt::UTC);
        for (qsizetype i = 0; i < totals.size(); ++i) {
            const QDateTime at(first.addDays(i), QTime(1, 0), Qt::UTC);
            // Each day holds exactly its total: one backup living just that day.
            lives.append({ .id = QString::number(i),
                .database = QStringLiteral("orders"),
                .created = at,
                .deleted = at.addDays(1),
                .artifactBytes = totals.at(i) });
        }
        const StorageHistory history = StorageHistory::of(lives, now);
        QCOMPARE(history.totals(), totals);
        const StorageGrowth growth = StorageGrowth::of(history, free);
        QCOMPARE(growth.bytesPerDay.has_value(), rate.has_value());
        if (rate)
            QCOMPARE(*growth.bytesPerDay, *rate);
        QCOMPARE(growth.daysUntilFull.has_value(), daysUntilFull.has_value());
        QCOMPARE(growth.currentBytes, totals.constLast());
        if (daysUntilFull) {
            QCOMPARE(*growth.daysUntilFull, *daysUntilFull);
            QCOMPARE(growth.fullOn, history.days().constLast().addDays(qint64(std::ceil(*daysUntilFull))));
        } else {
            QVERIFY(!growth.fullOn);
        }
        QCOMPARE(growth.windowDays, int(std::min<qsizetype>(totals.size() - 1, StorageGrowth::kDefaultWindowDays)));
    }

    void retentionPreviewIsThePrunesPlan_data()
    {
        QTest::addColumn<RetentionPolicy>("policy");
        RetentionPolicy last;
        last.keepLast = 5;
        QTest::newRow("keep-last 5") << last;
        RetentionPolicy calendar;
        calendar.keepDaily = 7;
        calendar.keepWeekly = 2;
        QTest::newRow("keep-daily 7, keep-weekly 2") << calendar;
        RetentionPolicy within;
        within.keepWithin = RetentionDuration::parse(QStringLiteral("10d")).value();
        QTest::newRow("within 10 days") << within;
        RetentionPolicy cap;
        cap.maxSizeGb = 0.00001;
        QTest::newRow("size cap only") << cap;
        RetentionPolicy monthly;
        monthly.keepMonthly = 1;
        monthly.minCount = 3;
        QTest::newRow("monthly 1, min-count 3") << monthly;
    }

    void retentionPreviewIsThePrunesPlan()
    {
        QFETCH(RetentionPolicy, policy);
        StorageScenario scenario(14);
        QVERIFY(scenario.isValid());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const RetentionPolicySet set = RetentionPreview::single(policy, QStringLiteral("UTC"));
        const Snapshot before = read(scenario.repo());
        auto preview = RetentionPreview::plan(before.entries, set, now);
        COFFER_VERIFY_OK(preview);

        PruneParams params;
        params.repositoryPath = scenario.repo();
        params.policies = set;
        params.dryRun = true;
        params.now = now;
        const CancelFlag cancel{ false };
        auto dryRun = PruneJob::prune(params, cancel, {});
        COFFER_VERIFY_OK(dryRun);
        QCOMPARE(preview->decisions.size(), dryRun->plan.decisions.size());
        for (qsizetype i = 0; i < preview->decisions.size(); ++i) {
            QCOMPARE(preview->decisions[i].backup.id, dryRun->plan.decisions[i].backup.id);
            QCOMPARE(preview->decisions[i].explanation(), dryRun->plan.decisions[i].explanation());
        }
        QVERIFY(preview->deletedCount() > 0);

        // And the prune itself deletes exactly those, freeing those bytes.
        params.dryRun = false;
        auto pruned = PruneJob::prune(params, cancel, {});
        COFFER_VERIFY_OK(pruned);
        QCOMPARE(pruned->freedBytes, preview->freedBytes());
        QSet<QString> left;
        for (const CatalogEntry &entry : read(scenario.repo()).entries)
            left.insert(entry.manifest.id);
        for (const RetentionDecision &decision : std::as_const(preview->decisions))
            QCOMPARE(left.contains(decision.backup.id), decision.keep);
    }

    void removableMedia_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("sysRemovable");
        QTest::addColumn<bool>("removable");
        QTest::newRow("usb stick under /media") << QStringLiteral("/media/ops/BACKUP") << QByteArray("vfat") << true << true;
        QTest::newRow("udisks mount") << QStringLiteral("/run/media/ops/disk") << QByteArray("ext4") << false << true;
        QTest::newRow("macOS volume") << QStringLiteral("/Volumes/Offsite") << QByteArray("apfs") << false << true;
        QTest::newRow("removable device mounted by hand") << QStringLiteral("/mnt/usb") << QByteArray("exfat") << true << true;
        QTest::newRow("internal disk") << QStringLiteral("/home") << QByteArray("ext4") << false << false;
        QTest::newRow("root") << QStringLiteral("/") << QByteArray("ext4") << true << false;
        QTest::newRow("tmpfs under /media") << QStringLiteral("/media/ram") << QByteArray("tmpfs") << false << false;
        QTest::newRow("network share") << QStringLiteral("/media/share") << QByteArray("cifs") << false << false;
        QTest::newRow("snap") << QStringLiteral("/snap/core/1") << QByteArray("squashfs") << true << false;
        QTest::newRow("boot partition of a removable disk") << QStringLiteral("/boot/efi") << QByteArray("vfat") << true << false;
    }

    void removableMedia()
    {
        QFETCH(QString, root);
        QFETCH(QByteArray, type);
        QFETCH(bool, sysRemovable);
        QTEST(StorageVolumes::looksRemovable(root, type, sysRemovable), "removable");
    }

    void volumeOfARepository()
    {
        const StorageVolume volume = StorageVolumes::of(m_scenario->repo() + QStringLiteral("/not/yet/there"));
        const QStorageInfo info(m_scenario->repo());
        QCOMPARE(volume.rootPath, info.rootPath());
        QCOMPARE(volume.totalBytes, info.bytesTotal());
        QVERIFY(volume.freeBytes > 0 && volume.freeBytes <= volume.totalBytes);
        QCOMPARE(volume.usedBytes(), volume.totalBytes - volume.freeBytes);
        for (const StorageVolume &medium : StorageVolumes::removableMedia())
            QVERIFY2(medium.removable && medium.rootPath != QStringLiteral("/"), qPrintable(medium.rootPath));
    }
};

QTEST_GUILESS_MAIN(TstStorageHistory)
#include "tst_storagehistory.moc"
