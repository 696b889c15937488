// The restore wizard's first two pages over a real repository: the backup chosen by id, by
// database (the latest verified one, skipping a failed verification), or by the user with the
// keyboard; what the backup contains; the target now against the backup, table by table.
#include "RestoreFixture.h"

#include "DisplayFormat.h"
#include "restore/RestoreBackupListModel.h"
#include "restore/RestoreBackupPage.h"
#include "restore/RestoreState.h"
#include "restore/RestoreTargetPage.h"
#include "restore/TableDiffModel.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QWizard>
#include <QtTest>

#include <memory>

using coffer::ui::DisplayFormat;
using coffer::ui::MessageBar;
using coffer::ui::RestoreBackupListModel;
using coffer::ui::RestoreBackupPage;
using coffer::ui::RestoreRequest;
using coffer::ui::RestoreState;
using coffer::ui::RestoreTargetPage;
using coffer::ui::TableDiffModel;

class TstRestorePages final : public QObject
{
    Q_OBJECT

private:
    coffer::CatalogEntry entry(const QString &id) const { return restorefixture::entry(m_fixture->repo(), id); }
    bool recordVerification(const QString &id, bool passed) const
    {
        auto c = restorefixture::catalog(m_fixture->repo());
        if (!c)
            return false;
        coffer::VerifyOutcome outcome;
        outcome.backupId = id;
        outcome.database = entry(id).manifest.database;
        outcome.level = QStringLiteral("full");
        outcome.time = QDateTime::currentDateTimeUtc();
        outcome.checks << coffer::CheckResult{ QStringLiteral("artifact_sha256"), true, {} };
        if (!passed)
            outcome.checks << coffer::CheckResult{ QStringLiteral("integrity_check"), false, QStringLiteral("page 3") };
        return c->recordVerification(outcome).has_value();
    }
    std::unique_ptr<RestoreState> makeState(const RestoreRequest &request = {})
    {
        return std::make_unique<RestoreState>(m_session.get(), request);
    }
    // A backup page over `state`, on screen, once its first load is shown.
    static std::unique_ptr<RestoreBackupPage> backupPage(RestoreState *state)
    {
        auto page = std::make_unique<RestoreBackupPage>(state);
        QSignalSpy loaded(page.get(), &RestoreBackupPage::loaded);
        page->resize(900, 640);
        page->show();
        if (!loaded.wait(20000))
            qWarning("the backup page never finished loading");
        return page;
    }
    static bool waitRead(RestoreTargetPage &page)
    {
        return QTest::qWaitFor([&] { return !page.isReading(); }, 20000);
    }
    template <typename T> static T *child(const QWidget &page, const char *name)
    {
        auto *widget = page.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    static QString selectedId(const QWidget &page)
    {
        const QTableView *table = child<QTableView>(page, "backupTable");
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        return rows.size() == 1 ? rows.constFirst().data(RestoreBackupListModel::BackupIdRole).toString() : QString();
    }
    // Table name -> the text of `column` in the diff table.
    static QMap<QString, QString> column(const QTableView *table, int column)
    {
        QMap<QString, QString> values;
        const QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row)
            values.insert(model->index(row, TableDiffModel::Table).data().toString(),
                model->index(row, column).data().toString());
        return values;
    }

    std::unique_ptr<CatalogFixture> m_fixture;
    std::unique_ptr<coffer::ui::Session> m_session;

private Q_SLOTS:
    void initTestCase() { QVERIFY(QDir().mkpath(QStringLiteral("/tmp/shots"))); }

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

    void backupListModelPassesModelTester()
    {
        RestoreBackupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(recordVerification(m_fixture->ids().at(0), true));
        QVERIFY(recordVerification(m_fixture->ids().at(2), false));
        QList<coffer::ui::BackupRow> rows;
        for (const QString &id : m_fixture->ids())
            rows << coffer::ui::BackupRow{ QStringLiteral("local"), m_fixture->repo(), entry(id) };
        model.setBackups(rows);
        QCOMPARE(model.rowCount(), 3);
        // Newest first, whatever order they came in.
        QCOMPARE(model.index(0, 0).data(RestoreBackupListModel::BackupIdRole).toString(), m_fixture->ids().at(2));
        QCOMPARE(model.index(2, 0).data(RestoreBackupListModel::BackupIdRole).toString(), m_fixture->ids().at(0));
        QCOMPARE(model.index(0, RestoreBackupListModel::Id).data().toString(), m_fixture->ids().at(2).left(8));
        QVERIFY(model.index(0, RestoreBackupListModel::Verification).data().toString().startsWith(u"FAILED"));
        QVERIFY(model.index(1, RestoreBackupListModel::Verification).data().toString().startsWith(u"never"));
        QVERIFY(model.index(2, RestoreBackupListModel::Verification).data().toString().startsWith(u"ok"));
        QCOMPARE(model.index(0, RestoreBackupListModel::Encrypted).data().toString(), QStringLiteral("no"));
        QCOMPARE(model.latestVerifiedRow(), 2);
        QCOMPARE(model.latestNotFailedRow(), 1);
        QCOMPARE(model.rowOf(m_fixture->ids().at(1), m_fixture->repo() + QStringLiteral("/")), 1);
        QCOMPARE(model.rowOf(m_fixture->ids().at(1), QStringLiteral("/elsewhere")), -1);

        // A safety backup (what an earlier restore replaced) is "the latest" only when nothing else is.
        coffer::CatalogEntry safety = entry(m_fixture->ids().at(1));
        safety.manifest.id = QString(32, QLatin1Char('f'));
        safety.manifest.trigger = QStringLiteral("safety");
        safety.manifest.created = QDateTime::currentDateTimeUtc().addSecs(60);
        safety.lastVerification.reset();
        rows << coffer::ui::BackupRow{ QStringLiteral("local"), m_fixture->repo(), safety };
        model.setBackups(rows);
        QCOMPARE(model.index(0, 0).data(RestoreBackupListModel::BackupIdRole).toString(), safety.manifest.id);
        QCOMPARE(model.latestNotFailedRow(), 2);
        model.setBackups({ rows.constLast() });
        QCOMPARE(model.latestNotFailedRow(), 0);

        model.setBackups({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.latestVerifiedRow(), -1);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(DisplayFormat::age(now.addSecs(-30), now), QStringLiteral("less than a minute"));
        QVERIFY(DisplayFormat::age(now.addSecs(-3 * 3600 - 5), now).startsWith(u"3 hour"));
        QVERIFY(DisplayFormat::age(now.addDays(-12), now).startsWith(u"12 day"));
    }

    void tableDiffModelPassesModelTester()
    {
        TableDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QMap<QString, qint64> backup{ { QStringLiteral("a"), 10 }, { QStringLiteral("b"), 5 },
            { QStringLiteral("c"), 3 } };
        model.setCounts(backup);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.hasNow());
        QCOMPARE(model.index(2, TableDiffModel::Backup).data().toString(), QStringLiteral("3"));
        QVERIFY(model.index(0, TableDiffModel::Change).data().toString().isEmpty());

        model.setCounts(backup,
            QMap<QString, qint64>{
                { QStringLiteral("a"), 7 }, { QStringLiteral("b"), 5 }, { QStringLiteral("d"), 4 } });
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, TableDiffModel::Change).data().toString(), QStringLiteral("+3"));
        QCOMPARE(model.index(1, TableDiffModel::Change).data().toString(), QStringLiteral("same"));
        QCOMPARE(model.index(2, TableDiffModel::Change).data().toString(), QStringLiteral("only in backup"));
        QCOMPARE(model.index(3, TableDiffModel::Change).data().toString(), QStringLiteral("only now"));
        QCOMPARE(model.index(3, TableDiffModel::Backup).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(3, TableDiffModel::Change).data(TableDiffModel::ChangeRole).toLongLong(), -4);
        const TableDiffModel::Summary summary = model.summary();
        QCOMPARE(summary.differing, 3);
        QCOMPARE(summary.added, 6);
        QCOMPARE(summary.removed, 4);
        QCOMPARE(summary.onlyInBackup, 1);
        QCOMPARE(summary.onlyNow, 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void preselectsTheRequestedBackup_data()
    {
        QTest::addColumn<bool>("withRepository");
        QTest::newRow("in its repository") << true;
        QTest::newRow("in any repository") << false;
    }

    void preselectsTheRequestedBackup()
    {
        QFETCH(bool, withRepository);
        const QString id = m_fixture->ids().at(0); // the older backup of orders
        auto state = makeState({ withRepository ? m_fixture->repo() : QString(), id, {} });
        auto page = backupPage(state.get());
        QVERIFY(state->backup());
        QCOMPARE(state->backup()->manifest.id, id);
        QCOMPARE(QDir::cleanPath(state->repositoryPath()), QDir::cleanPath(m_fixture->repo()));
        QVERIFY(page->isComplete());
        QCOMPARE(child<QComboBox>(*page, "databaseCombo")->currentText(), QStringLiteral("orders"));
        // All of that database's backups, so the user can still change it.
        auto *table = child<QTableView>(*page, "backupTable");
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(selectedId(*page), id);
        QVERIFY(!child<MessageBar>(*page, "messageBar")->isVisible());

        QSignalSpy changed(page.get(), &QWizardPage::completeChanged);
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 0)).center());
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(2));
        QVERIFY(!changed.isEmpty());
    }

    void requestedBackupThatIsGoneIsReported()
    {
        auto state = makeState({ m_fixture->repo(), QStringLiteral("0123456789abcdef0123456789abcdef"), {} });
        auto page = backupPage(state.get());
        QVERIFY(!state->backup());
        QVERIFY(!page->isComplete());
        auto *bar = child<MessageBar>(*page, "messageBar");
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(u"01234567"), qPrintable(bar->text()));
    }

    void preselectsTheLatestVerifiedBackupOfTheDatabase()
    {
        // The newest backup of orders failed its verification: the older one, which passed, is chosen.
        QVERIFY(recordVerification(m_fixture->ids().at(0), true));
        QVERIFY(recordVerification(m_fixture->ids().at(2), false));
        auto state = makeState({ {}, {}, QStringLiteral("orders") });
        auto page = backupPage(state.get());
        QVERIFY(state->backup());
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(0));
        QCOMPARE(selectedId(*page), m_fixture->ids().at(0));
        QVERIFY(!child<QLabel>(*page, "noteLabel")->isVisible());
    }

    void withoutAVerifiedBackupTheNewestUnverifiedIsChosenAndSaidSo()
    {
        QVERIFY(recordVerification(m_fixture->ids().at(2), false)); // the newest: failed
        auto state = makeState({ {}, {}, QStringLiteral("orders") });
        auto page = backupPage(state.get());
        QVERIFY(state->backup());
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(0)); // never verified, not known to be bad
        auto *note = child<QLabel>(*page, "noteLabel");
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"unverified"), qPrintable(note->text()));
        QTest::qWait(50); // the layout's pass for the longer texts
        QVERIFY(page->grab().save(QStringLiteral("/tmp/shots/restore-backup-unverified.png")));
        QVERIFY(!child<QPushButton>(*page, "latestVerifiedButton")->isEnabled());

        // The user choosing another backup takes the note away.
        auto *table = child<QTableView>(*page, "backupTable");
        table->selectRow(0);
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(2));
        QVERIFY(!note->isVisible());
    }

    void latestVerifiedButtonSkipsAFailedVerification()
    {
        QVERIFY(recordVerification(m_fixture->ids().at(0), true));
        QVERIFY(recordVerification(m_fixture->ids().at(2), false));
        auto state = makeState();
        auto page = backupPage(state.get());
        // Nothing asked for: the first database, and nothing chosen for the user.
        QCOMPARE(child<QComboBox>(*page, "databaseCombo")->currentText(), QStringLiteral("orders"));
        QVERIFY(!state->backup());
        QVERIFY(!page->isComplete());
        QCOMPARE(child<QLabel>(*page, "backupSummaryLabel")->text(), QStringLiteral("No backup chosen yet."));
        auto *button = child<QPushButton>(*page, "latestVerifiedButton");
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(state->backup());
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(0));
        QVERIFY(page->isComplete());

        // Another database: nothing verified there, so the button cannot choose.
        auto *combo = child<QComboBox>(*page, "databaseCombo");
        combo->setCurrentIndex(combo->findText(QStringLiteral("customers")));
        QVERIFY(!state->backup());
        QVERIFY(!button->isEnabled());
        QCOMPARE(child<QTableView>(*page, "backupTable")->model()->rowCount(), 1);
    }

    void contentsAreTheManifestsRowCounts()
    {
        const QString id = m_fixture->ids().at(1); // customers
        auto state = makeState({ m_fixture->repo(), id, {} });
        auto page = backupPage(state.get());
        const coffer::Manifest manifest = entry(id).manifest;
        QVERIFY(!manifest.rowCounts.isEmpty());
        auto *contents = child<QTableView>(*page, "contentsTable");
        QMap<QString, qint64> shown;
        for (int row = 0; row < contents->model()->rowCount(); ++row)
            shown.insert(contents->model()->index(row, TableDiffModel::Table).data().toString(),
                QLocale().toLongLong(contents->model()->index(row, TableDiffModel::Backup).data().toString()));
        QCOMPARE(shown, manifest.rowCounts);
        QVERIFY(contents->isColumnHidden(TableDiffModel::Now));
        const QString summary = child<QLabel>(*page, "backupSummaryLabel")->text();
        QVERIFY2(summary.contains(manifest.shortId()), qPrintable(summary));
        QVERIFY2(summary.contains(u"zstd 3"), qPrintable(summary));
        QVERIFY2(summary.contains(u"not encrypted"), qPrintable(summary));
        QVERIFY2(summary.contains(u"repository “local”"), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("%1 table").arg(manifest.tableCount)), qPrintable(summary));
    }

    void unreadableRepositoryIsNamedAndNothingToRestoreIsSaid()
    {
        const QString workspace = m_fixture->path(QStringLiteral("broken.yaml"));
        QVERIFY(m_fixture->writeWorkspace(
            workspace, { { QStringLiteral("vanished"), m_fixture->path(QStringLiteral("gone")) } }));
        QSignalSpy loaded(m_session.get(), &coffer::ui::Session::workspaceChanged);
        m_session->openWorkspace(workspace);
        QVERIFY(loaded.wait(20000));
        auto state = makeState();
        auto page = backupPage(state.get());
        auto *bar = child<MessageBar>(*page, "messageBar");
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(u"vanished"), qPrintable(bar->text()));
        auto *empty = child<QLabel>(*page, "emptyState");
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(u"nothing to restore"), qPrintable(empty->text()));
        QVERIFY(!page->isComplete());
    }

    void keyboardReachesAndChangesTheSelection()
    {
        auto state = makeState();
        auto page = backupPage(state.get());
        QApplication::setActiveWindow(page.get());
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        auto *combo = child<QComboBox>(*page, "databaseCombo");
        auto *table = child<QTableView>(*page, "backupTable");
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down); // orders -> customers
        QCOMPARE(combo->currentText(), QStringLiteral("customers"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // the button is disabled: nothing verified
        QCOMPARE(QApplication::focusWidget(), table);
        QVERIFY(!state->backup()); // reaching the table chooses nothing
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(state->backup());
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(1));
        QTest::keyClick(table, Qt::Key_Tab); // leaves the table
        QVERIFY(QApplication::focusWidget() != table);
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(1));

        // Back to orders, then the mnemonic of "Latest verified".
        QVERIFY(recordVerification(m_fixture->ids().at(2), true));
        page->reload();
        QTRY_VERIFY(!page->isLoading());
        combo->setCurrentIndex(combo->findText(QStringLiteral("orders")));
        QVERIFY(!state->backup());
        QVERIFY(child<QPushButton>(*page, "latestVerifiedButton")->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::AltModifier);
        QTRY_VERIFY(state->backup()); // a mnemonic clicks the button after a short animation
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(2));
        QCOMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(state->backup()->manifest.id, m_fixture->ids().at(0));
    }

    void targetPageShowsTheRowsTheRestoreChanges()
    {
        auto state = makeState();
        state->setBackup(m_fixture->repo(), entry(m_fixture->ids().at(2))); // orders, 300 rows per table
        // The live database moved on since: orders lost 20 rows, customers gained 5, a table appeared.
        const QString db = m_fixture->ordersDb();
        QCOMPARE(testsupport::sqlite(db, QStringLiteral("DELETE FROM orders WHERE id <= 20")), QString());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(testsupport::sqlite(db, QStringLiteral("INSERT INTO customers(name) VALUES ('new')")), QString());
        QCOMPARE(testsupport::sqlite(db, QStringLiteral("CREATE TABLE notes(text)")), QString());
        QCOMPARE(testsupport::sqlite(db, QStringLiteral("INSERT INTO notes VALUES ('a'), ('b')")), QString());

        RestoreTargetPage page(state.get());
        page.resize(900, 640);
        page.show();
        QVERIFY(!page.isComplete()); // reading
        QVERIFY(waitRead(page));
        QVERIFY(page.isComplete());
        QVERIFY(child<QRadioButton>(page, "ownTargetRadio")->isChecked());
        QCOMPARE(state->targetPath(), db);

        auto *table = child<QTableView>(page, "diffTable");
        const QMap<QString, QString> now = column(table, TableDiffModel::Now);
        QCOMPARE(now.value(QStringLiteral("orders")), QStringLiteral("280"));
        QCOMPARE(now.value(QStringLiteral("customers")), QStringLiteral("305"));
        const QMap<QString, QString> change = column(table, TableDiffModel::Change);
        QCOMPARE(change.value(QStringLiteral("orders")), QStringLiteral("+20"));
        QCOMPARE(change.value(QStringLiteral("customers")), QStringLiteral("−5"));
        QCOMPARE(change.value(QStringLiteral("blobs")), QStringLiteral("same"));
        QCOMPARE(change.value(QStringLiteral("notes")), QStringLiteral("only now"));
        const QString summary = child<QLabel>(page, "targetSummaryLabel")->text();
        QVERIFY2(summary.contains(u"3 table"), qPrintable(summary));
        QVERIFY2(summary.contains(u"7 rows will be removed, 20 added"), qPrintable(summary));
        const QString there = child<QLabel>(page, "targetStateLabel")->text();
        QVERIFY2(there.contains(QDir::toNativeSeparators(db)) && there.contains(u"last modified"), qPrintable(there));

        // Shown again, the page reads the database again.
        QCOMPARE(testsupport::sqlite(db, QStringLiteral("DROP TABLE notes")), QString());
        page.initializePage();
        QVERIFY(!page.isComplete());
        QVERIFY(waitRead(page));
        QVERIFY(!column(table, TableDiffModel::Change).contains(QStringLiteral("notes")));
        QVERIFY(child<QLabel>(page, "targetSummaryLabel")->text().contains(u"5 rows will be removed, 20 added"));
    }

    void targetPageOnAnotherFile()
    {
        auto state = makeState();
        state->setBackup(m_fixture->repo(), entry(m_fixture->ids().at(1)));
        RestoreTargetPage page(state.get());
        page.show();
        QVERIFY(waitRead(page));

        // A file that is not there yet: it will be created. Typing waits a moment before reading.
        const QString missing = m_fixture->path(QStringLiteral("customers-copy.db"));
        child<QLineEdit>(page, "targetEdit")->setText(missing);
        QVERIFY(child<QRadioButton>(page, "otherTargetRadio")->isChecked());
        QCOMPARE(state->targetPath(), missing);
        QVERIFY(!state->isOwnTarget());
        QVERIFY(page.isReading());
        QVERIFY(!page.isComplete());
        QVERIFY(waitRead(page));
        QVERIFY(page.isComplete());
        QVERIFY2(child<QLabel>(page, "targetStateLabel")->text().contains(u"will create it"),
            qPrintable(child<QLabel>(page, "targetStateLabel")->text()));
        QVERIFY(child<QTableView>(page, "diffTable")->isColumnHidden(TableDiffModel::Now));
        QVERIFY(child<QLabel>(page, "targetSummaryLabel")->text().contains(u"creates it with"));
        QVERIFY(!QFileInfo::exists(missing)); // reading it did not create it

        // A file that is not SQLite is said so; the preflight refuses it, this page does not.
        const QString text = m_fixture->path(QStringLiteral("notes.txt"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QByteArray("these are not the rows you are looking for, and this is no database header\n").repeated(20));
        file.close();
        child<QLineEdit>(page, "targetEdit")->setText(text);
        QVERIFY(waitRead(page));
        QVERIFY(page.isComplete());
        QVERIFY2(child<QLabel>(page, "targetSummaryLabel")->text().contains(u"cannot be read as an SQLite database"),
            qPrintable(child<QLabel>(page, "targetSummaryLabel")->text()));

        // No name: nothing to go on with. Back to the own file.
        child<QLineEdit>(page, "targetEdit")->clear();
        QVERIFY(!page.isComplete());
        child<QRadioButton>(page, "ownTargetRadio")->setChecked(true);
        QVERIFY(state->isOwnTarget());
        QVERIFY(waitRead(page));
        QVERIFY(page.isComplete());
    }

    void targetPageForADatabaseTheWorkspaceDoesNotList()
    {
        QVERIFY(m_fixture->backup(m_fixture->customersDb(), QStringLiteral("legacy")));
        auto state = makeState();
        state->setBackup(m_fixture->repo(), entry(m_fixture->ids().last()));
        RestoreTargetPage page(state.get());
        page.show();
        auto *own = child<QRadioButton>(page, "ownTargetRadio");
        QVERIFY(!own->isEnabled());
        QVERIFY(child<QRadioButton>(page, "otherTargetRadio")->isChecked());
        QVERIFY(child<QLabel>(page, "notInWorkspaceLabel")->isVisible());
        QVERIFY(child<QLabel>(page, "notInWorkspaceLabel")->text().contains(u"legacy"));
        QVERIFY(!page.isComplete());
        child<QLineEdit>(page, "targetEdit")->setText(m_fixture->path(QStringLiteral("legacy.db")));
        QVERIFY(waitRead(page));
        QVERIFY(page.isComplete());
    }

    void targetPageByKeyboard()
    {
        auto state = makeState();
        state->setBackup(m_fixture->repo(), entry(m_fixture->ids().at(0)));
        RestoreTargetPage page(state.get());
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *own = child<QRadioButton>(page, "ownTargetRadio");
        own->setFocus();
        QTest::keyClick(own, Qt::Key_Down);
        QVERIFY(child<QRadioButton>(page, "otherTargetRadio")->isChecked());
        QVERIFY(!page.isComplete()); // no file named yet
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(page, "targetEdit"));
        const QString target = m_fixture->path(QStringLiteral("typed.db"));
        QTest::keyClicks(QApplication::focusWidget(), target);
        QCOMPARE(state->targetPath(), target);
        QVERIFY(waitRead(page));
        QVERIFY(page.isComplete());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), child<QPushButton>(page, "browseButton"));
    }

    void screenshots()
    {
        QVERIFY(recordVerification(m_fixture->ids().at(2), true));
        QCOMPARE(
            testsupport::sqlite(m_fixture->ordersDb(), QStringLiteral("DELETE FROM orders WHERE id <= 40")), QString());
        auto state = makeState({ {}, {}, QStringLiteral("orders") });
        QWizard wizard;
        wizard.setWizardStyle(QWizard::ModernStyle);
        auto *backup = new RestoreBackupPage(state.get());
        auto *target = new RestoreTargetPage(state.get());
        QSignalSpy loaded(backup, &RestoreBackupPage::loaded);
        wizard.addPage(backup);
        wizard.addPage(target);
        wizard.resize(900, 640);
        wizard.show();
        QVERIFY(loaded.wait(20000));
        QVERIFY(state->backup());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard.grab().save(QStringLiteral("/tmp/shots/restore-backup.png")));
        wizard.next();
        QVERIFY(waitRead(*target));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        const QString summary = target->findChild<QLabel *>(QStringLiteral("targetSummaryLabel"))->text();
        QVERIFY2(summary.contains(u"40 rows will be added"), qPrintable(summary));
        QVERIFY(wizard.grab().save(QStringLiteral("/tmp/shots/restore-target.png")));
    }
};

QTEST_MAIN(TstRestorePages)
#include "tst_restorepages.moc"
