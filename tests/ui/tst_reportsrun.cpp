// The Reports page's verification run: level and scope chosen in the panel, a real run through
// the session's job queue, the result tree (badges, a check per child row, failures expanded),
// a failed backup linking to the catalog, and the exports (JSON, HTML, PDF) through the file
// dialog, written off the GUI thread.
#include "CatalogFixture.h"
#include "PageFixture.h"

#include "Session.h"
#include "reports/ReportsPage.h"
#include "reports/RunResultModel.h"
#include "reports/VerificationRunPanel.h"
#include "repository/Catalog.h"
#include "verify/VerifyJob.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

#include <memory>

using coffer::ui::ReportsPage;
using coffer::ui::RunResultModel;
using coffer::ui::VerificationRunPanel;

class TstReportsRun final : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<ReportsPage> openPage(const QString &workspace)
    {
        return pagefixture::openPage<ReportsPage>(workspace, QSize(1100, 700));
    }
    static bool corrupt(const CatalogFixture &fixture, const QString &id)
    {
        auto repository = coffer::Repository::open(fixture.repo());
        auto catalog = repository ? coffer::Catalog::open(*repository) : std::unexpected(repository.error());
        auto entry = catalog ? catalog->backup(id) : std::unexpected(catalog.error());
        return entry && testsupport::flipByte(entry->artifactPath, -10);
    }
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    template <typename T> static T *child(QWidget &page, const char *name)
    {
        auto *found = page.findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

private Q_SLOTS:
    void runsTheChosenScopeAndShowsTheResultTree()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        QVERIFY(corrupt(fixture, fixture.ids().at(1))); // the customers backup
        auto page = openPage(fixture.workspacePath());
        VerificationRunPanel *panel = page->runPanel();
        auto *exportJson = child<QPushButton>(*page, "exportJsonButton");
        QVERIFY(!exportJson->isEnabled()); // nothing to export before a run

        auto *scope = child<QComboBox>(*page, "scopeCombo");
        QStringList scopes;
        for (int i = 0; i < scope->count(); ++i)
            scopes << scope->itemText(i);
        QCOMPARE(scopes,
            (QStringList{ QStringLiteral("All repositories"), QStringLiteral("Repository “local”"),
                QStringLiteral("Database “orders”"), QStringLiteral("Database “customers”") }));
        scope->setCurrentIndex(3);
        auto *level = child<QComboBox>(*page, "levelCombo");
        level->setCurrentIndex(1); // full

        QSignalSpy finished(panel, &VerificationRunPanel::runFinished);
        QTest::mouseClick(child<QPushButton>(*page, "runVerificationButton"), Qt::LeftButton);
        QVERIFY(page->isVerifying());
        QVERIFY(!child<QPushButton>(*page, "runVerificationButton")->isEnabled());
        QVERIFY(!child<QPushButton>(*page, "verifyAllButton")->isEnabled());
        QVERIFY(finished.wait(30000));
        QVERIFY(!page->isVerifying());
        QVERIFY(child<QPushButton>(*page, "verifyAllButton")->isEnabled());

        // Only the customers backup was verified, fully, and it failed.
        QVERIFY(panel->result().has_value());
        const coffer::VerificationRunReport &report = *panel->result();
        QCOMPARE(report.scope, coffer::ReportScope::Database);
        QCOMPARE(report.level, QStringLiteral("full"));
        QCOMPARE(report.summary.backups, 1);
        QCOMPARE(report.summary.failed, 1);
        auto *view = child<QTreeView>(*page, "runResultView");
        QVERIFY(view->isVisible());
        const QAbstractItemModel *model = view->model();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex row = model->index(0, RunResultModel::Outcome);
        QCOMPARE(row.data().toString(), QStringLiteral("FAILED"));
        QCOMPARE(model->index(0, RunResultModel::Database).data().toString(), QStringLiteral("customers"));
        QVERIFY(view->isExpanded(row)); // failures open by themselves
        QStringList failedChecks;
        for (int check = 0; check < model->rowCount(row); ++check)
            if (model->index(check, RunResultModel::Outcome, row).data().toString() == QStringLiteral("FAIL"))
                failedChecks << model->index(check, RunResultModel::Database, row).data().toString();
        QVERIFY2(failedChecks.contains(QStringLiteral("artifact_sha256")), qPrintable(failedChecks.join(u',')));
        const QString summary = child<QLabel>(*page, "runSummaryLabel")->text();
        QVERIFY2(summary.contains(QStringLiteral("1 checked, 0 passed, 1 failed")), qPrintable(summary));
        auto *message = child<coffer::ui::MessageBar>(*page, "verifyMessageBar");
        QCOMPARE(message->type(), coffer::ui::MessageBar::Type::Warning);

        // A failed check leads to its backup in the catalog.
        QSignalSpy activated(page.get(), &ReportsPage::backupActivated);
        view->setFocus();
        view->setCurrentIndex(model->index(0, RunResultModel::Outcome, row));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.takeFirst().at(0).toString(), fixture.ids().at(1));

        // The history below lists the run too.
        QTRY_COMPARE(child<QAbstractItemView>(*page, "verificationTable")->model()->rowCount(), 1);
    }

    void verifiesTheCatalogSelection()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto page = openPage(fixture.workspacePath());
        auto *scope = child<QComboBox>(*page, "scopeCombo");
        QCOMPARE(scope->count(), 4); // no selection yet, no selection scope
        page->setCatalogSelection({ { QStringLiteral("local"), { fixture.ids().at(0), fixture.ids().at(2) } } });
        QCOMPARE(scope->count(), 5);
        QCOMPARE(scope->itemText(4), QStringLiteral("2 backup(s) selected in the catalog"));
        scope->setCurrentIndex(4);
        QSignalSpy finished(page->runPanel(), &VerificationRunPanel::runFinished);
        QTest::mouseClick(child<QPushButton>(*page, "runVerificationButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        const coffer::VerificationRunReport &report = *page->runPanel()->result();
        QCOMPARE(report.scope, coffer::ReportScope::Selection);
        QCOMPARE(report.summary.backups, 2);
        QCOMPARE(report.summary.verified, 2);
        QStringList verified;
        for (const coffer::ReportEntry &entry : report.entries)
            verified << entry.backupId;
        QCOMPARE(verified, (QStringList{ fixture.ids().at(0), fixture.ids().at(2) }));

        // A new selection of one backup follows while the selection scope is chosen.
        page->setCatalogSelection({ { QStringLiteral("local"), { fixture.ids().at(1) } } });
        QCOMPARE(scope->currentIndex(), 4);
        QCOMPARE(scope->currentText(), QStringLiteral("1 backup(s) selected in the catalog"));
        QTest::mouseClick(child<QPushButton>(*page, "runVerificationButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(page->runPanel()->result()->scope, coffer::ReportScope::Backup);
        QCOMPARE(page->runPanel()->result()->scopeLabel, fixture.ids().at(1));
        page->setCatalogSelection({});
        QCOMPARE(scope->count(), 4);
    }

    void exportsEachFormatThroughTheDialog_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << QStringLiteral("exportJsonButton") << QStringLiteral("run.json");
        QTest::newRow("html") << QStringLiteral("exportHtmlButton") << QStringLiteral("run.html");
        QTest::newRow("pdf") << QStringLiteral("exportPdfButton") << QStringLiteral("run.pdf");
    }

    void exportsEachFormatThroughTheDialog()
    {
        QFETCH(QString, button);
        QFETCH(QString, file);
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto page = openPage(fixture.workspacePath());
        VerificationRunPanel *panel = page->runPanel();
        QSignalSpy finished(panel, &VerificationRunPanel::runFinished);
        page->verifyAll(coffer::VerifyLevel::Quick);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel->result()->entries.size(), 3);

        auto *exportButton = page->findChild<QPushButton *>(button);
        QVERIFY(exportButton->isEnabled());
        QTest::mouseClick(exportButton, Qt::LeftButton);
        auto *dialog = page->findChild<QFileDialog *>(QStringLiteral("exportDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal()); // open(): window-modal, without a nested event loop
        const QString path = fixture.path(file);
        QSignalSpy exported(panel, &VerificationRunPanel::exportFinished);
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept"); // the Save button, as a user clicks it
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.at(0).at(0).toString(), path);
        QCOMPARE(exported.at(0).at(1).toString(), QString());
        const QByteArray bytes = readAll(path);
        if (file.endsWith(QStringLiteral(".json"))) {
            const QJsonObject json = QJsonDocument::fromJson(bytes).object();
            QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("coffer-verification-report"));
            QCOMPARE(json.value(QStringLiteral("scope")).toObject().value(QStringLiteral("kind")).toString(),
                QStringLiteral("workspace"));
            QCOMPARE(json.value(QStringLiteral("results")).toArray().size(), 3);
        } else if (file.endsWith(QStringLiteral(".html"))) {
            for (const QString &id : fixture.ids())
                QVERIFY2(bytes.contains(id.toLatin1()), qPrintable(id));
        } else {
            QVERIFY(bytes.startsWith("%PDF-"));
        }
        auto *message = page->findChild<coffer::ui::MessageBar *>(QStringLiteral("verifyMessageBar"));
        QVERIFY2(message->text().contains(path), qPrintable(message->text()));
    }

    void anExportThatCannotBeWrittenSaysSo()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        auto page = openPage(fixture.workspacePath());
        VerificationRunPanel *panel = page->runPanel();
        QSignalSpy finished(panel, &VerificationRunPanel::runFinished);
        page->verifyAll(coffer::VerifyLevel::Quick);
        QVERIFY(finished.wait(30000));
        QSignalSpy exported(panel, &VerificationRunPanel::exportFinished);
        const QString path = fixture.path(QStringLiteral("missing/folder/run.json"));
        panel->exportResult(path);
        QVERIFY(exported.wait(30000));
        QVERIFY(!exported.at(0).at(1).toString().isEmpty());
        auto *message = page->findChild<coffer::ui::MessageBar *>(QStringLiteral("verifyMessageBar"));
        QCOMPARE(message->type(), coffer::ui::MessageBar::Type::Error);
        QVERIFY2(message->text().contains(QStringLiteral("could not be written")), qPrintable(message->text()));
        QVERIFY(!QFile::exists(path));
    }

    void resultModelPassesTheModelTester()
    {
        coffer::ReportRepositoryRun run;
        run.repository = QStringLiteral("local");
        for (int i = 0; i < 4; ++i) {
            coffer::VerifyOutcome outcome;
            outcome.backupId = QStringLiteral("%1").arg(i).repeated(32);
            outcome.database = QStringLiteral("db%1").arg(i);
            outcome.level = QStringLiteral("quick");
            outcome.checks << coffer::CheckResult{ QStringLiteral("manifest"), true, QStringLiteral("well-formed") }
                           << coffer::CheckResult{ QStringLiteral("artifact_sha256"), i != 2, QStringLiteral("x") };
            run.outcomes << outcome;
        }
        const auto report = coffer::VerificationRunReport::make(
            coffer::ReportScope::Repository, {}, QStringLiteral("quick"), {}, {}, { run });
        RunResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(report.entries);
        QCOMPARE(model.rowCount(), 4);
        const QModelIndex failed = model.index(2, 0);
        QCOMPARE(model.rowCount(failed), 2);
        QCOMPARE(model.index(1, RunResultModel::Outcome, failed).data().toString(), QStringLiteral("FAIL"));
        QCOMPARE(model.index(1, RunResultModel::Detail, failed).data().toString(), QStringLiteral("x"));
        QCOMPARE(model.parent(model.index(1, 3, failed)), failed);
        QCOMPARE(model.rowCount(model.index(2, 1)), 0); // only the first column has children
        QCOMPARE(model.index(2, RunResultModel::Outcome).data().toString(), QStringLiteral("FAILED"));
        QCOMPARE(model.index(1, RunResultModel::Outcome).data().toString(), QStringLiteral("PASSED"));
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TstReportsRun)
#include "tst_reportsrun.moc"
