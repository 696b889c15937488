#pragma once

#include <QIcon>
#include <QWidget>

namespace coffer::ui {

// One entry of the main window's navigation: a view over the open workspace.
// MainWindow knows pages only through this interface, so new pages plug in without changing it.
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    explicit Page(QWidget *parent = nullptr);
    ~Page() override;

    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // One line for the status bar while this page is shown.
    virtual QString statusText() const = 0;
    virtual bool isLoading() const = 0;

    // Shows the workspace at `path`; loading happens in the background and ends with loadFinished().
    virtual void setWorkspacePath(const QString &path) = 0;
    // Reads the workspace and its repositories again.
    virtual void refresh() = 0;

Q_SIGNALS:
    void statusTextChanged();
    void loadFinished();
};

} // namespace coffer::ui
