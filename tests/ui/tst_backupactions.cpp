// The catalog's actions on selected backups, driven like a user does over a real repository:
// verify, restore drills (and the drills in the details pane), pin, unpin, delete with its
// confirmation, copy IDs, and which actions apply when.
#include "CatalogFixture.h"

#include "DisplayFormat.h"
#include "Session.h"
#include "catalog/BackupActions.h"
#include "catalog/BackupDetailsPane.h"
#include "catalog/BackupDetailsView.h"
#include "jobs/JobQueue.h"
#include "repository/Catalog.h"
#include "retention/Pinning.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using coffer::ui::BackupActions;
using coffer::ui::BackupRow;
using coffer::ui::MessageBar;

class TstBackupActions final : public QObject
{
    Q_OBJECT

private:
    struct Message {
        QString text;
        MessageBar::Type type;
    };

    coffer::Result<coffer::Catalog> catalog() const
    {
        auto repository = coffer::Repository::open(m_fixture->repo());
        if (!repository)
            return std::unexpected(repository.error());
        return coffer::Catalog::open(*repository);
    }
    // The backups as the catalog holds them now, as the catalog page hands them over (with the
    // repository's folder), or naming only their workspace repository when not `withPath`.
    QList<BackupRow> rows(const QStringList &ids, bool withPath = true) const
    {
        QList<BackupRow> found;
        auto opened = catalog();
        if (!opened)
            return found;
        for (const QString &id : ids)
            if (auto entry = opened->backup(id))
                found << BackupRow{ QStringLiteral("local"), withPath ? m_fixture->repo() : QString(), *entry };
        return found;
    }
    bool manifestPinned(const QString &id) const
    {
        const QList<BackupRow> found = rows({ id });
        QFile file(found.value(0).entry.manifestPath);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("pinned")).toBool();
    }
    // Triggers `action` and waits for the message that says how its jobs ended.
    Message runAndWait(QAction *action)
    {
        const qsizetype before = m_messages.size();
        action->trigger();
        if (!QTest::qWaitFor([&] { return m_messages.size() > before; }, 20000))
            return { QStringLiteral("(no message)"), MessageBar::Type::Error };
        return m_messages.last();
    }
    QMessageBox *question() const { return m_window->findChild<QMessageBox *>(QStringLiteral("question")); }

    std::unique_ptr<CatalogFixture> m_fixture;
    std::unique_ptr<QWidget> m_window;
    coffer::ui::Session *m_session = nullptr;
    BackupActions *m_actions = nullptr;
    QList<Message> m_messages;

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        m_window = std::make_unique<QWidget>();
        m_window->resize(800, 600);
        m_window->show();
        m_session = new coffer::ui::Session(m_window.get());
        m_actions = new BackupActions(m_session, m_window.get());
        m_messages.clear();
        connect(m_actions, &BackupActions::message, this, [this](const QString &text, MessageBar::Type type) {
            m_messages << Message{ text, type };
        });
        QSignalSpy loaded(m_session, &coffer::ui::Session::workspaceChanged);
        m_session->openWorkspace(m_fixture->workspacePath());
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_session->workspace());
    }

    void cleanup()
    {
        m_window.reset(); // the session waits for its jobs
        m_fixture.reset();
    }

    void actionsInOrderWithShortcuts()
    {
        const QList<QAction *> all = m_actions->actions();
        QList<QAction *> named;
        for (QAction *action : all)
            if (!action->isSeparator())
                named << action;
        QCOMPARE(named,
            (QList<QAction *>{ m_actions->verifyQuickAction(), m_actions->verifyFullAction(), m_actions->drillAction(),
                m_actions->restoreAction(), m_actions->pinAction(), m_actions->unpinAction(), m_actions->deleteAction(),
                m_actions->copyIdAction() }));
        QVERIFY(all.size() > named.size());
        QCOMPARE(m_actions->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        QCOMPARE(m_actions->copyIdAction()->shortcut(), QKeySequence(QKeySequence::Copy));
        QCOMPARE(m_actions->drillAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
        QSet<QString> shortcuts;
        for (QAction *action : std::as_const(named))
            shortcuts.insert(action->shortcut().toString());
        QCOMPARE(shortcuts.size(), named.size()); // no two alike
        for (QAction *action : std::as_const(named)) {
            QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                qPrintable(action->toolTip()));
        }
    }

    void enabledStates()
    {
        const QStringList &ids = m_fixture->ids();
        const auto enabled = [this] {
            return QList<bool>{ m_actions->verifyQuickAction()->isEnabled(), m_actions->verifyFullAction()->isEnabled(),
                m_actions->restoreAction()->isEnabled(), m_actions->pinAction()->isEnabled(),
                m_actions->unpinAction()->isEnabled(), m_actions->deleteAction()->isEnabled(),
                m_actions->copyIdAction()->isEnabled(), m_actions->drillAction()->isEnabled() };
        };
        // verify quick, verify full, restore, pin, unpin, delete, copy id, drill
        QCOMPARE(enabled(), QList<bool>(8, false));
        m_actions->setSelection(rows({ ids.at(0) }));
        QCOMPARE(enabled(), (QList<bool>{ true, true, true, true, false, true, true, true }));
        m_actions->setSelection(rows({ ids.at(0), ids.at(1) }));
        QCOMPARE(enabled(), (QList<bool>{ true, true, false, true, false, true, true, true }));

        QVERIFY(coffer::Pinning::set(m_fixture->repo(), ids.at(1), true, 0));
        m_actions->setSelection(rows({ ids.at(1) }));
        QCOMPARE(enabled(), (QList<bool>{ true, true, true, false, true, true, true, true }));
        m_actions->setSelection(rows({ ids.at(0), ids.at(1), ids.at(2) }));
        QCOMPARE(enabled(), (QList<bool>{ true, true, false, true, true, true, true, true }));
        m_actions->setSelection({});
        QCOMPARE(enabled(), QList<bool>(8, false));
    }

    void verifyQuickRecordsAndReports()
    {
        m_actions->setSelection(rows(m_fixture->ids()));
        const Message message = runAndWait(m_actions->verifyQuickAction());
        QCOMPARE(message.type, MessageBar::Type::Information);
        QVERIFY2(message.text.contains(QStringLiteral("3 passed")), qPrintable(message.text));
        auto opened = catalog();
        COFFER_VERIFY_OK(opened);
        for (const QString &id : m_fixture->ids()) {
            const auto outcomes = opened->verifications(id);
            COFFER_VERIFY_OK(outcomes);
            QCOMPARE(outcomes->size(), 1);
            QCOMPARE(outcomes->first().level, QStringLiteral("quick"));
            QVERIFY(outcomes->first().ok());
        }
    }

    void verifyFullReportsTheFailedCheck()
    {
        const QString id = m_fixture->ids().at(0);
        const QList<BackupRow> selected = rows({ id });
        QVERIFY(testsupport::flipByte(
            selected.first().entry.artifactPath, selected.first().entry.manifest.artifactSize / 2));
        m_actions->setSelection(selected);
        const Message message = runAndWait(m_actions->verifyFullAction());
        QCOMPARE(message.type, MessageBar::Type::Error);
        auto opened = catalog();
        COFFER_VERIFY_OK(opened);
        const auto outcomes = opened->verifications(id);
        COFFER_VERIFY_OK(outcomes);
        QCOMPARE(outcomes->size(), 1);
        QCOMPARE(outcomes->first().level, QStringLiteral("full"));
        QVERIFY(!outcomes->first().ok());
        QVERIFY2(message.text.contains(QStringLiteral("0 passed, 1 failed")), qPrintable(message.text));
        QVERIFY2(message.text.contains(id.left(8)), qPrintable(message.text));
        for (const coffer::CheckResult &check : outcomes->first().failedChecks())
            QVERIFY2(message.text.contains(check.name), qPrintable(message.text));
    }

    void drillRunsOnTheSelectionAndIsRecorded()
    {
        // The workspace's smoke queries: orders as its manifest counted, customers more rows than it has.
        const QString workspace = m_fixture->path(QStringLiteral("drills.yaml"));
        QFile file(workspace);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("repositories:\n  - name: local\n    path: %1\n    default: true\n"
                                  "databases:\n  - name: orders\n    path: %2\n    smoke_queries:\n"
                                  "      - {sql: SELECT count(*) FROM orders, expect: \"= manifest(orders)\"}\n"
                                  "  - name: customers\n    path: %3\n    smoke_queries:\n"
                                  "      - {sql: SELECT count(*) FROM customers, expect: \"> 1000\"}\n")
                       .arg(m_fixture->repo(), m_fixture->ordersDb(), m_fixture->customersDb())
                       .toUtf8());
        file.close();
        QSignalSpy loaded(m_session, &coffer::ui::Session::workspaceChanged);
        m_session->openWorkspace(workspace);
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_session->workspace());

        const QString orders = m_fixture->ids().at(0);
        const QString customers = m_fixture->ids().at(1);
        m_actions->setSelection(rows({ orders, customers }));
        QVERIFY(m_actions->drillAction()->isEnabled());
        const Message message = runAndWait(m_actions->drillAction());
        QCOMPARE(message.type, MessageBar::Type::Error);
        QVERIFY2(message.text.startsWith(QStringLiteral("Restore drill: 1 passed (RTO ")), qPrintable(message.text));
        QVERIFY2(
            message.text.contains(QStringLiteral(", 1 failed. Restore drill of customers (%1) failed: smoke_query: ")
                                      .arg(customers.left(8))),
            qPrintable(message.text));
        QVERIFY2(message.text.contains(QStringLiteral("> 1000")), qPrintable(message.text));

        // Recorded: the catalog's rows carry them, each backup's own.
        const QList<BackupRow> after = rows({ orders, customers, m_fixture->ids().at(2) });
        QCOMPARE(after.size(), 3);
        QVERIFY(after.at(0).entry.lastDrill && after.at(0).entry.lastDrill->ok());
        QVERIFY(after.at(1).entry.lastDrill && !after.at(1).entry.lastDrill->ok());
        QVERIFY(!after.at(2).entry.lastDrill);

        // The details pane lists a backup's drills, read off the GUI thread.
        coffer::ui::BackupDetailsPane pane;
        QSignalSpy shown(&pane, &coffer::ui::BackupDetailsPane::historyShown);
        pane.showBackup(after.at(1));
        QVERIFY(pane.view()->toPlainText().contains(QStringLiteral("Loading the restore drills")));
        QVERIFY(shown.wait(20000));
        QString text = pane.view()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Restore drills")) && text.contains(QStringLiteral("FAILED"))
                && text.contains(QStringLiteral("> 1000")),
            qPrintable(text));
        pane.showBackup(after.at(0));
        QVERIFY(shown.wait(20000));
        text = pane.view()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("passed")) && !text.contains(QStringLiteral("> 1000")), qPrintable(text));
        pane.showBackup(after.at(2)); // orders' other backup: its database was drilled, it was not
        QVERIFY(shown.wait(20000));
        QVERIFY2(pane.view()->toPlainText().contains(QStringLiteral("never been restored in a drill")),
            qPrintable(pane.view()->toPlainText()));
    }

    void pinThenUnpin()
    {
        const QString id = m_fixture->ids().at(1);
        QVERIFY(!manifestPinned(id));
        // A row that names only its repository: its folder comes from the workspace.
        m_actions->setSelection(rows({ id }, false));
        const qsizetype before = m_messages.size();
        m_actions->pinAction()->trigger();
        QVERIFY(!m_actions->pinAction()->isEnabled()); // no second pin job while the first runs
        QTRY_VERIFY_WITH_TIMEOUT(m_messages.size() > before, 20000);
        Message message = m_messages.last();
        QVERIFY2(message.type == MessageBar::Type::Information, qPrintable(message.text));
        QVERIFY2(message.text.startsWith(QStringLiteral("Pinned 1 backup")), qPrintable(message.text));
        QVERIFY(manifestPinned(id));
        QVERIFY(rows({ id }).first().entry.manifest.pinned);

        // The page hands the reloaded rows over: now only Unpin applies.
        m_actions->setSelection(rows({ id }));
        QVERIFY(!m_actions->pinAction()->isEnabled());
        QVERIFY(m_actions->unpinAction()->isEnabled());
        message = runAndWait(m_actions->unpinAction());
        QVERIFY2(message.text.startsWith(QStringLiteral("Unpinned 1 backup")), qPrintable(message.text));
        QVERIFY(!manifestPinned(id));
        QVERIFY(!rows({ id }).first().entry.manifest.pinned);
    }

    // One pin job fails (its repository is gone); the message still says which backups were pinned.
    void pinFailureSaysWhatWasChanged()
    {
        const QString pinnedId = m_fixture->ids().at(0);
        QList<BackupRow> selected = rows({ pinnedId, m_fixture->ids().at(2) });
        const QString gone = m_fixture->path(QStringLiteral("gone"));
        QVERIFY(QDir().mkpath(gone));
        selected[1].repository = QStringLiteral("gone");
        selected[1].repositoryPath = gone;
        m_actions->setSelection(selected);
        const Message message = runAndWait(m_actions->pinAction());
        QCOMPARE(message.type, MessageBar::Type::Error);
        QVERIFY2(message.text.contains(QStringLiteral("Still, 1 backup(s) were pinned (%1)").arg(pinnedId.left(8))),
            qPrintable(message.text));
        QVERIFY(manifestPinned(pinnedId));
        QVERIFY(!manifestPinned(m_fixture->ids().at(2)));
    }

    void deleteAsksFirst()
    {
        const QString id = m_fixture->ids().at(0);
        const BackupRow row = rows({ id }).first();
        m_actions->setSelection({ row });

        // Cancelled: nothing is deleted and no job runs.
        m_actions->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(question() && question()->isVisible(), 20000);
        QVERIFY2(question()->text().contains(id.left(8)) && question()->text().contains(QStringLiteral("orders")),
            qPrintable(question()->text()));
        QVERIFY2(question()->text().contains(coffer::ui::DisplayFormat::size(row.entry.manifest.artifactSize)),
            qPrintable(question()->text()));
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!question(), 20000);
        QVERIFY(m_session->jobs()->jobs().isEmpty());
        QVERIFY(QFileInfo::exists(row.entry.artifactPath));
        QCOMPARE(rows({ id }).size(), 1);

        // Accepted: the backup goes, and the audit trail says so.
        m_actions->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(question() && question()->isVisible(), 20000);
        const qsizetype before = m_messages.size();
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("acceptButton")), Qt::LeftButton);
        // Until the deletion has ended, nothing more can be asked of that backup.
        QVERIFY(!m_actions->deleteAction()->isEnabled());
        QVERIFY(!m_actions->verifyQuickAction()->isEnabled());
        QVERIFY(!m_actions->restoreAction()->isEnabled());
        QVERIFY(m_actions->copyIdAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(m_messages.size() > before, 20000);
        QVERIFY2(m_messages.last().type == MessageBar::Type::Information, qPrintable(m_messages.last().text));
        QVERIFY2(
            m_messages.last().text.startsWith(QStringLiteral("Deleted 1 backup")), qPrintable(m_messages.last().text));
        QVERIFY(!QFileInfo::exists(row.entry.artifactPath));
        QVERIFY(!QFileInfo::exists(row.entry.manifestPath));
        QVERIFY(rows({ id }).isEmpty());
        auto opened = catalog();
        COFFER_VERIFY_OK(opened);
        const auto trail = opened->auditTrail();
        COFFER_VERIFY_OK(trail);
        bool audited = false;
        for (const coffer::AuditRecord &record : *trail)
            audited = audited
                || (record.operation == QStringLiteral("delete") && record.backupId == id
                    && record.outcome == QStringLiteral("ok"));
        QVERIFY(audited);
    }

    void deleteKeepsPinnedBackups()
    {
        const QStringList &ids = m_fixture->ids();
        QVERIFY(coffer::Pinning::set(m_fixture->repo(), ids.at(1), true, 0));
        const QList<BackupRow> selected = rows({ ids.at(0), ids.at(1) });
        m_actions->setSelection(selected);
        m_actions->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(question() && question()->isVisible(), 20000);
        // One backup is deleted; the pinned one is named as refused.
        QVERIFY2(question()->text().contains(ids.at(0).left(8)), qPrintable(question()->text()));
        QVERIFY2(question()->informativeText().contains(ids.at(1).left(8))
                && question()->informativeText().contains(QStringLiteral("pinned")),
            qPrintable(question()->informativeText()));
        const qsizetype before = m_messages.size();
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("acceptButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_messages.size() > before, 20000);
        QVERIFY(rows({ ids.at(0) }).isEmpty());
        QCOMPARE(rows({ ids.at(1) }).size(), 1);
        QVERIFY(QFileInfo::exists(selected.at(1).entry.artifactPath));

        // Only pinned backups selected: nothing to ask, only why not.
        m_actions->setSelection(rows({ ids.at(1) }));
        m_actions->deleteAction()->trigger();
        QVERIFY(!question());
        QCOMPARE(m_messages.last().type, MessageBar::Type::Warning);
        QVERIFY2(m_messages.last().text.contains(ids.at(1).left(8)), qPrintable(m_messages.last().text));
        QCOMPARE(rows({ ids.at(1) }).size(), 1);
    }

    void deleteQuestionNamesTheRepositoryAndWhatIsLost()
    {
        // customers has one backup: deleting it leaves the database with none.
        const QString only = m_fixture->ids().at(1);
        m_actions->setSelection(rows({ only }));
        m_actions->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(question() && question()->isVisible(), 20000);
        QVERIFY2(
            question()->text().contains(QStringLiteral("“local”")) && question()->text().contains(m_fixture->repo()),
            qPrintable(question()->text()));
        QVERIFY2(
            question()->informativeText().contains(only.left(8) + QStringLiteral(" is the only backup of customers")),
            qPrintable(question()->informativeText()));
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!question(), 20000);

        // orders keeps another backup, and none was verified: nothing more is lost.
        m_actions->setSelection(rows({ m_fixture->ids().at(0) }));
        m_actions->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(question() && question()->isVisible(), 20000);
        QVERIFY2(!question()->informativeText().contains(QStringLiteral("Warning")),
            qPrintable(question()->informativeText()));
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!question(), 20000);
        QCOMPARE(rows(m_fixture->ids()).size(), 3);
    }

    // A question answered after another workspace was opened deletes nothing: its rows are gone from view.
    void deleteRefusedAfterTheWorkspaceChanged()
    {
        const BackupRow row = rows({ m_fixture->ids().at(0) }).first();
        m_actions->setSelection({ row });
        m_actions->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(question() && question()->isVisible(), 20000);

        const QString other = m_fixture->path(QStringLiteral("other.yaml"));
        QVERIFY(m_fixture->writeWorkspace(other, { { QStringLiteral("local"), m_fixture->repo() } }));
        QSignalSpy loaded(m_session, &coffer::ui::Session::workspaceChanged);
        m_session->openWorkspace(other);
        QVERIFY(loaded.wait(20000));
        m_actions->setSelection({}); // what the page does: the new workspace's rows are not selected
        for (QAction *action : m_actions->actions())
            QVERIFY2(action->isSeparator() || !action->isEnabled(), qPrintable(action->text()));

        const qsizetype before = m_messages.size();
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("acceptButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!question(), 20000);
        QCOMPARE(m_messages.size(), before + 1);
        QCOMPARE(m_messages.last().type, MessageBar::Type::Warning);
        QVERIFY2(
            m_messages.last().text.contains(QStringLiteral("Nothing was deleted")), qPrintable(m_messages.last().text));
        QVERIFY(m_session->jobs()->jobs().isEmpty());
        QVERIFY(QFileInfo::exists(row.entry.artifactPath));
        QCOMPARE(rows({ row.entry.manifest.id }).size(), 1);
    }

    // The same workspace, read again without the repository: nothing of it is deleted.
    void deleteRefusedWhenTheRepositoryLeftTheWorkspace()
    {
        const BackupRow row = rows({ m_fixture->ids().at(0) }).first();
        m_actions->setSelection({ row });
        m_actions->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(question() && question()->isVisible(), 20000);

        const QString elsewhere = m_fixture->path(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(elsewhere));
        QVERIFY(m_fixture->writeWorkspace(m_fixture->workspacePath(), { { QStringLiteral("local"), elsewhere } }));
        QSignalSpy loaded(m_session, &coffer::ui::Session::workspaceChanged);
        m_session->reloadWorkspace();
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_session->workspace());

        const qsizetype before = m_messages.size();
        QTest::mouseClick(question()->findChild<QPushButton *>(QStringLiteral("acceptButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!question(), 20000);
        QCOMPARE(m_messages.size(), before + 1);
        QVERIFY2(m_messages.last().text.contains(QStringLiteral("no longer in the workspace"))
                && m_messages.last().text.contains(m_fixture->repo()),
            qPrintable(m_messages.last().text));
        QVERIFY(m_session->jobs()->jobs().isEmpty());
        QVERIFY(QFileInfo::exists(row.entry.artifactPath));
        QCOMPARE(rows({ row.entry.manifest.id }).size(), 1);
    }

    void unknownRepositoryIsReported()
    {
        QList<BackupRow> selected = rows({ m_fixture->ids().at(0) }, false);
        selected.first().repository = QStringLiteral("gone");
        m_actions->setSelection(selected);
        m_actions->verifyQuickAction()->trigger();
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.first().type, MessageBar::Type::Error);
        QVERIFY2(m_messages.first().text.contains(QStringLiteral("“gone”")), qPrintable(m_messages.first().text));
        QVERIFY(m_session->jobs()->jobs().isEmpty());
    }

    void copyIdPutsFullIdsOnTheClipboard()
    {
        const QStringList &ids = m_fixture->ids();
        QGuiApplication::clipboard()->clear();
        m_actions->setSelection(rows({ ids.at(2), ids.at(0) }));
        m_actions->copyIdAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), ids.at(2) + QLatin1Char('\n') + ids.at(0));
    }

    void restoreAsksForTheWizardOnOneBackup()
    {
        QSignalSpy requested(m_actions, &BackupActions::restoreRequested);
        m_actions->setSelection(rows({ m_fixture->ids().at(0), m_fixture->ids().at(1) }));
        QVERIFY(!m_actions->restoreAction()->isEnabled()); // one backup is restored at a time
        m_actions->setSelection(rows({ m_fixture->ids().at(1) }));
        QVERIFY(m_actions->restoreAction()->isEnabled());
        m_actions->restoreAction()->trigger();
        QCOMPARE(requested.size(), 1);
        const auto request = requested.first().first().value<coffer::ui::RestoreRequest>();
        QCOMPARE(request.backupId, m_fixture->ids().at(1));
        QCOMPARE(request.database, QStringLiteral("customers"));
        QCOMPARE(
            QFileInfo(request.repositoryPath).canonicalFilePath(), QFileInfo(m_fixture->repo()).canonicalFilePath());
    }
};

QTEST_MAIN(TstBackupActions)
#include "tst_backupactions.moc"
