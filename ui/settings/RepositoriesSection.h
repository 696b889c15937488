#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace coffer::ui {

class RepositoryTableModel;

// The Repositories tab: the table with each repository's state, the workspace's policy, a form
// that adds an existing repository folder or initialises a new one, and Set as Default.
class RepositoriesSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoriesSection)

public:
    explicit RepositoriesSection(RepositoryTableModel *model, QWidget *parent = nullptr);
    ~RepositoriesSection() override;

    void setBusy(bool busy);
    // The retention and encryption policy, described in words.
    void setPolicy(const QString &text);
    // The folder the Browse… dialog returned; also proposes a name when there is none yet.
    void setFolder(const QString &folder);
    // The page's answer to a request: the form is cleared once the repository is in the file.
    void finishAdd(bool added);
    QString selectedRepository() const;

Q_SIGNALS:
    void addExistingRequested(const QString &name, const QString &folder);
    void initialiseRequested(const QString &name, const QString &folder, bool requireEncryption);
    void defaultRequested(const QString &name);

private:
    void chooseFolder();
    void updateButtons();

    RepositoryTableModel *m_model;
    QTableView *m_table = nullptr;
    QPushButton *m_setDefault = nullptr;
    QLabel *m_policy = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_folder = nullptr;
    QCheckBox *m_requireEncryption = nullptr;
    QPushButton *m_addExisting = nullptr;
    QPushButton *m_initialise = nullptr;
    bool m_busy = false;
};

} // namespace coffer::ui
