// The catalog's table model and its filter proxy over real backups: model rules, shown values,
// sort keys computed once from the raw values, and the filters at the model level. Two backups
// carry restore drills recorded in their catalog: A passed (RTO 1.4 s), o1 failed a smoke query.
#include "tst_catalogsupport.h"

#include "catalog/BackupFilterProxy.h"
#include "catalog/BackupTableModel.h"
#include "catalog/CatalogLoader.h"

#include <QAbstractItemModelTester>
#include <QFont>

using coffer::ui::BackupFilter;
using coffer::ui::BackupFilterProxy;
using coffer::ui::BackupRow;
using coffer::ui::BackupTableModel;
using coffer::ui::CatalogLoader;
using coffer::ui::CatalogLoadResult;

class TstCatalogModel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogFixture> m_fixture;
    QMap<QString, QString> m_ids; // label -> full ID (tst_catalogsupport.h)
    CatalogLoadResult m_loaded;

    QString labelOf(const QString &id) const { return m_ids.key(id); }

    QStringList labelsShown(const QAbstractItemModel &model) const
    {
        QStringList labels;
        for (int row = 0; row < model.rowCount(); ++row)
            labels << labelOf(model.index(row, 0).data(BackupTableModel::BackupIdRole).toString());
        return labels;
    }

    static QList<qint64> keysShown(const QAbstractItemModel &model, int column)
    {
        QList<qint64> keys;
        for (int row = 0; row < model.rowCount(); ++row)
            keys << model.index(row, column).data(BackupTableModel::SortRole).toLongLong();
        return keys;
    }

    int rowOf(const BackupTableModel &model, const QString &label) const { return model.rowOf(m_ids.value(label)); }

    coffer::Result<coffer::Catalog> catalogOfFixture() const
    {
        auto repository = coffer::Repository::open(m_fixture->repo());
        if (!repository)
            return std::unexpected(repository.error());
        return coffer::Catalog::open(*repository);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        const auto ids = catalogtest::addVariedBackups(*m_fixture);
        QVERIFY(ids);
        m_ids = *ids;
        auto catalog = catalogOfFixture();
        COFFER_VERIFY_OK(catalog);
        coffer::DrillOutcome passed;
        passed.backupId = m_ids.value(QStringLiteral("A"));
        passed.database = QStringLiteral("billing");
        passed.time = QDateTime::currentDateTimeUtc();
        passed.rtoMs = 1400;
        passed.durationMs = 1600;
        passed.checks = { { QStringLiteral("integrity_check"), true, QStringLiteral("ok") },
            { QStringLiteral("smoke_query"), true, QStringLiteral("SELECT 1: returned a row") } };
        COFFER_VERIFY_OK(catalog->recordDrill(passed));
        coffer::DrillOutcome failed = passed;
        failed.backupId = m_ids.value(QStringLiteral("o1"));
        failed.database = QStringLiteral("orders");
        failed.rtoMs = 0;
        failed.checks.last() = { QStringLiteral("smoke_query"), false,
            QStringLiteral("SELECT count(*) FROM users: expected > 0, got 0") };
        COFFER_VERIFY_OK(catalog->recordDrill(failed));
        m_loaded = CatalogLoader::loadNow(m_fixture->workspacePath());
        QVERIFY(!m_loaded.workspaceError);
        QCOMPARE(m_loaded.rows.size(), 7);
        QCOMPARE(m_loaded.keys.size(), 7);
    }

    void modelAndProxyPassTheModelTester()
    {
        BackupTableModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        BackupFilterProxy proxy(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

        model.setEntries(m_loaded.rows, m_loaded.keys);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(BackupTableModel::ColumnCount));
        for (int column = 0; column < BackupTableModel::ColumnCount; ++column) {
            proxy.sort(column, Qt::AscendingOrder);
            proxy.sort(column, Qt::DescendingOrder);
        }
        BackupFilter filter;
        filter.text = QStringLiteral("ACME");
        proxy.setFilter(filter);
        QCOMPARE(labelsShown(proxy).size(), 2);
        filter.verification = BackupFilter::Verification::Passed;
        proxy.setFilter(filter);
        QCOMPARE(labelsShown(proxy), QStringList{ QStringLiteral("A") });
        model.setEntries({});
        QCOMPARE(proxy.rowCount(), 0);
        model.setEntries(m_loaded.rows); // keys computed here
        QCOMPARE(labelsShown(proxy), QStringList{ QStringLiteral("A") });
        proxy.setFilter({});
        QCOMPARE(proxy.rowCount(), 7);
    }

    void showsReadableValues()
    {
        BackupTableModel model;
        model.setEntries(m_loaded.rows, m_loaded.keys);
        const int o2 = rowOf(model, QStringLiteral("o2"));
        const coffer::Manifest &newest = model.backupAt(o2)->entry.manifest;
        QCOMPARE(o2, 0); // the loader lists newest first

        const QModelIndex size = model.index(o2, BackupTableModel::Size);
        QCOMPARE(size.data(BackupTableModel::SortRole).toLongLong(), newest.artifactSize);
        QVERIFY2(size.data().toString().contains(QStringLiteral("B")), qPrintable(size.data().toString()));
        QVERIFY(size.data().toString() != QString::number(newest.artifactSize));

        const QModelIndex created = model.index(o2, BackupTableModel::Created);
        QCOMPARE(
            created.data().toString(), newest.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(created.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("UTC")));
        QCOMPARE(created.data(BackupTableModel::SortRole).toLongLong(), newest.created.toMSecsSinceEpoch());

        QCOMPARE(model.index(o2, BackupTableModel::Id).data().toString(), newest.shortId());
        QCOMPARE(model.index(o2, BackupTableModel::Id).data(Qt::ToolTipRole).toString(), newest.id);
        QCOMPARE(model.index(o2, BackupTableModel::Codec).data().toString(), QStringLiteral("gzip 6"));
        QCOMPARE(model.index(o2, BackupTableModel::Verified).data().toString(), QStringLiteral("never"));
        QCOMPARE(model.index(o2, BackupTableModel::Repository).data().toString(), QStringLiteral("local"));
        QCOMPARE(model.index(o2, BackupTableModel::Repository).data(Qt::ToolTipRole).toString(), m_fixture->repo());
        QCOMPARE(model.index(o2, BackupTableModel::Encrypted).data().toString(), QString());
        QCOMPARE(model.index(o2, BackupTableModel::Encrypted).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Not encrypted"));

        const int a = rowOf(model, QStringLiteral("A"));
        QCOMPARE(model.index(a, BackupTableModel::Database).data().toString(), QStringLiteral("billing"));
        QCOMPARE(model.index(a, BackupTableModel::Group).data().toString(), QStringLiteral("acme"));
        QCOMPARE(model.index(a, BackupTableModel::Trigger).data().toString(), QStringLiteral("scheduled"));
        QCOMPARE(model.index(a, BackupTableModel::Tags).data().toString(), QStringLiteral("monthly"));
        QCOMPARE(model.index(a, BackupTableModel::Pinned).data().toString(), QStringLiteral("yes"));
        QVERIFY(!model.index(a, BackupTableModel::Pinned).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(model.index(o2, BackupTableModel::Pinned).data().toString().isEmpty());
        QVERIFY2(model.index(a, BackupTableModel::Verified).data().toString().startsWith(QStringLiteral("ok (quick, ")),
            qPrintable(model.index(a, BackupTableModel::Verified).data().toString()));
        const QModelIndex failed = model.index(rowOf(model, QStringLiteral("D")), BackupTableModel::Verified);
        QVERIFY(failed.data().toString().startsWith(QStringLiteral("FAILED (quick, ")));
        QVERIFY(failed.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(failed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("artifact_sha256")));
        QCOMPARE(model.headerData(BackupTableModel::DatabaseSize, Qt::Horizontal).toString(),
            QStringLiteral("Database size"));
    }

    void drillColumnShowsTheNewestDrill()
    {
        BackupTableModel model;
        model.setEntries(m_loaded.rows, m_loaded.keys);
        QCOMPARE(model.headerData(BackupTableModel::Drill, Qt::Horizontal).toString(), QStringLiteral("Drill"));

        const QModelIndex passed = model.index(rowOf(model, QStringLiteral("A")), BackupTableModel::Drill);
        QCOMPARE(passed.data().toString(), QStringLiteral("passed · RTO 1.4 s"));
        QVERIFY(!passed.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(passed.data(Qt::ForegroundRole),
            BackupTableModel::verificationLook(coffer::ui::VerificationState::Passed, Qt::ForegroundRole));
        QVERIFY2(passed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1.4 s (RTO)")),
            qPrintable(passed.data(Qt::ToolTipRole).toString()));

        const QModelIndex failed = model.index(rowOf(model, QStringLiteral("o1")), BackupTableModel::Drill);
        QCOMPARE(failed.data().toString(), QStringLiteral("FAILED"));
        QVERIFY(failed.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY2(failed.data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("smoke_query: SELECT count(*) FROM users: expected > 0, got 0")),
            qPrintable(failed.data(Qt::ToolTipRole).toString()));

        const QModelIndex never = model.index(rowOf(model, QStringLiteral("o2")), BackupTableModel::Drill);
        QCOMPARE(never.data().toString(), QString());
        QVERIFY(!never.data(Qt::ForegroundRole).isValid());
        QCOMPARE(m_loaded.keys.drill.at(rowOf(model, QStringLiteral("o2"))), coffer::ui::VerificationState::Never);
    }

    void textsSortByRankAsPeopleReadThem()
    {
        // Names with numbers sort by the number, and case does not split them.
        const BackupRow base = m_loaded.rows.constFirst();
        QList<BackupRow> rows;
        for (const QString &name : { QStringLiteral("db10"), QStringLiteral("Alpha"), QStringLiteral("db2"),
                 QStringLiteral("beta"), QStringLiteral("db2") }) {
            BackupRow row = base;
            row.entry.manifest.database = name;
            rows << row;
        }
        const auto keys = BackupTableModel::keysFor(rows);
        QCOMPARE(keys.order[BackupTableModel::Database], (QList<qint64>{ 3, 0, 2, 1, 2 }));
        QVERIFY(keys.haystack.at(2).contains(QStringLiteral("db2")));
        QVERIFY(keys.haystack.at(1).contains(QStringLiteral("alpha"))); // lower case
    }

    void sortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("size") << int(BackupTableModel::Size);
        QTest::newRow("created") << int(BackupTableModel::Created);
        QTest::newRow("database") << int(BackupTableModel::Database);
        QTest::newRow("verification") << int(BackupTableModel::Verified);
        QTest::newRow("drill") << int(BackupTableModel::Drill);
        QTest::newRow("ratio") << int(BackupTableModel::Ratio);
        QTest::newRow("id") << int(BackupTableModel::Id);
    }

    void sortsByRawValues()
    {
        QFETCH(int, column);
        BackupTableModel model;
        model.setEntries(m_loaded.rows, m_loaded.keys);
        BackupFilterProxy proxy(&model);
        proxy.sort(column, Qt::AscendingOrder);
        const QList<qint64> ascending = keysShown(proxy, column);
        QVERIFY(std::is_sorted(ascending.begin(), ascending.end()));
        proxy.sort(column, Qt::DescendingOrder);
        const QList<qint64> descending = keysShown(proxy, column);
        QVERIFY(std::is_sorted(descending.rbegin(), descending.rend()));
        QVERIFY(ascending.first() != ascending.last());
    }

    void sortOrdersAreTheRawOrders()
    {
        BackupTableModel model;
        model.setEntries(m_loaded.rows, m_loaded.keys);
        BackupFilterProxy proxy(&model);

        proxy.sort(BackupTableModel::Created, Qt::AscendingOrder);
        QCOMPARE(labelsShown(proxy).first(4),
            (QStringList{ QStringLiteral("D"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") }));

        proxy.sort(BackupTableModel::Database, Qt::AscendingOrder);
        QStringList databases;
        for (int row = 0; row < proxy.rowCount(); ++row)
            databases << proxy.index(row, BackupTableModel::Database).data().toString();
        QCOMPARE(databases,
            (QStringList{ QStringLiteral("billing"), QStringLiteral("billing"), QStringLiteral("customers"),
                QStringLiteral("ledger"), QStringLiteral("orders"), QStringLiteral("orders"),
                QStringLiteral("orders") }));

        // Never verified, then failed, then passed.
        proxy.sort(BackupTableModel::Verified, Qt::AscendingOrder);
        QCOMPARE(labelsShown(proxy).last(2), (QStringList{ QStringLiteral("D"), QStringLiteral("A") }));

        // Never drilled, then failed, then passed: the same as for verifications.
        proxy.sort(BackupTableModel::Drill, Qt::AscendingOrder);
        QCOMPARE(labelsShown(proxy).last(2), (QStringList{ QStringLiteral("o1"), QStringLiteral("A") }));
        proxy.sort(BackupTableModel::Drill, Qt::DescendingOrder);
        QCOMPARE(labelsShown(proxy).first(), QStringLiteral("A"));

        // The customers backup (120 rows where the others have 300) is the smallest.
        proxy.sort(BackupTableModel::Size, Qt::AscendingOrder);
        QCOMPARE(labelsShown(proxy).first(), QStringLiteral("c1"));
    }

    void loaderGivesTheFiltersChoices()
    {
        QCOMPARE(m_loaded.databases,
            (QStringList{ QStringLiteral("billing"), QStringLiteral("customers"), QStringLiteral("ledger"),
                QStringLiteral("orders") }));
        QCOMPARE(m_loaded.groups, (QStringList{ QStringLiteral("acme"), QStringLiteral("globex") }));
        QCOMPARE(m_loaded.triggers,
            (QStringList{ QStringLiteral("manual"), QStringLiteral("pre-migration"), QStringLiteral("scheduled") }));
    }
};

QTEST_MAIN(TstCatalogModel)
#include "tst_catalogmodel.moc"
