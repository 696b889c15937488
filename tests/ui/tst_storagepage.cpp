// The storage page over real repositories: bytes per database and per month against the
// catalog, the file system's free space, several repositories, problems, empty states, reloads.
#include "CatalogFixture.h"
#include "PageFixture.h"

#include "Session.h"
#include "backup/BackupJob.h"
#include "repository/Catalog.h"
#include "storage/StoragePage.h"
#include "storage/StorageReport.h"
#include "storage/UsageTableModel.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStorageInfo>
#include <QTableView>
#include <QtTest>

#include <memory>

using coffer::ui::MessageBar;
using coffer::ui::StoragePage;
using coffer::ui::UsageTableModel;

namespace {

// What the catalog itself says each database's backups take, read without the page's code.
struct Expected {
    int backups = 0;
    qint64 artifactBytes = 0;
    qint64 plaintextBytes = 0;
};

QHash<QString, Expected> catalogSizes(const QString &repositoryPath, qint64 *total)
{
    QHash<QString, Expected> sizes;
    *total = 0;
    auto repository = coffer::Repository::open(repositoryPath);
    if (!repository)
        return sizes;
    auto catalog = coffer::Catalog::open(*repository);
    if (!catalog)
        return sizes;
    const auto backups = catalog->backups();
    if (!backups)
        return sizes;
    for (const coffer::CatalogEntry &entry : *backups) {
        Expected &expected = sizes[entry.manifest.database];
        ++expected.backups;
        expected.artifactBytes += entry.manifest.artifactSize;
        expected.plaintextBytes += entry.manifest.plaintextSize;
        *total += entry.manifest.artifactSize;
    }
    return sizes;
}

} // namespace

class TstStoragePage final : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<StoragePage> openPage(const QString &workspace)
    {
        return pagefixture::openPage<StoragePage>(workspace, QSize(1100, 700));
    }
    static QTableView *table(StoragePage &page, const char *name)
    {
        return page.findChild<QTableView *>(QString::fromLatin1(name));
    }
    static MessageBar *messageBar(StoragePage &page)
    {
        return page.findChild<MessageBar *>(QStringLiteral("messageBar"));
    }
    static QLabel *label(StoragePage &page, const char *name)
    {
        return page.findChild<QLabel *>(QString::fromLatin1(name));
    }
    static QWidget *currentView(StoragePage &page) { return page.findChild<QStackedWidget *>()->currentWidget(); }

    std::unique_ptr<CatalogFixture> m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
    }

    void modelsAndProxiesPassTheModelTester()
    {
        auto workspace = coffer::Workspace::load(m_fixture->workspacePath());
        COFFER_VERIFY_OK(workspace);
        const coffer::ui::StorageReport report = coffer::ui::StorageReport::read(*workspace);
        QCOMPARE(report.repositories.size(), 1);
        const coffer::StorageUsage &usage = report.repositories.constFirst().usage;

        for (const auto grouping : { UsageTableModel::Grouping::Database, UsageTableModel::Grouping::Month }) {
            UsageTableModel model(grouping);
            QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
            QSortFilterProxyModel proxy;
            proxy.setSourceModel(&model);
            proxy.setSortRole(UsageTableModel::SortRole);
            QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

            const QList<coffer::UsageBucket> &buckets
                = grouping == UsageTableModel::Grouping::Database ? usage.byDatabase() : usage.byMonth();
            model.setBuckets(buckets, usage.total().artifactBytes);
            QCOMPARE(model.rowCount(), int(buckets.size()));
            for (int column = 0; column < UsageTableModel::ColumnCount; ++column)
                proxy.sort(column, column % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
            model.setBuckets({}, 0);
            QCOMPARE(proxy.rowCount(), 0);
            model.setBuckets(buckets, usage.total().artifactBytes);
            QCOMPARE(proxy.rowCount(), int(buckets.size()));
        }
    }

    void perDatabaseSumsEqualTheCatalogsArtifactSizes()
    {
        auto page = openPage(m_fixture->workspacePath());
        qint64 total = 0;
        const QHash<QString, Expected> expected = catalogSizes(m_fixture->repo(), &total);
        QCOMPARE(expected.size(), 2);
        QVERIFY(total > 0);

        const UsageTableModel *model = page->databaseModel();
        QCOMPARE(model->rowCount(), 2);
        double shares = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString database = model->index(row, UsageTableModel::Name).data().toString();
            QVERIFY2(expected.contains(database), qPrintable(database));
            const Expected &sizes = expected.value(database);
            QCOMPARE(
                model->index(row, UsageTableModel::Backups).data(UsageTableModel::SortRole).toInt(), sizes.backups);
            QCOMPARE(model->index(row, UsageTableModel::Stored).data(UsageTableModel::SortRole).toLongLong(),
                sizes.artifactBytes);
            QCOMPARE(model->index(row, UsageTableModel::Original).data(UsageTableModel::SortRole).toLongLong(),
                sizes.plaintextBytes);
            QCOMPARE(model->index(row, UsageTableModel::Stored).data().toString(),
                QLocale().formattedDataSize(sizes.artifactBytes, 1));
            const double share = model->index(row, UsageTableModel::Share).data(UsageTableModel::SortRole).toDouble();
            QCOMPARE(share, double(sizes.artifactBytes) / double(total));
            QVERIFY(model->index(row, UsageTableModel::Share).data().toString().endsWith(QStringLiteral("%")));
            shares += share;
        }
        QVERIFY(qAbs(shares - 1.0) < 1e-9);
        QCOMPARE(expected.value(QStringLiteral("orders")).backups, 2);

        // The month table holds the same backups: all made now, so one month with every byte.
        const UsageTableModel *months = page->monthModel();
        QCOMPARE(months->rowCount(), 1);
        QCOMPARE(months->index(0, UsageTableModel::Backups).data(UsageTableModel::SortRole).toInt(), 3);
        QCOMPARE(months->index(0, UsageTableModel::Stored).data(UsageTableModel::SortRole).toLongLong(), total);
        QCOMPARE(months->index(0, UsageTableModel::Name).data(UsageTableModel::SortRole).toString(),
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM")));

        const QString totals = label(*page, "totalsLabel")->text();
        // Plural forms come from the translation, which a test does not load: "3 backup(s)".
        QVERIFY2(totals.contains(QStringLiteral("3 backup")) && totals.contains(QStringLiteral("2 database"))
                && totals.contains(QLocale().formattedDataSize(total, 1)),
            qPrintable(totals));
        QVERIFY2(
            page->statusText().startsWith(QLocale().formattedDataSize(total, 1) + QStringLiteral(" in 1 repositor")),
            qPrintable(page->statusText()));
        QCOMPARE(currentView(*page), page->findChild<QWidget *>(QStringLiteral("storageContent")));
        QVERIFY(!messageBar(*page)->isVisible());
    }

    void showsTheFileSystemOfTheRepository()
    {
        auto page = openPage(m_fixture->workspacePath());
        const QStorageInfo storage(m_fixture->repo());
        QVERIFY(storage.isValid() && storage.bytesTotal() > 0);
        auto *bar = page->findChild<QProgressBar *>(QStringLiteral("fileSystemBar"));
        QVERIFY(bar->isVisible());
        const QString size = QLocale().formattedDataSize(storage.bytesTotal(), 1);
        QVERIFY2(bar->text().contains(size), qPrintable(bar->text()));
        // Used space moves while other programs write: compare within a tenth of the bar.
        const double used = double(storage.bytesTotal() - storage.bytesAvailable()) / double(storage.bytesTotal());
        QVERIFY2(qAbs(bar->value() - used * 1000) < 100, qPrintable(QString::number(bar->value())));
        const QString text = label(*page, "fileSystemLabel")->text();
        QVERIFY2(text.contains(QStringLiteral(" free of ") + size), qPrintable(text));
        QCOMPARE(label(*page, "repositoryPath")->text(), QDir::toNativeSeparators(m_fixture->repo()));
    }

    void eachRepositoryHasItsOwnTablesAndTheStatusAddsThemUp()
    {
        testsupport::TempRepository second;
        QVERIFY(second.isValid());
        QVERIFY(m_fixture->backupInto(second.repo(), m_fixture->customersDb(), QStringLiteral("archive")));
        const QString workspace = second.path(QStringLiteral("workspace.yaml"));
        QVERIFY(m_fixture->writeWorkspace(workspace,
            { { QStringLiteral("local"), m_fixture->repo() }, { QStringLiteral("offsite"), second.repo() } }));
        auto page = openPage(workspace);

        auto *combo = page->findChild<QComboBox *>(QStringLiteral("repositoryCombo"));
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentText(), QStringLiteral("local"));
        QCOMPARE(page->databaseModel()->rowCount(), 2);

        combo->setCurrentIndex(1);
        QCOMPARE(page->databaseModel()->rowCount(), 1);
        QCOMPARE(page->databaseModel()->index(0, UsageTableModel::Name).data().toString(), QStringLiteral("archive"));
        QCOMPARE(
            page->databaseModel()->index(0, UsageTableModel::Share).data(UsageTableModel::SortRole).toDouble(), 1.0);
        QCOMPARE(label(*page, "repositoryPath")->text(), QDir::toNativeSeparators(second.repo()));

        qint64 first = 0;
        qint64 other = 0;
        catalogSizes(m_fixture->repo(), &first);
        catalogSizes(second.repo(), &other);
        QVERIFY2(page->statusText().startsWith(
                     QLocale().formattedDataSize(first + other, 1) + QStringLiteral(" in 2 repositor")),
            qPrintable(page->statusText()));

        // A reload keeps the repository the user chose.
        QSignalSpy finished(page.get(), &StoragePage::loadFinished);
        page->refresh();
        QVERIFY(finished.wait(20000));
        QCOMPARE(combo->currentText(), QStringLiteral("offsite"));
        QCOMPARE(page->databaseModel()->rowCount(), 1);
    }

    void aBackupJobReloadsThePage()
    {
        testsupport::TempRepository repo;
        QVERIFY(repo.isValid());
        const QString workspace = repo.path(QStringLiteral("workspace.yaml"));
        QVERIFY(m_fixture->writeWorkspace(workspace, { { QStringLiteral("local"), repo.repo() } }));
        auto page = openPage(workspace);
        QCOMPARE(page->databaseModel()->rowCount(), 0);
        QCOMPARE(label(*page, "totalsLabel")->text(), QStringLiteral("No backups in this repository yet."));

        coffer::BackupParams params;
        params.repositoryPath = repo.repo();
        params.sourcePath = m_fixture->ordersDb();
        params.database = QStringLiteral("orders");
        QSignalSpy finished(page.get(), &StoragePage::loadFinished);
        page->session()->submit(std::make_shared<coffer::BackupJob>(params));
        QVERIFY(finished.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(page->databaseModel()->rowCount(), 1, 20000);
        qint64 total = 0;
        catalogSizes(repo.repo(), &total);
        QCOMPARE(page->databaseModel()->index(0, UsageTableModel::Stored).data(UsageTableModel::SortRole).toLongLong(),
            total);
        QVERIFY2(label(*page, "totalsLabel")->text().startsWith(QStringLiteral("Total: 1 backup")),
            qPrintable(label(*page, "totalsLabel")->text()));
    }

    void unreadableRepositoryIsNamedAndTheOthersStillShow()
    {
        const QString missing = m_fixture->path(QStringLiteral("unplugged-drive"));
        const QString workspace = m_fixture->path(QStringLiteral("storage-two.yaml"));
        QVERIFY(m_fixture->writeWorkspace(
            workspace, { { QStringLiteral("usb"), missing }, { QStringLiteral("local"), m_fixture->repo() } }));
        auto page = openPage(workspace);
        MessageBar *bar = messageBar(*page);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->type(), MessageBar::Type::Warning);
        QVERIFY2(bar->text().contains(QStringLiteral("usb")) && bar->text().contains(missing), qPrintable(bar->text()));
        QCOMPARE(
            page->findChild<QComboBox *>(QStringLiteral("repositoryCombo"))->currentText(), QStringLiteral("local"));
        QCOMPARE(page->databaseModel()->rowCount(), 2);
        QVERIFY2(page->statusText().endsWith(QStringLiteral("1 unreadable")), qPrintable(page->statusText()));
    }

    void noWorkspaceShowsTheErrorAndAnEmptyState()
    {
        const QString workspace = m_fixture->path(QStringLiteral("no-such-workspace.yaml"));
        auto page = openPage(workspace);
        MessageBar *bar = messageBar(*page);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->type(), MessageBar::Type::Error);
        QVERIFY2(bar->text().contains(workspace), qPrintable(bar->text()));
        QCOMPARE(currentView(*page), label(*page, "emptyState"));
        QCOMPARE(page->databaseModel()->rowCount(), 0);
        QCOMPARE(page->statusText(), QStringLiteral("No workspace loaded"));
    }

    void workspaceWithoutRepositoriesSaysSo()
    {
        const QString workspace = m_fixture->path(QStringLiteral("no-repos.yaml"));
        QVERIFY(m_fixture->writeWorkspace(workspace, {}));
        auto page = openPage(workspace);
        QCOMPARE(currentView(*page), label(*page, "emptyState"));
        QVERIFY2(label(*page, "emptyState")->text().contains(QStringLiteral("no repositories")),
            qPrintable(label(*page, "emptyState")->text()));
        QVERIFY(!messageBar(*page)->isVisible());
    }
};

QTEST_MAIN(TstStoragePage)
#include "tst_storagepage.moc"
