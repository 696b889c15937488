#pragma once

class QLabel;
class QString;
class QTableView;
class QWidget;

// What the settings and first-run pages build their forms and tables from, so they look alike.
namespace coffer::ui {

// Whole rows selected, one at a time, no grid, the last column stretched.
void setUpSettingsTable(QTableView *table);
// A form label whose mnemonic (&N) moves the focus to `buddy`.
QLabel *formLabel(const QString &text, QWidget *buddy, QWidget *parent);
// A quieter, word-wrapped line that explains the field above it.
QLabel *hintLabel(const QString &text, QWidget *parent);
// What a user typed into a path field, as a clean absolute path: "~" is the home folder, a relative
// path is taken from the current folder; empty stays empty.
QString typedPath(const QString &text);

} // namespace coffer::ui
