#pragma once

#include <QTextBrowser>

namespace coffer::ui {

struct BackupRow;

// The manifest of one backup, its row counts per table and its last verification, read-only.
class BackupDetailsView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDetailsView)

public:
    explicit BackupDetailsView(QWidget *parent = nullptr);
    ~BackupDetailsView() override;

    void showBackup(const BackupRow &row);
    // A short line in place of the details (nothing selected, nothing to show).
    void showPlaceholder(const QString &text);
    // The full ID of the backup shown, or empty.
    QString backupId() const { return m_backupId; }

private:
    QString m_backupId;
};

} // namespace coffer::ui
