#include "jobs/JobFilterProxy.h"

#include "jobs/JobListModel.h"

namespace coffer::ui {

JobFilterProxy::JobFilterProxy(Show show, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_show(show)
{
    setSortRole(JobListModel::SortRole);
}

JobFilterProxy::~JobFilterProxy() = default;

bool JobFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const bool finished = sourceModel()->index(sourceRow, 0, sourceParent).data(JobListModel::FinishedRole).toBool();
    return finished == (m_show == Show::Finished);
}

} // namespace coffer::ui
