// coffer-catalog-gui-bench: drives the real catalog page (ui/catalog/CatalogPage) over a
// workspace and measures what a user feels on the GUI thread: the time until the rows are
// painted, and the longest stall while loading, scrolling, sorting, filtering and reloading.
//
// A stall is measured by a 10 ms timer on the GUI thread that records how late each of its
// ticks comes (a tick that comes 80 ms late means the thread did something else for 80 ms);
// every user action is also timed on its own. catalog_gui_bench.sh runs it with
// QT_QPA_PLATFORM=offscreen on a repository made by coffer-gen-repo; see bench/README.md.

#include "Session.h"
#include "catalog/BackupTableModel.h"
#include "catalog/CatalogPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

using coffer::ui::BackupTableModel;
using coffer::ui::CatalogPage;

constexpr int kTickMs = 10;

double ms(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

// The 10 ms timer: the worst lateness of its ticks since the last reset, and how many ticks
// came more than 50 ms late.
class StallMonitor final
{
public:
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 late = now - m_last - qint64(kTickMs) * 1000000;
            m_last = now;
            m_worst = std::max(m_worst, late);
            if (late > 50 * 1000000LL)
                ++m_over50;
        });
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }
    void reset()
    {
        m_last = m_clock.nsecsElapsed();
        m_worst = 0;
        m_over50 = 0;
    }
    double worstMs() const { return ms(m_worst); }
    int over50() const { return m_over50; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    int m_over50 = 0;
};

// One phase: its worst timer lateness and its slowest action, in ms.
struct Phase {
    QString name;
    double stallMs = 0;
    double slowestActionMs = 0;
    QString slowestAction;
    int ticksOver50 = 0;
};

class Bench final
{
public:
    Bench(CatalogPage *page, bool verbose)
        : m_page(page)
        , m_table(page->findChild<QTableView *>(QStringLiteral("backupTable")))
        , m_verbose(verbose)
    {
    }

    void begin(const QString &name)
    {
        m_phase = Phase();
        m_phase.name = name;
        m_monitor.reset();
    }
    // Runs `action` and lets the event loop run for `settleMs` (painting, timers) afterwards.
    void act(const QString &name, const std::function<void()> &action, int settleMs = 150)
    {
        QElapsedTimer timer;
        timer.start();
        action();
        const double took = ms(timer.nsecsElapsed());
        if (m_verbose)
            std::fprintf(stderr, "catalog_gui_bench:   %s: %.1f ms\n", qPrintable(name), took);
        if (took > m_phase.slowestActionMs) {
            m_phase.slowestActionMs = took;
            m_phase.slowestAction = name;
        }
        QTest::qWait(settleMs);
    }
    Phase end()
    {
        m_phase.stallMs = m_monitor.worstMs();
        m_phase.ticksOver50 = m_monitor.over50();
        m_phases << m_phase;
        std::fprintf(stderr, "catalog_gui_bench: %s: worst stall %.1f ms, slowest action %.1f ms (%s)\n",
            qPrintable(m_phase.name), m_phase.stallMs, m_phase.slowestActionMs, qPrintable(m_phase.slowestAction));
        return m_phase;
    }
    const QList<Phase> &phases() const { return m_phases; }

    void clickHeader(int column)
    {
        QHeaderView *header = m_table->horizontalHeader();
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }
    template <typename T> T *child(const char *name) const
    {
        auto *widget = m_page->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }

private:
    CatalogPage *m_page;
    QTableView *m_table;
    StallMonitor m_monitor;
    Phase m_phase;
    bool m_verbose = false;
    QList<Phase> m_phases;
};

long peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coffer-catalog-gui-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the catalog page's GUI thread over a workspace."));
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("workspace"), QStringLiteral("The workspace file to open."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("actions"), QStringLiteral("Print every action's time on stderr.") });
    parser.process(app);
    const QString workspace = parser.value(QStringLiteral("workspace"));
    if (workspace.isEmpty()) {
        std::fprintf(stderr, "coffer-catalog-gui-bench: --workspace FILE is required\n");
        return 2;
    }
    // The page saves its column layout: not into the user's settings.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());

    auto *session = new coffer::ui::Session;
    CatalogPage page(session);
    session->setParent(&page);
    page.resize(1280, 800);
    page.show();
    Bench bench(&page, parser.isSet(QStringLiteral("actions")));
    QTest::qWait(200);

    auto *table = page.findChild<QTableView *>(QStringLiteral("backupTable"));
    QElapsedTimer opened;
    qint64 loadedNs = 0;
    qint64 paintedNs = 0;
    QObject::connect(&page, &CatalogPage::loadFinished, &page, [&] {
        if (loadedNs == 0)
            loadedNs = opened.nsecsElapsed();
    });
    // The first paint of the table after the rows arrived: the rows are on screen.
    struct PaintWatch final : QObject {
        std::function<void()> painted;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                painted();
            return false;
        }
    } paintWatch;
    paintWatch.painted = [&] {
        if (loadedNs != 0 && paintedNs == 0)
            paintedNs = opened.nsecsElapsed();
    };
    table->viewport()->installEventFilter(&paintWatch);

    // Opening.
    bench.begin(QStringLiteral("open and load"));
    QSignalSpy finished(&page, &CatalogPage::loadFinished);
    opened.start();
    bench.act(
        QStringLiteral("open the workspace"), [&] { session->openWorkspace(workspace); }, 0);
    if (!finished.wait(600000)) {
        std::fprintf(stderr, "coffer-catalog-gui-bench: the catalog did not load within 10 minutes\n");
        return 1;
    }
    QTest::qWait(300);
    bench.end();
    const int rows = table->model()->rowCount();
    const long rssLoadedKiB = peakRssKiB();
    if (rows == 0) {
        std::fprintf(stderr, "coffer-catalog-gui-bench: the workspace shows no backups\n");
        return 1;
    }

    // Scrolling: dragging the scroll bar across, then paging with the keyboard.
    bench.begin(QStringLiteral("scroll"));
    QScrollBar *bar = table->verticalScrollBar();
    for (int step = 0; step <= 20; ++step)
        bench.act(
            QStringLiteral("scroll bar to %1%").arg(step * 5), [&] { bar->setValue(bar->maximum() * step / 20); }, 30);
    table->setFocus();
    for (int step = 0; step < 20; ++step)
        bench.act(
            QStringLiteral("Page Down"), [&] { QTest::keyClick(table, Qt::Key_PageDown); }, 30);
    bench.act(
        QStringLiteral("Ctrl+Home"), [&] { QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier); }, 30);
    bench.act(
        QStringLiteral("Ctrl+End"), [&] { QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier); }, 30);
    bench.end();

    // Sorting: two clicks (both orders) on a few headers.
    bench.begin(QStringLiteral("sort"));
    using M = BackupTableModel;
    for (const int column : { M::Size, M::Database, M::Id, M::Verified, M::Tags, M::Created }) {
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        bench.act(QStringLiteral("click %1").arg(title), [&] { bench.clickHeader(column); });
        bench.act(QStringLiteral("click %1 again").arg(title), [&] { bench.clickHeader(column); });
    }
    bench.end();

    // Filtering: typing, a database, a date range, a verification state, clearing.
    bench.begin(QStringLiteral("filter"));
    auto *text = bench.child<QLineEdit>("filterEdit");
    for (const QChar c : QStringLiteral("db1"))
        bench.act(
            QStringLiteral("type '%1'").arg(c), [&] { QTest::keyClick(text, c.toLatin1()); }, 60);
    QTest::qWait(400); // the typing pause after which the text filters
    bench.act(
        QStringLiteral("clear the text"), [&] { text->clear(); }, 400);
    auto *database = bench.child<QComboBox>("databaseFilter");
    bench.act(QStringLiteral("pick a database"), [&] { database->setCurrentIndex(1); });
    bench.act(QStringLiteral("all databases"), [&] { database->setCurrentIndex(0); });
    // The middle fifth of the time the backups span.
    const auto &entries = page.findChild<BackupTableModel *>()->entries();
    const QDateTime newest = entries.constFirst().entry.manifest.created.toLocalTime();
    const qint64 span = entries.constLast().entry.manifest.created.secsTo(newest);
    bench.act(QStringLiteral("set From"), [&] {
        bench.child<QDateEdit>("fromDate")->setDate(newest.addSecs(-span * 3 / 5).date());
        bench.child<QCheckBox>("fromCheck")->setChecked(true);
    });
    bench.act(QStringLiteral("set To"), [&] {
        bench.child<QDateEdit>("toDate")->setDate(newest.addSecs(-span * 2 / 5).date());
        bench.child<QCheckBox>("toCheck")->setChecked(true);
    });
    const int inRange = table->model()->rowCount();
    auto *verification = bench.child<QComboBox>("verificationFilter");
    bench.act(QStringLiteral("never verified"), [&] { verification->setCurrentIndex(3); });
    bench.act(QStringLiteral("clear filters"), [&] { bench.child<QPushButton>("clearFilters")->click(); });
    bench.act(QStringLiteral("show one database (dashboard)"),
        [&] { page.showDatabase(database->itemData(database->count() - 1).toString()); });
    bench.act(QStringLiteral("clear filters"), [&] { bench.child<QPushButton>("clearFilters")->click(); });
    bench.end();

    // Selecting: one backup far down, everything, everything but one; then sorting and filtering
    // with that selection, which Qt would carry through as 1.4 million persistent indexes.
    bench.begin(QStringLiteral("select"));
    const QString oldest = table->model()->index(rows - 1, 0).data(M::BackupIdRole).toString();
    bench.act(QStringLiteral("show the oldest backup"), [&] { page.showBackup(oldest); });
    qsizetype selected = 0;
    qsizetype selectedButOne = 0;
    bench.act(QStringLiteral("select all (Ctrl+A)"), [&] { QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier); });
    bench.act(
        QStringLiteral("read the selection of all (selectedRows)"), [&] { selected = page.selectedRows().size(); });
    const QPoint firstRow = table->visualRect(table->model()->index(table->rowAt(0), 0)).center();
    bench.act(QStringLiteral("deselect one (Ctrl+click)"),
        [&] { QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, firstRow); });
    bench.act(QStringLiteral("read the selection of all but one (selectedRows)"),
        [&] { selectedButOne = page.selectedRows().size(); });
    bench.act(QStringLiteral("sort by size, all but one selected"), [&] { bench.clickHeader(M::Size); });
    bench.act(QStringLiteral("filter never verified, all but one selected"),
        [&] { bench.child<QComboBox>("verificationFilter")->setCurrentIndex(3); });
    bench.act(QStringLiteral("clear filters, sort by created"), [&] {
        bench.child<QPushButton>("clearFilters")->click();
        table->sortByColumn(M::Created, Qt::DescendingOrder);
    });
    bench.act(QStringLiteral("select one (click)"),
        [&] { QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, firstRow); });
    bench.end();

    // Reloading, as after every job: the rows are replaced, the old ones freed.
    bench.begin(QStringLiteral("reload"));
    bench.act(
        QStringLiteral("refresh"), [&] { page.refresh(); }, 0);
    if (!finished.wait(600000))
        return 1;
    QTest::qWait(300);
    bench.end();

    std::printf("rows %d\n", rows);
    std::printf("open_to_loaded_ms %.0f\n", ms(loadedNs));
    std::printf("open_to_painted_ms %.0f\n", ms(paintedNs));
    std::printf("rows_in_date_range %d\n", inRange);
    std::printf("selected_all %lld\n", static_cast<long long>(selected));
    std::printf("selected_all_but_one %lld\n", static_cast<long long>(selectedButOne));
    std::printf("peak_rss_after_load_kib %ld\n", rssLoadedKiB);
    std::printf("peak_rss_kib %ld\n", peakRssKiB());
    for (const Phase &phase : bench.phases())
        std::printf("phase\t%s\t%.1f\t%d\t%.1f\t%s\n", qPrintable(phase.name), phase.stallMs, phase.ticksOver50,
            phase.slowestActionMs, qPrintable(phase.slowestAction));
    return 0;
}
