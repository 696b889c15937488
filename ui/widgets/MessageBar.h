#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace coffer::ui {

// An inline message at the top of a page (error, warning or information) with a close button,
// in place of a modal box: the page behind it stays usable.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Type { Error, Warning, Information };

    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    void showMessage(const QString &text, Type type = Type::Error);
    void hideMessage();

    QString text() const;
    Type type() const { return m_type; }

Q_SIGNALS:
    // The user closed the message.
    void dismissed();

private:
    void applyType();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
    Type m_type = Type::Error;
};

} // namespace coffer::ui
