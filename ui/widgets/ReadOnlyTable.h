#pragma once

class QString;
class QTableView;
class QWidget;

namespace coffer::ui {

// A table that shows a model and is never edited: alternating rows, no grid, no row numbers, columns
// as wide as their contents, Tab on to the next widget (arrows move inside). The caller sets the
// model, the selection and the column that stretches.
QTableView *readOnlyTable(QWidget *parent, const QString &objectName, const QString &accessibleName);

} // namespace coffer::ui
