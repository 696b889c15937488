#pragma once

#include "BackgroundLoad.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QWizardPage>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableView;
class QTimer;

namespace coffer::ui {

class RestoreState;
class TableDiffModel;

// The restore wizard's second page: where to restore to (the database's own file, or another one)
// and what is there now, table by table against the backup, so the user sees what will change.
// The target is read off the GUI thread, and only while no other step looks at it.
class RestoreTargetPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreTargetPage)

public:
    explicit RestoreTargetPage(RestoreState *state, QWidget *parent = nullptr);
    ~RestoreTargetPage() override;

    // Reads the target again: it may have changed since the page was last shown.
    void initializePage() override;
    bool isComplete() const override;
    // A read of the target is waiting (typing) or running.
    bool isReading() const;

Q_SIGNALS:
    // A read of the target was shown.
    void targetRead();

private:
    // What is at the target path now. Filled off the GUI thread.
    struct Reading {
        QString path;
        bool exists = false;
        bool isFolder = false;
        bool folderExists = true;
        qint64 size = 0;
        QDateTime modified;
        std::optional<QMap<QString, qint64>> rowCounts; // set when it was read as SQLite
        QString error; // why it could not be read as SQLite
    };
    static Reading read(const QString &path);

    // The path the choices on this page name; empty while "another file" has no name yet.
    QString chosenPath() const;
    void onBackupChanged();
    void onTargetChanged();
    void chooseOwn(bool own);
    void browse();
    void scheduleRead(int delayMs);
    void startRead();
    void onRead(const Reading &reading);
    void showReading();

    RestoreState *m_state = nullptr;
    TableDiffModel *m_diff = nullptr;
    QLabel *m_notInWorkspace = nullptr;
    QRadioButton *m_ownTarget = nullptr;
    QLabel *m_ownPath = nullptr;
    QRadioButton *m_otherTarget = nullptr;
    QLineEdit *m_targetEdit = nullptr;
    QPushButton *m_browse = nullptr;
    QWidget *m_busy = nullptr;
    QLabel *m_stateLabel = nullptr;
    QTableView *m_diffTable = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_debounce = nullptr;

    std::optional<Reading> m_reading; // the last read shown
    QString m_scheduledPath; // the path the pending or running read is for
    BackgroundLoad m_load{ this }; // last: destroyed first, waiting for a read still running
};

} // namespace coffer::ui
