#pragma once

#include "catalog/BackupTableModel.h"

#include <QTextBrowser>

namespace coffer::ui {

// Everything the manifest of one backup says, its row counts per table, its last verification,
// its verification history and its restore drills, read-only.
class BackupDetailsView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDetailsView)

public:
    explicit BackupDetailsView(QWidget *parent = nullptr);
    ~BackupDetailsView() override;

    // Shows `row`, its histories marked as loading until showHistory() or showHistoryError().
    void showBackup(const BackupRow &row);
    // Every verification and every restore drill of the backup shown (any order: they are shown
    // newest first). A non-empty `drillsError` says why the drills could not be read: it stands
    // in their place, and the verifications are shown all the same.
    void showHistory(const QList<VerifyOutcome> &history, const QList<DrillOutcome> &drills = {},
        const QString &drillsError = {});
    void showHistoryError(const QString &message);
    // A short line in place of the details (nothing selected, nothing to show).
    void showPlaceholder(const QString &text);
    // The full ID of the backup shown, or empty.
    QString backupId() const { return m_backupId; }

private:
    enum class History { Loading, Loaded, Failed };

    void render();
    QString historyHtml() const;
    QString drillsHtml() const;

    QString m_backupId;
    BackupRow m_row;
    History m_historyState = History::Loading;
    QList<VerifyOutcome> m_history;
    QList<DrillOutcome> m_drills;
    QString m_drillsError;
    QString m_historyError;
};

} // namespace coffer::ui
