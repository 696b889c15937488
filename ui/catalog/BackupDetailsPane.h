#pragma once

#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QLineEdit;
class QPushButton;

namespace coffer::ui {

class BackupDetailsView;
struct BackupRow;

// The details of the catalog's current backup: its manifest, its artifact's path with buttons
// to copy it and open its folder, and its verification history and restore drills, read off the
// GUI thread.
class BackupDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDetailsPane)

public:
    explicit BackupDetailsPane(QWidget *parent = nullptr);
    // Waits for a history read still running (it touches no member).
    ~BackupDetailsPane() override;

    // Shows `row` and reads its verification history and drills again.
    void showBackup(const BackupRow &row);
    void showPlaceholder(const QString &text);
    // The full ID of the backup shown, or empty.
    QString backupId() const;
    BackupDetailsView *view() const { return m_view; }

Q_SIGNALS:
    // The histories of the backup shown arrived (or could not be read).
    void historyShown();

private:
    void copyPath();
    void openFolder();

    BackupDetailsView *m_view = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_open = nullptr;
    QWidget *m_pathRow = nullptr;
    QThreadPool m_pool; // one thread: reads run in order, a stale one gives way quickly
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_generation = 0;
};

} // namespace coffer::ui
