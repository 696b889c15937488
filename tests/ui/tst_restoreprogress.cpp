// The restore wizard's Progress and Result pages over a real repository and the real engine: the
// phases as they pass, Cancel before (and not after) the install, the result of a restore to a new
// file and over the database itself, a cancelled restore, an injected failure after the swap (in a
// child process: test hooks are read once per process), and a rollback that failed.
#include "RestoreFixture.h"

#include "restore/RestoreJob.h"
#include "restore/RestorePhaseModel.h"
#include "restore/RestoreProgressPage.h"
#include "restore/RestoreResultPage.h"
#include "restore/RestoreState.h"
#include "restore/RestoreWizard.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QWizard>
#include <QtTest>

#include <memory>

using coffer::ui::RestorePhaseModel;
using coffer::ui::RestoreProgressPage;
using coffer::ui::RestoreResultPage;
using coffer::ui::RestoreState;
using coffer::ui::RestoreWizard;
using restorefixture::bytesOf;
using restorefixture::contents;
using PhaseState = RestorePhaseModel::PhaseState;

namespace {

const char *const kFailAt = "restore-mid-verify";

template <typename T> T *child(const QWidget &parent, const char *name)
{
    return parent.findChild<T *>(QString::fromLatin1(name));
}

QString text(const QWidget &parent, const char *label)
{
    const auto *found = child<QLabel>(parent, label);
    return found ? found->text() : QStringLiteral("<no %1>").arg(QLatin1String(label));
}

// The phase rows as (name, state), in order.
QList<QPair<QString, PhaseState>> rows(const QAbstractItemModel &model)
{
    QList<QPair<QString, PhaseState>> all;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        all << qMakePair(index.data(RestorePhaseModel::NameRole).toString(),
            index.data(RestorePhaseModel::StateRole).value<PhaseState>());
    }
    return all;
}

QString detailOf(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data(RestorePhaseModel::NameRole).toString() == name)
            return model.index(row, RestorePhaseModel::Detail).data().toString();
    return {};
}

void shoot(QWidget &widget, const QString &name)
{
    QDir().mkpath(QStringLiteral("/tmp/shots"));
    QTest::qWait(100); // what the user sees once the page has settled
    widget.grab().save(QStringLiteral("/tmp/shots/%1.png").arg(name));
}

} // namespace

class TstRestoreProgress final : public QObject
{
    Q_OBJECT

private:
    coffer::CatalogEntry entry(const QString &id) const { return restorefixture::entry(m_fixture->repo(), id); }

    // The first backup of `orders`, to `otherTarget` (empty: its own path), checked by a real preflight.
    bool prepare(RestoreState &state, const QString &otherTarget = {})
    {
        state.setBackup(m_fixture->repo(), entry(m_fixture->ids().at(0)));
        state.setOtherTarget(otherTarget);
        state.startPreflight();
        if (!QTest::qWaitFor([&] { return state.plan() || state.preflightError(); }, 60000))
            return false;
        if (!state.plan() || !state.plan()->ok()) {
            qWarning("preflight did not pass: %s",
                state.preflightError() ? qPrintable(state.preflightError()->toString()) : "failed checks");
            return false;
        }
        return true;
    }

    // The two pages in a plain wizard, at the wizard's own page ids, starting on Progress.
    static std::unique_ptr<QWizard> wizardFor(RestoreState &state)
    {
        auto wizard = std::make_unique<QWizard>();
        wizard->setWizardStyle(QWizard::ClassicStyle);
        wizard->setPage(RestoreWizard::ProgressPageId, new RestoreProgressPage(&state));
        wizard->setPage(RestoreWizard::ResultPageId, new RestoreResultPage(&state));
        wizard->setStartId(RestoreWizard::ProgressPageId);
        wizard->resize(900, 640);
        wizard->show();
        return wizard;
    }

    static bool finishes(QWizard &wizard)
    {
        return QTest::qWaitFor([&] { return wizard.currentId() == RestoreWizard::ResultPageId; }, 60000);
    }

    std::unique_ptr<CatalogFixture> m_fixture;
    std::unique_ptr<coffer::ui::Session> m_session;

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        m_session = restorefixture::openSession(m_fixture->workspacePath());
        QVERIFY(m_session);
    }

    void cleanup()
    {
        m_session.reset();
        m_fixture.reset();
    }

    void phasesBeforeTheRestore()
    {
        RestoreState state(m_session.get(), {});
        RestorePhaseModel model(&state);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(rows(model),
            (QList<QPair<QString, PhaseState>>{ { QStringLiteral("materialise"), PhaseState::Waiting },
                { QStringLiteral("check"), PhaseState::Waiting },
                { QStringLiteral("safety backup"), PhaseState::Waiting },
                { QStringLiteral("install"), PhaseState::Waiting },
                { QStringLiteral("verify"), PhaseState::Waiting } }));

        // The checks decode and check the backup: both are done once the preflight passed, with its time.
        QVERIFY(prepare(state));
        const auto checked = rows(model);
        QCOMPARE(checked.at(0).second, PhaseState::Done);
        QCOMPARE(checked.at(1).second, PhaseState::Done);
        QCOMPARE(checked.at(2).second, PhaseState::Waiting); // the own path exists: a safety backup will be taken
        QCOMPARE(model.index(0, 0).data(RestorePhaseModel::MillisecondsRole).toLongLong(), state.plan()->preflightMs);
        QVERIFY2(model.index(1, RestorePhaseModel::Time).data().toString().contains(QStringLiteral("the checks")),
            qPrintable(model.index(1, RestorePhaseModel::Time).data().toString()));
        QVERIFY(
            model.index(0, RestorePhaseModel::Detail).data().toString().contains(QStringLiteral("during the checks")));

        // A file that does not exist has nothing to keep.
        QVERIFY(prepare(state, m_fixture->path(QStringLiteral("new.db"))));
        QCOMPARE(rows(model).at(2).second, PhaseState::Skipped);
        QCOMPARE(
            detailOf(model, QStringLiteral("safety backup")), QStringLiteral("Skipped: there is no current database"));
    }

    void restoreToANewFile()
    {
        const QString target = m_fixture->path(QStringLiteral("restored/orders-copy.db"));
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        RestoreState state(m_session.get(), {});
        QVERIFY(prepare(state, target));
        auto wizard = wizardFor(state);
        auto *progress = qobject_cast<RestoreProgressPage *>(wizard->page(RestoreWizard::ProgressPageId));
        QAbstractItemModelTester tester(progress->phaseModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto *cancel = child<QPushButton>(*progress, "cancelRestoreButton");
        QCOMPARE(progress->title(), QStringLiteral("Restoring"));
        QVERIFY(!cancel->isEnabled()); // nothing runs yet
        QVERIFY(!progress->isComplete());

        // Cancel is there until the install begins, and explained as impossible from then on.
        QMap<QString, bool> cancelAt;
        QMap<QString, QString> noteAt;
        connect(&state, &RestoreState::restoreProgress, this, [&] {
            if (state.phases().isEmpty())
                return;
            cancelAt.insert(state.phases().last().first, cancel->isEnabled());
            noteAt.insert(state.phases().last().first, text(*progress, "cancelNoteLabel"));
        });
        QVERIFY(state.startRestore());
        QVERIFY(cancel->isEnabled());
        QVERIFY(text(*progress, "cancelNoteLabel").contains(QStringLiteral("You can cancel until the install")));
        QVERIFY(finishes(*wizard));
        QVERIFY(progress->isComplete());
        QCOMPARE(cancelAt.value(QStringLiteral("install"), true), false);
        QCOMPARE(cancelAt.value(QStringLiteral("verify"), true), false);
        QVERIFY2(noteAt.value(QStringLiteral("install")).contains(QStringLiteral("can no longer be cancelled")),
            qPrintable(noteAt.value(QStringLiteral("install"))));
        QVERIFY(!cancel->isEnabled());

        const auto phases = rows(*progress->phaseModel());
        QCOMPARE(phases,
            (QList<QPair<QString, PhaseState>>{ { QStringLiteral("materialise"), PhaseState::Done },
                { QStringLiteral("check"), PhaseState::Done }, { QStringLiteral("safety backup"), PhaseState::Skipped },
                { QStringLiteral("install"), PhaseState::Done }, { QStringLiteral("verify"), PhaseState::Done } }));
        QCOMPARE(child<QProgressBar>(*progress, "restoreProgressBar")->value(),
            child<QProgressBar>(*progress, "restoreProgressBar")->maximum());

        auto *result = wizard->currentPage();
        QCOMPARE(result->title(), QStringLiteral("Result"));
        QVERIFY(result->isFinalPage());
        const coffer::Manifest &m = state.plan()->backup.manifest;
        const QString said = text(*result, "resultLabel");
        QVERIFY2(said.startsWith(QStringLiteral("Restored orders (backup %1 of ").arg(m.shortId()))
                && said.contains(QStringLiteral(") to %1.").arg(target)),
            qPrintable(said));
        QVERIFY(!child<QWidget>(*result, "safetyBox")->isVisible()); // no previous database, no safety backup
        const QString timings = text(*result, "timingsLabel");
        QVERIFY2(timings.contains(QStringLiteral("Install:")) && timings.contains(QStringLiteral("Verify:"))
                && timings.contains(QStringLiteral("Total:")) && !timings.contains(QStringLiteral("Safety backup:")),
            qPrintable(timings));
        QCOMPARE(contents(target), contents(m_fixture->ordersDb()));
        shoot(*wizard, QStringLiteral("restore-result-new-file"));
    }

    void restoreOverTheDatabase()
    {
        const QString original = contents(m_fixture->ordersDb());
        testsupport::sqlite(m_fixture->ordersDb(), QStringLiteral("DELETE FROM orders WHERE id > 10"));
        RestoreState state(m_session.get(), {});
        QVERIFY(prepare(state));
        auto wizard = wizardFor(state);
        auto *progress = qobject_cast<RestoreProgressPage *>(wizard->page(RestoreWizard::ProgressPageId));
        QAbstractItemModelTester tester(progress->phaseModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<QPair<QString, PhaseState>> atInstall;
        QStringList said;
        connect(&state, &RestoreState::restoreProgress, this, [&] {
            const auto *bar = child<QProgressBar>(*progress, "restoreProgressBar");
            said << text(*progress, "progressLabel") + (bar->maximum() == 0 ? QStringLiteral(" (busy)") : QString());
            if (atInstall.isEmpty() && !state.phases().isEmpty()
                && state.phases().last().first == QStringLiteral("install")) {
                atInstall = rows(*progress->phaseModel());
                shoot(*wizard, QStringLiteral("restore-progress"));
            }
        });
        QVERIFY(state.startRestore());
        QVERIFY(finishes(*wizard));
        // The bar counts the bytes of a step that knows its total, and is busy in one that does not.
        static const QRegularExpression counted(QStringLiteral("^Safety backup: compress · \\S+ \\S+ of \\S+ \\S+$"));
        QVERIFY2(!said.filter(counted).isEmpty(), qPrintable(said.join(QLatin1Char('\n'))));
        QVERIFY2(said.contains(QStringLiteral("Install (busy)")), qPrintable(said.join(QLatin1Char('\n'))));
        QCOMPARE(atInstall.value(2).second, PhaseState::Done);
        QCOMPARE(atInstall.value(3).second, PhaseState::Running);
        QCOMPARE(atInstall.value(4).second, PhaseState::Waiting);
        QCOMPARE(rows(*progress->phaseModel()),
            (QList<QPair<QString, PhaseState>>{ { QStringLiteral("materialise"), PhaseState::Done },
                { QStringLiteral("check"), PhaseState::Done }, { QStringLiteral("safety backup"), PhaseState::Done },
                { QStringLiteral("install"), PhaseState::Done }, { QStringLiteral("verify"), PhaseState::Done } }));
        QCOMPARE(contents(m_fixture->ordersDb()), original);

        // The safety backup: its full id, selectable, and a button that asks the catalog to show it.
        const QString safetyId = state.result()->safetyBackupId;
        QCOMPARE(safetyId.size(), 32);
        QVERIFY(detailOf(*progress->phaseModel(), QStringLiteral("safety backup")).contains(safetyId.left(8)));
        auto *result = wizard->currentPage();
        QVERIFY(child<QWidget>(*result, "safetyBox")->isVisible());
        auto *idLabel = child<QLabel>(*result, "safetyIdLabel");
        QCOMPARE(idLabel->text(), safetyId);
        QVERIFY(idLabel->textInteractionFlags() & Qt::TextSelectableByMouse);
        QSignalSpy shown(qobject_cast<RestoreResultPage *>(result), &RestoreResultPage::showBackupRequested);
        QTest::mouseClick(child<QPushButton>(*result, "showSafetyBackupButton"), Qt::LeftButton);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().first().toString(), safetyId);
        const coffer::CatalogEntry safety = restorefixture::entry(m_fixture->repo(), safetyId);
        QCOMPARE(safety.manifest.id, safetyId); // in the catalog
        QCOMPARE(safety.manifest.trigger, QStringLiteral("safety"));
        QCOMPARE(safety.manifest.rowCounts.value(QStringLiteral("orders")), 10);

        // The rows written after the backup are not in the restored database, and the page says so.
        QVERIFY(child<QLabel>(*result, "gapLabel")->isVisible());
        QVERIFY2(text(*result, "gapLabel").contains(QStringLiteral("safety backup %1").arg(safetyId.left(8))),
            qPrintable(text(*result, "gapLabel")));
        QVERIFY(text(*result, "timingsLabel").contains(QStringLiteral("Safety backup:")));
        shoot(*wizard, QStringLiteral("restore-result-success"));
    }

    void cancelBeforeTheInstall()
    {
        const QByteArray before = bytesOf(m_fixture->ordersDb());
        QVERIFY(!before.isEmpty());
        RestoreState state(m_session.get(), {});
        QVERIFY(prepare(state));
        auto wizard = wizardFor(state);
        auto *progress = qobject_cast<RestoreProgressPage *>(wizard->page(RestoreWizard::ProgressPageId));
        auto *cancel = child<QPushButton>(*progress, "cancelRestoreButton");
        QVERIFY(state.startRestore());
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled()); // asked once; the restore stops at its next check
        QVERIFY2(text(*progress, "cancelNoteLabel").contains(QStringLiteral("stays unchanged")),
            qPrintable(text(*progress, "cancelNoteLabel")));
        QVERIFY(finishes(*wizard));

        for (const auto &phase : state.phases())
            QVERIFY2(phase.first == QStringLiteral("safety backup"), qPrintable(phase.first));
        const auto phases = rows(*progress->phaseModel());
        QCOMPARE(phases.at(3), qMakePair(QStringLiteral("install"), PhaseState::Skipped));
        QCOMPARE(phases.at(4), qMakePair(QStringLiteral("verify"), PhaseState::Skipped));
        const QString said = text(*wizard->currentPage(), "resultLabel");
        QVERIFY2(said.contains(QStringLiteral("cancelled before the install"))
                && said.contains(QStringLiteral("%1 was not changed.").arg(m_fixture->ordersDb())),
            qPrintable(said));
        QCOMPARE(bytesOf(m_fixture->ordersDb()), before);
        shoot(*wizard, QStringLiteral("restore-result-cancelled"));
    }

    // COFFER_FAIL_AT is read once per process: the failing restore runs in a child, this test's own binary.
    void injectedFailureAfterTheSwapPutsTheDatabaseBack()
    {
        if (qgetenv("COFFER_FAIL_AT") != kFailAt) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("COFFER_FAIL_AT"), QString::fromLatin1(kFailAt));
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            process.setProcessEnvironment(environment);
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(QCoreApplication::applicationFilePath(),
                { QString::fromLatin1(QTest::currentTestFunction()), QStringLiteral("-maxwarnings"),
                    QStringLiteral("0") });
            QVERIFY(process.waitForFinished(240000));
            const QByteArray output = process.readAll();
            QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
            QVERIFY2(output.contains("PASS   : TstRestoreProgress::injectedFailureAfterTheSwapPutsTheDatabaseBack()"),
                output.constData());
            return;
        }

        const QByteArray before = bytesOf(m_fixture->ordersDb());
        QVERIFY(!before.isEmpty());
        RestoreState state(m_session.get(), {});
        QVERIFY(prepare(state));
        auto wizard = wizardFor(state);
        auto *progress = qobject_cast<RestoreProgressPage *>(wizard->page(RestoreWizard::ProgressPageId));
        QAbstractItemModelTester tester(progress->phaseModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(state.startRestore());
        QVERIFY(finishes(*wizard));

        QCOMPARE(rows(*progress->phaseModel()),
            (QList<QPair<QString, PhaseState>>{ { QStringLiteral("materialise"), PhaseState::Done },
                { QStringLiteral("check"), PhaseState::Done }, { QStringLiteral("safety backup"), PhaseState::Done },
                { QStringLiteral("install"), PhaseState::Done }, { QStringLiteral("verify"), PhaseState::Failed },
                { QStringLiteral("rollback"), PhaseState::Done } }));
        QVERIFY(
            detailOf(*progress->phaseModel(), QStringLiteral("verify")).contains(QStringLiteral("Injected failure")));
        auto *result = wizard->currentPage();
        const QString said = text(*result, "resultLabel");
        QVERIFY2(said.contains(QStringLiteral("The restore failed: Injected failure at restore-mid-verify"))
                && said.contains(QStringLiteral("The previous database was put back.")),
            qPrintable(said));
        QVERIFY(!child<QWidget>(*result, "recoveryBox")->isVisible());
        QVERIFY(child<QWidget>(*result, "safetyBox")->isVisible()); // the safety backup stays, kept as promised
        QVERIFY(text(*result, "timingsLabel").contains(QStringLiteral("Roll back:")));
        QCOMPARE(bytesOf(m_fixture->ordersDb()), before);
        shoot(*wizard, QStringLiteral("restore-result-rolled-back"));
    }

    // A rollback that fails cannot be caused on demand; the page is shown a real restore's result
    // with the rollback marked failed, and the command it gives is run for real.
    void failedRollbackSaysWhereTheDataIsAndHowToGetItBack()
    {
        testsupport::sqlite(m_fixture->ordersDb(), QStringLiteral("DELETE FROM orders WHERE id > 10"));
        const QString previous = contents(m_fixture->ordersDb());
        RestoreState state(m_session.get(), {});
        QVERIFY(prepare(state));
        auto wizard = wizardFor(state);
        QVERIFY(state.startRestore());
        QVERIFY(finishes(*wizard));
        QVERIFY(contents(m_fixture->ordersDb()) != previous);

        coffer::RestoreResult failed = *state.result();
        const QString safetyId = failed.safetyBackupId;
        QVERIFY(!safetyId.isEmpty());
        failed.error = coffer::Error{ coffer::ErrorCode::Corrupt,
            QStringLiteral("The installed database failed its check"), {} };
        failed.installed = true;
        failed.rolledBack = false;
        failed.rollbackFailed = true;
        failed.rollbackDetail = QStringLiteral("putting the previous database back failed: No space left on device");
        RestoreResultPage page(&state);
        page.resize(900, 560);
        page.showOutcome(state.restoreJob()->plan(), failed, QDateTime::currentDateTimeUtc());
        page.show();

        const QString said = text(page, "resultLabel");
        QVERIFY2(said.contains(QStringLiteral("The restore failed: The installed database failed its check"))
                && said.contains(QStringLiteral("The previous database was not put back: "))
                && said.contains(failed.rollbackDetail) && !said.contains(QStringLiteral("was put back"))
                && !said.contains(QStringLiteral("not changed")),
            qPrintable(said));
        QVERIFY(child<QWidget>(page, "recoveryBox")->isVisible());
        QVERIFY(text(page, "recoveryLabel").contains(safetyId));
        QCOMPARE(text(page, "safetyIdLabel"), safetyId);

        // The safety backup's file, looked up in the catalog off the GUI thread.
        const coffer::CatalogEntry safety = restorefixture::entry(m_fixture->repo(), safetyId);
        QCOMPARE(safety.manifest.id, safetyId); // in the catalog
        QVERIFY(QTest::qWaitFor(
            [&] { return !text(page, "artifactPathLabel").contains(QStringLiteral("looking")); }, 20000));
        QCOMPARE(text(page, "artifactPathLabel"), QStringLiteral("Its file: %1").arg(safety.artifactPath));
        QVERIFY(QFileInfo(safety.artifactPath).isFile());
        shoot(page, QStringLiteral("restore-result-rollback-failed"));

        // The command, as shown, puts the previous database back (with --yes: no terminal here).
        const QString command = text(page, "restoreCommandLabel");
        QVERIFY2(command.startsWith(QStringLiteral("coffer-cli restore --repo ")) && command.endsWith(safetyId)
                && command.contains(QStringLiteral("--target %1").arg(m_fixture->ordersDb())),
            qPrintable(command));
        QProcess shell;
        shell.setProcessEnvironment(testsupport::cliEnvironment());
        shell.setProcessChannelMode(QProcess::MergedChannels);
        shell.start(QStringLiteral("sh"),
            { QStringLiteral("-c"),
                QStringLiteral("'%1'").arg(QStringLiteral(COFFER_CLI_PATH))
                    + command.mid(QStringLiteral("coffer-cli").size()) + QStringLiteral(" --yes") });
        QVERIFY(shell.waitForFinished(120000));
        QVERIFY2(shell.exitCode() == 0, shell.readAll().constData());
        QCOMPARE(contents(m_fixture->ordersDb()), previous);
    }
};

QTEST_MAIN(TstRestoreProgress)
#include "tst_restoreprogress.moc"
