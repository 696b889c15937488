#include "reports/ChoiceFilterModel.h"

namespace coffer::ui {

ChoiceFilterModel::ChoiceFilterModel(int choiceRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_choiceRole(choiceRole)
{
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

ChoiceFilterModel::~ChoiceFilterModel() = default;

void ChoiceFilterModel::setChoice(const QString &choice)
{
    if (choice == m_choice)
        return;
    m_choice = choice;
    invalidateRowsFilter();
}

bool ChoiceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_choice.isEmpty()
        && sourceModel()->index(sourceRow, 0, sourceParent).data(m_choiceRole).toString() != m_choice)
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace coffer::ui
