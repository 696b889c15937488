#include "settings/DatabasesSection.h"

#include "settings/DatabaseTableModel.h"
#include "settings/SettingsWidgets.h"
#include "widgets/Question.h"
#include "workspace/WorkspaceEditor.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace coffer::ui {

DatabasesSection::DatabasesSection(DatabaseTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_add(new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Add…"), this))
    , m_remove(new QPushButton(QIcon(QStringLiteral(":/icons/remove.svg")), tr("&Remove"), this))
    , m_form(new QGroupBox(tr("Add a database"), this))
    , m_file(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_group(new QLineEdit(this))
    , m_confirmAdd(new QPushButton(tr("Add to Workspace"), this))
{
    m_table->setObjectName(QStringLiteral("databaseTable"));
    m_table->setAccessibleName(tr("Databases"));
    m_table->setModel(model);
    setUpSettingsTable(m_table);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(DatabaseTableModel::Path, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(DatabaseTableModel::Check, QHeaderView::ResizeToContents);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DatabasesSection::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &DatabasesSection::updateButtons);

    m_add->setObjectName(QStringLiteral("addDatabaseButton"));
    m_add->setAccessibleName(tr("Add a database"));
    m_add->setToolTip(tr("Choose an SQLite database file to back up (Ctrl+N)"));
    m_add->setShortcut(QKeySequence::New);
    connect(m_add, &QPushButton::clicked, this, &DatabasesSection::chooseFile);
    m_remove->setObjectName(QStringLiteral("removeDatabaseButton"));
    m_remove->setAccessibleName(tr("Remove the selected database"));
    m_remove->setToolTip(tr("Remove the selected database from the workspace; its backups stay (Delete)"));
    auto *removeAction = new QAction(this);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(removeAction, &QAction::triggered, this, [this] {
        if (m_remove->isEnabled())
            confirmRemove();
    });
    m_table->addAction(removeAction);
    connect(m_remove, &QPushButton::clicked, this, &DatabasesSection::confirmRemove);

    m_form->setObjectName(QStringLiteral("addDatabaseForm"));
    m_file->setObjectName(QStringLiteral("newDatabaseFile"));
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_file->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("newDatabaseName"));
    m_name->setAccessibleName(tr("Name of the new database"));
    m_name->setToolTip(tr("The name backups are filed under; no '/' or '\\'"));
    m_group->setObjectName(QStringLiteral("newDatabaseGroup"));
    m_group->setAccessibleName(tr("Group of the new database"));
    m_group->setPlaceholderText(tr("optional, e.g. a tenant"));
    m_confirmAdd->setObjectName(QStringLiteral("confirmAddDatabaseButton"));
    m_confirmAdd->setAccessibleName(tr("Add the database to the workspace"));
    m_confirmAdd->setDefault(true);
    connect(m_confirmAdd, &QPushButton::clicked, this, &DatabasesSection::requestAdd);
    connect(m_name, &QLineEdit::returnPressed, this, &DatabasesSection::requestAdd);
    connect(m_group, &QLineEdit::returnPressed, this, &DatabasesSection::requestAdd);
    connect(m_name, &QLineEdit::textChanged, this, &DatabasesSection::updateButtons);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelAddDatabaseButton"));
    connect(cancel, &QPushButton::clicked, this, &DatabasesSection::closeForm);

    auto *formLayout = new QFormLayout(m_form);
    formLayout->addRow(tr("File:"), m_file);
    formLayout->addRow(tr("&Name:"), m_name);
    formLayout->addRow(tr("&Group:"), m_group);
    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch(1);
    formButtons->addWidget(m_confirmAdd);
    formButtons->addWidget(cancel);
    formLayout->addRow(formButtons);
    m_form->hide();

    auto *hint = hintLabel(tr("Double-click a group (or press F2) to change it. Removing a database keeps its "
                              "backups."),
        this);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    layout->addLayout(buttons);
    layout->addWidget(m_form);
    updateButtons();
}

DatabasesSection::~DatabasesSection() = default;

void DatabasesSection::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void DatabasesSection::proposeFile(const QString &path)
{
    QStringList taken;
    for (const DatabaseEntry &db : m_model->databases())
        taken << db.name;
    m_pendingPath = QDir::cleanPath(path);
    m_file->setText(QDir::toNativeSeparators(m_pendingPath));
    m_name->setText(WorkspaceEditor::nameFor(m_pendingPath, taken));
    m_group->clear();
    m_form->show();
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
    updateButtons();
}

void DatabasesSection::finishAdd(bool added)
{
    if (added)
        closeForm();
}

QString DatabasesSection::selectedDatabase() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(DatabaseTableModel::NameRole).toString();
}

void DatabasesSection::chooseFile()
{
    // Non-modal and without a nested event loop; the answer arrives through fileSelected.
    auto *dialog = new QFileDialog(this, tr("Add a Database"));
    dialog->setObjectName(QStringLiteral("databaseFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({ tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3)"), tr("All files (*)") });
    connect(dialog, &QFileDialog::fileSelected, this, &DatabasesSection::proposeFile);
    dialog->open();
}

void DatabasesSection::confirmRemove()
{
    const QString name = selectedDatabase();
    if (name.isEmpty())
        return;
    Question question;
    question.title = tr("Remove Database");
    question.text = tr("Remove the database “%1” from the workspace?").arg(name);
    question.informative = tr("Coffer stops backing it up. Its backups stay in the repository, and the database file "
                              "is not touched. Its schedule and retention settings in the workspace file go with it; "
                              "the previous file is kept as a .bak next to it.");
    question.acceptText = tr("Remove Database");
    ask(this, question, [this, name](bool accepted) {
        if (accepted)
            Q_EMIT removeRequested(name);
    });
}

void DatabasesSection::requestAdd()
{
    if (!m_confirmAdd->isEnabled())
        return;
    DatabaseEntry database;
    database.name = m_name->text().trimmed();
    database.group = m_group->text().trimmed();
    database.path = m_pendingPath;
    Q_EMIT addRequested(database);
}

void DatabasesSection::closeForm()
{
    m_pendingPath.clear();
    m_name->clear();
    m_group->clear();
    m_form->hide();
    updateButtons();
}

void DatabasesSection::updateButtons()
{
    m_add->setEnabled(!m_busy);
    m_remove->setEnabled(!m_busy && !selectedDatabase().isEmpty());
    m_confirmAdd->setEnabled(!m_busy && !m_pendingPath.isEmpty() && !m_name->text().trimmed().isEmpty());
}

} // namespace coffer::ui
