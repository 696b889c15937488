// The storage page's charts over a generated repository with known sizes (StorageScenario): the
// series carry the catalog's bytes per database per day, the share and compression per database,
// the free space; a prune shows as shrinkage; the retention preview is the prune's plan; a dark
// palette recolours the charts. Screenshots of each tab go to <build>/screenshots/.
#include "PageFixture.h"
#include "StorageScenario.h"
#include "TestSupport.h"

#include "Session.h"
#include "repository/Catalog.h"
#include "retention/PruneJob.h"
#include "storage/ChartStyle.h"
#include "storage/CompressionChart.h"
#include "storage/FreeSpaceChart.h"
#include "storage/GrowthSummary.h"
#include "storage/HistoryChart.h"
#include "storage/RetentionPolicyEditor.h"
#include "storage/RetentionPreviewPanel.h"
#include "storage/RetentionTimeline.h"
#include "storage/ShareChart.h"
#include "storage/StoragePage.h"
#include "workspace/Workspace.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStorageInfo>
#include <QTabWidget>
#include <QtTest>

#include <memory>

using namespace coffer;
using coffer::ui::StoragePage;
using testsupport::StorageScenario;

namespace {

QList<CatalogEntry> entriesOf(const QString &repositoryPath)
{
    auto repo = Repository::open(repositoryPath);
    auto catalog = repo ? Catalog::open(*repo) : std::unexpected(repo.error());
    return catalog ? catalog->backups().value_or(QList<CatalogEntry>{}) : QList<CatalogEntry>{};
}

// The bytes a database's area adds on day `i`: its upper minus its lower line.
qint64 areaBytes(const QAreaSeries *area, qsizetype i)
{
    const double lower = area->lowerSeries() ? area->lowerSeries()->at(int(i)).y() : 0.0;
    return qint64(std::llround(area->upperSeries()->at(int(i)).y() - lower));
}

} // namespace

class TstStorageCharts final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StorageScenario> m_scenario;

    static std::unique_ptr<StoragePage> openPage(const QString &workspace)
    {
        return pagefixture::openPage<StoragePage>(workspace, QSize(1100, 760));
    }
    static bool waitForPreview(StoragePage &page)
    {
        if (!page.retentionPreview()->isLoading())
            return true;
        QSignalSpy previewed(page.retentionPreview(), &coffer::ui::RetentionPreviewPanel::previewed);
        return previewed.wait(20000);
    }
    static void shoot(StoragePage &page, const QString &name)
    {
        const QString folder
            = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../screenshots"));
        QDir().mkpath(folder);
        QVERIFY(page.grab().save(folder + QStringLiteral("/storage-") + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scenario = std::make_unique<StorageScenario>(20);
        QVERIFY(m_scenario->isValid());
        QVERIFY(m_scenario->writeWorkspace(m_scenario->path(QStringLiteral("workspace.yaml")),
            QStringLiteral("retention:\n  timezone: UTC\n  default: {keep_daily: 7, keep_weekly: 2}\n")));
    }

    void historySeriesCarryTheCatalogsDailySums()
    {
        auto page = openPage(m_scenario->path(QStringLiteral("workspace.yaml")));
        const coffer::ui::HistoryChart *chart = page->historyChart();
        const QList<CatalogEntry> entries = entriesOf(m_scenario->repo());
        QCOMPARE(chart->areas().size(), 2);
        QCOMPARE(chart->areas().at(0)->name(), QStringLiteral("customers"));
        QCOMPARE(chart->areas().at(1)->name(), QStringLiteral("orders"));
        const QList<QDate> &days = chart->history().days();
        QCOMPARE(days.size(), 21);
        for (qsizetype db = 0; db < 2; ++db) {
            const QAreaSeries *area = chart->areas().at(db);
            QCOMPARE(area->upperSeries()->count(), int(days.size()));
            for (qsizetype i = 0; i < days.size(); ++i) {
                qint64 expected = 0;
                for (const CatalogEntry &entry : entries) {
                    if (entry.manifest.database == area->name() && entry.manifest.created.toUTC().date() <= days.at(i))
                        expected += entry.manifest.artifactSize;
                }
                QCOMPARE(areaBytes(area, i), expected);
                QCOMPARE(qint64(area->upperSeries()->at(int(i)).x()), coffer::ui::HistoryChart::xFor(days.at(i)));
            }
        }
        // The stack's top on the last day is everything stored now.
        qint64 total = 0;
        for (const CatalogEntry &entry : entries)
            total += entry.manifest.artifactSize;
        QCOMPARE(qint64(chart->areas().at(1)->upperSeries()->at(20).y()), total);
        const QString tip = chart->toolTipFor(20);
        QVERIFY2(tip.contains(QStringLiteral("orders: ")) && tip.contains(QLocale().toString(total)), qPrintable(tip));

        // One orders backup a day: growing by its size, projected 30 days on from today's total.
        QVERIFY(chart->projection());
        QCOMPARE(chart->projection()->at(0).y(), double(total));
        // Each day adds an orders backup and every third a customers one: the rate is between.
        const std::optional<double> rate = coffer::StorageGrowth::rate(chart->history().totals());
        QVERIFY(rate && *rate >= double(m_scenario->orders().artifactSize)
            && *rate <= double(m_scenario->orders().artifactSize + m_scenario->customers().artifactSize));
        QCOMPARE(chart->projection()->at(1).y(), double(total) + coffer::ui::HistoryChart::kProjectionDays * *rate);
        const QString growth = page->growthSummary()->text();
        QVERIFY2(growth.startsWith(QStringLiteral("Growing by ")) && growth.contains(QStringLiteral(" fill in ")),
            qPrintable(growth));

        shoot(*page, QStringLiteral("over-time"));
    }

    void shareAndCompressionPerDatabase()
    {
        auto page = openPage(m_scenario->path(QStringLiteral("workspace.yaml")));
        QHash<QString, qint64> stored;
        QHash<QString, qint64> original;
        for (const CatalogEntry &entry : entriesOf(m_scenario->repo())) {
            stored[entry.manifest.database] += entry.manifest.artifactSize;
            original[entry.manifest.database] += entry.manifest.plaintextSize;
        }
        const QList<QPieSlice *> slices = page->shareChart()->series()->slices();
        QCOMPARE(slices.size(), 2);
        for (const QPieSlice *slice : slices) {
            const QString name = slice->label().section(QLatin1Char(' '), 0, 0);
            QCOMPARE(qint64(slice->value()), stored.value(name));
            QVERIFY2(page->shareChart()->toolTipFor(slice).contains(QLocale().toString(stored.value(name))),
                qPrintable(page->shareChart()->toolTipFor(slice)));
        }
        const coffer::ui::CompressionChart *compression = page->compressionChart();
        QCOMPARE(compression->categories(), (QStringList{ QStringLiteral("customers"), QStringLiteral("orders") }));
        for (int i = 0; i < 2; ++i) {
            const QString name = compression->categories().at(i);
            QCOMPARE(compression->ratios()->at(i), double(original.value(name)) / double(stored.value(name)));
        }
        QVERIFY(compression->ratios()->at(0) != compression->ratios()->at(1)); // gzip and zstd differ
        page->findChild<QTabWidget *>(QStringLiteral("storageTabs"))->setCurrentIndex(1);
        shoot(*page, QStringLiteral("share"));
    }

    void freeSpaceOfTheRepositoryFileSystem()
    {
        auto page = openPage(m_scenario->path(QStringLiteral("workspace.yaml")));
        const coffer::ui::FreeSpaceChart *chart = page->freeSpaceChart();
        QVERIFY(!chart->bars().isEmpty());
        QCOMPARE(chart->bars().constFirst().label, QStringLiteral("repository local"));
        const QStorageInfo info(m_scenario->repo());
        QCOMPARE(qint64(chart->used()->at(0) + chart->free()->at(0)), info.bytesTotal());
        // Free space moves while other programs write: within a hundredth of the disk.
        QVERIFY(qAbs(chart->free()->at(0) - double(info.bytesAvailable())) < double(info.bytesTotal()) / 100);
        for (qsizetype i = 1; i < chart->bars().size(); ++i)
            QVERIFY(chart->bars().at(i).volume.removable);
        page->findChild<QTabWidget *>(QStringLiteral("storageTabs"))->setCurrentIndex(3);
        shoot(*page, QStringLiteral("free-space"));
    }

    void retentionPreviewIsWhatThePruneDeletes()
    {
        StorageScenario scenario(20);
        QVERIFY(scenario.isValid());
        const QString workspace = scenario.path(QStringLiteral("workspace.yaml"));
        QVERIFY(scenario.writeWorkspace(
            workspace, QStringLiteral("retention:\n  timezone: UTC\n  default: {keep_daily: 7, keep_weekly: 2}\n")));
        auto page = openPage(workspace);
        QVERIFY(waitForPreview(*page));
        coffer::ui::RetentionPreviewPanel *panel = page->retentionPreview();
        QVERIFY(panel->plan());
        const RetentionPlan configured = *panel->plan();

        // The same decision the prune makes with the workspace's policy.
        auto ws = Workspace::load(workspace);
        COFFER_VERIFY_OK(ws);
        PruneParams params;
        params.repositoryPath = scenario.repo();
        params.policies = ws->retention();
        params.dryRun = true;
        const CancelFlag cancel{ false };
        auto dryRun = PruneJob::prune(params, cancel, {});
        COFFER_VERIFY_OK(dryRun);
        QCOMPARE(configured.deletedCount(), dryRun->plan.deletedCount());
        QCOMPARE(configured.freedBytes(), dryRun->plan.freedBytes());
        QVERIFY(configured.deletedCount() > 0);

        // The timeline: a kept and a deleted marker per backup, with the planner's reasons.
        const coffer::ui::RetentionTimeline *timeline = panel->timeline();
        QCOMPARE(timeline->deleted()->count(), configured.deletedCount());
        QCOMPARE(timeline->kept()->count(), int(configured.decisions.size()) - configured.deletedCount());
        const RetentionDecision *first = timeline->decisionAt(timeline->deleted(), 0);
        QVERIFY(first && !first->keep);
        QCOMPARE(timeline->deleted()->at(0).x(), double(first->backup.created.toMSecsSinceEpoch()));
        QVERIFY2(timeline->toolTipFor(*first).contains(QStringLiteral("deleted: ")),
            qPrintable(timeline->toolTipFor(*first)));
        const QString summary = page->findChild<QLabel *>(QStringLiteral("retentionSummary"))->text();
        QVERIFY2(summary.contains(QLocale().toString(configured.freedBytes())), qPrintable(summary));
        page->findChild<QTabWidget *>(QStringLiteral("storageTabs"))->setCurrentIndex(2);
        shoot(*page, QStringLiteral("retention"));

        // Edited values: keep the last 3 → every other backup of each database goes.
        coffer::ui::RetentionPolicyEditor *editor = panel->editor();
        QSignalSpy previewed(panel, &coffer::ui::RetentionPreviewPanel::previewed);
        editor->setSource(coffer::ui::RetentionPolicyEditor::Source::Custom);
        for (QSpinBox *box : editor->findChildren<QSpinBox *>())
            box->setValue(0);
        editor->keepWithin()->clear();
        editor->keepLast()->setValue(3);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isLoading() && panel->plan() && panel->plan()->deletedCount() > 0
                && panel->plan()->decisions.size() - panel->plan()->deletedCount() == 6,
            20000);
        const RetentionPlan edited = *panel->plan();

        // Running that prune deletes exactly those bytes, and the history then shows the drop.
        params.dryRun = false;
        params.policies = editor->policies().value();
        auto pruned = PruneJob::prune(params, cancel, {});
        COFFER_VERIFY_OK(pruned);
        QCOMPARE(pruned->freedBytes, edited.freedBytes());
        const qint64 before = page->historyChart()->history().total(page->historyChart()->history().days().size() - 1);
        QSignalSpy finished(page.get(), &StoragePage::loadFinished);
        page->refresh();
        QVERIFY(finished.wait(20000));
        const coffer::StorageHistory &history = page->historyChart()->history();
        const qsizetype today = history.days().size() - 1;
        QCOMPARE(history.total(today), before - pruned->freedBytes);
        // Yesterday is untouched: everything but the two backups made today.
        QCOMPARE(history.total(today - 1),
            before - scenario.orders().artifactSize - scenario.customers().artifactSize);
        QCOMPARE(history.deletedBackups(), pruned->deleted);
        QCOMPARE(areaBytes(page->historyChart()->areas().at(1), today), 3 * scenario.orders().artifactSize);
        page->findChild<QTabWidget *>(QStringLiteral("storageTabs"))->setCurrentIndex(0);
        shoot(*page, QStringLiteral("after-prune"));
    }

    void darkPaletteRecoloursTheCharts()
    {
        auto page = openPage(m_scenario->path(QStringLiteral("workspace.yaml")));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
        dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe5, 0xe7, 0xeb));
        dark.setColor(QPalette::WindowText, QColor(0xe5, 0xe7, 0xeb));
        dark.setColor(QPalette::Button, QColor(0x2a, 0x2d, 0x33));
        dark.setColor(QPalette::ButtonText, QColor(0xe5, 0xe7, 0xeb));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x60));
        page->setPalette(dark);
        QCoreApplication::processEvents();
        QVERIFY(coffer::ui::ChartStyle::isDark(page->historyChart()->palette()));
        QCOMPARE(page->historyChart()->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(page->shareChart()->series()->slices().at(0)->brush().color(),
            coffer::ui::ChartStyle::seriesColor(0, page->shareChart()->palette()));
        QVERIFY(coffer::ui::ChartStyle::seriesColor(0, dark) != coffer::ui::ChartStyle::seriesColor(0, QPalette()));
        shoot(*page, QStringLiteral("over-time-dark"));
    }

    void chartsAreReachableByKeyboard()
    {
        auto page = openPage(m_scenario->path(QStringLiteral("workspace.yaml")));
        for (QWidget *chart : std::initializer_list<QWidget *>{ page->historyChart(), page->shareChart(),
                 page->compressionChart(), page->freeSpaceChart(), page->retentionPreview()->timeline() }) {
            QVERIFY2(!chart->accessibleName().isEmpty(), qPrintable(chart->objectName()));
            QCOMPARE(chart->focusPolicy(), Qt::StrongFocus);
        }
        auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("storageTabs"));
        QCOMPARE(tabs->count(), 5);
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(tabs->tabText(i).contains(QLatin1Char('&')), qPrintable(tabs->tabText(i)));
    }
};

QTEST_MAIN(TstStorageCharts)
#include "tst_storagecharts.moc"
