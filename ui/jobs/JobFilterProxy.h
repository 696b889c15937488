#pragma once

#include <QSortFilterProxyModel>

namespace coffer::ui {

// One side of a JobListModel: the jobs still to run (queued or running), or the finished ones.
// Rows move from one side to the other as their jobs end.
class JobFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterProxy)

public:
    enum class Show { Pending, Finished };

    explicit JobFilterProxy(Show show, QObject *parent = nullptr);
    ~JobFilterProxy() override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const Show m_show;
};

} // namespace coffer::ui
