// Prune end to end: real coffer-cli processes on real repositories whose backups were made by
// real backups and copied to chosen creation times (GeneratedBackups). Killed at every step,
// raced against restores, blocked by locks.
#include "GeneratedBackups.h"
#include "TestSupport.h"

#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "retention/PruneJob.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>
#include <QtTest>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace coffer;
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

// A repository with one real backup of `orders` (created now) to copy from.
struct Fixture {
    std::unique_ptr<TempRepository> temp = std::make_unique<TempRepository>();
    QString database;
    Manifest source;

    QStringList args(QStringList arguments) const { return arguments << QStringLiteral("--repo") << temp->repo(); }
    // Copies of the source at `count` times, `step` apart, the newest at `newest`.
    QList<Manifest> generate(
        const QDateTime &newest, int count, qint64 stepSecs, const QString &db = {}, const QString &group = {}) const
    {
        QList<Manifest> made;
        for (int i = 0; i < count; ++i)
            if (auto copy = testsupport::cloneBackup(temp->repo(), source, newest.addSecs(-stepSecs * i), db, group))
                made << *copy;
        return made;
    }
};

// `verifySource`: the source becomes the newest verified backup, so the restores of older
// copies (whose preflight records a verification) do not move that protection onto them.
std::unique_ptr<Fixture> makeFixture(bool verifySource = false)
{
    auto fixture = std::make_unique<Fixture>();
    if (!fixture->temp->isValid())
        return nullptr;
    fixture->database = fixture->temp->path(QStringLiteral("orders.db"));
    if (!testsupport::makeSampleDatabase(fixture->database, 30))
        return nullptr;
    const CliRun backup = runCli(fixture->args(
        { QStringLiteral("backup"), QStringLiteral("--path"), fixture->database, QStringLiteral("--json") }));
    if (backup.exitCode != 0) {
        qWarning("%s", qPrintable(describe(backup)));
        return nullptr;
    }
    auto repo = Repository::open(fixture->temp->repo());
    auto catalog = repo ? Catalog::open(*repo) : std::unexpected(repo.error());
    auto entry = catalog ? catalog->backup(backup.json().object().value(QStringLiteral("id")).toString())
                         : std::unexpected(catalog.error());
    if (!entry)
        return nullptr;
    fixture->source = entry->manifest;
    if (verifySource && runCli(fixture->args({ QStringLiteral("verify"), fixture->source.id })).exitCode != 0)
        return nullptr;
    return fixture;
}

QSet<QString> listedIds(const Fixture &f)
{
    QSet<QString> ids;
    const CliRun list = runCli(f.args({ QStringLiteral("list"), QStringLiteral("--json") }));
    for (const QJsonValue &value : list.json().array())
        ids.insert(value.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

// Backup files on disk: every manifest's id, and whether each has its artifact beside it.
struct OnDisk {
    QSet<QString> manifests;
    QStringList manifestsWithoutArtifact;
    int artifacts = 0;
};

OnDisk onDisk(const Fixture &f)
{
    OnDisk disk;
    const QString backups = f.temp->repo() + QStringLiteral("/backups");
    for (const QString &file : testsupport::filesBelow(backups)) {
        const QString path = backups + QLatin1Char('/') + file;
        if (!file.endsWith(QLatin1String(Repository::kManifestSuffix))) {
            ++disk.artifacts;
            continue;
        }
        QFile in(path);
        auto manifest
            = in.open(QIODevice::ReadOnly) ? Manifest::fromBytes(in.readAll()) : fail(ErrorCode::Io, in.errorString());
        if (!manifest)
            continue;
        disk.manifests.insert(manifest->id);
        if (!QFile::exists(QFileInfo(path).absolutePath() + QLatin1Char('/') + manifest->artifactFile))
            disk.manifestsWithoutArtifact << file;
    }
    return disk;
}

QJsonArray auditOf(const Fixture &f)
{
    return runCli(f.args({ QStringLiteral("audit"), QStringLiteral("--json") })).json().array();
}

QSet<QString> deletedInPlan(const QJsonObject &plan)
{
    QSet<QString> ids;
    for (const QJsonValue &value : plan.value(QStringLiteral("backups")).toArray())
        if (!value.toObject().value(QStringLiteral("keep")).toBool())
            ids.insert(value.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

QDateTime todayMidnightUtc()
{
    return QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC);
}

} // namespace

class TstPrune final : public QObject
{
    Q_OBJECT

private slots:
    void dryRunPlanIsWhatPruneDoes();
    void emptyPolicyRefused();
    void workspacePolicyApplies();
    void protectionsHold();
    void corePruneWithFakeClock();
    void killAtEachStep_data();
    void killAtEachStep();
    void interruptedDeletionWhileInUseNeedsRepair();
    void pruneWaitsForRestore();
    void restoreAndPruneRace();
    void locksNameTheirHolder();
    void checkFindsEditedManifest();
    void forgedDeletionRecordsDeleteNothing();
    void neverTheLastBackup();
    void commandLineRulesKeepWorkspaceProtections();
    void reindexFinishesInterruptedDeletions();
    void unwritableReportStopsThePrune();
};

void TstPrune::dryRunPlanIsWhatPruneDoes()
{
    auto f = makeFixture();
    QVERIFY(f);
    // Every 6 hours over 10 days before today (UTC): 40 copies, plus the source made now.
    const QDateTime lastOfYesterday = todayMidnightUtc().addSecs(-6 * 3600);
    const QList<Manifest> copies = f->generate(lastOfYesterday, 40, 6 * 3600);
    QCOMPARE(copies.size(), 40);
    // keep-last 2: the source and yesterday 18:00; keep-daily 3: today (source), yesterday and
    // the day before, each its 18:00 backup.
    const QSet<QString> kept{ f->source.id, copies.at(0).id, copies.at(4).id };
    QSet<QString> expectedDeleted;
    for (const Manifest &m : copies)
        if (!kept.contains(m.id))
            expectedDeleted.insert(m.id);
    const QStringList policy{ QStringLiteral("--keep-last"), QStringLiteral("2"), QStringLiteral("--keep-daily"),
        QStringLiteral("3"), QStringLiteral("--timezone"), QStringLiteral("UTC") };

    const QString report = f->temp->path(QStringLiteral("plan.json"));
    const CliRun dry = runCli(f->args(QStringList{ QStringLiteral("prune"), QStringLiteral("--dry-run"),
                                          QStringLiteral("--json"), QStringLiteral("--report"), report }
        + policy));
    QVERIFY2(dry.exitCode == 0, qPrintable(describe(dry)));
    const QJsonObject plan = dry.json().object();
    QCOMPARE(deletedInPlan(plan), expectedDeleted);
    QCOMPARE(plan.value(QStringLiteral("dry_run")).toBool(), true);
    QCOMPARE(plan.value(QStringLiteral("freed_bytes")).toInteger(), f->source.artifactSize * 38);
    QFile reportFile(report);
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    QCOMPARE(deletedInPlan(QJsonDocument::fromJson(reportFile.readAll()).object()), expectedDeleted);
    // The reasons a person reads.
    for (const QJsonValue &value : plan.value(QStringLiteral("backups")).toArray()) {
        const QJsonObject b = value.toObject();
        if (b.value(QStringLiteral("id")).toString() == copies.at(4).id)
            QCOMPARE(b.value(QStringLiteral("explanation")).toString(),
                QStringLiteral("kept: daily %1").arg(copies.at(4).created.toString(QStringLiteral("yyyy-MM-dd"))));
    }
    QCOMPARE(listedIds(*f).size(), 41); // a dry run changes nothing

    const CliRun prune = runCli(f->args(QStringList{ QStringLiteral("prune"), QStringLiteral("--json") } + policy));
    QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
    const QJsonObject done = prune.json().object();
    QCOMPARE(deletedInPlan(done), expectedDeleted);
    QCOMPARE(done.value(QStringLiteral("outcome")).toObject().value(QStringLiteral("deleted")).toInt(), 38);
    QCOMPARE(listedIds(*f), kept);
    const OnDisk disk = onDisk(*f);
    QCOMPARE(disk.manifests, kept);
    QCOMPARE(disk.artifacts, 3);

    // One audit record per deletion, with its reason, and one for the prune.
    QSet<QString> audited;
    int summaries = 0;
    for (const QJsonValue &value : auditOf(*f)) {
        const QJsonObject r = value.toObject();
        if (r.value(QStringLiteral("operation")).toString() != QStringLiteral("prune"))
            continue;
        QCOMPARE(r.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
        if (r.value(QStringLiteral("backup_id")).toString().isEmpty()) {
            ++summaries;
            QVERIFY(r.value(QStringLiteral("detail")).toString().startsWith(QStringLiteral("deleted 38 of 38")));
        } else {
            audited.insert(r.value(QStringLiteral("backup_id")).toString());
            QVERIFY2(r.value(QStringLiteral("detail")).toString().startsWith(QStringLiteral("deleted: ")),
                qPrintable(r.value(QStringLiteral("detail")).toString()));
        }
    }
    QCOMPARE(audited, expectedDeleted);
    QCOMPARE(summaries, 1);
    const CliRun check = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check") }));
    QVERIFY2(check.exitCode == 0, qPrintable(describe(check)));
}

void TstPrune::emptyPolicyRefused()
{
    auto f = makeFixture();
    QVERIFY(f);
    QCOMPARE(f->generate(todayMidnightUtc().addDays(-3), 3, 86400).size(), 3);
    for (const QStringList &extra : { QStringList{}, QStringList{ QStringLiteral("--min-count"), QStringLiteral("0") },
             QStringList{ QStringLiteral("--keep-daily"), QStringLiteral("0") },
             QStringList{ QStringLiteral("--keep-within"), QStringLiteral("7x") },
             QStringList{ QStringLiteral("--keep-last"), QStringLiteral("2"), QStringLiteral("--timezone"),
                 QStringLiteral("Mars/Olympus") } }) {
        const CliRun run = runCli(f->args(QStringList{ QStringLiteral("prune") } + extra));
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QCOMPARE(listedIds(*f).size(), 4);
    }
    const CliRun none = runCli(f->args({ QStringLiteral("prune") }));
    QVERIFY2(none.err.contains("empty policy would delete every backup"), qPrintable(describe(none)));
}

void TstPrune::workspacePolicyApplies()
{
    auto f = makeFixture();
    QVERIFY(f);
    const QList<Manifest> orders = f->generate(todayMidnightUtc().addDays(-1), 5, 86400);
    const QList<Manifest> ledger = f->generate(todayMidnightUtc().addDays(-1), 5, 86400, QStringLiteral("ledger"));
    QCOMPARE(orders.size() + ledger.size(), 10);
    // The runbook keys: retention_days for all, retain_count for ledger (ORed with it).
    const QString workspace = f->temp->path(QStringLiteral("workspace.yaml"));
    QFile yaml(workspace);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write(QStringLiteral("repositories:\n  - {name: main, path: %1}\n"
                              "databases:\n  - {name: orders, path: %2}\n  - {name: ledger, path: %2}\n"
                              "backup:\n  retention_days: 2\n  schedules:\n    ledger: {retain_count: 4}\n")
                   .arg(f->temp->repo(), f->database)
                   .toUtf8());
    yaml.close();
    const CliRun prune = runCli({ QStringLiteral("prune"), QStringLiteral("--json") }, workspace);
    QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
    // orders: the source and yesterday's copy (the one before is more than 2 days old);
    // ledger: its newest 4.
    QSet<QString> kept{ f->source.id, orders.at(0).id };
    for (int i = 0; i < 4; ++i)
        kept.insert(ledger.at(i).id);
    QCOMPARE(listedIds(*f), kept);
    QVERIFY(
        prune.json().object().value(QStringLiteral("policy")).toString().contains(QStringLiteral("retain-count 4")));
}

void TstPrune::protectionsHold()
{
    auto f = makeFixture();
    QVERIFY(f);
    const QDateTime old = todayMidnightUtc().addDays(-40);
    const QList<Manifest> copies = f->generate(old, 3, 86400);
    QCOMPARE(copies.size(), 3);
    const auto safety = [](const QDateTime &expires) {
        return [expires](Manifest &m) {
            m.trigger = QStringLiteral("safety");
            m.expires = expires;
        };
    };
    const auto expired = testsupport::cloneBackup(
        f->temp->repo(), f->source, old, {}, {}, safety(QDateTime::currentDateTimeUtc().addDays(-1)));
    const auto unexpired = testsupport::cloneBackup(
        f->temp->repo(), f->source, old, {}, {}, safety(QDateTime::currentDateTimeUtc().addDays(5)));
    QVERIFY(expired && unexpired);
    const CliRun pin = runCli(f->args({ QStringLiteral("pin"), copies.at(2).id }));
    QVERIFY2(pin.exitCode == 0, qPrintable(describe(pin)));
    // The oldest copy verified: the newest verified backup stays whatever the rules say.
    const CliRun verify = runCli(f->args({ QStringLiteral("verify"), copies.at(1).id }));
    QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));

    const CliRun prune = runCli(f->args({ QStringLiteral("prune"), QStringLiteral("--retention-days"),
        QStringLiteral("30"), QStringLiteral("--json") }));
    QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
    QCOMPARE(deletedInPlan(prune.json().object()), (QSet<QString>{ copies.at(0).id, expired->id }));
    QCOMPARE(listedIds(*f), (QSet<QString>{ f->source.id, copies.at(1).id, copies.at(2).id, unexpired->id }));
    for (const QJsonValue &value : prune.json().object().value(QStringLiteral("backups")).toArray()) {
        const QJsonObject b = value.toObject();
        const QString id = b.value(QStringLiteral("id")).toString();
        const QString why = b.value(QStringLiteral("explanation")).toString();
        if (id == copies.at(2).id)
            QCOMPARE(why, QStringLiteral("kept: pinned"));
        if (id == copies.at(1).id)
            QCOMPARE(why, QStringLiteral("kept: newest verified"));
        if (id == expired->id)
            QVERIFY2(why.startsWith(QStringLiteral("deleted: safety backup expired")), qPrintable(why));
        if (id == copies.at(0).id)
            QCOMPARE(why, QStringLiteral("deleted: older than 30 days"));
    }
}

void TstPrune::corePruneWithFakeClock()
{
    auto f = makeFixture();
    QVERIFY(f);
    // 60 daily backups of `ledger` from 2026-01-01; the clock says 2026-03-01 12:00 UTC.
    const QList<Manifest> copies
        = f->generate(QDateTime(QDate(2026, 3, 1), QTime(6, 0), Qt::UTC), 60, 86400, QStringLiteral("ledger"));
    QCOMPARE(copies.size(), 60);
    PruneParams params;
    params.repositoryPath = f->temp->repo();
    params.database = QStringLiteral("ledger");
    params.policies.repositoryDefault.retentionDays = 30;
    params.now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    params.dryRun = true;
    const CancelFlag cancel{ false };
    auto preview = PruneJob::prune(params, cancel, {});
    COFFER_VERIFY_OK(preview);
    // Younger than 30 days: 2026-01-31 06:00 onwards (29.25 days), i.e. copies 0..29.
    QCOMPARE(preview->plan.deletedCount(), 30);
    for (const RetentionDecision &decision : preview->plan.decisions)
        QCOMPARE(decision.keep, decision.backup.created > params.now.addDays(-30));

    params.dryRun = false;
    auto pruned = PruneJob::prune(params, cancel, {});
    COFFER_VERIFY_OK(pruned);
    QCOMPARE(pruned->deleted, 30);
    QCOMPARE(pruned->freedBytes, 30 * f->source.artifactSize);
    QSet<QString> kept{ f->source.id };
    for (int i = 0; i < 30; ++i)
        kept.insert(copies.at(i).id);
    QCOMPARE(listedIds(*f), kept);

    // An empty policy never reaches the repository.
    params.policies = {};
    auto refused = PruneJob::prune(params, cancel, {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(listedIds(*f), kept);
}

void TstPrune::killAtEachStep_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("afterKill"); // backups listed after the killed prune and the recovery
    QTest::newRow("planned") << QStringLiteral("prune-planned") << 6;
    QTest::newRow("intent written") << QStringLiteral("delete-intent-written") << 6;
    QTest::newRow("marked") << QStringLiteral("delete-marked") << 5;
    QTest::newRow("artifact removed") << QStringLiteral("delete-artifact-removed") << 5;
    QTest::newRow("manifest removed") << QStringLiteral("delete-manifest-removed") << 5;
    QTest::newRow("row removed") << QStringLiteral("delete-row-removed") << 5;
}

void TstPrune::killAtEachStep()
{
    QFETCH(QString, point);
    QFETCH(int, afterKill);
    auto f = makeFixture();
    QVERIFY(f);
    QStringList generated;
    for (const Manifest &m : f->generate(todayMidnightUtc().addDays(-1), 5, 86400))
        generated << m.id;
    QCOMPARE(generated.size(), 5);
    const QStringList prune{ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1") };

    const CliRun killed = runCli(f->args(prune), {}, 120000, { QStringLiteral("COFFER_KILL_AT=") + point });
    QVERIFY2(killed.exitCode != 0 && !killed.out.contains("Deleted"), qPrintable(describe(killed)));

    // Opening the repository finishes what the dead prune started; the check finds it whole.
    const CliRun check = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check"), QStringLiteral("--json") }));
    QVERIFY2(check.exitCode == 0, qPrintable(describe(check)));
    QCOMPARE(check.json().object().value(QStringLiteral("backups")).toInt(), afterKill);
    const OnDisk disk = onDisk(*f);
    QVERIFY2(disk.manifestsWithoutArtifact.isEmpty(), qPrintable(disk.manifestsWithoutArtifact.join(u',')));
    QCOMPARE(disk.manifests, listedIds(*f));
    QCOMPARE(disk.artifacts, afterKill);
    QVERIFY(testsupport::filesBelow(f->temp->repo() + QStringLiteral("/staging")).isEmpty());
    if (afterKill == 5) {
        // The one backup deleted is in the trail once, as deleted; a deletion finished by the
        // recovery says so.
        const QSet<QString> before = QSet<QString>(generated.begin(), generated.end()) + QSet<QString>{ f->source.id };
        const QSet<QString> gone = before - listedIds(*f);
        QCOMPARE(gone.size(), 1);
        int records = 0;
        for (const QJsonValue &value : auditOf(*f)) {
            const QJsonObject r = value.toObject();
            if (r.value(QStringLiteral("backup_id")).toString() != *gone.begin())
                continue;
            ++records;
            QCOMPARE(r.value(QStringLiteral("operation")).toString(), QStringLiteral("prune"));
            QCOMPARE(r.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
            QCOMPARE(r.value(QStringLiteral("detail"))
                         .toString()
                         .contains(QStringLiteral("finished after the deletion "
                                                  "was interrupted")),
                point != QStringLiteral("delete-row-removed"));
        }
        QCOMPARE(records, 1);
    }

    // The next prune completes the policy.
    const CliRun again = runCli(f->args(prune));
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QCOMPARE(listedIds(*f), QSet<QString>{ f->source.id });
    QCOMPARE(onDisk(*f).artifacts, 1);
}

void TstPrune::interruptedDeletionWhileInUseNeedsRepair()
{
    auto f = makeFixture();
    QVERIFY(f);
    QCOMPARE(f->generate(todayMidnightUtc().addDays(-1), 2, 86400).size(), 2);
    const CliRun killed
        = runCli(f->args({ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1") }), {}, 120000,
            { QStringLiteral("COFFER_KILL_AT=delete-artifact-removed") });
    QVERIFY(killed.exitCode != 0);

    // While someone works in the repository, nothing is cleaned behind their back: the check
    // reports the half-done deletion, and the listing no longer shows that backup.
    {
        auto held = RepoLock::acquire(
            f->temp->repo() + QStringLiteral("/locks"), RepoLock::Kind::Shared, QStringLiteral("test"));
        COFFER_VERIFY_OK(held);
        const CliRun check = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check") }));
        QVERIFY2(check.exitCode == 1, qPrintable(describe(check)));
        QVERIFY2(check.out.contains("interrupted"), qPrintable(describe(check)));
        QCOMPARE(listedIds(*f).size(), 2);
        const CliRun busy = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check"),
            QStringLiteral("--repair"), QStringLiteral("--wait"), QStringLiteral("0") }));
        QVERIFY2(busy.exitCode == 3, qPrintable(describe(busy)));
        QVERIFY2(busy.err.contains(QByteArray::number(::getpid())), qPrintable(describe(busy)));
    }
    const CliRun repair
        = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check"), QStringLiteral("--repair") }));
    QVERIFY2(repair.exitCode == 0, qPrintable(describe(repair)));
    QCOMPARE(listedIds(*f).size(), 2);
    QVERIFY(onDisk(*f).manifestsWithoutArtifact.isEmpty());
}

void TstPrune::pruneWaitsForRestore()
{
    auto f = makeFixture(true);
    QVERIFY(f);
    const QList<Manifest> copies = f->generate(todayMidnightUtc().addDays(-1), 3, 86400);
    QCOMPARE(copies.size(), 3);
    const Manifest &oldest = copies.last();
    const QString target = f->temp->path(QStringLiteral("restored.db"));

    // The restore stops just before it installs, holding the repository.
    QProcess restore;
    QByteArray restoreErr;
    QVERIFY2(testsupport::startHeld(restore, QStringLiteral("restore-before-swap"),
                 f->args({ QStringLiteral("restore"), oldest.id, QStringLiteral("--target"), target,
                     QStringLiteral("--yes") }),
                 &restoreErr),
        restoreErr.constData());

    const QStringList prune{ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1") };
    const CliRun refused = runCli(f->args(prune));
    QVERIFY2(refused.exitCode == 3, qPrintable(describe(refused)));
    QVERIFY2(refused.err.contains("busy") && refused.err.contains(QByteArray::number(restore.processId()))
            && refused.err.contains("restore"),
        qPrintable(describe(refused)));
    QCOMPARE(listedIds(*f).size(), 4);

    QProcess waiting;
    waiting.setProcessEnvironment(testsupport::cliEnvironment());
    waiting.start(QStringLiteral(COFFER_CLI_PATH),
        f->args(prune + QStringList{ QStringLiteral("--wait"), QStringLiteral("120") }));
    QVERIFY(waiting.waitForStarted());
    QVERIFY(!waiting.waitForFinished(1500)); // it waits for the restore
    QCOMPARE(listedIds(*f).size(), 4);

    ::kill(pid_t(restore.processId()), SIGCONT);
    QVERIFY(restore.waitForFinished(60000));
    QVERIFY2(restore.exitCode() == 0, restore.readAllStandardError().constData());
    QVERIFY(waiting.waitForFinished(60000));
    QVERIFY2(waiting.exitCode() == 0, waiting.readAllStandardError().constData());
    QCOMPARE(listedIds(*f), QSet<QString>{ f->source.id });
    QCOMPARE(testsupport::sqlite(target, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));

    // The trail shows the restore finished before the prune deleted its backup.
    qint64 restored = 0;
    qint64 deleted = 0;
    for (const QJsonValue &value : auditOf(*f)) {
        const QJsonObject r = value.toObject();
        if (r.value(QStringLiteral("backup_id")).toString() != oldest.id)
            continue;
        if (r.value(QStringLiteral("operation")).toString() == QStringLiteral("restore"))
            restored = r.value(QStringLiteral("sequence")).toInteger();
        if (r.value(QStringLiteral("operation")).toString() == QStringLiteral("prune"))
            deleted = r.value(QStringLiteral("sequence")).toInteger();
    }
    QVERIFY(restored > 0 && deleted > restored);
}

void TstPrune::restoreAndPruneRace()
{
    auto f = makeFixture(true);
    QVERIFY(f);
    int restoredRounds = 0;
    for (int round = 0; round < 3; ++round) {
        const QList<Manifest> copies = f->generate(todayMidnightUtc().addDays(-1 - round * 10), 2, 86400);
        QCOMPARE(copies.size(), 2);
        const QString target = f->temp->path(QStringLiteral("race-%1.db").arg(round));
        QProcess restore;
        QProcess prune;
        restore.setProcessEnvironment(testsupport::cliEnvironment());
        prune.setProcessEnvironment(testsupport::cliEnvironment());
        restore.start(QStringLiteral(COFFER_CLI_PATH),
            f->args({ QStringLiteral("restore"), copies.last().id, QStringLiteral("--target"), target,
                QStringLiteral("--yes") }));
        prune.start(QStringLiteral(COFFER_CLI_PATH),
            f->args({ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1"),
                QStringLiteral("--wait"), QStringLiteral("120") }));
        QVERIFY(restore.waitForFinished(120000) && prune.waitForFinished(120000));
        const QByteArray restoreErr = restore.readAllStandardError();
        QVERIFY2(prune.exitCode() == 0, prune.readAllStandardError().constData());
        if (restore.exitCode() == 0) {
            // The restore had the repository first: its backup was there until it was done.
            ++restoredRounds;
            QCOMPARE(testsupport::sqlite(target, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QCOMPARE(testsupport::sqlite(target, QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("30"));
        } else {
            // The prune had it first: the restore found no backup and touched nothing.
            QVERIFY2(restore.exitCode() == 3
                    && (restoreErr.contains("No backup with id") || restoreErr.contains("deleted since the preflight")),
                restoreErr.constData());
            QVERIFY(!QFile::exists(target));
        }
        QCOMPARE(listedIds(*f), QSet<QString>{ f->source.id });
    }
    qInfo("restores that won the race: %d of 3", restoredRounds);
}

void TstPrune::locksNameTheirHolder()
{
    auto f = makeFixture();
    QVERIFY(f);
    QCOMPARE(f->generate(todayMidnightUtc().addDays(-1), 2, 86400).size(), 2);
    const QString locks = f->temp->repo() + QStringLiteral("/locks");
    const auto writeLock = [&](const QString &name, const QJsonObject &json) {
        QFile file(locks + QLatin1Char('/') + name);
        return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(json).toJson()) > 0;
    };
    const QStringList prune{ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1") };

    // A lock of another host is respected and named, until `repo unlock`.
    QVERIFY(writeLock(QStringLiteral("elsewhere.lock"),
        { { QStringLiteral("host"), QStringLiteral("db-host-7") }, { QStringLiteral("pid"), 4242 },
            { QStringLiteral("kind"), QStringLiteral("shared") },
            { QStringLiteral("time"), QStringLiteral("2026-11-20T03:00:00Z") },
            { QStringLiteral("purpose"), QStringLiteral("backup orders") } }));
    const CliRun blocked = runCli(f->args(prune));
    QVERIFY2(blocked.exitCode == 3, qPrintable(describe(blocked)));
    for (const char *part : { "db-host-7", "4242", "backup orders", "2026-11-20T03:00:00Z", "repo unlock" })
        QVERIFY2(blocked.err.contains(part), qPrintable(describe(blocked)));
    QCOMPARE(listedIds(*f).size(), 3);

    // A lock of this host whose pid now belongs to a later process (ours) is stale.
    QVERIFY(writeLock(QStringLiteral("reused.lock"),
        { { QStringLiteral("host"), QSysInfo::machineHostName() }, { QStringLiteral("pid"), qint64(::getpid()) },
            { QStringLiteral("start"), 1 }, { QStringLiteral("kind"), QStringLiteral("exclusive") },
            { QStringLiteral("time"), QStringLiteral("2026-11-20T03:00:00Z") },
            { QStringLiteral("purpose"), QStringLiteral("prune") } }));
    // A live lock of this host is left alone by unlock.
    auto live = RepoLock::acquire(locks, RepoLock::Kind::Shared, QStringLiteral("test holder"));
    COFFER_VERIFY_OK(live);
    const CliRun unlock
        = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("unlock"), QStringLiteral("--json") }));
    QVERIFY2(unlock.exitCode == 3, qPrintable(describe(unlock)));
    const QJsonObject report = unlock.json().object();
    QCOMPARE(report.value(QStringLiteral("removed")).toArray().size(), 1);
    QVERIFY(report.value(QStringLiteral("removed")).toArray().at(0).toString().contains(QStringLiteral("db-host-7")));
    QCOMPARE(report.value(QStringLiteral("running")).toArray().size(), 1);
    QVERIFY(!QFile::exists(locks + QStringLiteral("/reused.lock")));
    live->release();

    const CliRun free = runCli(f->args(prune));
    QVERIFY2(free.exitCode == 0, qPrintable(describe(free)));
    QCOMPARE(listedIds(*f), QSet<QString>{ f->source.id });
    bool audited = false;
    for (const QJsonValue &value : auditOf(*f))
        audited = audited
            || (value.toObject().value(QStringLiteral("operation")).toString() == QStringLiteral("unlock")
                && value.toObject().value(QStringLiteral("detail")).toString().contains(QStringLiteral("db-host-7")));
    QVERIFY(audited);
}

void TstPrune::checkFindsEditedManifest()
{
    auto f = makeFixture();
    QVERIFY(f);
    auto repo = Repository::open(f->temp->repo());
    COFFER_VERIFY_OK(repo);
    QFile manifest(repo->manifestPath(f->source));
    QVERIFY(manifest.open(QIODevice::ReadWrite));
    QByteArray bytes = manifest.readAll();
    bytes.replace("\"pinned\": false", "\"pinned\": true");
    QVERIFY(manifest.seek(0) && manifest.write(bytes) == bytes.size());
    manifest.close();

    const CliRun check = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check") }));
    QVERIFY2(check.exitCode == 1 && check.out.contains("differs from the catalog's copy"), qPrintable(describe(check)));
    const CliRun repair
        = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check"), QStringLiteral("--repair") }));
    QVERIFY2(repair.exitCode == 0, qPrintable(describe(repair)));
    // The manifest is the truth: the catalog now says pinned.
    const CliRun info = runCli(f->args({ QStringLiteral("info"), f->source.id, QStringLiteral("--json") }));
    QCOMPARE(info.json().object().value(QStringLiteral("pinned")).toBool(), true);
}

void TstPrune::forgedDeletionRecordsDeleteNothing()
{
    auto f = makeFixture();
    QVERIFY(f);
    QCOMPARE(f->generate(todayMidnightUtc().addDays(-1), 1, 86400).size(), 1);
    const QString repo = f->temp->repo();
    auto repository = Repository::open(repo);
    COFFER_VERIFY_OK(repository);
    const auto plant = [&](const QString &id, const QString &artifact, const QString &manifest) {
        QFile record(repo + QStringLiteral("/staging/") + id + QStringLiteral(".deleting"));
        return record.open(QIODevice::WriteOnly)
            && record.write(
                   QJsonDocument(QJsonObject{ { QStringLiteral("id"), id }, { QStringLiteral("artifact"), artifact },
                                     { QStringLiteral("manifest"), manifest },
                                     { QStringLiteral("operation"), QStringLiteral("prune") } })
                       .toJson())
            > 0;
    };
    // A link out of the repository, and a record naming a file behind it.
    const QString victim = f->temp->path(QStringLiteral("victim"));
    QVERIFY(QDir().mkpath(victim));
    QFile precious(victim + QStringLiteral("/precious.txt"));
    QVERIFY(precious.open(QIODevice::WriteOnly) && precious.write("keep me") == 7);
    precious.close();
    QVERIFY(QFile::link(victim, repo + QStringLiteral("/backups/evil")));
    QVERIFY(plant(QString(32, QLatin1Char('d')), QStringLiteral("backups/evil/precious.txt"),
        QStringLiteral("backups/evil/other.txt")));
    // A record naming a real backup whose deletion never began.
    QVERIFY(plant(f->source.id, repository->relative(repository->artifactPath(f->source)),
        repository->relative(repository->manifestPath(f->source))));

    const CliRun check = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check") }));
    QVERIFY(QFile::exists(victim + QStringLiteral("/precious.txt")));
    QVERIFY(QFile::exists(repository->artifactPath(f->source)));
    QCOMPARE(listedIds(*f).size(), 2);
    QVERIFY(testsupport::filesBelow(repo + QStringLiteral("/staging")).isEmpty());
    // What the check says about the planted link is its business; the source is whole.
    QVERIFY2(!check.out.contains(f->source.id.left(8).toUtf8()), qPrintable(describe(check)));
}

void TstPrune::neverTheLastBackup()
{
    auto f = makeFixture();
    QVERIFY(f);
    QCOMPARE(f->generate(todayMidnightUtc().addDays(-40), 3, 86400).size(), 3);
    const CliRun zero = runCli(f->args({ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1"),
        QStringLiteral("--min-count"), QStringLiteral("0") }));
    QVERIFY2(zero.exitCode == 2 && zero.err.contains("last backup"), qPrintable(describe(zero)));
    // A cap smaller than any backup still leaves each database its newest.
    const CliRun tiny = runCli(f->args({ QStringLiteral("prune"), QStringLiteral("--max-size-gb"),
        QStringLiteral("0.000000001"), QStringLiteral("--json") }));
    QVERIFY2(tiny.exitCode == 0, qPrintable(describe(tiny)));
    QCOMPARE(listedIds(*f), QSet<QString>{ f->source.id });
    QVERIFY(!tiny.json().object().value(QStringLiteral("warnings")).toArray().isEmpty());
}

void TstPrune::commandLineRulesKeepWorkspaceProtections()
{
    auto f = makeFixture();
    QVERIFY(f);
    const QList<Manifest> copies = f->generate(todayMidnightUtc().addDays(-1), 4, 86400);
    QCOMPARE(copies.size(), 4);
    const QString workspace = f->temp->path(QStringLiteral("workspace.yaml"));
    QFile yaml(workspace);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write(QStringLiteral("repositories:\n  - {name: main, path: %1}\n"
                              "databases:\n  - {name: orders, path: %2}\n"
                              "retention:\n  databases:\n    orders: {keep_daily: 30, min_count: 3}\n")
                   .arg(f->temp->repo(), f->database)
                   .toUtf8());
    yaml.close();
    const CliRun prune
        = runCli({ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1") }, workspace);
    QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
    QCOMPARE(listedIds(*f), (QSet<QString>{ f->source.id, copies.at(0).id, copies.at(1).id }));
}

void TstPrune::reindexFinishesInterruptedDeletions()
{
    auto f = makeFixture();
    QVERIFY(f);
    QCOMPARE(f->generate(todayMidnightUtc().addDays(-1), 2, 86400).size(), 2);
    {
        // Killed mid-deletion while someone else holds the repository: nothing recovers it yet.
        QProcess prune;
        QByteArray err;
        QVERIFY2(testsupport::startHeld(prune, QStringLiteral("delete-artifact-removed"),
                     f->args({ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1") }), &err),
            err.constData());
        prune.kill();
        prune.waitForFinished();
        auto held = RepoLock::acquire(
            f->temp->repo() + QStringLiteral("/locks"), RepoLock::Kind::Shared, QStringLiteral("test"));
        COFFER_VERIFY_OK(held);
        QCOMPARE(listedIds(*f).size(), 2);
    }
    const CliRun reindex = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("reindex") }));
    QVERIFY2(reindex.exitCode == 0 && !reindex.out.contains("missing"), qPrintable(describe(reindex)));
    QCOMPARE(listedIds(*f).size(), 2);
    QVERIFY(onDisk(*f).manifestsWithoutArtifact.isEmpty());
    const CliRun check = runCli(f->args({ QStringLiteral("repo"), QStringLiteral("check") }));
    QVERIFY2(check.exitCode == 0, qPrintable(describe(check)));
}

void TstPrune::unwritableReportStopsThePrune()
{
    auto f = makeFixture();
    QVERIFY(f);
    QCOMPARE(f->generate(todayMidnightUtc().addDays(-1), 2, 86400).size(), 2);
    const CliRun run = runCli(f->args({ QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1"),
        QStringLiteral("--report"), f->temp->path(QStringLiteral("no/such/folder/plan.json")) }));
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QCOMPARE(listedIds(*f).size(), 3);
}

QTEST_GUILESS_MAIN(TstPrune)
#include "tst_prune.moc"
