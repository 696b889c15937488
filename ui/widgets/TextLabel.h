#pragma once

class QLabel;
class QString;
class QWidget;

namespace coffer::ui {

// A word-wrapped label for text that may hold names and paths from files: always plain text (never
// markup), selectable with the mouse, and with the keyboard too when `keyboard` is true.
QLabel *textLabel(QWidget *parent, const QString &objectName, bool keyboard = false);

} // namespace coffer::ui
