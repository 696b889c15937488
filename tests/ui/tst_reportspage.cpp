// The reports page over real verifications: the history after real VerifyJobs (one passing, one
// failing on a corrupted artifact), the outcome and text filters, the summary, "Verify all…",
// activating a row, problems and empty states.
#include "CatalogFixture.h"
#include "PageFixture.h"

#include "Session.h"
#include "jobs/JobQueue.h"
#include "reports/ChoiceFilterModel.h"
#include "reports/ReportsPage.h"
#include "reports/VerificationReport.h"
#include "reports/VerificationTableModel.h"
#include "repository/Catalog.h"
#include "verify/VerifyJob.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

#include <memory>

using coffer::ui::MessageBar;
using coffer::ui::ReportsPage;
using coffer::ui::VerificationTableModel;

class TstReportsPage final : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<ReportsPage> openPage(const QString &workspace)
    {
        return pagefixture::openPage<ReportsPage>(workspace, QSize(1100, 600));
    }
    // Runs a real verification of `ids` through the page's session and waits for the reload.
    static bool verifyThroughSession(ReportsPage &page, const QString &repository, const QStringList &ids)
    {
        coffer::VerifyParams params;
        params.repositoryPath = repository;
        params.ids = ids;
        QSignalSpy finished(&page, &ReportsPage::loadFinished);
        page.session()->submit(std::make_shared<coffer::VerifyJob>(params));
        return finished.wait(20000);
    }
    static QTableView *table(ReportsPage &page)
    {
        return page.findChild<QTableView *>(QStringLiteral("verificationTable"));
    }
    static QComboBox *outcome(ReportsPage &page)
    {
        return page.findChild<QComboBox *>(QStringLiteral("outcomeFilter"));
    }
    static QLineEdit *filter(ReportsPage &page) { return page.findChild<QLineEdit *>(QStringLiteral("filterEdit")); }
    static QString summary(ReportsPage &page)
    {
        return page.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    }
    static QStringList shown(ReportsPage &page, int role = VerificationTableModel::BackupIdRole)
    {
        QStringList values;
        const QAbstractItemModel *model = table(page)->model();
        for (int row = 0; row < model->rowCount(); ++row)
            values << model->index(row, 0).data(role).toString();
        return values;
    }
    static QString cell(ReportsPage &page, int row, int column)
    {
        return table(page)->model()->index(row, column).data().toString();
    }

private Q_SLOTS:
    void modelAndProxyPassTheModelTester()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        const coffer::CancelFlag cancel{ false };
        coffer::VerifyParams params;
        params.repositoryPath = fixture.repo();
        params.all = true;
        COFFER_VERIFY_OK(coffer::VerifyJob::verifyAll(params, cancel, {}));
        auto workspace = coffer::Workspace::load(fixture.workspacePath());
        COFFER_VERIFY_OK(workspace);
        const coffer::ui::VerificationReport report = coffer::ui::VerificationReport::read(*workspace);
        QCOMPARE(report.rows.size(), 3);

        VerificationTableModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        coffer::ui::ChoiceFilterModel proxy(VerificationTableModel::OutcomeRole);
        proxy.setSourceModel(&model);
        proxy.setSortRole(VerificationTableModel::SortRole);
        proxy.setFilterRole(VerificationTableModel::FilterRole);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

        model.setRows(report.rows);
        QCOMPARE(model.columnCount(), int(VerificationTableModel::ColumnCount));
        for (int column = 0; column < VerificationTableModel::ColumnCount; ++column)
            proxy.sort(column, column % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        proxy.setChoice(QStringLiteral("failed"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setChoice(QStringLiteral("passed"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setFilterFixedString(QStringLiteral("CUSTOMERS"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setChoice({});
        proxy.setFilterFixedString({});
        model.setRows({});
        QCOMPARE(proxy.rowCount(), 0);
        model.setRows(report.rows);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void listsRealOutcomesAndFiltersThem()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto page = openPage(fixture.workspacePath());
        QCOMPARE(table(*page)->model()->rowCount(), 0);
        QCOMPARE(page->findChild<QStackedWidget *>(QStringLiteral("historyViews"))->currentWidget(),
            page->findChild<QLabel *>(QStringLiteral("emptyState")));
        QVERIFY2(summary(*page).contains(QStringLiteral("3 never verified")), qPrintable(summary(*page)));

        // The newest backup passes; the customers backup fails once a byte of its artifact flips.
        const QString good = fixture.ids().at(2);
        const QString bad = fixture.ids().at(1);
        QVERIFY(verifyThroughSession(*page, fixture.repo(), { good }));
        QTRY_COMPARE(table(*page)->model()->rowCount(), 1);
        auto repository = coffer::Repository::open(fixture.repo());
        COFFER_VERIFY_OK(repository);
        auto catalog = coffer::Catalog::open(*repository);
        COFFER_VERIFY_OK(catalog);
        auto entry = catalog->backup(bad);
        COFFER_VERIFY_OK(entry);
        QVERIFY(testsupport::flipByte(entry->artifactPath, -10));
        QVERIFY(verifyThroughSession(*page, fixture.repo(), { bad }));
        QTRY_COMPARE(table(*page)->model()->rowCount(), 2);

        QCOMPARE(shown(*page), (QStringList{ bad, good })); // newest first
        QCOMPARE(cell(*page, 0, VerificationTableModel::Outcome), QStringLiteral("FAILED"));
        QCOMPARE(cell(*page, 0, VerificationTableModel::Database), QStringLiteral("customers"));
        QCOMPARE(cell(*page, 0, VerificationTableModel::Backup), bad.left(8));
        QCOMPARE(cell(*page, 0, VerificationTableModel::Level), QStringLiteral("quick"));
        QVERIFY2(cell(*page, 0, VerificationTableModel::FailedChecks).contains(QStringLiteral("artifact_sha256")),
            qPrintable(cell(*page, 0, VerificationTableModel::FailedChecks)));
        QCOMPARE(cell(*page, 1, VerificationTableModel::Outcome), QStringLiteral("passed"));
        QCOMPARE(cell(*page, 1, VerificationTableModel::FailedChecks), QString());
        QCOMPARE(cell(*page, 1, VerificationTableModel::Repository), QStringLiteral("local"));

        const QString text = summary(*page);
        QVERIFY2(text.contains(QStringLiteral("1 verified, 1 failed, 1 never verified")), qPrintable(text));
        QVERIFY2(text.contains(fixture.ids().at(0).left(8)), qPrintable(text)); // the oldest unverified

        outcome(*page)->setCurrentIndex(outcome(*page)->findData(QStringLiteral("failed")));
        QCOMPARE(shown(*page), QStringList{ bad });
        outcome(*page)->setCurrentIndex(outcome(*page)->findData(QStringLiteral("passed")));
        QCOMPARE(shown(*page), QStringList{ good });
        outcome(*page)->setCurrentIndex(0);
        QCOMPARE(shown(*page).size(), 2);

        QTest::keyClicks(filter(*page), QStringLiteral("CUSTOMERS"));
        QCOMPARE(shown(*page), QStringList{ bad });
        filter(*page)->clear();
        QTest::keyClicks(filter(*page), good.mid(12, 10)); // beyond the 8 characters shown
        QCOMPARE(shown(*page), QStringList{ good });
        filter(*page)->clear();
        QTest::keyClicks(filter(*page), QStringLiteral("artifact_sha"));
        QCOMPARE(shown(*page), QStringList{ bad });
        outcome(*page)->setCurrentIndex(outcome(*page)->findData(QStringLiteral("passed")));
        QCOMPARE(shown(*page), QStringList());
    }

    void verifyAllRunsAJobPerRepositoryAndReloads()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto repository = coffer::Repository::open(fixture.repo());
        COFFER_VERIFY_OK(repository);
        auto catalog = coffer::Catalog::open(*repository);
        COFFER_VERIFY_OK(catalog);
        auto corrupted = catalog->backup(fixture.ids().at(0));
        COFFER_VERIFY_OK(corrupted);
        QVERIFY(testsupport::flipByte(corrupted->artifactPath, -10));

        auto page = openPage(fixture.workspacePath());
        auto *button = page->findChild<QPushButton *>(QStringLiteral("verifyAllButton"));
        QVERIFY(button->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Verify &all…"));

        QSignalSpy finished(page.get(), &ReportsPage::loadFinished);
        page->findChild<QAction *>(QStringLiteral("verifyAllFullAction"))->trigger();
        QVERIFY(page->isVerifying());
        QVERIFY(!button->isEnabled()); // no second run while this one goes
        QTRY_VERIFY_WITH_TIMEOUT(!page->isVerifying(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(table(*page)->model()->rowCount(), 3, 20000);
        QVERIFY(finished.count() >= 1);
        QVERIFY(button->isEnabled());

        QCOMPARE(page->session()->jobs()->jobs().size(), 1);
        QStringList levels;
        for (int row = 0; row < 3; ++row)
            levels << cell(*page, row, VerificationTableModel::Level);
        QCOMPARE(levels, QStringList(3, QStringLiteral("full")));
        outcome(*page)->setCurrentIndex(outcome(*page)->findData(QStringLiteral("failed")));
        QCOMPARE(shown(*page), QStringList{ fixture.ids().at(0) });

        auto *message = page->findChild<MessageBar *>(QStringLiteral("verifyMessageBar"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->type(), MessageBar::Type::Warning);
        QVERIFY2(message->text().contains(QStringLiteral("2 passed, 1 FAILED")), qPrintable(message->text()));
        QVERIFY2(summary(*page).contains(QStringLiteral("2 verified, 1 failed, 0 never verified")),
            qPrintable(summary(*page)));

        // The quick level adds three more outcomes to the history.
        page->findChild<QAction *>(QStringLiteral("verifyAllQuickAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isVerifying(), 20000);
        outcome(*page)->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(table(*page)->model()->rowCount(), 6, 20000);
        QCOMPARE(cell(*page, 0, VerificationTableModel::Level), QStringLiteral("quick"));
    }

    void verifyAllNamesARepositoryItCannotVerify()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        const QString missing = fixture.path(QStringLiteral("unplugged"));
        const QString workspace = fixture.path(QStringLiteral("two.yaml"));
        QVERIFY(fixture.writeWorkspace(
            workspace, { { QStringLiteral("local"), fixture.repo() }, { QStringLiteral("usb"), missing } }));
        auto page = openPage(workspace);
        auto *bar = page->findChild<MessageBar *>(QStringLiteral("messageBar"));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->type(), MessageBar::Type::Warning);
        QVERIFY2(bar->text().contains(missing), qPrintable(bar->text()));

        page->findChild<QAction *>(QStringLiteral("verifyAllQuickAction"))->trigger();
        QCOMPARE(page->session()->jobs()->jobs().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isVerifying(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(table(*page)->model()->rowCount(), 3, 20000);
        auto *message = page->findChild<MessageBar *>(QStringLiteral("verifyMessageBar"));
        QCOMPARE(message->type(), MessageBar::Type::Error);
        QVERIFY2(message->text().contains(QStringLiteral("“usb”")) && message->text().contains(missing)
                && message->text().contains(QStringLiteral("Verified 3 backup"))
                && message->text().contains(QStringLiteral("all passed")),
            qPrintable(message->text()));
    }

    void reportsTheRunOnceWhenEveryJobEndsBeforeItsSignalArrives()
    {
        // Two unreachable repositories fail at once: both jobs are final before the first
        // finished() reaches the page, and the second arrival must not replace the report.
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        const QString workspace = fixture.path(QStringLiteral("gone.yaml"));
        QVERIFY(fixture.writeWorkspace(workspace,
            { { QStringLiteral("usb"), fixture.path(QStringLiteral("usb")) },
                { QStringLiteral("nas"), fixture.path(QStringLiteral("nas")) } }));
        auto page = openPage(workspace);
        page->findChild<QAction *>(QStringLiteral("verifyAllQuickAction"))->trigger();
        const auto jobs = page->session()->jobs()->jobs();
        QCOMPARE(jobs.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(jobs.at(0)->isFinished() && jobs.at(1)->isFinished(), 20000);
        QTRY_VERIFY(!page->isVerifying());
        QCoreApplication::sendPostedEvents(); // every queued finished() is delivered now
        auto *message = page->findChild<MessageBar *>(QStringLiteral("verifyMessageBar"));
        QCOMPARE(message->type(), MessageBar::Type::Error);
        QVERIFY2(message->text().contains(QStringLiteral("“usb”")) && message->text().contains(QStringLiteral("“nas”"))
                && message->text().contains(QStringLiteral("No backup was verified.")),
            qPrintable(message->text()));
    }

    void doubleClickOrEnterActivatesTheBackup()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto page = openPage(fixture.workspacePath());
        QVERIFY(verifyThroughSession(*page, fixture.repo(), { fixture.ids().at(0), fixture.ids().at(1) }));
        QTRY_COMPARE(table(*page)->model()->rowCount(), 2);
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));

        QSignalSpy activated(page.get(), &ReportsPage::backupActivated);
        QTableView *view = table(*page);
        const QModelIndex second = view->model()->index(1, VerificationTableModel::Database);
        const QPoint centre = view->visualRect(second).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.takeFirst().at(0).toString(), second.data(VerificationTableModel::BackupIdRole).toString());

        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.takeFirst().at(0).toString(),
            view->model()->index(0, 0).data(VerificationTableModel::BackupIdRole).toString());
    }

    void unreadableWorkspaceShowsAnErrorAndNoVerifyAll()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        const QString workspace = fixture.path(QStringLiteral("missing.yaml"));
        auto page = openPage(workspace);
        auto *bar = page->findChild<MessageBar *>(QStringLiteral("messageBar"));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->type(), MessageBar::Type::Error);
        QVERIFY2(bar->text().contains(workspace), qPrintable(bar->text()));
        QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("verifyAllButton"))->isEnabled());
        QCOMPARE(page->findChild<QStackedWidget *>(QStringLiteral("historyViews"))->currentWidget(),
            page->findChild<QLabel *>(QStringLiteral("emptyState")));
        QCOMPARE(page->statusText(), QStringLiteral("No workspace loaded"));
    }
};

QTEST_MAIN(TstReportsPage)
#include "tst_reportspage.moc"
