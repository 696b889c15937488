#include "catalog/BackupDetailsPane.h"

#include "catalog/BackupDetailsView.h"
#include "catalog/BackupTableModel.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace coffer::ui {

namespace {

struct Histories {
    QList<VerifyOutcome> verifications;
    QList<DrillOutcome> drills;
    std::optional<Error> drillsError; // the drills could not be read; the verifications still were
};

struct HistoryRead {
    quint64 generation = 0;
    Result<Histories> histories = Histories();
};

Result<Histories> readHistories(const QString &repositoryPath, const QString &backupId, const QString &database)
{
    auto repository = Repository::open(repositoryPath);
    if (!repository)
        return std::unexpected(repository.error());
    auto catalog = Catalog::open(*repository);
    if (!catalog)
        return std::unexpected(catalog.error());
    auto verifications = catalog->verifications(backupId);
    if (!verifications)
        return std::unexpected(verifications.error());
    Histories histories{ std::move(*verifications), {}, {} };
    // Drills are kept per database (they outlive their backups): this backup's are among its database's.
    auto drills = catalog->drills(database);
    if (!drills) {
        histories.drillsError = drills.error();
        return histories;
    }
    for (DrillOutcome &drill : *drills)
        if (drill.backupId == backupId)
            histories.drills << std::move(drill);
    return histories;
}

QPushButton *makeButton(const QString &name, const QString &text, const QString &icon, QWidget *parent)
{
    auto *button = new QPushButton(QIcon(icon), text, parent);
    button->setObjectName(name);
    button->setAccessibleName(text);
    return button;
}

} // namespace

BackupDetailsPane::BackupDetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_view(new BackupDetailsView(this))
    , m_path(new QLineEdit(this))
    , m_copy(makeButton(QStringLiteral("copyPathButton"), tr("Copy path"), QStringLiteral(":/icons/copy.svg"), this))
    , m_open(
          makeButton(QStringLiteral("openFolderButton"), tr("Open folder"), QStringLiteral(":/icons/folder.svg"), this))
    , m_pathRow(new QWidget(this))
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    setObjectName(QStringLiteral("backupDetailsPane"));
    m_pool.setMaxThreadCount(1);

    m_path->setObjectName(QStringLiteral("artifactPath"));
    m_path->setAccessibleName(tr("Artifact path"));
    m_path->setReadOnly(true);
    m_copy->setToolTip(tr("Copy the artifact's path to the clipboard"));
    m_open->setToolTip(tr("Open the folder that holds the artifact"));
    connect(m_copy, &QPushButton::clicked, this, &BackupDetailsPane::copyPath);
    connect(m_open, &QPushButton::clicked, this, &BackupDetailsPane::openFolder);

    auto *row = new QHBoxLayout(m_pathRow);
    row->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Artifact:"), m_pathRow);
    label->setBuddy(m_path);
    row->addWidget(label);
    row->addWidget(m_path, 1);
    row->addWidget(m_copy);
    row->addWidget(m_open);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_pathRow);
    layout->addWidget(m_view, 1);
    m_pathRow->hide();
}

BackupDetailsPane::~BackupDetailsPane()
{
    m_latest->store(0);
}

void BackupDetailsPane::showBackup(const BackupRow &row)
{
    m_view->showBackup(row);
    m_path->setText(QDir::toNativeSeparators(row.entry.artifactPath));
    m_path->setCursorPosition(0);
    m_pathRow->show();

    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    auto *watcher = new QFutureWatcher<HistoryRead>(this);
    connect(watcher, &QFutureWatcher<HistoryRead>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const HistoryRead read = watcher->result();
        if (read.generation != m_generation)
            return; // another backup was chosen meanwhile
        if (read.histories)
            m_view->showHistory(read.histories->verifications, read.histories->drills,
                read.histories->drillsError
                    ? tr("Cannot read the restore drills: %1").arg(read.histories->drillsError->toString())
                    : QString());
        else
            m_view->showHistoryError(
                tr("Cannot read the verification history: %1").arg(read.histories.error().toString()));
        Q_EMIT historyShown();
    });
    const std::shared_ptr<std::atomic<quint64>> latest = m_latest;
    watcher->setFuture(QtConcurrent::run(&m_pool,
        [latest, generation, path = row.repositoryPath, id = row.entry.manifest.id,
            database = row.entry.manifest.database] {
            HistoryRead read{ generation };
            if (latest->load() == generation) // scrolling through rows queues reads nobody waits for
                read.histories = readHistories(path, id, database);
            return read;
        }));
}

void BackupDetailsPane::showPlaceholder(const QString &text)
{
    ++m_generation;
    m_latest->store(m_generation);
    m_view->showPlaceholder(text);
    m_path->clear();
    m_pathRow->hide();
}

QString BackupDetailsPane::backupId() const
{
    return m_view->backupId();
}

void BackupDetailsPane::copyPath()
{
    QGuiApplication::clipboard()->setText(m_path->text());
}

void BackupDetailsPane::openFolder()
{
    QDesktopServices::openUrl(
        QUrl::fromLocalFile(QFileInfo(QDir::fromNativeSeparators(m_path->text())).absolutePath()));
}

} // namespace coffer::ui
