#include "widgets/MessageBar.h"

#include "UiResources.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QToolButton>

namespace coffer::ui {

namespace {

struct Look {
    const char *icon;
    const char *background;
    const char *border;
};

Look lookFor(MessageBar::Type type)
{
    switch (type) {
    case MessageBar::Type::Error:
        return {":/icons/error.svg", "#fbe9e7", "#e0a49c"};
    case MessageBar::Type::Warning:
        return {":/icons/warning.svg", "#fff6dc", "#e6cf86"};
    case MessageBar::Type::Information:
        break;
    }
    return {":/icons/info.svg", "#e6f0fa", "#9dbbdc"};
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    initResources();
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);

    m_icon->setFixedSize(20, 20);
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTextFormat(Qt::PlainText); // names and paths come from files: never markup
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_close->setIcon(QIcon(QStringLiteral(":/icons/close.svg")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close message"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        hideMessage();
        Q_EMIT dismissed();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 4, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    applyType();
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(const QString &text, Type type)
{
    m_type = type;
    m_text->setText(text);
    applyType();
    show();
}

void MessageBar::hideMessage()
{
    m_text->clear();
    hide();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::applyType()
{
    const Look look = lookFor(m_type);
    m_icon->setPixmap(QIcon(QString::fromLatin1(look.icon)).pixmap(QSize(20, 20), devicePixelRatioF()));
    setStyleSheet(QStringLiteral("QFrame#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                 "QLabel { color: #202020; background: transparent; }")
                      .arg(QLatin1String(look.background), QLatin1String(look.border)));
}

} // namespace coffer::ui
