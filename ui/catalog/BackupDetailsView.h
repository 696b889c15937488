#pragma once

#include "catalog/BackupTableModel.h"

#include <QTextBrowser>

namespace coffer::ui {

// Everything the manifest of one backup says, its row counts per table, its last verification
// and its verification history, read-only.
class BackupDetailsView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDetailsView)

public:
    explicit BackupDetailsView(QWidget *parent = nullptr);
    ~BackupDetailsView() override;

    // Shows `row`, its history marked as loading until showHistory() or showHistoryError().
    void showBackup(const BackupRow &row);
    // Every verification of the backup shown (any order: it is shown newest first).
    void showHistory(const QList<VerifyOutcome> &history);
    void showHistoryError(const QString &message);
    // A short line in place of the details (nothing selected, nothing to show).
    void showPlaceholder(const QString &text);
    // The full ID of the backup shown, or empty.
    QString backupId() const { return m_backupId; }

private:
    enum class History { Loading, Loaded, Failed };

    void render();
    QString historyHtml() const;

    QString m_backupId;
    BackupRow m_row;
    History m_historyState = History::Loading;
    QList<VerifyOutcome> m_history;
    QString m_historyError;
};

} // namespace coffer::ui
