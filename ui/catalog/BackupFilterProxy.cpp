#include "catalog/BackupFilterProxy.h"

#include "catalog/BackupTableModel.h"

#include <QDateTime>

#include <limits>

namespace coffer::ui {

BackupFilterProxy::BackupFilterProxy(BackupTableModel *model, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_model(model)
{
    setSourceModel(model);
    setSortRole(BackupTableModel::SortRole);
    setFilter({});
}

BackupFilterProxy::~BackupFilterProxy() = default;

void BackupFilterProxy::setFilter(const BackupFilter &filter)
{
    m_filter = filter;
    m_words = filter.text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_fromMs
        = filter.from.isValid() ? filter.from.startOfDay().toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    m_toMs = filter.to.isValid() ? filter.to.addDays(1).startOfDay().toMSecsSinceEpoch()
                                 : std::numeric_limits<qint64>::max();
    // Not invalidateRowsFilter(): it removes and inserts the rows that change interval by
    // interval, which for rows of interleaved databases costs seconds at 100,000 rows. A new
    // mapping costs one pass and one sort.
    invalidate();
}

namespace {

bool matches(BackupFilter::Verification wanted, VerificationState state)
{
    switch (wanted) {
    case BackupFilter::Verification::Any:
        return true;
    case BackupFilter::Verification::Passed:
        return state == VerificationState::Passed;
    case BackupFilter::Verification::Failed:
        return state == VerificationState::Failed;
    case BackupFilter::Verification::Never:
        return state == VerificationState::Never;
    }
    return true;
}

} // namespace

bool BackupFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    using M = BackupTableModel;
    const M::Keys &keys = m_model->keys();
    const auto differs = [&](int column, const QString &wanted) {
        return !wanted.isEmpty() && keys.text[column].at(sourceRow) != wanted;
    };
    if (differs(M::Database, m_filter.database) || differs(M::Group, m_filter.group)
        || differs(M::Trigger, m_filter.trigger))
        return false;
    const qint64 created = keys.order[M::Created].at(sourceRow);
    if (created < m_fromMs || created >= m_toMs)
        return false;
    if (!matches(m_filter.verification, keys.verification.at(sourceRow))
        || !matches(m_filter.drill, keys.drill.at(sourceRow)))
        return false;
    const QString &haystack = keys.haystack.at(sourceRow);
    for (const QString &word : m_words)
        if (!haystack.contains(word))
            return false;
    return true;
}

bool BackupFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QList<qint64> &order = m_model->keys().order[left.column()];
    return order.at(left.row()) < order.at(right.row());
}

} // namespace coffer::ui
