#include "catalog/BackupTableView.h"

#include "catalog/BackupFilterProxy.h"
#include "catalog/BackupTableModel.h"

#include <QHeaderView>
#include <QMenu>
#include <QSignalBlocker>

#include <algorithm>

namespace coffer::ui {

BackupTableView::BackupTableView(BackupTableModel *model, BackupFilterProxy *proxy, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_contextMenu(new QMenu(this))
{
    setObjectName(QStringLiteral("backupTable"));
    setAccessibleName(tr("Backups"));
    // Before the selection model connects: parkSelection() must see the selection first.
    connect(proxy, &QSortFilterProxyModel::layoutAboutToBeChanged, this, &BackupTableView::parkSelection);
    setModel(proxy);
    // After the selection model's own handler, which would clear what unparkSelection() selects.
    connect(proxy, &QSortFilterProxyModel::layoutChanged, this, &BackupTableView::unparkSelection);

    setSortingEnabled(true);
    sortByColumn(BackupTableModel::Created, Qt::DescendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setShowGrid(false);
    // Fixed row heights: nothing asks 100,000 rows for their size.
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setResizeContentsPrecision(200); // a double-click on a divider measures the rows in view, not all
    setDefaultWidths();
    // Shown on request (the header's menu): the rest fits a window 1280 pixels wide.
    header->hideSection(BackupTableModel::DatabaseSize);
    header->hideSection(BackupTableModel::Codec);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &BackupTableView::showColumnMenu);

    m_contextMenu->setObjectName(QStringLiteral("catalogContextMenu"));
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTableView::customContextMenuRequested, this, [this](const QPoint &position) {
        if (!m_contextMenu->isEmpty() && indexAt(position).isValid())
            m_contextMenu->popup(viewport()->mapToGlobal(position));
    });
}

BackupTableView::~BackupTableView() = default;

// Widths that fit typical values, so nothing measures 100,000 rows' contents.
void BackupTableView::setDefaultWidths()
{
    QHeaderView *header = horizontalHeader();
    const QFontMetrics metrics = fontMetrics();
    const QFontMetrics headerMetrics = header->fontMetrics();
    auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(
            column, std::max(metrics.horizontalAdvance(sample) + 16, headerMetrics.horizontalAdvance(title) + 28));
    };
    using M = BackupTableModel;
    fit(M::Database, QStringLiteral("customers-eu"));
    fit(M::Group, QStringLiteral("tenant-group"));
    fit(M::Created, QStringLiteral("2024-12-31 23:59:59"));
    fit(M::Trigger, QStringLiteral("pre-migration"));
    fit(M::Tags, QStringLiteral("nightly, release"));
    fit(M::Pinned, QStringLiteral("yesMMM")); // and the pin
    fit(M::Size, QStringLiteral("1,023.9 MB"));
    fit(M::DatabaseSize, QStringLiteral("1,023.9 MB"));
    fit(M::Ratio, QStringLiteral("10.0×"));
    fit(M::Codec, QStringLiteral("zstd 19, encrypted (cfr1)"));
    fit(M::Encrypted, QStringLiteral("yes"));
    fit(M::Verified, QStringLiteral("FAILED (quick, 2024-12-31)"));
    fit(M::Drill, QStringLiteral("passed · RTO 12.3 s"));
    fit(M::Id, QStringLiteral("0123abcd"));
}

void BackupTableView::showColumnMenu(const QPoint &position)
{
    QHeaderView *header = horizontalHeader();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("columnMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < BackupTableModel::ColumnCount; ++column) {
        QAction *action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last column shown stays: a table without columns could not get them back.
        action->setEnabled(header->isSectionHidden(column) || header->count() - header->hiddenSectionCount() > 1);
        connect(action, &QAction::toggled, header,
            [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu->popup(header->viewport()->mapToGlobal(position));
}

// From the selection's ranges, not QItemSelectionModel::selectedRows(), which asks every column
// of every row whether it is selected: a quarter of a second for 100,000 rows.
QList<int> BackupTableView::selectedSourceRows() const
{
    QList<int> rows;
    for (const QItemSelectionRange &range : selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows << m_proxy->mapToSource(m_proxy->index(row, 0)).row();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void BackupTableView::selectSourceRows(const QList<int> &rows, int currentRow)
{
    selectionModel()->select(rowRanges(rows), QItemSelectionModel::ClearAndSelect);
    if (const QModelIndex current = m_proxy->mapFromSource(m_model->index(currentRow, 0)); current.isValid()) {
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        scrollTo(current);
    }
}

// Not QAbstractItemView::setCurrentIndex(), whose selection follows the keyboard's modifiers.
void BackupTableView::makeCurrent(const QModelIndex &index)
{
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

// Across a sort or a filter, QItemSelectionModel keeps a persistent index for every selected
// cell (or row): for 100,000 selected rows a layout change then takes seconds to half a minute.
// The view takes the selection out beforehand, as model rows, and puts it back as row ranges.
void BackupTableView::parkSelection()
{
    m_parkedRows = selectedSourceRows();
    const QSignalBlocker blocker(selectionModel()); // the selection is back before anyone could ask
    selectionModel()->clearSelection();
}

void BackupTableView::unparkSelection()
{
    const qsizetype parked = m_parkedRows.size();
    const QItemSelection selection = rowRanges(std::exchange(m_parkedRows, {}));
    {
        const QSignalBlocker blocker(selectionModel());
        selectionModel()->select(selection, QItemSelectionModel::Select);
    }
    viewport()->update();
    qsizetype kept = 0;
    for (const QItemSelectionRange &range : selection)
        kept += range.height();
    if (kept != parked) // a sort keeps every row; a filter may hide some
        Q_EMIT selectionShrank();
}

// One range per run of consecutive rows: painting a cell checks every range.
QItemSelection BackupTableView::rowRanges(const QList<int> &sourceRows) const
{
    QList<int> rows;
    rows.reserve(sourceRows.size());
    for (const int sourceRow : sourceRows)
        if (const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0)); index.isValid())
            rows << index.row();
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = BackupTableModel::ColumnCount - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype end = i + 1;
        while (end < rows.size() && rows.at(end) == rows.at(end - 1) + 1)
            ++end;
        selection.append(
            QItemSelectionRange(m_proxy->index(rows.at(i), 0), m_proxy->index(rows.at(end - 1), lastColumn)));
        i = end;
    }
    return selection;
}

} // namespace coffer::ui
