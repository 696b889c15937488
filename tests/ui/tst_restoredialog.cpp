// The restore dialog over a real repository: the preflight's checks, the typed confirmation,
// a real restore to another file and over the database itself, and a preflight that fails.
#include "CatalogFixture.h"

#include "Session.h"
#include "repository/Catalog.h"
#include "restore/RestoreCheckModel.h"
#include "restore/RestoreDialog.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using coffer::ui::MessageBar;
using coffer::ui::RestoreCheckModel;
using coffer::ui::RestoreDialog;

class TstRestoreDialog final : public QObject
{
    Q_OBJECT

private:
    coffer::CatalogEntry entry(const QString &id) const
    {
        auto repository = coffer::Repository::open(m_fixture->repo());
        if (!repository)
            return {};
        auto catalog = coffer::Catalog::open(*repository);
        if (!catalog)
            return {};
        return catalog->backup(id).value_or(coffer::CatalogEntry{});
    }
    // A dialog for the first backup of `orders`, on screen.
    std::unique_ptr<RestoreDialog> openDialog()
    {
        auto dialog
            = std::make_unique<RestoreDialog>(m_session.get(), entry(m_fixture->ids().at(0)), m_fixture->repo());
        dialog->show();
        return dialog;
    }
    template <typename T> static T *child(const RestoreDialog &dialog, const char *name)
    {
        return dialog.findChild<T *>(QString::fromLatin1(name));
    }
    // Starts the checks and waits until they are shown (or failed to run).
    static bool check(RestoreDialog &dialog)
    {
        auto *button = child<QPushButton>(dialog, "checkButton");
        if (!button->isEnabled())
            return false;
        QTest::mouseClick(button, Qt::LeftButton);
        return QTest::qWaitFor(
            [&] { return button->isEnabled() || child<MessageBar>(dialog, "outcomeBar")->isVisible(); }, 20000);
    }
    static QList<bool> outcomes(const RestoreDialog &dialog)
    {
        QList<bool> passed;
        const QAbstractItemModel *model = child<QTableView>(dialog, "checksView")->model();
        for (int row = 0; row < model->rowCount(); ++row)
            passed << model->index(row, 0).data(RestoreCheckModel::PassedRole).toBool();
        return passed;
    }
    // What a user compares after a restore: the schema and every table's rows.
    static QString contents(const QString &database)
    {
        QStringList all;
        for (const char *query : { "SELECT group_concat(sql, ';') FROM sqlite_master",
                 "SELECT count(*) || ':' || sum(length(name) + length(email)) || ':' || max(name) FROM customers",
                 "SELECT count(*) || ':' || sum(customer * amount + qty) FROM orders",
                 "SELECT count(*) || ':' || sum(length(data)) || ':' || hex(max(data)) FROM blobs" })
            all << testsupport::sqlite(database, QString::fromLatin1(query));
        return all.join(QLatin1Char('|'));
    }
    static bool restore(RestoreDialog &dialog, const QString &name)
    {
        child<QLineEdit>(dialog, "confirmEdit")->setText(name);
        auto *button = child<QPushButton>(dialog, "restoreButton");
        if (!button->isEnabled())
            return false;
        QTest::mouseClick(button, Qt::LeftButton);
        return QTest::qWaitFor([&] { return child<MessageBar>(dialog, "outcomeBar")->isVisible(); }, 20000);
    }

    std::unique_ptr<CatalogFixture> m_fixture;
    std::unique_ptr<coffer::ui::Session> m_session;

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        m_session = std::make_unique<coffer::ui::Session>();
        QSignalSpy loaded(m_session.get(), &coffer::ui::Session::workspaceChanged);
        m_session->openWorkspace(m_fixture->workspacePath());
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_session->workspace());
    }

    void cleanup()
    {
        m_session.reset();
        m_fixture.reset();
    }

    void checkModelPassesModelTester()
    {
        RestoreCheckModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setChecks({ { QStringLiteral("target_folder"), true, QStringLiteral("/tmp") },
            { QStringLiteral("free_space"), false, QStringLiteral("1 GiB needed, 2 MiB free") },
            { QStringLiteral("something_new"), true, {} } });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, RestoreCheckModel::Check).data().toString(), QStringLiteral("Target folder"));
        QCOMPARE(model.index(1, RestoreCheckModel::Outcome).data().toString(), QStringLiteral("FAILED"));
        QCOMPARE(
            model.index(1, RestoreCheckModel::Detail).data().toString(), QStringLiteral("1 GiB needed, 2 MiB free"));
        QCOMPARE(model.index(2, RestoreCheckModel::Check).data().toString(), QStringLiteral("something_new"));
        model.setChecks({});
        QCOMPARE(model.rowCount(), 0);
    }

    void restoreToAnotherFile()
    {
        auto dialog = openDialog();
        const QString target = m_fixture->path(QStringLiteral("restored/orders-copy.db"));
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        auto *restoreButton = child<QPushButton>(*dialog, "restoreButton");
        QVERIFY(!restoreButton->isEnabled());
        child<QLineEdit>(*dialog, "targetEdit")->setText(target);
        QVERIFY(child<QRadioButton>(*dialog, "otherTargetRadio")->isChecked());
        QVERIFY(check(*dialog));
        const QList<bool> passed = outcomes(*dialog);
        QVERIFY(passed.size() >= 5);
        QVERIFY(!passed.contains(false));

        // Only the database's name enables Restore.
        auto *confirm = child<QLineEdit>(*dialog, "confirmEdit");
        QVERIFY(confirm->isVisible());
        QVERIFY2(child<QLabel>(*dialog, "confirmLabel")->text().contains(QStringLiteral("orders")),
            qPrintable(child<QLabel>(*dialog, "confirmLabel")->text()));
        QTest::keyClicks(confirm, QStringLiteral("customers"));
        QVERIFY(!restoreButton->isEnabled());
        confirm->clear();
        QTest::keyClicks(confirm, QStringLiteral("orders"));
        QVERIFY(restoreButton->isEnabled());

        QVERIFY(restore(*dialog, QStringLiteral("orders")));
        auto *outcome = child<MessageBar>(*dialog, "outcomeBar");
        QVERIFY2(outcome->type() == MessageBar::Type::Information, qPrintable(outcome->text()));
        QVERIFY2(outcome->text().contains(QStringLiteral("Restored orders")), qPrintable(outcome->text()));
        QVERIFY(!restoreButton->isEnabled());
        QVERIFY(QFileInfo(target).isFile());
        QCOMPARE(contents(target), contents(m_fixture->ordersDb()));
    }

    void restoreOverTheDatabaseKeepsASafetyBackup()
    {
        const QString before = contents(m_fixture->ordersDb());
        testsupport::sqlite(m_fixture->ordersDb(), QStringLiteral("DELETE FROM orders WHERE id > 10"));
        QVERIFY(contents(m_fixture->ordersDb()) != before);

        auto dialog = openDialog();
        QVERIFY(child<QRadioButton>(*dialog, "ownTargetRadio")->isChecked());
        QVERIFY2(child<QRadioButton>(*dialog, "ownTargetRadio")->text().contains(m_fixture->ordersDb()),
            qPrintable(child<QRadioButton>(*dialog, "ownTargetRadio")->text()));
        QVERIFY(check(*dialog));
        QVERIFY(!outcomes(*dialog).contains(false));
        QVERIFY(restore(*dialog, QStringLiteral("orders")));
        auto *outcome = child<MessageBar>(*dialog, "outcomeBar");
        QVERIFY2(outcome->type() == MessageBar::Type::Information, qPrintable(outcome->text()));
        QCOMPARE(contents(m_fixture->ordersDb()), before);

        // The outcome names the safety backup, which holds the database as it was.
        auto repository = coffer::Repository::open(m_fixture->repo());
        COFFER_VERIFY_OK(repository);
        auto catalog = coffer::Catalog::open(*repository);
        COFFER_VERIFY_OK(catalog);
        auto all = catalog->backups(QStringLiteral("orders"));
        COFFER_VERIFY_OK(all);
        QCOMPARE(all->first().manifest.trigger, QStringLiteral("safety"));
        QVERIFY2(outcome->text().contains(QStringLiteral("safety backup %1").arg(all->first().manifest.shortId())),
            qPrintable(outcome->text()));
        QCOMPARE(all->first().manifest.rowCounts.value(QStringLiteral("orders")), 10);
    }

    // A backup whose database the workspace does not list: its manifest's source path is not
    // offered, and nothing can be checked until the user names a file.
    void databaseNotInTheWorkspaceNeedsAChosenTarget()
    {
        const QString workspace = m_fixture->path(QStringLiteral("customers-only.yaml"));
        QFile file(workspace);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("repositories:\n  - name: local\n    path: %1\n    default: true\ndatabases:\n"
                                  "  - name: customers\n    path: %2\n")
                       .arg(m_fixture->repo(), m_fixture->customersDb())
                       .toUtf8());
        file.close();
        QSignalSpy loaded(m_session.get(), &coffer::ui::Session::workspaceChanged);
        m_session->openWorkspace(workspace);
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_session->workspace() && !m_session->workspace()->database(QStringLiteral("orders")));

        const QString before = contents(m_fixture->ordersDb());
        auto dialog = openDialog();
        auto *own = child<QRadioButton>(*dialog, "ownTargetRadio");
        QVERIFY(!own->isVisible());
        QVERIFY(!own->isChecked());
        QVERIFY(!own->text().contains(m_fixture->ordersDb()));
        QVERIFY(child<QRadioButton>(*dialog, "otherTargetRadio")->isChecked());
        QVERIFY(child<QLabel>(*dialog, "notInWorkspaceLabel")->isVisible());
        auto *checkButton = child<QPushButton>(*dialog, "checkButton");
        QVERIFY(!checkButton->isEnabled());

        const QString target = m_fixture->path(QStringLiteral("chosen.db"));
        child<QLineEdit>(*dialog, "targetEdit")->setText(target);
        QVERIFY(checkButton->isEnabled());
        QVERIFY(check(*dialog));
        QVERIFY(!outcomes(*dialog).contains(false));
        const QString summary = child<QLabel>(*dialog, "summaryLabel")->text();
        QVERIFY2(summary.contains(target) && !summary.contains(m_fixture->ordersDb()), qPrintable(summary));
        QVERIFY(restore(*dialog, QStringLiteral("orders")));
        QCOMPARE(contents(target), before);
        QCOMPARE(contents(m_fixture->ordersDb()), before);
    }

    void failingPreflightKeepsRestoreDisabled()
    {
        auto dialog = openDialog();
        QString folder = m_fixture->path(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(folder));
        if (::geteuid() == 0)
            folder += QStringLiteral("/missing"); // file modes do not bind root: a folder that is not there
        else
            QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
        child<QLineEdit>(*dialog, "targetEdit")->setText(folder + QStringLiteral("/orders.db"));
        QVERIFY(check(*dialog));
        ::chmod(QFile::encodeName(m_fixture->path(QStringLiteral("locked"))).constData(), 0755);

        const QAbstractItemModel *model = child<QTableView>(*dialog, "checksView")->model();
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(model->index(0, 0).data(RestoreCheckModel::NameRole).toString(), QStringLiteral("target_folder"));
        QCOMPARE(model->index(0, 0).data(RestoreCheckModel::PassedRole).toBool(), false);
        QVERIFY(model->index(0, RestoreCheckModel::Detail).data().toString().contains(QStringLiteral("not writable")));
        const QString summary = child<QLabel>(*dialog, "summaryLabel")->text();
        QVERIFY2(summary.contains(QStringLiteral("cannot go ahead")) && summary.contains(folder), qPrintable(summary));

        QVERIFY(!child<QLineEdit>(*dialog, "confirmEdit")->isVisible());
        child<QLineEdit>(*dialog, "confirmEdit")->setText(QStringLiteral("orders"));
        QVERIFY(!child<QPushButton>(*dialog, "restoreButton")->isEnabled());
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/orders.db")));
    }
};

QTEST_MAIN(TstRestoreDialog)
#include "tst_restoredialog.moc"
