#pragma once

#include <QIcon>
#include <QWidget>

namespace coffer::ui {

class Session;

// One entry of the main window's navigation: a view over the session's workspace.
// MainWindow knows pages only through this interface, so new pages plug in without changing it.
// A page reloads itself on Session::workspaceChanged() (and, when it shows backups, on
// Session::catalogChanged()), and emits loadFinished() once after each of those loads.
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    explicit Page(Session *session, QWidget *parent = nullptr);
    ~Page() override;

    Session *session() const { return m_session; }

    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // One line for the status bar while this page is shown.
    virtual QString statusText() const = 0;
    virtual bool isLoading() const = 0;
    // Reads what the page shows again (F5).
    virtual void refresh() = 0;

Q_SIGNALS:
    void statusTextChanged();
    void loadFinished();

private:
    Session *m_session;
};

} // namespace coffer::ui
