#include "jobs/JobErrorDialog.h"

#include "common/Error.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coffer::ui {

JobErrorDialog::JobErrorDialog(QWidget *parent)
    : QDialog(parent)
    , m_heading(new QLabel(this))
    , m_message(new QLabel(this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("jobErrorDialog"));
    setModal(false);
    setWindowIcon(QIcon(QStringLiteral(":/icons/error.svg")));
    resize(560, 320);

    m_heading->setObjectName(QStringLiteral("errorHeading"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_detail->setObjectName(QStringLiteral("errorDetail"));
    m_detail->setAccessibleName(tr("Error detail"));
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyErrorButton"));
    copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    copy->setAccessibleName(tr("Copy the error"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(
            QStringLiteral("%1\n%2\n\n%3").arg(m_heading->text(), m_message->text(), m_detail->toPlainText()));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_message);
    layout->addWidget(m_detail, 1);
    layout->addWidget(buttons);
}

JobErrorDialog::~JobErrorDialog() = default;

void JobErrorDialog::showError(const QString &jobTitle, const QString &outcome, const Error &error)
{
    setWindowTitle(tr("%1 — %2").arg(jobTitle, outcome));
    m_heading->setText(tr("%1: %2").arg(jobTitle, outcome));
    m_message->setText(error.message);
    const QString detail = error.detail.isEmpty() ? tr("No further detail was given.") : error.detail;
    m_detail->setPlainText(tr("%1\n\nError code: %2").arg(detail, error.codeName()));
    show();
    raise();
    activateWindow();
}

QString JobErrorDialog::message() const
{
    return m_message->text();
}

QString JobErrorDialog::detail() const
{
    return m_detail->toPlainText();
}

} // namespace coffer::ui
