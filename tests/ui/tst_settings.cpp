// The Settings page over a real workspace, real databases and a real repository with backups:
// every edit goes through the page's controls into the workspace file and back into the tables.
#include "CatalogFixture.h"

#include "Session.h"
#include "repository/Repository.h"
#include "settings/DatabaseFileState.h"
#include "settings/DatabaseTableModel.h"
#include "settings/DatabasesSection.h"
#include "settings/RepositoryState.h"
#include "settings/RepositoryTableModel.h"
#include "settings/SettingsPage.h"
#include "settings/WorkspaceFilesModel.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <functional>
#include <memory>

using coffer::Workspace;
using coffer::ui::DatabaseFileState;
using coffer::ui::DatabaseTableModel;
using coffer::ui::MessageBar;
using coffer::ui::RepositoryState;
using coffer::ui::RepositoryTableModel;
using coffer::ui::SettingsPage;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

class TstSettings final : public QObject
{
    Q_OBJECT

private:
    // A page over `workspace`, shown, after its first load.
    std::unique_ptr<SettingsPage> openPage(const QString &workspace)
    {
        auto *session = new coffer::ui::Session;
        auto page = std::make_unique<SettingsPage>(session);
        session->setParent(page.get());
        page->resize(1100, 700);
        page->show();
        QSignalSpy loaded(page.get(), &SettingsPage::loadFinished);
        session->openWorkspace(workspace);
        if (!loaded.wait(20000))
            qWarning("the settings page did not finish loading");
        return page;
    }
    template <typename T> static T *child(QWidget &page, const char *name)
    {
        T *widget = page.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    static QAbstractItemModel *model(QWidget &page, const char *table)
    {
        return child<QTableView>(page, table)->model();
    }
    static int rowOf(QAbstractItemModel *model, const QString &name)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == name)
                return row;
        }
        return -1;
    }
    // Runs `trigger`, waits for the edit it starts and, when it was written, for the page to show
    // the workspace read again. Returns whether the edit succeeded.
    static bool edit(SettingsPage &page, const std::function<void()> &trigger)
    {
        QSignalSpy finished(&page, &SettingsPage::editFinished);
        QSignalSpy loaded(&page, &SettingsPage::loadFinished);
        trigger();
        if (!finished.wait(20000))
            return false;
        const bool succeeded = finished.first().first().toBool();
        if (succeeded && !loaded.wait(20000))
            qWarning("the page did not reload after the edit");
        return succeeded;
    }
    // Answers the confirmation the page opened.
    static bool answer(QWidget &page, bool accept)
    {
        QMessageBox *box = nullptr;
        if (!QTest::qWaitFor([&] { return (box = page.findChild<QMessageBox *>(QStringLiteral("question"))); }, 5000))
            return false;
        auto *button
            = box->findChild<QPushButton *>(accept ? QStringLiteral("acceptButton") : QStringLiteral("cancelButton"));
        if (!button)
            return false;
        QTest::mouseClick(button, Qt::LeftButton);
        return true;
    }
    // A copy of the fixture's workspace in its own folder, so each test edits its own file.
    QString copyWorkspace(QTemporaryDir &dir)
    {
        const QString path = dir.filePath(QStringLiteral("workspace.yaml"));
        writeAll(path, readAll(m_fixture->workspacePath()));
        return path;
    }

    std::unique_ptr<CatalogFixture> m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
    }

    void modelsPassModelTester()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        auto *session = new coffer::ui::Session;
        SettingsPage page(session);
        session->setParent(&page);
        using Tester = QAbstractItemModelTester;
        Tester databases(model(page, "databaseTable"), Tester::FailureReportingMode::Fatal);
        Tester repositories(model(page, "repositoryTable"), Tester::FailureReportingMode::Fatal);
        Tester files(model(page, "filesTable"), Tester::FailureReportingMode::Fatal);
        page.show();
        QSignalSpy loaded(&page, &SettingsPage::loadFinished);
        session->openWorkspace(workspace);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(model(page, "databaseTable")->rowCount(), 2);
        QCOMPARE(model(page, "repositoryTable")->rowCount(), 1);
        QCOMPARE(model(page, "filesTable")->rowCount(), 5);
        // An edit resets and updates every model under the testers' eyes.
        QVERIFY(edit(page, [&] {
            model(page, "databaseTable")
                ->setData(model(page, "databaseTable")->index(0, DatabaseTableModel::Group), QStringLiteral("acme"));
        }));
        QCOMPARE(model(page, "databaseTable")->index(0, DatabaseTableModel::Group).data().toString(),
            QStringLiteral("acme"));
    }

    void databasePathStates()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeAll(text, "not a database, just some notes\n"));
        const QString workspace = dir.filePath(QStringLiteral("workspace.yaml"));
        QVERIFY(writeAll(workspace,
            QStringLiteral("repositories:\n  - name: local\n    path: %1\n"
                           "databases:\n  - name: orders\n    path: %2\n"
                           "  - name: gone\n    path: %3\n  - name: notes\n    path: %4\n")
                .arg(m_fixture->repo(), m_fixture->ordersDb(), dir.filePath(QStringLiteral("gone.db")), text)
                .toUtf8()));
        auto page = openPage(workspace);
        QAbstractItemModel *databases = model(*page, "databaseTable");
        const auto state = [&](const QString &name) {
            return databases->index(rowOf(databases, name), DatabaseTableModel::Check)
                .data(DatabaseTableModel::StateRole)
                .toInt();
        };
        const auto shown = [&](const QString &name) {
            return databases->index(rowOf(databases, name), DatabaseTableModel::Check).data().toString();
        };
        QCOMPARE(state(QStringLiteral("orders")), int(DatabaseFileState::Kind::Ok));
        QVERIFY2(shown(QStringLiteral("orders")).startsWith(QLatin1String("ok (SQLite, ")),
            qPrintable(shown(QStringLiteral("orders"))));
        QCOMPARE(state(QStringLiteral("gone")), int(DatabaseFileState::Kind::Missing));
        QCOMPARE(shown(QStringLiteral("gone")), QStringLiteral("missing"));
        QCOMPARE(state(QStringLiteral("notes")), int(DatabaseFileState::Kind::NotSqlite));
        QCOMPARE(shown(QStringLiteral("notes")), QStringLiteral("not a SQLite database"));
    }

    void repositoryStates()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("empty")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("broken")));
        QVERIFY(writeAll(dir.filePath(QStringLiteral("broken/coffer-repo.json")), "{ this is not json"));
        const QString workspace = dir.filePath(QStringLiteral("workspace.yaml"));
        QVERIFY(writeAll(workspace,
            QStringLiteral("repositories:\n  - name: local\n    path: %1\n    default: true\n"
                           "  - name: empty\n    path: empty\n  - name: broken\n    path: broken\n"
                           "retention:\n  default: {keep_daily: 7}\n")
                .arg(m_fixture->repo())
                .toUtf8()));
        auto page = openPage(workspace);
        QAbstractItemModel *repositories = model(*page, "repositoryTable");
        const auto at = [&](const QString &name, int column, int role = Qt::DisplayRole) {
            return repositories->index(rowOf(repositories, name), column).data(role);
        };
        QCOMPARE(at(QStringLiteral("local"), RepositoryTableModel::State, RepositoryTableModel::StateRole).toInt(),
            int(RepositoryState::Kind::Ready));
        const QString ready = at(QStringLiteral("local"), RepositoryTableModel::State).toString();
        QVERIFY2(ready.startsWith(QStringLiteral("ready, %1 backup").arg(QString::number(m_fixture->ids().size()))),
            qPrintable(ready));
        QCOMPARE(at(QStringLiteral("local"), RepositoryTableModel::Default).toString(), QStringLiteral("default"));
        QCOMPARE(at(QStringLiteral("local"), RepositoryTableModel::Encryption).toString(), QStringLiteral("optional"));
        QCOMPARE(
            at(QStringLiteral("empty"), RepositoryTableModel::State).toString(), QStringLiteral("not initialised"));
        QCOMPARE(at(QStringLiteral("broken"), RepositoryTableModel::State, RepositoryTableModel::StateRole).toInt(),
            int(RepositoryState::Kind::Unreadable));
        QVERIFY(at(QStringLiteral("broken"), RepositoryTableModel::State)
                    .toString()
                    .startsWith(QLatin1String("cannot be read: ")));
        const QString policy = child<QLabel>(*page, "policyLabel")->text();
        QVERIFY2(policy.contains(QLatin1String("keep-daily 7")), qPrintable(policy));
    }

    void addDatabaseThroughTheFileDialog()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        const QString db = dir.filePath(QStringLiteral("ledger.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 20));
        auto page = openPage(workspace);

        QTest::mouseClick(child<QPushButton>(*page, "addDatabaseButton"), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = child<QFileDialog>(*page, "databaseFileDialog")); }, 5000));
        dialog->selectFile(db);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected; QDialog's is not
        auto *name = child<QLineEdit>(*page, "newDatabaseName");
        QTRY_COMPARE(name->text(), QStringLiteral("ledger"));
        child<QLineEdit>(*page, "newDatabaseGroup")->setText(QStringLiteral("finance"));
        QVERIFY(edit(
            *page, [&] { QTest::mouseClick(child<QPushButton>(*page, "confirmAddDatabaseButton"), Qt::LeftButton); }));

        const auto loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->database(QStringLiteral("ledger"))->path, db);
        QCOMPARE(loaded->database(QStringLiteral("ledger"))->group, QStringLiteral("finance"));
        QVERIFY(readAll(workspace).contains("path: ledger.db")); // inside the workspace folder: relative
        QAbstractItemModel *databases = model(*page, "databaseTable");
        const int row = rowOf(databases, QStringLiteral("ledger"));
        QVERIFY(row >= 0);
        QCOMPARE(databases->index(row, DatabaseTableModel::Group).data().toString(), QStringLiteral("finance"));
        QTRY_COMPARE(databases->index(row, DatabaseTableModel::Check).data(DatabaseTableModel::StateRole).toInt(),
            int(DatabaseFileState::Kind::Ok));
        QVERIFY(!child<QWidget>(*page, "addDatabaseForm")->isVisible());
        QCOMPARE(readAll(workspace + QStringLiteral(".bak")), readAll(m_fixture->workspacePath()));
    }

    void removeDatabaseAsksFirst()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        auto page = openPage(workspace);
        auto *table = child<QTableView>(*page, "databaseTable");
        table->selectRow(rowOf(table->model(), QStringLiteral("customers")));
        const QByteArray before = readAll(workspace);

        QTest::mouseClick(child<QPushButton>(*page, "removeDatabaseButton"), Qt::LeftButton);
        QVERIFY(answer(*page, false));
        QTest::qWait(200);
        QCOMPARE(readAll(workspace), before);
        QCOMPARE(table->model()->rowCount(), 2);

        table->selectRow(rowOf(table->model(), QStringLiteral("customers")));
        QVERIFY(edit(*page, [&] {
            QTest::mouseClick(child<QPushButton>(*page, "removeDatabaseButton"), Qt::LeftButton);
            QVERIFY(answer(*page, true));
        }));
        const auto loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QVERIFY(!loaded->database(QStringLiteral("customers")));
        QVERIFY(loaded->database(QStringLiteral("orders")));
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(QFileInfo::exists(m_fixture->customersDb())); // the database itself is not touched
    }

    void groupIsEditedInPlace()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        auto page = openPage(workspace);
        auto *table = child<QTableView>(*page, "databaseTable");
        const QModelIndex group
            = table->model()->index(rowOf(table->model(), QStringLiteral("orders")), DatabaseTableModel::Group);
        QVERIFY(table->model()->flags(group) & Qt::ItemIsEditable);
        // What the view's editor does when the user types a group and presses Enter.
        QVERIFY(edit(*page, [&] { QVERIFY(table->model()->setData(group, QStringLiteral("tenant-a"))); }));
        auto loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->database(QStringLiteral("orders"))->group, QStringLiteral("tenant-a"));
        QCOMPARE(loaded->group(QStringLiteral("tenant-a")).size(), 1);

        // An empty group takes it out of the group.
        const QModelIndex again
            = table->model()->index(rowOf(table->model(), QStringLiteral("orders")), DatabaseTableModel::Group);
        QVERIFY(edit(*page, [&] { table->model()->setData(again, QString()); }));
        loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QVERIFY(loaded->database(QStringLiteral("orders"))->group.isEmpty());
    }

    void initialiseRepositoryAndMakeItDefault()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        const QString folder = dir.filePath(QStringLiteral("vault"));
        auto page = openPage(workspace);
        child<QLineEdit>(*page, "repositoryFolder")->setText(folder);
        child<QLineEdit>(*page, "repositoryName")->setText(QStringLiteral("vault"));
        child<QCheckBox>(*page, "requireEncryption")->setChecked(true);
        QVERIFY(
            edit(*page, [&] { QTest::mouseClick(child<QPushButton>(*page, "initRepositoryButton"), Qt::LeftButton); }));

        const auto repository = coffer::Repository::open(folder);
        COFFER_VERIFY_OK(repository);
        QVERIFY(repository->requireEncryption());
        auto loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->repository(QStringLiteral("vault"))->path, folder);
        QCOMPARE(loaded->defaultRepository()->name, QStringLiteral("local"));
        auto *table = child<QTableView>(*page, "repositoryTable");
        const int row = rowOf(table->model(), QStringLiteral("vault"));
        QVERIFY(row >= 0);
        QTRY_COMPARE(
            table->model()->index(row, RepositoryTableModel::State).data(RepositoryTableModel::StateRole).toInt(),
            int(RepositoryState::Kind::Ready));
        QCOMPARE(
            table->model()->index(row, RepositoryTableModel::Encryption).data().toString(), QStringLiteral("required"));
        QVERIFY(child<QLineEdit>(*page, "repositoryName")->text().isEmpty()); // the form is cleared

        table->selectRow(row);
        QVERIFY(edit(
            *page, [&] { QTest::mouseClick(child<QPushButton>(*page, "defaultRepositoryButton"), Qt::LeftButton); }));
        loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->defaultRepository()->name, QStringLiteral("vault"));
        QCOMPARE(table->model()
                     ->index(rowOf(table->model(), QStringLiteral("vault")), RepositoryTableModel::Default)
                     .data()
                     .toString(),
            QStringLiteral("default"));

        // A folder that already holds a repository cannot be initialised again; nothing is written.
        const QByteArray before = readAll(workspace);
        child<QLineEdit>(*page, "repositoryFolder")->setText(folder);
        child<QLineEdit>(*page, "repositoryName")->setText(QStringLiteral("again"));
        QVERIFY(!edit(
            *page, [&] { QTest::mouseClick(child<QPushButton>(*page, "initRepositoryButton"), Qt::LeftButton); }));
        QVERIFY(child<MessageBar>(*page, "messageBar")->text().contains(QLatin1String("already exists")));
        QCOMPARE(readAll(workspace), before);
    }

    void typedRepositoryFolderIsExpanded()
    {
        // "~/..." is the home folder and a relative path is taken from the current folder, as on
        // the first-run page.
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        const QByteArray home = qgetenv("HOME");
        const QString cwd = QDir::currentPath();
        qputenv("HOME", QFile::encodeName(dir.path()));
        QVERIFY(QDir::setCurrent(dir.path()));
        const auto restore = qScopeGuard([&] {
            qputenv("HOME", home);
            QDir::setCurrent(cwd);
        });
        auto page = openPage(workspace);
        const QList<QPair<QString, QString>> typed{ { QStringLiteral("~/vault"),
                                                        dir.filePath(QStringLiteral("vault")) },
            { QStringLiteral("sub/../nearby"), dir.filePath(QStringLiteral("nearby")) } };
        for (const auto &[text, expected] : typed) {
            child<QLineEdit>(*page, "repositoryFolder")->setText(text);
            child<QLineEdit>(*page, "repositoryName")->setText(QFileInfo(expected).fileName());
            QVERIFY(edit(
                *page, [&] { QTest::mouseClick(child<QPushButton>(*page, "initRepositoryButton"), Qt::LeftButton); }));
            COFFER_VERIFY_OK(coffer::Repository::open(expected));
            const auto loaded = Workspace::load(workspace);
            COFFER_VERIFY_OK(loaded);
            QCOMPARE(loaded->repository(QFileInfo(expected).fileName())->path, expected);
        }
    }

    void compressionIsSaved()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        auto page = openPage(workspace);
        auto *codec = child<QComboBox>(*page, "codecCombo");
        auto *level = child<QSpinBox>(*page, "levelSpin");
        auto *save = child<QPushButton>(*page, "saveDefaultsButton");
        QCOMPARE(codec->currentData().toString(), QStringLiteral("zstd"));
        QCOMPARE(level->value(), 3);
        QCOMPARE(level->maximum(), 19);
        QVERIFY(!save->isEnabled()); // nothing to save yet

        codec->setCurrentIndex(codec->findData(QStringLiteral("none")));
        QCOMPARE(level->minimum(), 0);
        QCOMPARE(level->maximum(), 0);
        codec->setCurrentIndex(codec->findData(QStringLiteral("gzip")));
        QCOMPARE(level->minimum(), 1);
        QCOMPARE(level->maximum(), 9);
        level->setValue(9);
        QVERIFY(save->isEnabled());
        QVERIFY(edit(*page, [&] { QTest::mouseClick(save, Qt::LeftButton); }));
        const auto loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->defaults().compression, QStringLiteral("gzip"));
        QCOMPARE(loaded->defaults().level, 9);
        QCOMPARE(codec->currentData().toString(), QStringLiteral("gzip"));
        QVERIFY(!save->isEnabled());
    }

    void invalidEditShowsAnErrorAndLeavesTheFile()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        const QString db = dir.filePath(QStringLiteral("other.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 10));
        auto page = openPage(workspace);
        const QByteArray before = readAll(workspace);

        page->databasesSection()->proposeFile(db);
        child<QLineEdit>(*page, "newDatabaseName")->setText(QStringLiteral("orders")); // already taken
        QVERIFY(!edit(
            *page, [&] { QTest::mouseClick(child<QPushButton>(*page, "confirmAddDatabaseButton"), Qt::LeftButton); }));
        auto *bar = child<MessageBar>(*page, "messageBar");
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->type(), MessageBar::Type::Error);
        QVERIFY2(bar->text().contains(QLatin1String("already has a database named 'orders'")), qPrintable(bar->text()));
        QCOMPARE(readAll(workspace), before);
        QVERIFY(!QFileInfo::exists(workspace + QStringLiteral(".bak")));
        // The form stays, so the name can be corrected.
        QVERIFY(child<QWidget>(*page, "addDatabaseForm")->isVisible());
        QCOMPARE(model(*page, "databaseTable")->rowCount(), 2);
    }

    void filesTabShowsWhereThingsAre()
    {
        QTemporaryDir dir;
        const QString workspace = copyWorkspace(dir);
        auto page = openPage(workspace);
        QAbstractItemModel *files = model(*page, "filesTable");
        QStringList paths;
        for (int row = 0; row < files->rowCount(); ++row)
            paths << files->index(row, 0).data(coffer::ui::WorkspaceFilesModel::PathRole).toString();
        const QString repo = m_fixture->repo();
        QCOMPARE(paths,
            (QStringList{ workspace, workspace + QStringLiteral(".bak"), repo,
                repo + QStringLiteral("/coffer-repo.json"), repo + QStringLiteral("/catalog.db") }));
        QCOMPARE(files->index(0, coffer::ui::WorkspaceFilesModel::Status).data().toString(), QStringLiteral("exists"));
        QCOMPARE(files->index(1, coffer::ui::WorkspaceFilesModel::Status).data().toString(),
            QStringLiteral("not there yet"));
        QCOMPARE(files->index(4, coffer::ui::WorkspaceFilesModel::Status).data().toString(), QStringLiteral("exists"));

        // Each row has its own Copy and Open Folder buttons.
        auto *table = child<QTableView>(*page, "filesTable");
        for (int row = 0; row < files->rowCount(); ++row) {
            QWidget *cell = table->indexWidget(files->index(row, coffer::ui::WorkspaceFilesModel::Actions));
            QVERIFY(cell);
            QVERIFY(cell->findChild<QToolButton *>(QStringLiteral("copyPathButton")));
            QVERIFY(cell->findChild<QToolButton *>(QStringLiteral("openFolderButton")));
        }
        QWidget *catalogRow = table->indexWidget(files->index(4, coffer::ui::WorkspaceFilesModel::Actions));
        QTest::mouseClick(catalogRow->findChild<QToolButton *>(QStringLiteral("copyPathButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), repo + QStringLiteral("/catalog.db"));
    }
};

QTEST_MAIN(TstSettings)
#include "tst_settings.moc"
