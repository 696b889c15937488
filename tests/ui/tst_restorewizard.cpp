// The restore wizard end to end, as a user drives it, over a real repository and real databases:
// over the database itself, to another file, a wrong then right typed name, a preflight that
// fails, a failure injected after the swap that must be rolled back, closing mid-restore, the
// keyboard alone, and the main window's ways in (catalog and dashboard). Saves a screenshot of
// every page into <build>/screenshots/.
#include "RestoreFixture.h"

#include "MainWindow.h"
#include "SmallDisk.h"
#include "catalog/BackupActions.h"
#include "dashboard/DashboardPage.h"
#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "restore/RestoreJob.h"
#include "restore/RestoreWizard.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using coffer::ui::RestoreRequest;
using coffer::ui::RestoreWizard;
using restorefixture::bytesOf;
using restorefixture::contents;
using restorefixture::leftovers;

class TstRestoreWizard final : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogFixture> m_fixture;
    std::unique_ptr<coffer::ui::Session> m_session;
    QString m_backedUp; // contents of orders.db when ids().at(0) was taken

    std::unique_ptr<RestoreWizard> openWizard(const RestoreRequest &request)
    {
        auto wizard = std::make_unique<RestoreWizard>(m_session.get(), request);
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            return {};
        return wizard;
    }
    RestoreRequest firstOrders() const { return { m_fixture->repo(), m_fixture->ids().at(0), QStringLiteral("orders") }; }

    template <typename T> static T *child(const QWidget &parent, const char *name)
    {
        return parent.findChild<T *>(QString::fromLatin1(name));
    }
    static QAbstractButton *next(const RestoreWizard &wizard) { return wizard.button(QWizard::NextButton); }
    static QAbstractButton *commit(const RestoreWizard &wizard) { return wizard.button(QWizard::CommitButton); }

    // Saves the wizard as it is now into <build>/screenshots/restore-<name>.png.
    static void shoot(RestoreWizard &wizard, const QString &name)
    {
        const QString folder
            = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../screenshots"));
        QDir().mkpath(folder);
        QCoreApplication::processEvents();
        wizard.grab().save(QDir(folder).absoluteFilePath(QStringLiteral("restore-%1.png").arg(name)));
    }

    // Waits until the page's Next (or Restore) can be pressed, then presses it with the mouse.
    static bool press(QAbstractButton *button)
    {
        if (!QTest::qWaitFor([button] { return button->isVisible() && button->isEnabled(); }, 30000))
            return false;
        QTest::mouseClick(button, Qt::LeftButton);
        return true;
    }
    static bool reach(RestoreWizard &wizard, int page)
    {
        return QTest::qWaitFor([&] { return wizard.currentId() == page; }, 30000);
    }
    // From the backup page to the confirm page, with whatever target the target page has.
    bool throughChecks(RestoreWizard &wizard, bool screenshots = false)
    {
        if (!reach(wizard, RestoreWizard::BackupPageId) || !press(next(wizard)))
            return false;
        if (!reach(wizard, RestoreWizard::TargetPageId))
            return false;
        if (!QTest::qWaitFor([&] { return wizard.currentPage()->isComplete(); }, 30000))
            return false;
        if (screenshots)
            shoot(wizard, QStringLiteral("2-target"));
        if (!press(next(wizard)) || !reach(wizard, RestoreWizard::PreflightPageId))
            return false;
        if (!QTest::qWaitFor([&] { return !wizard.state()->isChecking() && wizard.state()->plan(); }, 30000))
            return false;
        if (screenshots)
            shoot(wizard, QStringLiteral("3-checks"));
        return press(next(wizard)) && reach(wizard, RestoreWizard::ConfirmPageId);
    }
    // Types the name, presses Restore and waits for the result page.
    bool confirmAndRestore(RestoreWizard &wizard, const QString &name, bool screenshots = false)
    {
        auto *edit = child<QLineEdit>(wizard, "confirmEdit");
        edit->clear();
        QTest::keyClicks(edit, name);
        if (screenshots)
            shoot(wizard, QStringLiteral("4-confirm"));
        if (!press(commit(wizard)))
            return false;
        if (screenshots && reach(wizard, RestoreWizard::ProgressPageId))
            shoot(wizard, QStringLiteral("5-progress"));
        return reach(wizard, RestoreWizard::ResultPageId);
    }
    static QString resultText(const RestoreWizard &wizard)
    {
        return child<QLabel>(wizard, "resultLabel")->text();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        m_backedUp = contents(m_fixture->ordersDb());
        // What happens after the backup: a restore takes it away again.
        testsupport::sqlite(m_fixture->ordersDb(), QStringLiteral("DELETE FROM orders WHERE id % 3 = 0"));
        QVERIFY(contents(m_fixture->ordersDb()) != m_backedUp);
        m_session = restorefixture::openSession(m_fixture->workspacePath());
        QVERIFY(m_session);
    }

    void cleanup()
    {
        m_session.reset(); // waits for its jobs
        m_fixture.reset();
    }

    void restoresOverTheDatabaseItself()
    {
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, 20000));
        QCOMPARE(wizard->state()->backup()->manifest.id, m_fixture->ids().at(0));
        shoot(*wizard, QStringLiteral("1-backup"));
        QVERIFY(throughChecks(*wizard, true));
        QCOMPARE(wizard->state()->targetPath(), m_fixture->ordersDb());

        const QString summary = child<QLabel>(*wizard, "confirmSummaryLabel")->text();
        const QString safetyId = wizard->state()->plan()->safetyBackupId;
        QVERIFY2(summary.contains(m_fixture->ordersDb()) && summary.contains(safetyId.left(8)), qPrintable(summary));
        QVERIFY(confirmAndRestore(*wizard, QStringLiteral("orders"), true));
        shoot(*wizard, QStringLiteral("6-result"));

        QCOMPARE(contents(m_fixture->ordersDb()), m_backedUp);
        QVERIFY2(resultText(*wizard).contains(QStringLiteral("Restored orders")), qPrintable(resultText(*wizard)));
        QVERIFY(child<QLabel>(*wizard, "safetyIdLabel")->text().contains(safetyId.left(8)));
        // The safety backup is in the catalog, and the button shows it there.
        QSignalSpy show(wizard.get(), &RestoreWizard::showBackupRequested);
        QTest::mouseClick(child<QAbstractButton>(*wizard, "showSafetyBackupButton"), Qt::LeftButton);
        QCOMPARE(show.size(), 1);
        QCOMPARE(show.first().first().toString(), safetyId);
        const coffer::CatalogEntry safety = restorefixture::entry(m_fixture->repo(), safetyId);
        QCOMPARE(safety.manifest.id, safetyId); // in the catalog
        QCOMPARE(safety.manifest.trigger, QStringLiteral("safety"));
        QVERIFY(wizard->button(QWizard::FinishButton)->isVisible());
        QCOMPARE(leftovers(m_fixture->dir()), QStringList());
    }

    void restoresToAnotherFile()
    {
        const QByteArray before = bytesOf(m_fixture->ordersDb());
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        QVERIFY(press(next(*wizard)));
        QVERIFY(reach(*wizard, RestoreWizard::TargetPageId));
        const QString copy = m_fixture->path(QStringLiteral("side-by-side.db"));
        QTest::mouseClick(child<QRadioButton>(*wizard, "otherTargetRadio"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(*wizard, "targetEdit"), copy);
        QTRY_COMPARE(wizard->state()->targetPath(), copy);
        QVERIFY(press(next(*wizard)));
        QVERIFY(reach(*wizard, RestoreWizard::PreflightPageId));
        QVERIFY(QTest::qWaitFor([&] { return wizard->state()->plan().has_value(); }, 30000));
        QVERIFY(wizard->state()->plan()->ok());
        QVERIFY(!wizard->state()->plan()->takeSafetyBackup); // nothing there to keep
        QVERIFY(press(next(*wizard)));
        QVERIFY(confirmAndRestore(*wizard, QStringLiteral("orders")));
        QVERIFY2(resultText(*wizard).contains(copy), qPrintable(resultText(*wizard)));
        QCOMPARE(contents(copy), m_backedUp);
        QCOMPARE(bytesOf(m_fixture->ordersDb()), before); // the database itself is untouched
        QCOMPARE(leftovers(m_fixture->dir()), QStringList());
    }

    void typedNameMustMatchExactly()
    {
        const QByteArray before = bytesOf(m_fixture->ordersDb());
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        QVERIFY(throughChecks(*wizard));
        auto *edit = child<QLineEdit>(*wizard, "confirmEdit");
        QVERIFY(edit->hasFocus());
        for (const QString &wrong : { QStringLiteral("Orders"), QStringLiteral("order"), QStringLiteral("orders "),
                 QStringLiteral("customers") }) {
            edit->clear();
            QTest::keyClicks(edit, wrong);
            QVERIFY2(!commit(*wizard)->isEnabled(), qPrintable(wrong));
            QTest::keyClick(edit, Qt::Key_Return); // Enter does not go around the check
            QCOMPARE(wizard->currentId(), int(RestoreWizard::ConfirmPageId));
        }
        QCOMPARE(bytesOf(m_fixture->ordersDb()), before);
        QVERIFY(confirmAndRestore(*wizard, QStringLiteral("orders")));
        QCOMPARE(contents(m_fixture->ordersDb()), m_backedUp);
    }

    void failedCheckBlocksNextWithTheReason()
    {
        // A folder the restore cannot write to. File modes do not bind root: a read-only file
        // system when one can be mounted, else a folder that is not there.
        testsupport::SmallDisk disk(QStringLiteral("4m"));
        QString folder = m_fixture->path(QStringLiteral("locked"));
        if (disk.isMounted() && disk.remountReadOnly()) {
            folder = disk.path();
        } else {
            QVERIFY(QDir().mkpath(folder));
            if (::geteuid() == 0)
                folder += QStringLiteral("/missing");
            else
                QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
        }
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        QVERIFY(press(next(*wizard)));
        QVERIFY(reach(*wizard, RestoreWizard::TargetPageId));
        const QString target = folder + QStringLiteral("/orders.db");
        QTest::mouseClick(child<QRadioButton>(*wizard, "otherTargetRadio"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(*wizard, "targetEdit"), target);
        QVERIFY(press(next(*wizard)));
        QVERIFY(reach(*wizard, RestoreWizard::PreflightPageId));
        QVERIFY(QTest::qWaitFor([&] { return wizard->state()->plan().has_value(); }, 30000));
        shoot(*wizard, QStringLiteral("3-checks-failed"));
        ::chmod(QFile::encodeName(m_fixture->path(QStringLiteral("locked"))).constData(), 0755);

        QVERIFY(!wizard->state()->plan()->ok());
        QVERIFY(!next(*wizard)->isEnabled());
        QTest::keyClick(wizard.get(), Qt::Key_N, Qt::AltModifier);
        QCOMPARE(wizard->currentId(), int(RestoreWizard::PreflightPageId));
        const QString reason = child<QLabel>(*wizard, "preflightSummaryLabel")->text();
        QVERIFY2(reason.contains(folder) && reason.contains(QStringLiteral("not writable")), qPrintable(reason));
        QVERIFY(!QFileInfo::exists(target));
    }

    void failureAfterTheSwapPutsThePreviousDatabaseBack()
    {
        // Test hooks read COFFER_FAIL_AT once per process: the failing restore runs in a child.
        if (qEnvironmentVariableIsEmpty("COFFER_FAIL_AT")) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("COFFER_FAIL_AT"), QStringLiteral("restore-mid-verify"));
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::MergedChannels);
            child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(QTest::currentTestFunction()) });
            QVERIFY(child.waitForFinished(120000));
            const QByteArray output = child.readAll();
            QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
            QVERIFY2(output.contains("PASS   : TstRestoreWizard::failureAfterTheSwapPutsThePreviousDatabaseBack()"),
                output.constData());
            return;
        }
        const QByteArray before = bytesOf(m_fixture->ordersDb());
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        QVERIFY(throughChecks(*wizard));
        QVERIFY(confirmAndRestore(*wizard, QStringLiteral("orders")));
        shoot(*wizard, QStringLiteral("6-result-rolled-back"));
        const QString text = resultText(*wizard);
        QVERIFY2(text.contains(QStringLiteral("Injected failure")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("previous database was put back")), qPrintable(text));
        QVERIFY(wizard->state()->result()->rolledBack);
        QVERIFY(!child<QLabel>(*wizard, "gapLabel")->isVisible()); // no restored database to lack anything
        QCOMPARE(bytesOf(m_fixture->ordersDb()), before);
    }

    void closingMidRestoreAsksAndStopsSafely()
    {
        const QByteArray before = bytesOf(m_fixture->ordersDb());
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        QVERIFY(throughChecks(*wizard));
        // A prune holds the repository: the restore waits for it, before anything is changed.
        auto repository = coffer::Repository::open(m_fixture->repo());
        COFFER_VERIFY_OK(repository);
        auto prune = coffer::RepoLock::acquire(repository->locksDir(), coffer::RepoLock::Kind::Exclusive,
            QStringLiteral("test prune"));
        COFFER_VERIFY_OK(prune);
        QTest::keyClicks(child<QLineEdit>(*wizard, "confirmEdit"), QStringLiteral("orders"));
        QVERIFY(press(commit(*wizard)));
        QVERIFY(reach(*wizard, RestoreWizard::ProgressPageId));
        QVERIFY(wizard->state()->isRestoring());
        QVERIFY(wizard->state()->canCancelRestore());

        wizard->close(); // the window's close button
        auto *question = wizard->findChild<QMessageBox *>(QStringLiteral("question"));
        QVERIFY(question);
        QTRY_VERIFY(question->isVisible());
        QVERIFY2(question->informativeText().contains(QStringLiteral("stays exactly as it is")),
            qPrintable(question->informativeText()));
        QTest::mouseClick(question->findChild<QAbstractButton *>(QStringLiteral("acceptButton")), Qt::LeftButton);
        QVERIFY(wizard->isVisible()); // it stays to say how the restore ended
        prune->release();

        QVERIFY(reach(*wizard, RestoreWizard::ResultPageId));
        QVERIFY2(resultText(*wizard).contains(QStringLiteral("cancelled")), qPrintable(resultText(*wizard)));
        QCOMPARE(bytesOf(m_fixture->ordersDb()), before);
        // The decoded copy the checks left next to the target goes with the cancelled restore.
        QTRY_COMPARE(leftovers(m_fixture->dir()), QStringList());
        // Now nothing runs: closing just closes.
        wizard->close();
        QVERIFY(!wizard->isVisible());
    }

    void workspaceReloadMakesTheChecksRunAgain()
    {
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        QVERIFY(throughChecks(*wizard));
        QTest::keyClicks(child<QLineEdit>(*wizard, "confirmEdit"), QStringLiteral("orders"));
        QVERIFY(commit(*wizard)->isEnabled());

        // Settings (or an editor) moves orders to another file while the wizard waits on Confirm.
        const QString moved = m_fixture->path(QStringLiteral("orders-moved.db"));
        QVERIFY(QFile::copy(m_fixture->ordersDb(), moved));
        QString yaml = QString::fromUtf8(bytesOf(m_fixture->workspacePath()));
        yaml.replace(m_fixture->ordersDb(), moved);
        QFile file(m_fixture->workspacePath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(yaml.toUtf8()) > 0);
        file.close();
        QSignalSpy reloaded(m_session.get(), &coffer::ui::Session::workspaceChanged);
        m_session->reloadWorkspace();
        QVERIFY(reloaded.wait(20000));

        // The plan was for the old file: Restore cannot go ahead on it, the checks run again for the new one.
        QVERIFY(!wizard->state()->plan());
        QVERIFY(!commit(*wizard)->isEnabled());
        QCOMPARE(wizard->state()->targetPath(), moved);
        QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
        QVERIFY(reach(*wizard, RestoreWizard::PreflightPageId));
        QVERIFY(!next(*wizard)->isEnabled()); // the old checks no longer count
        QVERIFY(press(child<QAbstractButton>(*wizard, "recheckButton")));
        QVERIFY(QTest::qWaitFor([&] { return wizard->state()->plan().has_value(); }, 30000));
        QCOMPARE(wizard->state()->plan()->target.path, QFileInfo(moved).canonicalFilePath());
        // The old plan's decoded copy went with it; the new plan's waits next to the new file.
        const QStringList left = leftovers(m_fixture->dir());
        QVERIFY2(left.size() == 1 && left.first().startsWith(QStringLiteral(".orders-moved.db.coffer-restore-")),
            qPrintable(left.join(QLatin1Char(' '))));
    }

    void keyboardAlone()
    {
        auto wizard = openWizard(firstOrders());
        QVERIFY(wizard);
        auto nextByKey = [&](int from) {
            return QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, 30000)
                && (QTest::keyClick(wizard.get(), Qt::Key_N, Qt::AltModifier), reach(*wizard, from + 1));
        };
        QVERIFY(nextByKey(RestoreWizard::BackupPageId));
        QVERIFY(nextByKey(RestoreWizard::TargetPageId));
        QVERIFY(nextByKey(RestoreWizard::PreflightPageId));
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus && focus->objectName() == QStringLiteral("confirmEdit"));
        QTest::keyClicks(focus, QStringLiteral("orders"));
        QTest::keyClick(wizard.get(), Qt::Key_R, Qt::AltModifier);
        QVERIFY(reach(*wizard, RestoreWizard::ResultPageId));
        QCOMPARE(contents(m_fixture->ordersDb()), m_backedUp);
        // Every button and field on the way has a name a screen reader can say.
        for (QWidget *widget : wizard->findChildren<QWidget *>()) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(wizard.get()))
                continue;
            if (qobject_cast<QAbstractButton *>(widget) && !qobject_cast<QAbstractButton *>(widget)->text().isEmpty())
                continue;
            if (qobject_cast<QLabel *>(widget))
                continue;
            const QString what
                = QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName();
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(what));
        }
    }

    void catalogAndDashboardOpenItPrefilled()
    {
        coffer::ui::MainWindow window;
        window.resize(1280, 800);
        window.show();
        QSignalSpy loaded(&window, &coffer::ui::MainWindow::workspaceLoaded);
        window.openWorkspace(m_fixture->workspacePath());
        QVERIFY(loaded.wait(30000));

        // The catalog's Restore… on the customers backup.
        auto *actions = window.findChild<coffer::ui::BackupActions *>();
        QVERIFY(actions);
        Q_EMIT actions->restoreRequested(RestoreRequest{ m_fixture->repo(), m_fixture->ids().at(1), {} });
        auto *fromCatalog = window.findChild<RestoreWizard *>();
        QVERIFY(fromCatalog);
        QTRY_VERIFY(fromCatalog->isVisible());
        QVERIFY(QTest::qWaitFor([&] { return fromCatalog->state()->backup().has_value(); }, 20000));
        QCOMPARE(fromCatalog->state()->backup()->manifest.id, m_fixture->ids().at(1));
        QCOMPARE(fromCatalog->state()->targetPath(), m_fixture->customersDb());
        fromCatalog->close();
        QTRY_VERIFY(!window.findChild<RestoreWizard *>());

        // The dashboard card's Restore…: the newest orders backup.
        auto *dashboard = window.findChild<coffer::ui::DashboardPage *>();
        QTRY_VERIFY(!dashboard->isLoading());
        QToolButton *restore = nullptr;
        for (QWidget *card : dashboard->findChildren<QWidget *>(QStringLiteral("databaseCard")))
            if (card->accessibleName().startsWith(QStringLiteral("orders")))
                restore = card->findChild<QToolButton *>(QStringLiteral("cardRestoreButton"));
        QVERIFY(restore);
        window.showPage(dashboard);
        QTRY_VERIFY(restore->isVisible());
        QTest::mouseClick(restore, Qt::LeftButton);
        auto *fromDashboard = window.findChild<RestoreWizard *>();
        QVERIFY(fromDashboard);
        QVERIFY(QTest::qWaitFor([&] { return fromDashboard->state()->backup().has_value(); }, 20000));
        QCOMPARE(fromDashboard->state()->backup()->manifest.database, QStringLiteral("orders"));
        QCOMPARE(fromDashboard->state()->backup()->manifest.id, m_fixture->ids().at(2)); // the newest
        fromDashboard->close();
    }
};

QTEST_MAIN(TstRestoreWizard)
#include "tst_restorewizard.moc"
