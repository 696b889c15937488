#include "widgets/Question.h"

#include <QMessageBox>
#include <QPushButton>

namespace coffer::ui {

void ask(QWidget *parent, const Question &question, std::function<void(bool accepted)> answered)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("question"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setIcon(question.destructive ? QMessageBox::Warning : QMessageBox::Question);
    box->setWindowTitle(question.title);
    box->setTextFormat(Qt::PlainText); // names come from manifests and files: never markup
    box->setText(question.text);
    box->setInformativeText(question.informative);
    box->setDetailedText(question.detail);
    QPushButton *accept = box->addButton(question.acceptText, QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("acceptButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    // A destructive question defaults to Cancel, so a stray Enter deletes nothing.
    box->setDefaultButton(question.destructive ? cancel : accept);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box,
        [box, accept, answered = std::move(answered)] { answered(box->clickedButton() == accept); });
    box->open();
}

} // namespace coffer::ui
