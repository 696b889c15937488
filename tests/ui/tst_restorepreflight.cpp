// The restore wizard's Checks and Confirm pages over a real repository, with the real engine:
// the checklist filling as the preflight decides, an unwritable folder that stops the wizard,
// a database held open by another process (and the live restore it offers), an encrypted backup
// that waits for its passphrase or key, and the typed confirmation that starts a real restore.
#include "RestoreFixture.h"
#include "SmallDisk.h"
#include "SqliteShell.h"

#include "crypto/Identity.h"
#include "restore/RestoreCheckModel.h"
#include "restore/RestoreConfirmPage.h"
#include "restore/RestorePreflightPage.h"
#include "restore/RestoreState.h"
#include "restore/RestoreWizard.h"
#include "widgets/MessageBar.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QWizard>
#include <QtTest>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using coffer::ui::RestoreCheckModel;
using coffer::ui::RestoreConfirmPage;
using coffer::ui::RestorePreflightPage;
using coffer::ui::RestoreState;
using coffer::ui::RestoreWizard;
using restorefixture::contents;
using State = RestoreCheckModel::State;

namespace {

// The two pages in a plain QWizard (the real wizard adds the other four), with an empty page after
// the confirmation for the commit button to lead to.
struct Harness {
    std::unique_ptr<QWizard> wizard;
    RestoreState *state = nullptr;
    RestorePreflightPage *preflight = nullptr;
    RestoreConfirmPage *confirm = nullptr;

    template <typename T> T *child(const char *name) const { return wizard->findChild<T *>(QString::fromLatin1(name)); }
    RestoreCheckModel *model() const { return preflight->checks(); }
    QList<State> states() const
    {
        QList<State> all;
        for (int row = 0; row < model()->rowCount(); ++row)
            all << State(model()->index(row, 0).data(RestoreCheckModel::StateRole).toInt());
        return all;
    }
    int row(const QString &name) const
    {
        for (int row = 0; row < model()->rowCount(); ++row)
            if (model()->index(row, 0).data(RestoreCheckModel::NameRole).toString() == name)
                return row;
        return -1;
    }
    State stateOf(const QString &name) const
    {
        return State(model()->index(row(name), 0).data(RestoreCheckModel::StateRole).toInt());
    }
    QString detailOf(const QString &name) const
    {
        return model()->index(row(name), RestoreCheckModel::Detail).data().toString();
    }
    QString summary() const { return child<QLabel>("preflightSummaryLabel")->text(); }
    bool nextEnabled() const { return wizard->button(QWizard::NextButton)->isEnabled(); }
    // Waits until the preflight ended (with a plan or an error).
    bool checked() const
    {
        return QTest::qWaitFor(
            [&] { return !state->isChecking() && (state->plan() || state->preflightError()); }, 60000);
    }
    void shoot(const QString &name) const
    {
        QDir().mkpath(QStringLiteral("/tmp/shots"));
        wizard->grab().save(QStringLiteral("/tmp/shots/%1.png").arg(name));
    }
};

} // namespace

class TstRestorePreflight final : public QObject
{
    Q_OBJECT

private:
    coffer::CatalogEntry entry(const QString &id) const { return restorefixture::entry(m_fixture->repo(), id); }

    // The pages for backup `id` to `target` (empty: the database's own path), not yet shown.
    Harness harness(const QString &id, const QString &target = {}) const
    {
        Harness h;
        h.wizard = std::make_unique<QWizard>();
        h.wizard->setWizardStyle(QWizard::ClassicStyle);
        h.state = new RestoreState(
            m_session.get(), coffer::ui::RestoreRequest{ m_fixture->repo(), id, {} }, h.wizard.get());
        h.state->setBackup(m_fixture->repo(), entry(id));
        if (!target.isEmpty())
            h.state->setOtherTarget(target);
        h.preflight = new RestorePreflightPage(h.state);
        h.confirm = new RestoreConfirmPage(h.state);
        auto *progress = new QWizardPage;
        progress->setTitle(QStringLiteral("Progress"));
        h.wizard->setPage(RestoreWizard::PreflightPageId, h.preflight);
        h.wizard->setPage(RestoreWizard::ConfirmPageId, h.confirm);
        h.wizard->setPage(RestoreWizard::ProgressPageId, progress);
        h.wizard->setStartId(RestoreWizard::PreflightPageId);
        h.wizard->resize(900, 640);
        return h;
    }

    // A backup of `orders` that opens with the passphrase "correct horse" or with `identity`.
    QString encryptedBackup(const coffer::Identity &identity)
    {
        coffer::BackupParams params;
        params.repositoryPath = m_fixture->repo();
        params.sourcePath = m_fixture->ordersDb();
        params.database = QStringLiteral("orders");
        const QByteArray secret("correct horse");
        params.encryption.passphrase = std::make_shared<const coffer::SecretBytes>(secret.constData(), secret.size());
        params.encryption.recipients << identity.publicKey();
        const coffer::CancelFlag cancel{ false };
        auto result = coffer::BackupPipeline::run(params, cancel, {});
        return result ? result->manifest.id : QString();
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

    void checklistFillsAsChecksAreDecided()
    {
        Harness h = harness(m_fixture->ids().at(0));
        QAbstractItemModelTester tester(h.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(h.model()->rowCount(), 7);
        QCOMPARE(h.states(), QList<State>(7, State::Waiting));

        // Each decision shows at once: the checks before it passed, the one after it runs.
        QList<QList<State>> seen;
        connect(h.state, &RestoreState::checkDecided, h.wizard.get(), [&] { seen << h.states(); });
        h.wizard->show();
        QVERIFY(h.state->isChecking());
        QCOMPARE(h.stateOf(QStringLiteral("target_folder")), State::Running);
        QCOMPARE(h.stateOf(QStringLiteral("backup_verified")), State::Waiting);
        QVERIFY(!h.nextEnabled());
        QVERIFY2(h.summary().contains(QStringLiteral("Checking")), qPrintable(h.summary()));
        QVERIFY(h.child<QProgressBar>("preflightProgress")->isVisible());
        h.shoot(QStringLiteral("preflight-running"));

        QVERIFY(h.checked());
        QVERIFY2(h.state->plan()->ok(), qPrintable(h.summary()));
        QCOMPARE(seen.size(), 7);
        for (int decided = 0; decided < seen.size(); ++decided) {
            const QList<State> &states = seen.at(decided);
            for (int row = 0; row < states.size(); ++row) {
                const State expected
                    = row <= decided ? State::Passed : (row == decided + 1 ? State::Running : State::Waiting);
                QVERIFY2(
                    states.at(row) == expected, qPrintable(QStringLiteral("after %1: row %2").arg(decided).arg(row)));
            }
        }
        QCOMPARE(h.states(), QList<State>(7, State::Passed));
        QCOMPARE(h.model()->index(h.row(QStringLiteral("backup_verified")), 0).data().toString(),
            QStringLiteral("Backup verified"));
        QCOMPARE(h.model()->index(0, RestoreCheckModel::Outcome).data().toString(), QStringLiteral("Passed"));
        QVERIFY(h.preflight->isComplete());
        QVERIFY(h.nextEnabled());
        QVERIFY2(h.summary().startsWith(QStringLiteral("Every check passed")), qPrintable(h.summary()));
        auto *progress = h.child<QProgressBar>("preflightProgress");
        QCOMPARE(progress->value(), progress->maximum());
        QVERIFY(!h.child<QFrame>("liveOfferBox")->isVisible());
        QVERIFY(!h.child<QFrame>("credentialsBox")->isVisible());
        QVERIFY(!h.child<coffer::ui::MessageBar>("preflightMessage")->isVisible());
        h.shoot(QStringLiteral("preflight-passed"));

        // Back and forth again: the plan for the same choices stays, nothing runs twice.
        h.wizard->next();
        QCOMPARE(h.wizard->currentId(), int(RestoreWizard::ConfirmPageId));
        const auto job = h.state->preflightJob();
        h.wizard->back();
        QCOMPARE(h.state->preflightJob(), job);
        QVERIFY(!h.state->isChecking());
        QVERIFY(h.nextEnabled());
    }

    void unwritableFolderStopsTheWizard()
    {
        QString folder = m_fixture->path(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(folder));
        std::unique_ptr<testsupport::SmallDisk> disk;
        if (::geteuid() == 0) { // file modes do not bind root: a read-only file system, else a missing folder
            disk = std::make_unique<testsupport::SmallDisk>(QStringLiteral("16m"));
            folder = disk->isMounted() && disk->remountReadOnly() ? disk->path() : folder + QStringLiteral("/missing");
        } else {
            QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
        }
        const QString target = folder + QStringLiteral("/orders.db");
        Harness h = harness(m_fixture->ids().at(0), target);
        QAbstractItemModelTester tester(h.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        h.wizard->show();
        QVERIFY(h.checked());
        ::chmod(QFile::encodeName(m_fixture->path(QStringLiteral("locked"))).constData(), 0755);

        QCOMPARE(h.stateOf(QStringLiteral("target_folder")), State::Failed);
        QVERIFY(h.detailOf(QStringLiteral("target_folder")).contains(QStringLiteral("not writable")));
        // The verification needs the folder: it is not checked, and the row says why.
        QCOMPARE(h.stateOf(QStringLiteral("backup_verified")), State::NotChecked);
        QVERIFY2(h.detailOf(QStringLiteral("backup_verified")).contains(QStringLiteral("writable")),
            qPrintable(h.detailOf(QStringLiteral("backup_verified"))));
        QVERIFY(!h.preflight->isComplete());
        QVERIFY(!h.nextEnabled());
        QVERIFY2(h.summary().contains(QStringLiteral("cannot go on")) && h.summary().contains(folder)
                && h.summary().contains(QStringLiteral("Target folder writable")),
            qPrintable(h.summary()));
        QVERIFY(!h.child<QFrame>("liveOfferBox")->isVisible());
        QVERIFY(h.child<QPushButton>("recheckButton")->isEnabled());
        h.shoot(QStringLiteral("preflight-failed"));

        // Checking again does not get past it either.
        QTest::mouseClick(h.child<QPushButton>("recheckButton"), Qt::LeftButton);
        QVERIFY(h.state->isChecking());
        QVERIFY(h.checked());
        QCOMPARE(h.stateOf(QStringLiteral("target_folder")), State::Failed);
        QVERIFY(!h.nextEnabled());
        QVERIFY(!QFileInfo::exists(target));
    }

    void databaseInUseOffersTheLiveRestore()
    {
        testsupport::SqliteShell app; // another program with the database open
        QVERIFY(app.start(m_fixture->ordersDb()));
        Harness h = harness(m_fixture->ids().at(0));
        h.wizard->show();
        QVERIFY(h.checked());
        QCOMPARE(h.stateOf(QStringLiteral("target_in_use")), State::Failed);
        QVERIFY2(h.detailOf(QStringLiteral("target_in_use")).contains(QStringLiteral("pid %1").arg(app.pid())),
            qPrintable(h.detailOf(QStringLiteral("target_in_use"))));
        QVERIFY(!h.nextEnabled());
        QVERIFY(h.child<QFrame>("liveOfferBox")->isVisible());
        QVERIFY(!h.child<QFrame>("liveNoteBox")->isVisible());
        const QString warning = h.child<QLabel>("liveOfferLabel")->text();
        QVERIFY2(warning.contains(QStringLiteral("stay connected")) && warning.contains(QStringLiteral("is gone"))
                && warning.contains(QStringLiteral("safety backup")),
            qPrintable(warning));
        h.shoot(QStringLiteral("preflight-in-use"));

        QTest::mouseClick(h.child<QPushButton>("liveButton"), Qt::LeftButton);
        QVERIFY(h.state->isLive());
        QVERIFY(h.state->isChecking());
        QVERIFY(h.checked());
        QVERIFY2(h.state->plan()->ok(), qPrintable(h.summary()));
        QCOMPARE(h.stateOf(QStringLiteral("target_in_use")), State::Passed);
        QVERIFY(h.nextEnabled());
        QVERIFY(!h.child<QFrame>("liveOfferBox")->isVisible());
        QVERIFY(h.child<QFrame>("liveNoteBox")->isVisible());
        h.shoot(QStringLiteral("preflight-live"));

        // The confirmation says it is a live restore.
        h.wizard->next();
        const QString summary = h.child<QLabel>("confirmSummaryLabel")->text();
        QVERIFY2(summary.contains(QStringLiteral("open database while programs stay connected")), qPrintable(summary));
        h.wizard->back();

        // And the way back: without live, the open database stops it again.
        QTest::mouseClick(h.child<QPushButton>("notLiveButton"), Qt::LeftButton);
        QVERIFY(!h.state->isLive());
        QVERIFY(h.checked());
        QCOMPARE(h.stateOf(QStringLiteral("target_in_use")), State::Failed);
        QVERIFY(h.child<QFrame>("liveOfferBox")->isVisible());
        QVERIFY(!h.nextEnabled());
    }

    void encryptedBackupWaitsForItsKey()
    {
        auto identity = coffer::Identity::generate();
        COFFER_VERIFY_OK(identity);
        const QString keyFile = m_fixture->path(QStringLiteral("restore.key"));
        COFFER_VERIFY_OK(identity->save(keyFile));
        const QString id = encryptedBackup(*identity);
        QVERIFY(!id.isEmpty());

        Harness h = harness(id); // over the database itself: the safety backup must be encrypted too
        QAbstractItemModelTester tester(h.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        h.wizard->show();
        QVERIFY(h.state->needsCredentials());
        QVERIFY(!h.state->isChecking()); // waits for what opens the backup
        QVERIFY(h.child<QFrame>("credentialsBox")->isVisible());
        auto *recheck = h.child<QPushButton>("recheckButton");
        QVERIFY(!recheck->isEnabled());
        QVERIFY2(h.summary().contains(QStringLiteral("passphrase")), qPrintable(h.summary()));
        auto *passphrase = h.child<QLineEdit>("passphraseEdit");
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);

        // A wrong passphrase: the verification cannot open the backup.
        QTest::keyClicks(passphrase, QStringLiteral("wrong horse"));
        QVERIFY(recheck->isEnabled());
        h.shoot(QStringLiteral("preflight-encrypted"));
        QTest::mouseClick(recheck, Qt::LeftButton);
        QVERIFY(passphrase->text().isEmpty()); // not kept in the edit
        QVERIFY(!passphrase->isUndoAvailable());
        QVERIFY(h.state->isChecking());
        QVERIFY(h.checked());
        QVERIFY(!h.preflight->isComplete());
        auto *message = h.child<coffer::ui::MessageBar>("preflightMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("passphrase is wrong")), qPrintable(message->text()));
        QCOMPARE(h.stateOf(QStringLiteral("backup_verified")), State::Failed);
        h.shoot(QStringLiteral("preflight-wrong-passphrase"));

        // A key file that is not there is refused before anything runs.
        auto *keyEdit = h.child<QLineEdit>("keyFileEdit");
        keyEdit->setText(m_fixture->path(QStringLiteral("no-such.key")));
        QTest::mouseClick(recheck, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return recheck->isEnabled(); }, 10000));
        QVERIFY(!h.state->isChecking());
        QVERIFY2(message->isVisible() && message->text().contains(QStringLiteral("no-such.key")),
            qPrintable(message->text()));

        // The right private key opens it; the safety backup is encrypted for it as well.
        keyEdit->setText(keyFile);
        QTest::mouseClick(recheck, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return h.state->isChecking(); }, 10000));
        QVERIFY(h.checked());
        QVERIFY2(h.state->plan()->ok(), qPrintable(h.summary()));
        QVERIFY(!message->isVisible());
        QCOMPARE(h.row(QStringLiteral("safety_encryption")), h.row(QStringLiteral("repository_writable")) + 1);
        QCOMPARE(h.states(), QList<State>(8, State::Passed));
        QVERIFY(h.nextEnabled());
    }

    void confirmationNeedsTheExactNameAndRestores()
    {
        const QString backedUp = contents(m_fixture->ordersDb());
        testsupport::sqlite(m_fixture->ordersDb(), QStringLiteral("DELETE FROM orders WHERE id > 10"));
        QVERIFY(contents(m_fixture->ordersDb()) != backedUp);

        Harness h = harness(m_fixture->ids().at(0));
        h.wizard->show();
        QVERIFY(QTest::qWaitForWindowActive(h.wizard.get()));
        QVERIFY(h.checked());
        QVERIFY(h.nextEnabled());
        QTest::mouseClick(h.wizard->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(h.wizard->currentId(), int(RestoreWizard::ConfirmPageId));

        const auto &plan = h.state->plan();
        const QString summary = h.child<QLabel>("confirmSummaryLabel")->text();
        const QString keptUntil = h.state->safetyKeptUntil().toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
        QVERIFY2(summary.startsWith(QStringLiteral("Replace %1 (").arg(m_fixture->ordersDb()))
                && summary.contains(QStringLiteral("with the backup of orders taken"))
                && summary.contains(QStringLiteral("Data written after"))
                && summary.contains(QStringLiteral("safety backup %1").arg(plan->safetyBackupId.left(8)))
                && summary.contains(QStringLiteral("kept until %1").arg(keptUntil)),
            qPrintable(summary));
        QVERIFY(!plan->safetyBackupId.isEmpty() && !keptUntil.isEmpty());
        QVERIFY2(h.child<QLabel>("confirmLabel")->text().contains(QStringLiteral("“orders”")),
            qPrintable(h.child<QLabel>("confirmLabel")->text()));

        auto *confirm = h.child<QLineEdit>("confirmEdit");
        QCOMPARE(QApplication::focusWidget(), confirm);
        QAbstractButton *restore = h.wizard->button(QWizard::CommitButton);
        QVERIFY(restore->isVisible());
        QCOMPARE(restore->text(), QStringLiteral("&Restore"));
        QVERIFY(!restore->isEnabled());
        for (const QString &wrong : { QStringLiteral("Orders"), QStringLiteral("order"), QStringLiteral("orders ") }) {
            confirm->setText(QString());
            QTest::keyClicks(confirm, wrong);
            QVERIFY2(!h.confirm->isComplete(), qPrintable(wrong));
            QVERIFY(!restore->isEnabled());
        }
        confirm->setText(QString());
        QTest::keyClicks(confirm, QStringLiteral("orders"));
        QVERIFY(h.confirm->isComplete());
        QVERIFY(restore->isEnabled());
        h.shoot(QStringLiteral("confirm"));

        QSignalSpy finished(h.state, &RestoreState::restoreFinished);
        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(h.wizard->currentId(), int(RestoreWizard::ProgressPageId));
        QVERIFY(h.state->restoreJob());
        QVERIFY(finished.wait(60000));
        const coffer::RestoreResult *result = h.state->result();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error ? result->error->toString() : QString()));
        QCOMPARE(contents(m_fixture->ordersDb()), backedUp);
        QCOMPARE(result->safetyBackupId, plan->safetyBackupId); // the id the confirmation named
    }

    void confirmationForANewFile()
    {
        const QString target = m_fixture->path(QStringLiteral("side/orders-copy.db"));
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        Harness h = harness(m_fixture->ids().at(0), target);
        h.wizard->show();
        QVERIFY(h.checked());
        h.wizard->next();
        QCOMPARE(h.wizard->currentId(), int(RestoreWizard::ConfirmPageId));
        const QString summary = h.child<QLabel>("confirmSummaryLabel")->text();
        QVERIFY2(summary.startsWith(QStringLiteral("Create %1 from the backup of orders taken").arg(target))
                && !summary.contains(QStringLiteral("safety backup"))
                && summary.contains(QStringLiteral("%1, is not changed").arg(m_fixture->ordersDb())),
            qPrintable(summary));
        h.child<QLineEdit>("confirmEdit")->setText(QStringLiteral("orders"));
        QVERIFY(h.confirm->isComplete());
        h.shoot(QStringLiteral("confirm-new-file"));
    }
};

QTEST_MAIN(TstRestorePreflight)
#include "tst_restorepreflight.moc"
