// The catalog's details pane over real backups: the whole manifest, the artifact's path with
// Copy path and Open folder, and the verification history after real verify jobs, kept when the
// restore drills cannot be read.
#include "tst_catalogsupport.h"

#include "catalog/BackupDetailsPane.h"
#include "catalog/BackupDetailsView.h"
#include "catalog/CatalogPage.h"
#include "verify/VerifyJob.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

using catalogtest::openPage;
using catalogtest::table;
using coffer::ui::BackupDetailsPane;
using coffer::ui::BackupDetailsView;
using coffer::ui::BackupTableModel;
using coffer::ui::CatalogPage;

// Stands in for the desktop's file manager: records the folders it is asked to open.
class UrlRecorder final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;
    Q_INVOKABLE void open(const QUrl &url) { urls << url; }
};

class TstCatalogDetails final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;
    std::unique_ptr<CatalogFixture> m_fixture;

    static BackupDetailsView *details(CatalogPage &page) { return page.findChild<BackupDetailsView *>(); }

    // The page with the backup `id` current, its history shown.
    static bool selectBackup(CatalogPage &page, const QString &id)
    {
        QSignalSpy shown(page.findChild<BackupDetailsPane *>(), &BackupDetailsPane::historyShown);
        page.showBackup(id);
        return details(page)->backupId() == id && shown.wait(20000);
    }

    // The text of the "Verification history" section.
    static QString history(CatalogPage &page)
    {
        const QString text = details(page)->toPlainText();
        const qsizetype start = text.indexOf(QStringLiteral("Verification history"));
        const qsizetype end = text.indexOf(QStringLiteral("Files"), start);
        return start < 0 ? QString() : text.mid(start, end - start);
    }

    static void submitVerify(CatalogPage &page, const QString &repository, const QString &id, coffer::VerifyLevel level)
    {
        coffer::VerifyParams params;
        params.repositoryPath = repository;
        params.ids = { id };
        params.level = level;
        page.session()->submit(std::make_shared<coffer::VerifyJob>(params));
    }

private Q_SLOTS:
    void initTestCase()
    {
        catalogtest::isolateSettings(m_settings);
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
    }

    void showsTheWholeManifest()
    {
        auto page = openPage(m_fixture->workspacePath());
        const QString id = m_fixture->ids().at(0);
        QVERIFY(selectBackup(*page, id));
        const auto *model = page->findChild<BackupTableModel *>();
        const coffer::CatalogEntry &entry = model->backupAt(model->rowOf(id))->entry;
        const coffer::Manifest &m = entry.manifest;
        const QString text = details(*page)->toPlainText();
        for (const QString &expected :
            { m.id, m.database, m.sourcePath, m.sqliteVersion, m.schemaHash, m.artifactSha256, m.plaintextSha256,
                m.host, m.cofferVersion, entry.artifactPath, entry.manifestPath, QStringLiteral("zstd, level 3"),
                QStringLiteral("by the retention policy"), QStringLiteral("Rows per table"), QStringLiteral("300") })
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QVERIFY(history(*page).contains(QStringLiteral("never been verified")));
    }

    void artifactPathCanBeCopiedAndItsFolderOpened()
    {
        auto page = openPage(m_fixture->workspacePath());
        const QString id = m_fixture->ids().at(1);
        QVERIFY(selectBackup(*page, id));
        const auto *model = page->findChild<BackupTableModel *>();
        const QString artifact = model->backupAt(model->rowOf(id))->entry.artifactPath;
        QVERIFY(QFileInfo::exists(artifact));
        auto *path = page->findChild<QLineEdit *>(QStringLiteral("artifactPath"));
        QVERIFY(path->isVisible());
        QCOMPARE(path->text(), QDir::toNativeSeparators(artifact));

        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("copyPathButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QDir::toNativeSeparators(artifact));

        UrlRecorder recorder;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &recorder, "open");
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("openFolderButton")), Qt::LeftButton);
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(recorder.urls, QList<QUrl>{ QUrl::fromLocalFile(QFileInfo(artifact).absolutePath()) });
    }

    void historyShowsRealVerificationsNewestFirst()
    {
        auto page = openPage(m_fixture->workspacePath());
        const QString id = m_fixture->ids().at(2);
        QVERIFY(selectBackup(*page, id));
        QVERIFY(history(*page).contains(QStringLiteral("never been verified")));

        // A verify job ends, the session says the catalog changed, the page reloads and reads the history.
        submitVerify(*page, m_fixture->repo(), id, coffer::VerifyLevel::Quick);
        QTRY_VERIFY_WITH_TIMEOUT(history(*page).contains(QStringLiteral("quick")), 20000);
        submitVerify(*page, m_fixture->repo(), id, coffer::VerifyLevel::Full);
        QTRY_VERIFY_WITH_TIMEOUT(history(*page).contains(QStringLiteral("full")), 20000);

        const QString shown = history(*page);
        QVERIFY2(shown.indexOf(QStringLiteral("full")) < shown.indexOf(QStringLiteral("quick")), qPrintable(shown));
        QCOMPARE(shown.count(QStringLiteral("passed")), 2);
        QCOMPARE(details(*page)->backupId(), id);
        const QModelIndex current = table(*page)->currentIndex();
        QVERIFY2(current.siblingAtColumn(BackupTableModel::Verified)
                     .data()
                     .toString()
                     .startsWith(QStringLiteral("ok (full")),
            qPrintable(current.siblingAtColumn(BackupTableModel::Verified).data().toString()));
    }

    void failedVerificationShowsItsFailedChecks()
    {
        QVERIFY(m_fixture->backup(m_fixture->customersDb(), QStringLiteral("customers")));
        const QString id = m_fixture->ids().last();
        auto page = openPage(m_fixture->workspacePath());
        QVERIFY(selectBackup(*page, id));
        const auto *model = page->findChild<BackupTableModel *>();
        QVERIFY(catalogtest::damageArtifact(m_fixture->repo(), model->backupAt(model->rowOf(id))->entry.manifest));

        submitVerify(*page, m_fixture->repo(), id, coffer::VerifyLevel::Quick);
        QTRY_VERIFY_WITH_TIMEOUT(history(*page).contains(QStringLiteral("FAILED")), 20000);
        QVERIFY2(history(*page).contains(QStringLiteral("artifact_sha256")), qPrintable(history(*page)));
    }

    void onlyTheLastChosenBackupsHistoryIsShown()
    {
        const QString verified = m_fixture->ids().at(2); // verified twice above
        const QString never = m_fixture->ids().at(0);
        auto page = openPage(m_fixture->workspacePath());
        auto *pane = page->findChild<BackupDetailsPane *>();
        QSignalSpy shown(pane, &BackupDetailsPane::historyShown);
        page->showBackup(verified);
        page->showBackup(never); // before the first history arrived
        QVERIFY(shown.wait(20000));
        QCOMPARE(details(*page)->backupId(), never);
        QVERIFY(history(*page).contains(QStringLiteral("never been verified")));
        QTest::qWait(200);
        QCOMPARE(shown.count(), 1); // the first backup's history was dropped
    }

    void unreadableDrillsKeepTheVerificationHistory()
    {
        CatalogFixture fixture;
        QVERIFY(fixture.isValid());
        coffer::VerifyParams params;
        params.repositoryPath = fixture.repo();
        params.all = true;
        params.level = coffer::VerifyLevel::Full;
        const coffer::CancelFlag cancel{ false };
        COFFER_VERIFY_OK(coffer::VerifyJob::verifyAll(params, cancel, {}));
        // A drills table this Coffer cannot read (a column it asks for is missing); the backups and
        // their verifications read as before.
        const QString catalog = fixture.repo() + QStringLiteral("/catalog.db");
        QCOMPARE(testsupport::sqlite(catalog, QStringLiteral("DROP TABLE drills")), QString());
        QCOMPARE(
            testsupport::sqlite(catalog,
                QStringLiteral("CREATE TABLE drills(id INTEGER PRIMARY KEY, backup_id TEXT, time TEXT, ok INTEGER, "
                               "rto_ms INTEGER, duration_ms INTEGER, checks TEXT)")),
            QString());

        auto page = openPage(fixture.workspacePath());
        QVERIFY(selectBackup(*page, fixture.ids().at(0)));
        const QString shown = history(*page);
        QVERIFY2(shown.contains(QStringLiteral("full")) && shown.contains(QStringLiteral("passed")), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("Cannot read the verification history")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Cannot read the restore drills: ")), qPrintable(shown));
    }
};

QTEST_MAIN(TstCatalogDetails)
#include "tst_catalogdetails.moc"
