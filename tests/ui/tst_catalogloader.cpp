// Loading a workspace's catalogs off the GUI thread: problems are collected, stale results dropped.
#include "CatalogFixture.h"

#include "catalog/CatalogLoader.h"
#include "repository/Repository.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QtTest>

#include <memory>

using coffer::ui::CatalogLoader;
using coffer::ui::CatalogLoadResult;

class TstCatalogLoader final : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogFixture> m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
    }

    void mergesRepositoriesNewestFirst()
    {
        testsupport::TempRepository second;
        QVERIFY(second.isValid());
        QVERIFY(m_fixture->backupInto(second.repo(), m_fixture->ordersDb(), QStringLiteral("orders")));
        const QString workspace = m_fixture->path(QStringLiteral("merged.yaml"));
        QVERIFY(m_fixture->writeWorkspace(workspace,
            { { QStringLiteral("local"), m_fixture->repo() }, { QStringLiteral("second"), second.repo() } }));

        const CatalogLoadResult result = CatalogLoader::loadNow(workspace);
        QVERIFY(!result.workspaceError);
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(result.repositoryCount, 2);
        QCOMPARE(result.readableRepositoryCount, 2);
        QCOMPARE(result.rows.size(), 4);
        // The backup in the second repository is the newest and comes first, with its repository's name.
        QCOMPARE(result.rows.first().repository, QStringLiteral("second"));
        QCOMPARE(result.rows.first().entry.manifest.id, m_fixture->ids().last());
        for (qsizetype i = 1; i < result.rows.size(); ++i)
            QVERIFY(result.rows[i - 1].entry.manifest.created >= result.rows[i].entry.manifest.created);
    }

    void collectsRepositoryProblems()
    {
        // A repository written by a newer Coffer, and one that is not there.
        testsupport::TempRepository newer;
        QVERIFY(newer.isValid());
        QFile config(newer.repo() + QStringLiteral("/coffer-repo.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(config.readAll()).object();
        config.close();
        json[QStringLiteral("format_version")] = coffer::Repository::kFormatVersion + 1;
        QFile::setPermissions(config.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QJsonDocument(json).toJson());
        config.close();

        const QString missing = m_fixture->path(QStringLiteral("gone"));
        const QString workspace = m_fixture->path(QStringLiteral("problems.yaml"));
        QVERIFY(m_fixture->writeWorkspace(workspace,
            { { QStringLiteral("newer"), newer.repo() }, { QStringLiteral("local"), m_fixture->repo() },
                { QStringLiteral("gone"), missing } }));

        const CatalogLoadResult result = CatalogLoader::loadNow(workspace);
        QVERIFY(!result.workspaceError);
        QCOMPARE(result.repositoryCount, 3);
        QCOMPARE(result.readableRepositoryCount, 1);
        QCOMPARE(result.rows.size(), 3);
        QCOMPARE(result.problems.size(), 2);
        QCOMPARE(result.problems[0].repository, QStringLiteral("newer"));
        QCOMPARE(result.problems[0].error.code, coffer::ErrorCode::UnsupportedFormat);
        QCOMPARE(result.problems[1].repository, QStringLiteral("gone"));
        QCOMPARE(result.problems[1].path, missing);
        QCOMPARE(result.problems[1].error.code, coffer::ErrorCode::NotFound);
    }

    void unreadableWorkspaceIsAnError()
    {
        const CatalogLoadResult result = CatalogLoader::loadNow(m_fixture->path(QStringLiteral("missing.yaml")), 7);
        QVERIFY(result.workspaceError.has_value());
        QCOMPARE(result.generation, quint64(7));
        QVERIFY(result.rows.isEmpty());
    }

    void loadsOffTheGuiThread()
    {
        CatalogLoader loader;
        QList<CatalogLoadResult> results;
        connect(&loader, &CatalogLoader::loaded, this, [&results](const CatalogLoadResult &r) {
            QVERIFY(QThread::currentThread() == qApp->thread());
            results << r;
        });
        loader.load(m_fixture->workspacePath());
        QVERIFY(loader.isLoading());
        QVERIFY(results.isEmpty()); // nothing was read on this thread during load()
        QTRY_COMPARE(results.size(), 1);
        QVERIFY(!loader.isLoading());
        QCOMPARE(results.first().rows.size(), 3);
    }

    void staleResultIsDropped()
    {
        const QString other = m_fixture->path(QStringLiteral("no-such.yaml"));
        CatalogLoader loader;
        QList<CatalogLoadResult> results;
        connect(&loader, &CatalogLoader::loaded, this, [&results](const CatalogLoadResult &r) { results << r; });
        loader.load(m_fixture->workspacePath());
        loader.load(other);
        QTRY_VERIFY(!loader.isLoading());
        // Requests run in order on one thread, so the first finished before the second: it was
        // dropped, not still on its way.
        QCoreApplication::processEvents();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().workspacePath, other);
        QVERIFY(results.first().workspaceError.has_value());
    }
};

QTEST_MAIN(TstCatalogLoader)
#include "tst_catalogloader.moc"
