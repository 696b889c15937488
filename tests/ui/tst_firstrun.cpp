// The first-run page: databases dropped onto it or added through its file dialog, names and
// groups edited, then Create writes a real workspace and initialises a real repository.
#include "TestSupport.h"

#include "firstrun/FirstRunDatabaseModel.h"
#include "firstrun/FirstRunPage.h"
#include "repository/Repository.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using coffer::Workspace;
using coffer::ui::FirstRunDatabaseModel;
using coffer::ui::FirstRunPage;
using coffer::ui::MessageBar;

namespace {

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QString repositoryId(const QString &folder)
{
    QFile file(folder + QStringLiteral("/coffer-repo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("id")).toString();
}

} // namespace

class TstFirstRun final : public QObject
{
    Q_OBJECT

private:
    template <typename T> static T *child(QWidget &page, const char *name)
    {
        T *widget = page.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }

    // Drags `paths` over the page and drops them, as a file manager would.
    static bool drop(FirstRunPage &page, const QStringList &paths)
    {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls << QUrl::fromLocalFile(path);
        mime.setUrls(urls);
        const QPoint center = page.rect().center();
        QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&page, &enter);
        if (!enter.isAccepted())
            return false;
        QSignalSpy checked(&page, &FirstRunPage::filesChecked);
        QDropEvent dropped(QPointF(center), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&page, &dropped);
        return dropped.isAccepted() && (!checked.isEmpty() || checked.wait(20000));
    }

    static QStringList names(const FirstRunDatabaseModel &model)
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << model.index(row, FirstRunDatabaseModel::Name).data().toString();
        return names;
    }

private Q_SLOTS:
    void dropAddEditAndCreate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString orders = dir.filePath(QStringLiteral("data/orders.db"));
        const QString customers = dir.filePath(QStringLiteral("data/customers.sqlite"));
        const QString notes = dir.filePath(QStringLiteral("data/notes.txt"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
        QVERIFY(testsupport::makeSampleDatabase(orders, 50));
        QVERIFY(testsupport::makeSampleDatabase(customers, 30));
        QVERIFY(writeAll(notes, "meeting notes, not a database\n"));

        FirstRunPage page;
        QAbstractItemModelTester tester(page.databases(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.resize(1000, 700);
        page.show();
        const QString workspace = dir.filePath(QStringLiteral("config/coffer/workspace.yaml"));
        page.setWorkspacePath(workspace);
        const QString repository = dir.filePath(QStringLiteral("config/coffer/coffer-backups"));
        QCOMPARE(page.repositoryPath(), repository); // proposed next to the workspace file

        // A drop: the database is added, the text file refused by name.
        QVERIFY(drop(page, { orders, notes }));
        QCOMPARE(names(*page.databases()), QStringList{ QStringLiteral("orders") });
        auto *bar = child<MessageBar>(page, "messageBar");
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QLatin1String("notes.txt is not a SQLite database")), qPrintable(bar->text()));

        // Add… opens a file dialog; choosing a file adds it.
        QTest::mouseClick(child<QPushButton>(page, "addDatabasesButton"), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = child<QFileDialog>(page, "databaseFileDialog")); }, 5000));
        QSignalSpy checked(&page, &FirstRunPage::filesChecked);
        dialog->selectFile(customers);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected; QDialog's is not
        QVERIFY(checked.wait(20000));
        QCOMPARE(names(*page.databases()), (QStringList{ QStringLiteral("orders"), QStringLiteral("customers") }));

        // The same file twice is listed once.
        QVERIFY(drop(page, { orders }));
        QCOMPARE(page.databases()->rowCount(), 2);

        // Names are editable but stay unique and valid; groups are free.
        FirstRunDatabaseModel &model = *page.databases();
        QSignalSpy refused(&model, &FirstRunDatabaseModel::editRefused);
        QVERIFY(!model.setData(model.index(1, FirstRunDatabaseModel::Name), QStringLiteral("orders")));
        QVERIFY(!model.setData(model.index(1, FirstRunDatabaseModel::Name), QStringLiteral("a/b")));
        QCOMPARE(refused.size(), 2);
        QVERIFY(bar->text().contains(QLatin1String("must not contain")));
        QVERIFY(model.setData(model.index(1, FirstRunDatabaseModel::Name), QStringLiteral("crm")));
        QVERIFY(model.setData(model.index(0, FirstRunDatabaseModel::Group), QStringLiteral("acme")));

        auto *create = child<QPushButton>(page, "createButton");
        QVERIFY(create->isEnabled());
        QSignalSpy created(&page, &FirstRunPage::workspaceCreated);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(created.wait(20000));
        QCOMPARE(created.first().first().toString(), workspace);

        const auto loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->databases().size(), 2);
        QCOMPARE(loaded->database(QStringLiteral("orders"))->path, orders);
        QCOMPARE(loaded->database(QStringLiteral("orders"))->group, QStringLiteral("acme"));
        QCOMPARE(loaded->database(QStringLiteral("crm"))->path, customers);
        QCOMPARE(loaded->repositories().size(), 1);
        QCOMPARE(loaded->defaultRepository()->path, repository);
        const auto opened = coffer::Repository::open(repository);
        COFFER_VERIFY_OK(opened);
        QVERIFY(!opened->requireEncryption());
    }

    void anExistingRepositoryIsOpenedNotReplaced()
    {
        QTemporaryDir dir;
        const QString repository = dir.filePath(QStringLiteral("backups"));
        COFFER_VERIFY_OK(coffer::Repository::init(repository));
        const QString id = repositoryId(repository);
        QVERIFY(!id.isEmpty());
        const QString db = dir.filePath(QStringLiteral("shop.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 10));

        FirstRunPage page;
        page.show();
        const QString workspace = dir.filePath(QStringLiteral("workspace.yaml"));
        page.setWorkspacePath(workspace);
        page.setRepositoryPath(repository);
        QSignalSpy checked(&page, &FirstRunPage::filesChecked);
        page.addFiles({ db });
        QVERIFY(checked.wait(20000));
        QSignalSpy created(&page, &FirstRunPage::workspaceCreated);
        QTest::mouseClick(child<QPushButton>(page, "createButton"), Qt::LeftButton);
        QVERIFY(created.wait(20000));
        QCOMPARE(repositoryId(repository), id);
        const auto loaded = Workspace::load(workspace);
        COFFER_VERIFY_OK(loaded);
        QCOMPARE(loaded->defaultRepository()->path, repository);
        QCOMPARE(loaded->database(QStringLiteral("shop"))->path, db);
    }

    void anExistingWorkspaceIsNotReplaced()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath(QStringLiteral("workspace.yaml"));
        QVERIFY(writeAll(workspace, "# mine\ndatabases: {}\n"));
        FirstRunPage page;
        page.show();
        page.setWorkspacePath(workspace);
        QSignalSpy created(&page, &FirstRunPage::workspaceCreated);
        QTest::mouseClick(child<QPushButton>(page, "createButton"), Qt::LeftButton);
        auto *bar = child<MessageBar>(page, "messageBar");
        QTRY_VERIFY_WITH_TIMEOUT(bar->type() == MessageBar::Type::Error && bar->isVisible(), 20000);
        QVERIFY2(bar->text().contains(QLatin1String("already exists")), qPrintable(bar->text()));
        QCOMPARE(created.size(), 0);
        QFile file(workspace);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("# mine\ndatabases: {}\n"));
        QVERIFY(!QFileInfo::exists(page.repositoryPath())); // no repository was made for it
    }

    void createIsDisabledUntilItCanWork()
    {
        QTemporaryDir dir;
        FirstRunPage page;
        page.show();
        auto *create = child<QPushButton>(page, "createButton");
        auto *workspace = child<QLineEdit>(page, "workspacePathEdit");
        auto *repository = child<QLineEdit>(page, "repositoryPathEdit");
        workspace->clear();
        repository->clear();
        QVERIFY(!create->isEnabled());
        workspace->setText(dir.filePath(QStringLiteral("w.yaml")));
        QVERIFY(create->isEnabled()); // the repository folder follows the workspace file
        QCOMPARE(repository->text(), QDir::toNativeSeparators(dir.filePath(QStringLiteral("coffer-backups"))));
        QTest::keyClick(repository, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(repository, Qt::Key_Delete);
        QVERIFY(!create->isEnabled());

        // While dropped files are being checked, Create waits for them.
        const QString db = dir.filePath(QStringLiteral("x.db"));
        QVERIFY(testsupport::makeSampleDatabase(db, 5));
        repository->setText(dir.filePath(QStringLiteral("r")));
        QSignalSpy checked(&page, &FirstRunPage::filesChecked);
        page.addFiles({ db });
        QVERIFY(page.isChecking());
        QVERIFY(!create->isEnabled());
        QVERIFY(checked.wait(20000));
        QVERIFY(create->isEnabled());
        // The user's folder is kept when the workspace path changes again.
        workspace->setText(dir.filePath(QStringLiteral("elsewhere/w.yaml")));
        QCOMPARE(page.repositoryPath(), dir.filePath(QStringLiteral("r")));

        // The keyboard removes a listed database.
        auto *table = child<QTableView>(page, "firstRunDatabaseTable");
        table->setFocus();
        table->selectRow(0);
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(page.databases()->rowCount(), 0);
    }
};

QTEST_MAIN(TstFirstRun)
#include "tst_firstrun.moc"
