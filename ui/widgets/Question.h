#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace coffer::ui {

// A confirmation the console asks before something it cannot undo.
struct Question {
    QString title;
    QString text; // what will happen, naming what is affected
    QString informative; // the consequence, in plain words
    QString detail; // e.g. the full list of backups; shown under "Show Details…"
    QString acceptText; // the button that goes ahead: "Delete 3 Backups"
    bool destructive = true;
};

// Asks without a nested event loop: the box is window-modal, opened with QMessageBox::open(),
// and `answered` runs when it closes (true only for the accept button). The box is named
// "question", so tests find it and press a button like a user would.
void ask(QWidget *parent, const Question &question, std::function<void(bool accepted)> answered);

} // namespace coffer::ui
