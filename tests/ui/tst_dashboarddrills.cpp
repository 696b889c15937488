// The dashboard's schedule and drill lines over real repositories and real restore drills: the
// last drill (when, passed/FAILED, RTO) or "never drilled" where drills are scheduled, nothing where
// they are not, the next backup as the scheduler plans it (a failed scheduled backup waits for its
// retry; looking creates no state folder), health that counts the drill as `coffer-cli health`
// does, and the model's texts at fixed times. Also grabs the dashboard with drilled databases into
// <build>/screenshots/dashboard-drill.png for people to look at.
#include "DashboardScenario.h"

#include "dashboard/DashboardLoader.h"
#include "drill/DrillJob.h"
#include "schedule/DuePlanner.h"
#include "schedule/RunLog.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>

using namespace dashboardtest;
using namespace Qt::StringLiterals;

class TstDashboardDrills final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_state; // the scheduler's state folders (XDG_STATE_HOME)

private:
    // The scenario's databases with drills scheduled weekly for orders, customers and payments, and a
    // smoke query customers cannot pass (it has 120 rows).
    static QString writeDrillWorkspace(const Scenario &scenario)
    {
        const QString path = scenario.workspacePath() + u".drills.yaml"_s;
        if (!scenario.writeWorkspace(path))
            return {};
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QString yaml = QString::fromUtf8(file.readAll());
        file.close();
        yaml.replace(u"    group: acme\n"_s,
            u"    group: acme\n    smoke_queries:\n      - {sql: SELECT count(*) FROM customers, expect: \"> 1000\"}\n"_s);
        yaml += u"schedules:\n  databases:\n"_s;
        for (const char *name : { "orders", "customers", "payments" })
            yaml += QStringLiteral("    %1: {drill: {interval_hours: 168}}\n").arg(QLatin1String(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(yaml.toUtf8());
        return path;
    }
    // Runs a real restore drill of `ids` through the page's session; the page reloads after it.
    static QList<coffer::DrillOutcome> drillThroughSession(
        DashboardPage &page, const QString &repository, const QStringList &ids)
    {
        coffer::DrillParams params;
        params.repositoryPath = repository;
        params.ids = ids;
        params.workspace = *page.session()->workspace();
        QSignalSpy reloaded(&page, &DashboardPage::loadFinished);
        auto job = std::make_shared<coffer::DrillJob>(params);
        page.session()->submit(job);
        if (!reloaded.wait(60000) || job->state() != coffer::Job::State::Succeeded) {
            qWarning("the drill did not run: %s", qPrintable(job->error().toString()));
            return {};
        }
        return job->outcomes();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Sizes and ages are compared as the page writes them: decimals with a point.
        QLocale::setDefault(QLocale::c());
        QVERIFY(m_state.isValid());
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_state.path()));
    }

    void cardsShowTheLastDrillAndTheNextBackup()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        const QString workspace = writeDrillWorkspace(scenario);
        QVERIFY(!workspace.isEmpty());
        auto page = openPage(workspace, { 1280, 760 });
        QVERIFY(page->session()->workspace());

        // Drills scheduled, none run yet: the card says so and health asks for one.
        QCOMPARE(text(card(*page, u"orders"_s), "cardDrill"), u"never drilled"_s);
        QVERIFY(!card(*page, u"orders"_s)->findChild<QLabel *>(u"cardDrill"_s)->isHidden());
        checkHealth(*page, u"payments"_s, HealthLevel::Amber, u"never drilled: drills are due every 7 d"_s);
        // Nobody drills invoices: no drill line at all.
        QVERIFY(card(*page, u"invoices"_s)->findChild<QLabel *>(u"cardDrill"_s)->isHidden());

        const auto outcomes = drillThroughSession(
            *page, scenario.fixture().repo(), { scenario.newestId(u"orders"_s), scenario.fixture().ids().at(1) });
        QCOMPARE(outcomes.size(), 2);

        const QString orders = text(card(*page, u"orders"_s), "cardDrill");
        QVERIFY2(orders.startsWith(u"just now · passed · RTO "_s), qPrintable(orders));
        QVERIFY2(card(*page, u"orders"_s)->findChild<QLabel *>(u"cardDrill"_s)->toolTip().contains(u"passed"_s),
            qPrintable(card(*page, u"orders"_s)->findChild<QLabel *>(u"cardDrill"_s)->toolTip()));
        QCOMPARE(text(card(*page, u"customers"_s), "cardDrill"), u"just now · FAILED: smoke_query"_s);
        QVERIFY(card(*page, u"customers"_s)->findChild<QLabel *>(u"cardDrill"_s)->toolTip().contains(u"> 1000"_s));
        checkHealth(*page, u"customers"_s, HealthLevel::Red, u"drill failed: smoke_query"_s);
        // The drill verified the backup in full, too.
        checkHealth(*page, u"orders"_s, HealthLevel::Green, u"last drill passed just now (RTO "_s);
        QCOMPARE(text(card(*page, u"payments"_s), "cardDrill"), u"never drilled"_s);
        QVERIFY(card(*page, u"invoices"_s)->findChild<QLabel *>(u"cardDrill"_s)->isHidden());

        // The next backup by each schedule: the runbook's 6 h interval, none for archive.
        QVERIFY2(text(card(*page, u"orders"_s), "cardNextBackup").startsWith(u"next backup in "_s),
            qPrintable(text(card(*page, u"orders"_s), "cardNextBackup")));
        QCOMPARE(text(card(*page, u"invoices"_s), "cardNextBackup"), u"due now"_s); // 13 h old
        QCOMPARE(text(card(*page, u"payments"_s), "cardNextBackup"), u"due now"_s); // 8 h old
        QCOMPARE(text(card(*page, u"archive"_s), "cardNextBackup"), u"no schedule"_s);
        // A screen reader hears the card's schedule and drill lines too.
        const QString description = card(*page, u"customers"_s)->accessibleDescription();
        QVERIFY2(description.contains(u"Schedule: next backup in "_s)
                && description.contains(u"Last drill: just now · FAILED: smoke_query"_s),
            qPrintable(description));

        // For people to look at: the dashboard with drilled databases.
        QCoreApplication::processEvents();
        const QString folder
            = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../screenshots"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(page->grab().save(QDir(folder).absoluteFilePath(u"dashboard-drill.png"_s), "PNG"));
    }

    void modelWritesTheNextBackupAndTheDrillAtItsTime()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        const QString path = writeDrillWorkspace(scenario);
        QVERIFY(!path.isEmpty());
        auto workspace = coffer::Workspace::load(path);
        COFFER_VERIFY_OK(workspace);
        auto result = coffer::ui::DashboardLoader::loadNow(*workspace);
        QCOMPARE(result.databases.size(), 6);
        // A drill of orders that passed, as the catalog gives it back.
        coffer::ui::DatabaseStatus &orders = result.databases[0];
        QVERIFY(!orders.lastDrill);
        QCOMPARE(orders.drillSchedule, u"every 168 h"_s);
        QCOMPARE(orders.backupSchedule, u"every 6 h"_s);
        coffer::DrillOutcome drill;
        drill.backupId = orders.newestBackupId;
        drill.database = u"orders"_s;
        drill.time = orders.newestCreated.addSecs(600);
        drill.rtoMs = 1400;
        drill.checks = { { u"integrity_check"_s, true, {} }, { u"smoke_query"_s, true, u"returned a row"_s } };
        orders.lastDrill = drill;
        orders.healthInput.drill = drill;

        DatabaseStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QDateTime at = orders.newestCreated.addSecs(2 * 3600);
        model.setStatuses(result.databases, at);
        QCOMPARE(model.index(0).data(DatabaseStatusModel::NextBackupRole).toString(), u"next backup in 4 h"_s);
        QCOMPARE(model.nextBackup(*model.statusAt(0)), orders.newestCreated.addSecs(6 * 3600));
        QCOMPARE(model.index(0).data(DatabaseStatusModel::DrillRole).toString(), u"1.8 h ago · passed · RTO 1.4 s"_s);
        QCOMPARE(model.index(1).data(DatabaseStatusModel::DrillRole).toString(), u"never drilled"_s);
        QCOMPARE(model.index(2).data(DatabaseStatusModel::DrillRole).toString(), QString()); // invoices: not drilled
        QCOMPARE(model.index(5).data(DatabaseStatusModel::NextBackupRole).toString(), u"no schedule"_s);
        QVERIFY(!model.nextBackup(*model.statusAt(5)).isValid());

        // Time passes: the backup falls due, the drill ages, and health sees the same.
        model.reassess(orders.newestCreated.addSecs(6 * 3600));
        QCOMPARE(model.index(0).data(DatabaseStatusModel::NextBackupRole).toString(), u"due now"_s);
        QCOMPARE(model.index(0).data(DatabaseStatusModel::DrillRole).toString(), u"5.8 h ago · passed · RTO 1.4 s"_s);
        model.reassess(orders.newestCreated.addSecs(5 * 3600 + 59 * 60));
        QCOMPARE(model.index(0).data(DatabaseStatusModel::NextBackupRole).toString(), u"next backup in 1 min"_s);
        model.reassess(drill.time.addDays(8));
        QVERIFY2(model.index(0).data(Qt::ToolTipRole).toString().contains(u"no drill since "_s),
            qPrintable(model.index(0).data(Qt::ToolTipRole).toString()));
    }

    void nextBackupWaitsForTheRetryOfAFailedOne()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto workspace = coffer::Workspace::load(scenario.workspacePath());
        COFFER_VERIFY_OK(workspace);
        const QString stateFolder = coffer::stateDirectoryPath(scenario.workspacePath());

        // invoices' newest backup is 13 h old, every 6 h: due. Looking leaves no state folder behind.
        auto result = coffer::ui::DashboardLoader::loadNow(*workspace);
        QCOMPARE(result.databases.size(), 6);
        QCOMPARE(result.databases.at(2).name, u"invoices"_s);
        QVERIFY(result.databases.at(2).backupDue);
        QVERIFY(!QFileInfo::exists(stateFolder));

        // The scheduler's backup of invoices failed five minutes ago: it waits 30 min before the next try.
        const QDateTime failed = QDateTime::currentDateTimeUtc().addSecs(-5 * 60);
        auto log = coffer::RunLog::open(scenario.workspacePath());
        COFFER_VERIFY_OK(log);
        coffer::RunRecord attempt;
        attempt.kind = u"backup"_s;
        attempt.database = u"invoices"_s;
        attempt.started = failed.addSecs(-2);
        attempt.finished = failed;
        attempt.message = u"the source database is locked"_s;
        COFFER_VERIFY_OK(log->record(attempt));

        result = coffer::ui::DashboardLoader::loadNow(*workspace);
        const coffer::ui::DatabaseStatus &invoices = result.databases.at(2);
        QVERIFY(!invoices.backupDue);
        QCOMPARE(invoices.nextBackup, failed.addSecs(coffer::DuePlanner::kRetryDelaySeconds));
        QVERIFY2(invoices.nextBackupReason.contains(u"retrying in"_s), qPrintable(invoices.nextBackupReason));
        DatabaseStatusModel model;
        model.setStatuses(result.databases, failed.addSecs(10 * 60));
        QCOMPARE(model.index(2).data(DatabaseStatusModel::NextBackupRole).toString(), u"next backup in 20 min"_s);
        model.reassess(failed.addSecs(coffer::DuePlanner::kRetryDelaySeconds));
        QCOMPARE(model.index(2).data(DatabaseStatusModel::NextBackupRole).toString(), u"due now"_s);

        // The card says so, and why.
        auto page = openPage(scenario.workspacePath());
        const QLabel *next = card(*page, u"invoices"_s)->findChild<QLabel *>(u"cardNextBackup"_s);
        QVERIFY2(next->text().startsWith(u"next backup in 2"_s), qPrintable(next->text()));
        QVERIFY2(next->toolTip().contains(u"the source database is locked"_s), qPrintable(next->toolTip()));
    }
};

QTEST_MAIN(TstDashboardDrills)
#include "tst_dashboarddrills.moc"
