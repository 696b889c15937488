#include "widgets/TextLabel.h"

#include <QLabel>

namespace coffer::ui {

QLabel *textLabel(QWidget *parent, const QString &objectName, bool keyboard)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // names and paths come from files: never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(
        keyboard ? Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard : Qt::TextSelectableByMouse);
    return label;
}

} // namespace coffer::ui
