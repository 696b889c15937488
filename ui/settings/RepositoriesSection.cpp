#include "settings/RepositoriesSection.h"

#include "settings/RepositoryTableModel.h"
#include "settings/SettingsWidgets.h"
#include "widgets/TextLabel.h"
#include "workspace/WorkspaceEditor.h"

#include <QCheckBox>
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

RepositoriesSection::RepositoriesSection(RepositoryTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_setDefault(new QPushButton(QIcon(QStringLiteral(":/icons/storage.svg")), tr("Set as &Default"), this))
    , m_policy(textLabel(this, QStringLiteral("policyLabel")))
    , m_name(new QLineEdit(this))
    , m_folder(new QLineEdit(this))
    , m_requireEncryption(new QCheckBox(tr("Require &encryption (refuse backups that are not encrypted)"), this))
    , m_addExisting(new QPushButton(QIcon(QStringLiteral(":/icons/folder.svg")), tr("Add E&xisting Folder"), this))
    , m_initialise(new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Initialise New"), this))
{
    m_table->setObjectName(QStringLiteral("repositoryTable"));
    m_table->setAccessibleName(tr("Repositories"));
    m_table->setModel(model);
    setUpSettingsTable(m_table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(RepositoryTableModel::Path, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RepositoryTableModel::State, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RepositoryTableModel::Encryption, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RepositoriesSection::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &RepositoriesSection::updateButtons);

    m_setDefault->setObjectName(QStringLiteral("defaultRepositoryButton"));
    m_setDefault->setAccessibleName(tr("Make the selected repository the default"));
    m_setDefault->setToolTip(tr("Backups go to the default repository"));
    connect(m_setDefault, &QPushButton::clicked, this, [this] {
        if (!selectedRepository().isEmpty())
            Q_EMIT defaultRequested(selectedRepository());
    });

    auto *form = new QGroupBox(tr("Add a repository"), this);
    m_name->setObjectName(QStringLiteral("repositoryName"));
    m_name->setAccessibleName(tr("Name of the repository to add"));
    m_folder->setObjectName(QStringLiteral("repositoryFolder"));
    m_folder->setAccessibleName(tr("Folder of the repository to add"));
    m_folder->setPlaceholderText(tr("a folder on a local disk, a network share or a removable drive"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseRepositoryButton"));
    browse->setAccessibleName(tr("Choose the repository folder"));
    connect(browse, &QPushButton::clicked, this, &RepositoriesSection::chooseFolder);
    m_requireEncryption->setObjectName(QStringLiteral("requireEncryption"));
    m_requireEncryption->setToolTip(
        tr("Applies to a repository initialised here; it is stored in its coffer-repo.json"));
    m_addExisting->setObjectName(QStringLiteral("addRepositoryButton"));
    m_addExisting->setAccessibleName(tr("Add an existing repository folder to the workspace"));
    m_initialise->setObjectName(QStringLiteral("initRepositoryButton"));
    m_initialise->setAccessibleName(tr("Initialise a new repository in an empty folder"));
    connect(m_addExisting, &QPushButton::clicked, this,
        [this] { Q_EMIT addExistingRequested(m_name->text().trimmed(), typedPath(m_folder->text())); });
    connect(m_initialise, &QPushButton::clicked, this, [this] {
        Q_EMIT initialiseRequested(
            m_name->text().trimmed(), typedPath(m_folder->text()), m_requireEncryption->isChecked());
    });
    connect(m_name, &QLineEdit::textChanged, this, &RepositoriesSection::updateButtons);
    connect(m_folder, &QLineEdit::textChanged, this, &RepositoriesSection::updateButtons);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(m_addExisting);
    formButtons->addWidget(m_initialise);
    formButtons->addStretch(1);
    auto *formLayout = new QFormLayout(form);
    formLayout->addRow(tr("&Name:"), m_name);
    formLayout->addRow(formLabel(tr("&Folder:"), m_folder, this), folderRow);
    formLayout->addRow(QString(), m_requireEncryption);
    formLayout->addRow(formButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_setDefault);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_policy);
    layout->addWidget(form);
    updateButtons();
}

RepositoriesSection::~RepositoriesSection() = default;

void RepositoriesSection::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void RepositoriesSection::setPolicy(const QString &text)
{
    m_policy->setText(text);
}

void RepositoriesSection::setFolder(const QString &folder)
{
    m_folder->setText(QDir::toNativeSeparators(QDir::cleanPath(folder)));
    if (m_name->text().trimmed().isEmpty()) {
        QStringList taken;
        for (const RepositoryEntry &repo : m_model->repositories())
            taken << repo.name;
        m_name->setText(WorkspaceEditor::nameFor(folder, taken));
    }
}

void RepositoriesSection::finishAdd(bool added)
{
    if (!added)
        return;
    m_name->clear();
    m_folder->clear();
    m_requireEncryption->setChecked(false);
}

QString RepositoriesSection::selectedRepository() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(RepositoryTableModel::NameRole).toString();
}

void RepositoriesSection::chooseFolder()
{
    auto *dialog = new QFileDialog(this, tr("Repository Folder"));
    dialog->setObjectName(QStringLiteral("repositoryFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, &RepositoriesSection::setFolder);
    dialog->open();
}

void RepositoriesSection::updateButtons()
{
    const bool formFilled = !m_name->text().trimmed().isEmpty() && !m_folder->text().trimmed().isEmpty();
    m_addExisting->setEnabled(!m_busy && formFilled);
    m_initialise->setEnabled(!m_busy && formFilled);
    m_setDefault->setEnabled(!m_busy && !selectedRepository().isEmpty());
}

} // namespace coffer::ui
