#include "widgets/ReadOnlyTable.h"

#include <QHeaderView>
#include <QTableView>

namespace coffer::ui {

QTableView *readOnlyTable(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // Tab goes on to the next widget, arrows move between rows
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

} // namespace coffer::ui
