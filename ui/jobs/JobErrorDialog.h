#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace coffer {
struct Error;
}

namespace coffer::ui {

// The whole failure of one job (its message and detail), in a window that does not block the
// console: opened with show(), closed by the user; the text can be selected and copied.
class JobErrorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobErrorDialog)

public:
    explicit JobErrorDialog(QWidget *parent = nullptr);
    ~JobErrorDialog() override;

    void showError(const QString &jobTitle, const QString &outcome, const Error &error);

    QString message() const;
    QString detail() const;

private:
    QLabel *m_heading = nullptr;
    QLabel *m_message = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace coffer::ui
