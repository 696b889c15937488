#include "restore/RestoreBackupPage.h"

#include "CatalogScan.h"
#include "DisplayFormat.h"
#include "Session.h"
#include "UiResources.h"
#include "repository/Catalog.h"
#include "restore/RestoreBackupListModel.h"
#include "restore/RestoreState.h"
#include "restore/TableDiffModel.h"
#include "widgets/MessageBar.h"
#include "widgets/ReadOnlyTable.h"
#include "widgets/TextLabel.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

namespace coffer::ui {

namespace {

QTableView *createTable(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *table = readOnlyTable(parent, objectName, accessibleName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

QString encryptionText(const Manifest &m)
{
    if (!DisplayFormat::isEncrypted(m))
        return RestoreBackupPage::tr("not encrypted");
    return RestoreBackupPage::tr("encrypted (%1)").arg(m.encryptionScheme);
}

QString compressionText(const Manifest &m)
{
    if (m.compression == QStringLiteral("none"))
        return RestoreBackupPage::tr("not compressed");
    return QStringLiteral("%1 %2").arg(m.compression).arg(m.compressionLevel);
}

} // namespace

RestoreBackupPage::RestoreBackupPage(RestoreState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_backups(new RestoreBackupListModel(this))
    , m_contents(new TableDiffModel(this))
    , m_messageBar(new MessageBar(this))
    , m_databases(new QComboBox(this))
    , m_latestVerified(new QPushButton(tr("Latest &verified"), this))
    , m_note(new QLabel(this))
    , m_views(new QStackedWidget(this))
    , m_table(createTable(this, QStringLiteral("backupTable"), tr("Backups")))
    , m_emptyState(new QLabel(this))
    , m_busy(new QWidget(this))
    , m_summary(textLabel(this, QStringLiteral("backupSummaryLabel")))
    , m_contentsTable(createTable(this, QStringLiteral("contentsTable"), tr("Tables in the backup")))
{
    initResources();
    setObjectName(QStringLiteral("restoreBackupPage"));
    setTitle(tr("Backup"));
    setSubTitle(tr("Choose the database, then the backup to restore. “Latest verified” picks the newest backup "
                   "whose last verification passed."));

    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageBar->hide();

    m_databases->setObjectName(QStringLiteral("databaseCombo"));
    m_databases->setAccessibleName(tr("Database"));
    m_databases->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_databases->setMinimumContentsLength(16);
    auto *databaseLabel = new QLabel(tr("&Database:"), this);
    databaseLabel->setBuddy(m_databases);
    m_latestVerified->setObjectName(QStringLiteral("latestVerifiedButton"));
    m_latestVerified->setAccessibleName(tr("Select the latest verified backup"));
    m_latestVerified->setToolTip(tr("Select the newest backup of this database whose last verification passed"));
    m_latestVerified->setIcon(QIcon(QStringLiteral(":/icons/verify.svg")));
    m_latestVerified->setAutoDefault(false);
    auto *chooser = new QHBoxLayout;
    chooser->addWidget(databaseLabel);
    chooser->addWidget(m_databases);
    chooser->addStretch(1);
    chooser->addWidget(m_latestVerified);

    m_note->setObjectName(QStringLiteral("noteLabel"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_note->hide();

    m_table->setModel(m_backups);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setTextFormat(Qt::PlainText);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setStyleSheet(QStringLiteral("color: #6b7280; font-size: 11pt;"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    auto *busyBar = new QProgressBar(m_busy);
    busyBar->setRange(0, 0); // indeterminate
    busyBar->setTextVisible(false);
    busyBar->setFixedWidth(80);
    busyBar->setAccessibleName(tr("Reading the catalogs"));
    auto *busyLayout = new QHBoxLayout(m_busy);
    busyLayout->addStretch(1);
    busyLayout->addWidget(busyBar);
    busyLayout->addWidget(new QLabel(tr("Reading the catalogs…"), m_busy));
    busyLayout->addStretch(1);
    m_views->addWidget(m_table);
    m_views->addWidget(m_emptyState);
    m_views->addWidget(m_busy);

    m_contentsTable->setModel(m_contents);
    m_contentsTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_contentsTable->setColumnHidden(TableDiffModel::Now, true);
    m_contentsTable->setColumnHidden(TableDiffModel::Change, true);
    m_contentsTable->horizontalHeader()->setStretchLastSection(false);
    m_contentsTable->horizontalHeader()->setSectionResizeMode(TableDiffModel::Table, QHeaderView::Stretch);
    m_contentsTable->setFocusPolicy(Qt::NoFocus); // it shows; nothing in it to choose
    auto *contentsBox = new QGroupBox(tr("What the backup contains"), this);
    auto *contentsLayout = new QVBoxLayout(contentsBox);
    contentsLayout->addWidget(m_summary);
    contentsLayout->addWidget(m_contentsTable, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addLayout(chooser);
    layout->addWidget(m_note);
    layout->addWidget(m_views, 3);
    layout->addWidget(contentsBox, 2);
    setTabOrder(m_databases, m_latestVerified);
    setTabOrder(m_latestVerified, m_table);

    connect(m_databases, &QComboBox::currentIndexChanged, this, [this] {
        setNote({});
        showDatabase(m_databases->currentData().toString());
    });
    connect(m_latestVerified, &QPushButton::clicked, this, [this] {
        selectRow(m_backups->latestVerifiedRow());
        m_table->setFocus(Qt::OtherFocusReason);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &RestoreBackupPage::onSelectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (wizard() && isComplete())
            wizard()->next();
    });
    connect(m_state, &RestoreState::backupChanged, this, [this] {
        showContents();
        Q_EMIT completeChanged();
    });
    connect(m_state->session(), &Session::workspaceChanged, this, &RestoreBackupPage::reload);

    showContents();
    reload();
}

// m_load's destructor waits for a load still running; the load touches no member.
RestoreBackupPage::~RestoreBackupPage() = default;

bool RestoreBackupPage::isComplete() const
{
    return m_state->backup().has_value();
}

void RestoreBackupPage::reload()
{
    if (m_state->restoreJob())
        return; // once a restore started, its backup is what it is: a reload must not change the choice
    Session *session = m_state->session();
    if (session->isLoading() && !session->workspace()) {
        updateViews(); // the workspace itself is still being read: workspaceChanged() follows
        return;
    }
    m_load.start([workspace = session->workspace(),
                     extra = m_state->request().repositoryPath] { return read(workspace, extra); },
        [this](const Load &load) { onLoaded(load); });
    updateViews();
}

RestoreBackupPage::Load RestoreBackupPage::read(
    const std::optional<Workspace> &workspace, const QString &extraRepository)
{
    Load load;
    const auto collect = [&load](const RepositoryEntry &repository, Catalog &catalog) -> Result<void> {
        auto backups = catalog.backups();
        if (!backups)
            return std::unexpected(backups.error());
        for (CatalogEntry &backup : *backups)
            load.rows << BackupRow{ repository.name, repository.path, std::move(backup) };
        return {};
    };
    bool extraListed = extraRepository.isEmpty();
    if (workspace) {
        load.problems = CatalogScan::forEach(*workspace, collect);
        for (const RepositoryEntry &repository : workspace->repositories())
            extraListed = extraListed || QDir::cleanPath(repository.path) == QDir::cleanPath(extraRepository);
    }
    if (!extraListed) {
        // The catalog asked for a repository the workspace does not list (any more): read it too.
        const RepositoryEntry entry{ QFileInfo(extraRepository).fileName(), QDir::cleanPath(extraRepository) };
        load.problems << CatalogScan::forEach(QList<RepositoryEntry>{ entry }, collect);
    }
    std::stable_sort(load.rows.begin(), load.rows.end(),
        [](const BackupRow &a, const BackupRow &b) { return a.entry.manifest.created > b.entry.manifest.created; });
    return load;
}

void RestoreBackupPage::onLoaded(const Load &load)
{
    m_all = load.rows;
    m_loadedOnce = true;

    QStringList problems;
    const Session *session = m_state->session();
    if (const auto workspaceProblem
        = CatalogScan::workspaceProblem(session->workspacePath(), session->workspaceError()))
        problems << *workspaceProblem;
    if (!load.problems.isEmpty())
        problems << CatalogScan::describe(load.problems);

    // The workspace's databases in its order, then any other database that has backups.
    QStringList names;
    if (const std::optional<Workspace> &workspace = session->workspace())
        for (const DatabaseEntry &database : workspace->databases())
            names << database.name;
    QStringList others;
    for (const BackupRow &row : std::as_const(m_all))
        if (!names.contains(row.entry.manifest.database) && !others.contains(row.entry.manifest.database))
            others << row.entry.manifest.database;
    const QCollator collator = BackupTableModel::nameCollator();
    std::sort(
        others.begin(), others.end(), [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    names << others;

    QString selectId;
    QString selectRepository;
    const QString &requestId = m_state->request().backupId;
    QString database = initialDatabase(&selectId, &selectRepository);
    if (!m_requestApplied && !requestId.isEmpty() && selectId.isEmpty())
        problems << (m_state->request().repositoryPath.isEmpty()
                ? tr("The backup %1 is in no repository of the workspace.").arg(requestId)
                : tr("The backup %1 is not in the catalog of %2.")
                      .arg(requestId, QDir::toNativeSeparators(m_state->request().repositoryPath)));
    if (!database.isEmpty() && !names.contains(database))
        names << database;
    if (database.isEmpty() && !names.isEmpty())
        database = names.constFirst();

    {
        const QSignalBlocker blocker(m_databases);
        m_databases->clear();
        for (const QString &name : std::as_const(names))
            m_databases->addItem(name, name);
        m_databases->setCurrentIndex(int(names.indexOf(database)));
    }
    const bool applyLatest = !m_requestApplied && requestId.isEmpty() && !m_state->request().database.isEmpty()
        && database == m_state->request().database && !m_state->backup();
    m_requestApplied = true;
    showDatabase(database, selectId, selectRepository);
    if (applyLatest)
        preselectLatest();

    if (problems.isEmpty())
        m_messageBar->hideMessage();
    else
        // Other repositories may still be listed: then the page is useful, and it is a warning.
        m_messageBar->showMessage(
            problems.join(QLatin1Char('\n')), m_all.isEmpty() ? MessageBar::Type::Error : MessageBar::Type::Warning);
    Q_EMIT loaded();
}

QString RestoreBackupPage::initialDatabase(QString *backupId, QString *repositoryPath) const
{
    const RestoreRequest &request = m_state->request();
    const auto find = [this](const QString &id, const QString &repository) -> const BackupRow * {
        const QString clean = repository.isEmpty() ? QString() : QDir::cleanPath(repository);
        for (const BackupRow &row : m_all)
            if (row.entry.manifest.id == id && (clean.isEmpty() || QDir::cleanPath(row.repositoryPath) == clean))
                return &row;
        return nullptr;
    };
    // The user's choice (a reload) first, then what the wizard was opened for.
    if (m_state->backup())
        if (const BackupRow *row = find(m_state->backup()->manifest.id, m_state->repositoryPath())) {
            *backupId = row->entry.manifest.id;
            *repositoryPath = row->repositoryPath;
            return row->entry.manifest.database;
        }
    if (!m_requestApplied && !request.backupId.isEmpty())
        if (const BackupRow *row = find(request.backupId, request.repositoryPath)) {
            *backupId = row->entry.manifest.id;
            *repositoryPath = row->repositoryPath;
            return row->entry.manifest.database;
        }
    if (m_databases->currentIndex() >= 0)
        return m_databases->currentData().toString();
    if (!request.database.isEmpty())
        return request.database;
    // Nothing asked for: the first database that has backups.
    return m_all.isEmpty() ? QString() : m_all.constFirst().entry.manifest.database;
}

void RestoreBackupPage::showDatabase(const QString &database, const QString &selectId, const QString &selectRepository)
{
    QList<BackupRow> rows;
    for (const BackupRow &row : std::as_const(m_all))
        if (row.entry.manifest.database == database)
            rows << row;
    m_backups->setBackups(rows);
    const int row = selectId.isEmpty() ? -1 : m_backups->rowOf(selectId, selectRepository);
    if (row >= 0)
        selectRow(row);
    else
        m_state->clearBackup(); // the model's reset dropped the selection without a signal
    m_latestVerified->setEnabled(m_backups->latestVerifiedRow() >= 0);
    updateViews();
}

void RestoreBackupPage::preselectLatest()
{
    const QString database = m_databases->currentData().toString();
    if (const int verified = m_backups->latestVerifiedRow(); verified >= 0) {
        selectRow(verified);
        return;
    }
    const int unverified = m_backups->latestNotFailedRow();
    if (unverified < 0) {
        if (m_backups->rowCount() > 0)
            setNote(tr("Every backup of “%1” failed its last verification: none is selected. Choose one only if you "
                       "know why it failed.")
                        .arg(database));
        return;
    }
    selectRow(unverified);
    m_noteFor = m_backups->backupAt(unverified)->entry.manifest.id;
    setNote(tr("No backup of “%1” has passed a verification yet: the newest one not known to be bad is selected, "
               "and it is unverified. The preflight verifies it fully before anything is changed.")
                .arg(database));
}

void RestoreBackupPage::selectRow(int row)
{
    if (row < 0 || row >= m_backups->rowCount())
        return;
    const QModelIndex index = m_backups->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void RestoreBackupPage::onSelectionChanged()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const BackupRow *row = selected.size() == 1 ? m_backups->backupAt(selected.constFirst().row()) : nullptr;
    if (!row) {
        m_state->clearBackup();
        setNote({});
        return;
    }
    if (row->entry.manifest.id != m_noteFor)
        setNote({});
    m_state->setBackup(row->repositoryPath, row->entry);
}

void RestoreBackupPage::setNote(const QString &text)
{
    if (text.isEmpty())
        m_noteFor.clear();
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void RestoreBackupPage::showContents()
{
    const std::optional<CatalogEntry> &backup = m_state->backup();
    if (!backup) {
        m_contents->clear();
        m_summary->setText(tr("No backup chosen yet."));
        return;
    }
    const Manifest &m = backup->manifest;
    m_contents->setCounts(m.rowCounts);
    // The repository by its name in the workspace; the folder is in the tooltip.
    const QString path = QDir::cleanPath(m_state->repositoryPath());
    QString repository = QDir::toNativeSeparators(path);
    for (const BackupRow &row : std::as_const(m_all))
        if (row.entry.manifest.id == m.id && QDir::cleanPath(row.repositoryPath) == path) {
            repository = tr("repository “%1”").arg(row.repository);
            break;
        }
    m_summary->setToolTip(QDir::toNativeSeparators(path));
    m_summary->setText(
        tr("Backup %1 of “%2”: database %3, %n table(s), %4, %5, created %6 (%7 ago), in %8.", nullptr,
            int(m.tableCount))
            .arg(m.shortId(), m.database, DisplayFormat::size(m.plaintextSize), compressionText(m), encryptionText(m),
                DisplayFormat::localTime(m.created), DisplayFormat::age(m.created), repository));
}

void RestoreBackupPage::updateViews()
{
    if (!m_loadedOnce && (m_load.isLoading() || m_state->session()->isLoading())) {
        m_views->setCurrentWidget(m_busy);
        return;
    }
    if (m_backups->rowCount() > 0) {
        m_views->setCurrentWidget(m_table);
        return;
    }
    if (m_all.isEmpty())
        m_emptyState->setText(tr("There is nothing to restore: no repository of the workspace holds a backup yet."));
    else
        m_emptyState->setText(
            tr("There is no backup of “%1” to restore. Choose another database.").arg(m_databases->currentText()));
    m_views->setCurrentWidget(m_emptyState);
}

} // namespace coffer::ui
