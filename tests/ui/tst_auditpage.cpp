// The audit page over real audit trails: the records real backups and a real verification made,
// newest first, the operation and text filters, the chain check, and a trail edited behind
// Coffer's back.
#include "CatalogFixture.h"
#include "PageFixture.h"

#include "Session.h"
#include "audit/AuditPage.h"
#include "audit/AuditReport.h"
#include "audit/AuditTableModel.h"
#include "reports/ChoiceFilterModel.h"
#include "verify/VerifyJob.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

#include <memory>

using coffer::ui::AuditPage;
using coffer::ui::AuditTableModel;
using coffer::ui::MessageBar;

class TstAuditPage final : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<AuditPage> openPage(const QString &workspace)
    {
        return pagefixture::openPage<AuditPage>(workspace, QSize(1100, 600));
    }
    static QTableView *table(AuditPage &page) { return page.findChild<QTableView *>(QStringLiteral("auditTable")); }
    static QComboBox *operation(AuditPage &page)
    {
        return page.findChild<QComboBox *>(QStringLiteral("operationFilter"));
    }
    static QLineEdit *filter(AuditPage &page) { return page.findChild<QLineEdit *>(QStringLiteral("filterEdit")); }
    static QString chainText(AuditPage &page)
    {
        return page.findChild<QLabel *>(QStringLiteral("chainStatus"))->text();
    }
    static QString cell(AuditPage &page, int row, int column)
    {
        return table(page)->model()->index(row, column).data().toString();
    }
    static QStringList column(AuditPage &page, int column)
    {
        QStringList values;
        for (int row = 0; row < table(page)->model()->rowCount(); ++row)
            values << cell(page, row, column);
        return values;
    }
    static void chooseOperation(AuditPage &page, const QString &name)
    {
        operation(page)->setCurrentIndex(operation(page)->findData(name));
    }

private Q_SLOTS:
    void modelAndProxyPassTheModelTester()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto workspace = coffer::Workspace::load(fixture.workspacePath());
        COFFER_VERIFY_OK(workspace);
        const coffer::ui::AuditReport report = coffer::ui::AuditReport::read(*workspace);
        QCOMPARE(report.rows.size(), 3);
        QCOMPARE(report.operations, QStringList{ QStringLiteral("backup") });

        AuditTableModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        coffer::ui::ChoiceFilterModel proxy(AuditTableModel::OperationRole);
        proxy.setSourceModel(&model);
        proxy.setSortRole(AuditTableModel::SortRole);
        proxy.setFilterRole(AuditTableModel::FilterRole);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

        model.setRows(report.rows);
        QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));
        for (int column = 0; column < AuditTableModel::ColumnCount; ++column)
            proxy.sort(column, column % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        proxy.setChoice(QStringLiteral("verify"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setChoice(QStringLiteral("backup"));
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

    void listsWhatBackupsAndAVerificationRecorded()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto page = openPage(fixture.workspacePath());
        QCOMPARE(table(*page)->model()->rowCount(), 3);
        QVERIFY2(chainText(*page).contains(QStringLiteral("intact: 3 record")), qPrintable(chainText(*page)));

        coffer::VerifyParams params;
        params.repositoryPath = fixture.repo();
        params.ids = { fixture.ids().at(0) };
        QSignalSpy finished(page.get(), &AuditPage::loadFinished);
        page->session()->submit(std::make_shared<coffer::VerifyJob>(params));
        QVERIFY(finished.wait(20000));
        QTRY_COMPARE(table(*page)->model()->rowCount(), 4);

        // Newest first: the verification, then the backups from the last to the first.
        QCOMPARE(column(*page, AuditTableModel::Operation),
            (QStringList{ QStringLiteral("verify"), QStringLiteral("backup"), QStringLiteral("backup"),
                QStringLiteral("backup") }));
        QCOMPARE(column(*page, AuditTableModel::Sequence),
            (QStringList{ QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1") }));
        QCOMPARE(cell(*page, 0, AuditTableModel::Backup), fixture.ids().at(0).left(8));
        QCOMPARE(cell(*page, 0, AuditTableModel::Target), QStringLiteral("orders"));
        QCOMPARE(cell(*page, 0, AuditTableModel::Outcome), QStringLiteral("ok"));
        QCOMPARE(cell(*page, 0, AuditTableModel::Detail), QStringLiteral("quick verification"));
        QCOMPARE(cell(*page, 0, AuditTableModel::Repository), QStringLiteral("local"));
        QVERIFY(cell(*page, 0, AuditTableModel::Who).contains(QLatin1Char('@')));
        QCOMPARE(column(*page, AuditTableModel::Backup).mid(1),
            (QStringList{ fixture.ids().at(2).left(8), fixture.ids().at(1).left(8), fixture.ids().at(0).left(8) }));
        QVERIFY2(chainText(*page).contains(QStringLiteral("intact: 4 record")), qPrintable(chainText(*page)));

        // The operations on offer are the ones in the trail.
        QCOMPARE(operation(*page)->count(), 3);
        chooseOperation(*page, QStringLiteral("verify"));
        QCOMPARE(column(*page, AuditTableModel::Operation), QStringList{ QStringLiteral("verify") });
        chooseOperation(*page, QStringLiteral("backup"));
        QCOMPARE(table(*page)->model()->rowCount(), 3);
        QTest::keyClicks(filter(*page), QStringLiteral("customers"));
        QCOMPARE(column(*page, AuditTableModel::Backup), QStringList{ fixture.ids().at(1).left(8) });
        filter(*page)->clear();
        operation(*page)->setCurrentIndex(0);
        QTest::keyClicks(filter(*page), fixture.ids().at(0).mid(20)); // the full ID, not only what is shown
        QCOMPARE(column(*page, AuditTableModel::Operation),
            (QStringList{ QStringLiteral("verify"), QStringLiteral("backup") }));

        // The chosen operation survives a reload.
        filter(*page)->clear();
        chooseOperation(*page, QStringLiteral("verify"));
        QSignalSpy reloaded(page.get(), &AuditPage::loadFinished);
        page->refresh();
        QVERIFY(reloaded.wait(20000));
        QCOMPARE(operation(*page)->currentData().toString(), QStringLiteral("verify"));
        QCOMPARE(table(*page)->model()->rowCount(), 1);
    }

    void anEditedRecordBreaksTheChain()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto page = openPage(fixture.workspacePath());
        QVERIFY2(chainText(*page).contains(QStringLiteral("intact")), qPrintable(chainText(*page)));

        // Someone with the file and sqlite3 rewrites history: the trigger that refuses updates
        // goes first.
        const QString catalog = fixture.repo() + QStringLiteral("/catalog.db");
        QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("DROP TRIGGER audit_no_update")), QString());
        QCOMPARE(testsupport::sqlite(catalog,
                     QStringLiteral("UPDATE audit SET detail = 'nothing to see' "
                                    "WHERE sequence = 2")),
            QString());
        QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("SELECT detail FROM audit WHERE sequence = 2")),
            QStringLiteral("nothing to see"));

        QSignalSpy finished(page.get(), &AuditPage::loadFinished);
        page->refresh();
        QVERIFY(finished.wait(20000));
        const QString text = chainText(*page);
        QVERIFY2(text.contains(QStringLiteral("BROKEN")) && text.contains(QStringLiteral("record 2:"))
                && !text.contains(QStringLiteral("intact")),
            qPrintable(text));
        QVERIFY2(page->statusText().contains(QStringLiteral("broken")), qPrintable(page->statusText()));
        // The edited record is still listed, as it now reads.
        QTest::keyClicks(filter(*page), QStringLiteral("nothing to see"));
        QCOMPARE(column(*page, AuditTableModel::Sequence), QStringList{ QStringLiteral("2") });
    }

    void emptyTrailAndUnreadableRepository()
    {
        testsupport::TempRepository empty;
        QVERIFY(empty.isValid());
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        const QString missing = fixture.path(QStringLiteral("gone"));
        const QString workspace = fixture.path(QStringLiteral("two.yaml"));
        QVERIFY(fixture.writeWorkspace(
            workspace, { { QStringLiteral("fresh"), empty.repo() }, { QStringLiteral("gone"), missing } }));
        auto page = openPage(workspace);
        auto *bar = page->findChild<MessageBar *>(QStringLiteral("messageBar"));
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(missing), qPrintable(bar->text()));
        auto *label = page->findChild<QLabel *>(QStringLiteral("emptyState"));
        QCOMPARE(page->findChild<QStackedWidget *>()->currentWidget(), label);
        QVERIFY2(label->text().startsWith(QStringLiteral("The audit trail is empty")), qPrintable(label->text()));
        QVERIFY2(chainText(*page).contains(QStringLiteral("“fresh” intact: 0 record")), qPrintable(chainText(*page)));
    }
};

QTEST_MAIN(TstAuditPage)
#include "tst_auditpage.moc"
