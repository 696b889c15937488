#pragma once

#include "workspace/Workspace.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace coffer::ui {

class DatabaseTableModel;

// The Databases tab: the table, Add… (a file, then its name and group), Remove (confirmed) and
// the group edited in place. It asks for edits through signals; the page makes them.
class DatabasesSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabasesSection)

public:
    explicit DatabasesSection(DatabaseTableModel *model, QWidget *parent = nullptr);
    ~DatabasesSection() override;

    // While an edit runs, the buttons that start another one are disabled.
    void setBusy(bool busy);
    // The file the Add… dialog returned: fills in the form that adds it.
    void proposeFile(const QString &path);
    // The page's answer to addRequested(): the form closes once the database is in the file.
    void finishAdd(bool added);
    QString selectedDatabase() const;

Q_SIGNALS:
    void addRequested(const coffer::DatabaseEntry &database);
    void removeRequested(const QString &name);

private:
    void chooseFile();
    void confirmRemove();
    void requestAdd();
    void closeForm();
    void updateButtons();

    DatabaseTableModel *m_model;
    QTableView *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QGroupBox *m_form = nullptr;
    QLabel *m_file = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_group = nullptr;
    QPushButton *m_confirmAdd = nullptr;
    QString m_pendingPath;
    bool m_busy = false;
};

} // namespace coffer::ui
