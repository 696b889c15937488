// The dashboard over real repositories: one card per database with its health against the
// schedule (verified by real jobs, aged by cloned backups, failed by a corrupted artifact), the
// summary, activation by mouse and keyboard, the reflowing grid, reloads, and what cannot be read.
#include "DashboardScenario.h"

#include "backup/BackupJob.h"
#include "dashboard/DashboardLoader.h"
#include "dashboard/SizeSparkline.h"
#include "verify/VerifyJob.h"
#include "widgets/MessageBar.h"
#include "workspace/WorkspaceJobs.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QToolButton>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace dashboardtest;
using coffer::ui::MessageBar;
using namespace Qt::StringLiterals;

namespace {

// Relative luminance and contrast as WCAG defines them.
double luminance(const QColor &color)
{
    auto channel
        = [](double value) { return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TstDashboard final : public QObject
{
    Q_OBJECT

private:
    // Runs a real full verification of `ids` through the page's session; the page reloads after it.
    static bool verifyThroughSession(DashboardPage &page, const QString &repository, const QStringList &ids)
    {
        coffer::VerifyParams params;
        params.repositoryPath = repository;
        params.ids = ids;
        params.level = coffer::VerifyLevel::Full;
        QSignalSpy reloaded(&page, &DashboardPage::loadFinished);
        const auto job = page.session()->submit(std::make_shared<coffer::VerifyJob>(params));
        return reloaded.wait(20000) && job->state() == coffer::Job::State::Succeeded;
    }
private Q_SLOTS:
    void initTestCase()
    {
        // Sizes and ages are compared as the page writes them: decimals with a point.
        QLocale::setDefault(QLocale::c());
    }

    void loaderSumsUpEachDatabase()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto workspace = coffer::Workspace::load(scenario.workspacePath());
        COFFER_VERIFY_OK(workspace);
        const auto result = coffer::ui::DashboardLoader::loadNow(*workspace);
        QCOMPARE(result.repositoryCount, 1);
        QCOMPARE(result.readableRepositoryCount, 1);
        QVERIFY(result.problems.isEmpty());
        QStringList names;
        for (const auto &status : result.databases)
            names << status.name;
        QCOMPARE(names,
            (QStringList{ u"orders"_s, u"customers"_s, u"invoices"_s, u"payments"_s, u"ledger"_s, u"archive"_s }));

        const auto &orders = result.databases.at(0);
        QCOMPARE(orders.backupCount, 2);
        QCOMPARE(orders.newestBackupId, scenario.newestId(u"orders"_s));
        QCOMPARE(orders.intervalHours, std::optional<double>(6.0));
        QCOMPARE(orders.trend.size(), 2);
        QVERIFY(orders.trend.at(0).created < orders.trend.at(1).created); // oldest first
        QVERIFY(!orders.verification);
        QCOMPARE(result.databases.at(1).group, u"acme"_s);

        const auto &invoices = result.databases.at(2);
        QCOMPARE(invoices.backupCount, 3);
        QCOMPARE(invoices.newestBackupId, scenario.newestId(u"invoices"_s));
        QCOMPARE(invoices.trend.size(), 3);

        const auto &archive = result.databases.at(5);
        QCOMPARE(archive.backupCount, 0);
        QVERIFY(!archive.newestCreated.isValid());
        QVERIFY(!archive.intervalHours);
        QVERIFY(archive.trend.isEmpty());
    }

    void modelPassesModelTester()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto workspace = coffer::Workspace::load(scenario.workspacePath());
        COFFER_VERIFY_OK(workspace);
        const auto result = coffer::ui::DashboardLoader::loadNow(*workspace);

        DatabaseStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.setStatuses(result.databases, now);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.rowOf(u"payments"_s), 3);
        QCOMPARE(model.index(3).data().toString(), u"payments"_s);
        QCOMPARE(model.index(3).data(DatabaseStatusModel::HealthLevelRole).toInt(), int(HealthLevel::Amber));
        QVERIFY(model.index(3).data(DatabaseStatusModel::LastBackupRole).toString().startsWith(u"8 h ago · "_s));
        QCOMPARE(model.index(5).data(DatabaseStatusModel::LastBackupRole).toString(), u"never backed up"_s);
        QVERIFY(model.index(5).data(Qt::ToolTipRole).toString().contains(u"assuming 24 h"_s));
        QCOMPARE(
            model.index(2).data(DatabaseStatusModel::SizeTrendRole).value<QList<coffer::ui::SizePoint>>().size(), 3);

        // Time passes without a read: the fresh, unverified orders fall more than two intervals behind.
        QSignalSpy changed(&model, &DatabaseStatusModel::dataChanged);
        QCOMPARE(model.index(0).data(DatabaseStatusModel::HealthLevelRole).toInt(), int(HealthLevel::Amber));
        model.reassess(now.addSecs(13 * 3600));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0).data(DatabaseStatusModel::HealthLevelRole).toInt(), int(HealthLevel::Red));
        QCOMPARE(model.count(HealthLevel::Red), 6); // by then every database is at risk
        QCOMPARE(model.count(HealthLevel::Green), 0);

        model.setStatuses({}, now);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.summary(), u"No databases"_s);
        model.setStatuses(result.databases, now);
        QCOMPARE(model.rowCount(), 6);
    }

    void cardsShowEachDatabasesHealth()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto page = openPage(scenario.workspacePath());
        QCOMPARE(page->title(), u"Dashboard"_s);
        QCOMPARE(cards(*page).size(), 6);
        QVERIFY(page->findChild<QStackedWidget *>()->currentWidget() == page->findChild<QScrollArea *>(u"cardArea"_s));

        // Before any verification: the fresh backups need attention, the old one is at risk.
        checkHealth(*page, u"orders"_s, HealthLevel::Amber, u"newest backup never verified"_s);
        checkHealth(*page, u"ledger"_s, HealthLevel::Amber, u"newest backup never verified"_s);
        checkHealth(*page, u"invoices"_s, HealthLevel::Red, u"at least twice its 6 h interval"_s);
        QCOMPARE(text(card(*page, u"orders"_s), "cardVerification"), u"never verified"_s);

        QVERIFY(verifyThroughSession(*page, scenario.fixture().repo(),
            { scenario.newestId(u"orders"_s), scenario.newestId(u"invoices"_s), scenario.newestId(u"payments"_s),
                scenario.newestId(u"ledger"_s) }));
        QCOMPARE(cards(*page).size(), 6);

        checkHealth(*page, u"orders"_s, HealthLevel::Green, u"within its 6 h interval"_s);
        checkHealth(*page, u"customers"_s, HealthLevel::Amber, u"newest backup never verified"_s);
        checkHealth(*page, u"payments"_s, HealthLevel::Amber, u"overdue: its interval is 6 h"_s);
        checkHealth(*page, u"invoices"_s, HealthLevel::Red, u"last backup 13 h ago, at least twice its 6 h interval"_s);
        checkHealth(*page, u"ledger"_s, HealthLevel::Red, u"verification failed: "_s);
        checkHealth(*page, u"archive"_s, HealthLevel::Red, u"never backed up"_s);
        // Nothing to restore without a backup: no Restore… on that card.
        QVERIFY(card(*page, u"archive"_s)->findChild<QToolButton *>(u"cardRestoreButton"_s)->isHidden());
        QVERIFY(!card(*page, u"orders"_s)->findChild<QToolButton *>(u"cardRestoreButton"_s)->isHidden());
        checkHealth(*page, u"archive"_s, HealthLevel::Red, u"no schedule interval in the workspace: assuming 24 h"_s);

        const DatabaseCard *orders = card(*page, u"orders"_s);
        QCOMPARE(text(orders, "cardName"), u"orders"_s);
        QVERIFY2(
            text(orders, "cardLastBackup").startsWith(u"just now · "_s), qPrintable(text(orders, "cardLastBackup")));
        QVERIFY2(
            text(orders, "cardVerification").startsWith(u"ok, full, "_s), qPrintable(text(orders, "cardVerification")));
        QVERIFY(text(card(*page, u"ledger"_s), "cardVerification").startsWith(u"FAILED: "_s));
        QVERIFY(text(card(*page, u"customers"_s), "cardGroup").contains(u"acme"_s));
        QVERIFY(text(card(*page, u"invoices"_s), "cardLastBackup").startsWith(u"13 h ago · "_s));

        const QString line = summary(*page);
        QVERIFY2(
            line.contains(u"1 healthy"_s) && line.contains(u"2 needing attention"_s) && line.contains(u"3 at risk"_s),
            qPrintable(line));
        QCOMPARE(page->statusText(), line);
    }

    void badgeColoursStandOutInLightAndDarkPalettes()
    {
        for (const QColor &window : { QColor(0xf0, 0xf0, 0xf0), QColor(0x20, 0x20, 0x20) }) {
            QPalette palette;
            palette.setColor(QPalette::Window, window);
            palette.setColor(QPalette::Base, window.lightness() < 128 ? window.lighter(140) : QColor(Qt::white));
            QList<QColor> seen;
            for (const HealthLevel level : { HealthLevel::Green, HealthLevel::Amber, HealthLevel::Red }) {
                const QColor dot = HealthBadge::colorFor(level, palette);
                QVERIFY2(contrast(dot, palette.color(QPalette::Window)) >= 3.0, qPrintable(dot.name()));
                QVERIFY2(contrast(dot, palette.color(QPalette::Base)) >= 3.0, qPrintable(dot.name()));
                QVERIFY(!seen.contains(dot));
                seen << dot;
            }
            QVERIFY(seen.at(0).greenF() > seen.at(0).redF()); // green
            QVERIFY(seen.at(2).redF() > seen.at(2).greenF()); // red
        }
    }

    void sparklineShowsTheSizesOldestFirst()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto page = openPage(scenario.workspacePath());
        const auto *trend = card(*page, u"invoices"_s)->findChild<coffer::ui::SizeSparkline *>(u"sizeTrend"_s);
        QVERIFY(trend);
        QCOMPARE(trend->points().size(), 3);
        QVERIFY(trend->points().at(0).created < trend->points().at(2).created);
        const qint64 size = trend->points().at(2).artifactSize;
        QVERIFY(size > 0);
        QVERIFY2(trend->toolTip().contains(QLocale().toString(size) + u" bytes"_s), qPrintable(trend->toolTip()));
        QCOMPARE(trend->toolTip().count(u" bytes"_s), 3);
        const auto *never = card(*page, u"archive"_s)->findChild<coffer::ui::SizeSparkline *>(u"sizeTrend"_s);
        QVERIFY(never->points().isEmpty());
        QCOMPARE(never->toolTip(), u"No backups yet"_s);
    }

    void clickingOrTypingOnACardActivatesIt()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto page = openPage(scenario.workspacePath());
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        QSignalSpy activated(page.get(), &DashboardPage::databaseActivated);

        QTest::mouseClick(card(*page, u"invoices"_s), Qt::LeftButton);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"invoices"_s);
        // On a label inside the card, too.
        QTest::mouseClick(card(*page, u"customers"_s)->findChild<QLabel *>(u"cardLastBackup"_s), Qt::LeftButton);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), u"customers"_s);

        DatabaseCard *orders = card(*page, u"orders"_s);
        orders->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(orders->hasFocus());
        QTest::keyClick(orders, Qt::Key_Return);
        QTest::keyClick(orders, Qt::Key_Space);
        QCOMPARE(activated.size(), 4);
        QCOMPARE(activated.at(2).at(0).toString(), u"orders"_s);
        QCOMPARE(activated.at(3).at(0).toString(), u"orders"_s);

        // Tab reaches the card's Restore… (Space asks for the wizard), then the next card, in the
        // order of the workspace.
        QSignalSpy restore(page.get(), &DashboardPage::restoreRequested);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), orders->findChild<QToolButton *>(u"cardRestoreButton"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(restore.size(), 1);
        QCOMPARE(restore.at(0).at(0).toString(), u"orders"_s);
        QCOMPARE(activated.size(), 4);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), card(*page, u"customers"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter);
        QCOMPARE(activated.size(), 5);
        QCOMPARE(activated.at(4).at(0).toString(), u"customers"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A);
        QCOMPARE(activated.size(), 5);
    }

    void gridReflowsWithTheWidth()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto page = openPage(scenario.workspacePath(), { 1250, 700 });
        auto position = [&page](const QString &name) { return card(*page, name)->geometry().topLeft(); };
        QTRY_COMPARE(position(u"customers"_s).y(), position(u"orders"_s).y());
        QVERIFY(position(u"customers"_s).x() > position(u"orders"_s).x());
        QCOMPARE(card(*page, u"customers"_s)->width(), card(*page, u"orders"_s)->width());

        page->resize(420, 700);
        QTRY_COMPARE(position(u"customers"_s).x(), position(u"orders"_s).x());
        QVERIFY(position(u"customers"_s).y() > position(u"orders"_s).y());
        QVERIFY(position(u"archive"_s).y() > position(u"ledger"_s).y());
        // One column: the cards are taller together than the view, so it scrolls.
        const auto *area = page->findChild<QScrollArea *>(u"cardArea"_s);
        QTRY_VERIFY(area->widget()->height() > area->viewport()->height());
        QVERIFY(card(*page, u"archive"_s)->geometry().bottom() <= area->widget()->height());
    }

    void reloadsAfterANewBackup()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        auto page = openPage(scenario.workspacePath());
        const DatabaseCard *customers = card(*page, u"customers"_s);
        QCOMPARE(customers->sparkline()->points().size(), 1);

        auto params = coffer::workspacejobs::backupParams(*page->session()->workspace(), u"customers"_s);
        COFFER_VERIFY_OK(params);
        QSignalSpy reloaded(page.get(), &DashboardPage::loadFinished);
        auto job = std::make_shared<coffer::BackupJob>(*params);
        page->session()->submit(job);
        QVERIFY(reloaded.wait(20000));
        QCOMPARE(job->state(), coffer::Job::State::Succeeded);

        customers = card(*page, u"customers"_s);
        QCOMPARE(customers->sparkline()->points().size(), 2);
        QVERIFY(
            customers->findChild<QLabel *>(u"cardLastBackup"_s)->toolTip().contains(job->result().manifest.shortId()));
        QCOMPARE(
            page->model()->statusAt(page->model()->rowOf(u"customers"_s))->newestBackupId, job->result().manifest.id);
        checkHealth(*page, u"customers"_s, HealthLevel::Amber, u"newest backup never verified"_s);
    }

    void emptyWorkspaceSaysSo()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        const QString path = scenario.fixture().path(u"empty.yaml"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("repositories:\n  - name: local\n    path: %1\n").arg(scenario.fixture().repo()).toUtf8());
        file.close();

        auto page = openPage(path);
        QVERIFY(cards(*page).isEmpty());
        const auto *empty = page->findChild<QLabel *>(u"emptyState"_s);
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(u"no databases"_s), qPrintable(empty->text()));
        QVERIFY(!page->findChild<QLabel *>(u"dashboardSummary"_s)->isVisible());
        QVERIFY(!page->findChild<MessageBar *>(u"messageBar"_s)->isVisible());
    }

    void unreadableRepositoryAndWorkspaceAreShownInline()
    {
        Scenario scenario;
        QVERIFY(scenario.isValid());
        const QString missing = scenario.fixture().path(u"gone"_s);
        const QString path = scenario.fixture().path(u"two.yaml"_s);
        QVERIFY(scenario.writeWorkspace(path,
            QStringLiteral("repositories:\n  - name: local\n    path: %1\n    default: true\n"
                           "  - name: offsite\n    path: %2\n")
                .arg(scenario.fixture().repo(), missing)));

        auto page = openPage(path);
        const auto *bar = page->findChild<MessageBar *>(u"messageBar"_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->type(), MessageBar::Type::Warning);
        QVERIFY2(bar->text().contains(u"offsite"_s) && bar->text().contains(missing), qPrintable(bar->text()));
        QCOMPARE(cards(*page).size(), 6); // what the readable repository holds is still shown

        QSignalSpy reloaded(page.get(), &DashboardPage::loadFinished);
        page->session()->openWorkspace(scenario.fixture().path(u"nowhere.yaml"_s));
        QVERIFY(reloaded.wait(20000));
        QCOMPARE(bar->type(), MessageBar::Type::Error);
        QVERIFY2(bar->text().contains(u"nowhere.yaml"_s), qPrintable(bar->text()));
        QVERIFY(cards(*page).isEmpty());
        QCOMPARE(page->findChild<QLabel *>(u"emptyState"_s)->text(), u"No workspace loaded."_s);
    }
};

QTEST_MAIN(TstDashboard)
#include "tst_dashboard.moc"
