// The catalog's filter bar over real backups: each filter alone and combined, the choices it
// offers, clearing, and sorting by clicking the header.
#include "tst_catalogsupport.h"

#include "catalog/BackupTableModel.h"
#include "catalog/CatalogPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>

#include <algorithm>

using catalogtest::openPage;
using catalogtest::table;
using coffer::ui::BackupTableModel;
using coffer::ui::CatalogPage;

class TstCatalogFilters final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;
    std::unique_ptr<CatalogFixture> m_fixture;
    testsupport::TempRepository m_offsite; // a second repository with one backup, "X"
    QMap<QString, QString> m_ids; // label -> full ID (tst_catalogsupport.h)
    QString m_workspace;

    template <typename T> static T *child(CatalogPage &page, const char *name)
    {
        auto *widget = page.findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s", name);
        return widget;
    }

    QStringList labelsShown(CatalogPage &page) const
    {
        QStringList labels;
        for (const QString &id : catalogtest::idsShown(page))
            labels << m_ids.key(id);
        labels.sort();
        return labels;
    }

    static void choose(QComboBox *combo, const QString &text)
    {
        if (text.isEmpty())
            return;
        const int index = combo->findText(text);
        QVERIFY2(index > 0, qPrintable(text));
        combo->setCurrentIndex(index);
    }

    static void setDate(QCheckBox *check, QDateEdit *edit, const QDate &date)
    {
        if (!date.isValid())
            return;
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(check->isChecked());
        QVERIFY(edit->isEnabled());
        edit->setDate(date);
    }

private Q_SLOTS:
    void initTestCase()
    {
        catalogtest::isolateSettings(m_settings);
        m_fixture = std::make_unique<CatalogFixture>();
        QVERIFY(m_fixture->isValid());
        const auto ids = catalogtest::addVariedBackups(*m_fixture);
        QVERIFY(ids);
        m_ids = *ids;
        QVERIFY(m_offsite.isValid());
        QVERIFY(m_fixture->backupInto(m_offsite.repo(), m_fixture->customersDb(), QStringLiteral("customers")));
        m_ids.insert(QStringLiteral("X"), m_fixture->ids().last());
        m_workspace = m_fixture->path(QStringLiteral("two.yaml"));
        QVERIFY(m_fixture->writeWorkspace(m_workspace,
            { { QStringLiteral("local"), m_fixture->repo() }, { QStringLiteral("offsite"), m_offsite.repo() } }));
    }

    void filtersNarrowTheRows_data()
    {
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("trigger");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("verification");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // labels, sorted, space-separated

        const QString none;
        const auto q = [](const char *text) { return QString::fromUtf8(text); };
        const QDate any;
        const QDate today = QDate::currentDate();
        // Alone.
        QTest::newRow("database") << q("billing") << none << none << any << any << none << none << q("A B");
        QTest::newRow("group") << none << q("acme") << none << any << any << none << none << q("A C");
        QTest::newRow("trigger") << none << none << q("scheduled") << any << any << none << none << q("A D");
        QTest::newRow("from") << none << none << none << QDate(2024, 3, 20) << any << none << none
                              << q("B C X c1 o1 o2");
        QTest::newRow("to") << none << none << none << any << QDate(2024, 3, 10) << none << none << q("A D");
        QTest::newRow("today") << none << none << none << today << today << none << none << q("X c1 o1 o2");
        QTest::newRow("passed") << none << none << none << any << any << q("Passed") << none << q("A");
        QTest::newRow("failed") << none << none << none << any << any << q("Failed") << none << q("D");
        QTest::newRow("never") << none << none << none << any << any << q("Never verified") << none
                               << q("B C X c1 o1 o2");
        QTest::newRow("text: tag") << none << none << none << any << any << none << q("release") << q("C");
        QTest::newRow("text: group") << none << none << none << any << any << none << q("GLOBEX") << q("B D");
        QTest::newRow("text: repository") << none << none << none << any << any << none << q("offsite") << q("X");
        QTest::newRow("text: database") << none << none << none << any << any << none << q("ledger") << q("D");
        // Combined.
        QTest::newRow("database + trigger")
            << q("billing") << none << q("scheduled") << any << any << none << none << q("A");
        QTest::newRow("group + never") << none << q("globex") << none << any << any << q("Never verified") << none
                                       << q("B");
        QTest::newRow("March") << none << none << none << QDate(2024, 3, 1) << QDate(2024, 3, 31) << none << none
                               << q("A B");
        QTest::newRow("database + group + from")
            << q("orders") << q("acme") << none << QDate(2024, 4, 1) << any << none << none << q("C");
        QTest::newRow("text + from") << none << none << none << QDate(2024, 3, 15) << any << none << q("billing")
                                     << q("B");
        QTest::newRow("two words") << none << none << none << any << any << none << q("customers local") << q("c1");
        QTest::newRow("nothing") << q("ledger") << none << none << any << any << q("Passed") << none << q("");
    }

    void filtersNarrowTheRows()
    {
        QFETCH(QString, database);
        QFETCH(QString, group);
        QFETCH(QString, trigger);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, verification);
        QFETCH(QString, text);
        QFETCH(QString, expected);

        auto page = openPage(m_workspace);
        QTRY_COMPARE(table(*page)->model()->rowCount(), 8);
        auto *clear = child<QPushButton>(*page, "clearFilters");
        QVERIFY(!clear->isEnabled());

        choose(child<QComboBox>(*page, "databaseFilter"), database);
        choose(child<QComboBox>(*page, "groupFilter"), group);
        choose(child<QComboBox>(*page, "triggerFilter"), trigger);
        choose(child<QComboBox>(*page, "verificationFilter"), verification);
        setDate(child<QCheckBox>(*page, "fromCheck"), child<QDateEdit>(*page, "fromDate"), from);
        setDate(child<QCheckBox>(*page, "toCheck"), child<QDateEdit>(*page, "toDate"), to);
        QTest::keyClicks(child<QLineEdit>(*page, "filterEdit"), text);
        QTRY_COMPARE(labelsShown(*page).join(QLatin1Char(' ')), expected);
        if (!expected.isEmpty())
            QVERIFY2(page->statusText().contains(QStringLiteral("%1 shown").arg(expected.count(QLatin1Char(' ')) + 1)),
                qPrintable(page->statusText()));

        QVERIFY(clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(table(*page)->model()->rowCount(), 8);
        QVERIFY(child<QLineEdit>(*page, "filterEdit")->text().isEmpty());
        QCOMPARE(child<QComboBox>(*page, "databaseFilter")->currentIndex(), 0);
        QVERIFY(!child<QCheckBox>(*page, "fromCheck")->isChecked());
        QVERIFY(!clear->isEnabled());
    }

    void drillFilterPicksByTheNewestDrill()
    {
        // A passed its drill, o1 failed one; the rest were never drilled.
        auto repository = coffer::Repository::open(m_fixture->repo());
        COFFER_VERIFY_OK(repository);
        auto catalog = coffer::Catalog::open(*repository);
        COFFER_VERIFY_OK(catalog);
        coffer::DrillOutcome passed;
        passed.backupId = m_ids.value(QStringLiteral("A"));
        passed.database = QStringLiteral("billing");
        passed.time = QDateTime::currentDateTimeUtc();
        passed.rtoMs = 1400;
        passed.checks = { { QStringLiteral("integrity_check"), true, QStringLiteral("ok") } };
        COFFER_VERIFY_OK(catalog->recordDrill(passed));
        coffer::DrillOutcome failed = passed;
        failed.backupId = m_ids.value(QStringLiteral("o1"));
        failed.database = QStringLiteral("orders");
        failed.checks = { { QStringLiteral("smoke_query"), false, QStringLiteral("expected > 0, got 0") } };
        COFFER_VERIFY_OK(catalog->recordDrill(failed));

        auto page = openPage(m_workspace);
        QTRY_COMPARE(table(*page)->model()->rowCount(), 8);
        auto *drill = child<QComboBox>(*page, "drillFilter");
        QVERIFY(!drill->accessibleName().isEmpty());
        choose(drill, QStringLiteral("Drill passed"));
        QTRY_COMPARE(labelsShown(*page).join(QLatin1Char(' ')), QStringLiteral("A"));
        choose(drill, QStringLiteral("Drill failed"));
        QTRY_COMPARE(labelsShown(*page).join(QLatin1Char(' ')), QStringLiteral("o1"));
        choose(drill, QStringLiteral("Never drilled"));
        QTRY_COMPARE(labelsShown(*page).join(QLatin1Char(' ')), QStringLiteral("B C D X c1 o2"));
        // With another filter, and cleared with the others.
        choose(child<QComboBox>(*page, "databaseFilter"), QStringLiteral("billing"));
        QTRY_COMPARE(labelsShown(*page).join(QLatin1Char(' ')), QStringLiteral("B"));
        QTest::mouseClick(child<QPushButton>(*page, "clearFilters"), Qt::LeftButton);
        QCOMPARE(drill->currentIndex(), 0);
        QCOMPARE(table(*page)->model()->rowCount(), 8);
    }

    void combosOfferTheLoadedValues()
    {
        auto page = openPage(m_workspace);
        auto items = [](QComboBox *combo) {
            QStringList texts;
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
            return texts;
        };
        QCOMPARE(items(child<QComboBox>(*page, "databaseFilter")),
            (QStringList{ QStringLiteral("All databases"), QStringLiteral("billing"), QStringLiteral("customers"),
                QStringLiteral("ledger"), QStringLiteral("orders") }));
        QCOMPARE(items(child<QComboBox>(*page, "groupFilter")),
            (QStringList{ QStringLiteral("All groups"), QStringLiteral("acme"), QStringLiteral("globex") }));
        QCOMPARE(items(child<QComboBox>(*page, "triggerFilter")),
            (QStringList{ QStringLiteral("All triggers"), QStringLiteral("manual"), QStringLiteral("pre-migration"),
                QStringLiteral("scheduled") }));

        // A reload keeps the choice made.
        choose(child<QComboBox>(*page, "databaseFilter"), QStringLiteral("ledger"));
        QSignalSpy finished(page.get(), &CatalogPage::loadFinished);
        page->refresh();
        QVERIFY(finished.wait(20000));
        QCOMPARE(child<QComboBox>(*page, "databaseFilter")->currentText(), QStringLiteral("ledger"));
        QCOMPARE(labelsShown(*page), QStringList{ QStringLiteral("D") });
    }

    void clickingAHeaderSortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("size") << int(BackupTableModel::Size);
        QTest::newRow("created") << int(BackupTableModel::Created);
    }

    void clickingAHeaderSortsByRawValues()
    {
        QFETCH(int, column);
        auto page = openPage(m_workspace);
        QHeaderView *header = table(*page)->horizontalHeader();
        const QPoint where(
            header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, where);
        QCOMPARE(header->sortIndicatorSection(), column);
        const Qt::SortOrder first = header->sortIndicatorOrder();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, where);
        QCOMPARE(header->sortIndicatorOrder(), first == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
        header->setSortIndicator(column, Qt::AscendingOrder);

        // The order of the raw values of the manifests, not of the texts shown ("9 KB" < "10 KB").
        QList<qint64> shown;
        const QAbstractItemModel *model = table(*page)->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString id = model->index(row, 0).data(BackupTableModel::BackupIdRole).toString();
            const auto *rows = page->findChild<BackupTableModel *>();
            const coffer::Manifest &m = rows->backupAt(rows->rowOf(id))->entry.manifest;
            shown << (column == BackupTableModel::Size ? m.artifactSize : m.created.toMSecsSinceEpoch());
        }
        QVERIFY(std::is_sorted(shown.begin(), shown.end()));
        QVERIFY(shown.first() < shown.last());
        if (column == BackupTableModel::Created)
            QCOMPARE(
                m_ids.key(model->index(0, 0).data(BackupTableModel::BackupIdRole).toString()), QStringLiteral("D"));
    }
};

QTEST_MAIN(TstCatalogFilters)
#include "tst_catalogfilters.moc"
