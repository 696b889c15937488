#include "catalog/CatalogLoader.h"

#include "repository/Catalog.h"
#include "repository/Repository.h"
#include "workspace/Workspace.h"

#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace coffer::ui {

namespace {

// The distinct non-empty values of one manifest field among `rows`, in the order people read them.
QStringList distinct(const QList<BackupRow> &rows, QString Manifest::*field)
{
    QSet<QString> seen;
    for (const BackupRow &row : rows)
        if (const QString &value = row.entry.manifest.*field; !value.isEmpty())
            seen.insert(value);
    QStringList values(seen.cbegin(), seen.cend());
    const QCollator collator = BackupTableModel::nameCollator();
    std::sort(values.begin(), values.end(),
        [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    return values;
}

// One copy of each text that many backups repeat.
class TextPool final
{
public:
    void share(QString &text)
    {
        if (text.isEmpty())
            return;
        if (const auto it = m_texts.constFind(text); it != m_texts.cend())
            text = *it;
        else
            m_texts.insert(text);
    }
    void share(QStringList &texts)
    {
        for (QString &text : texts)
            share(text);
    }

private:
    QSet<QString> m_texts;
};

// The backups of a database repeat most of their manifest: engine, versions, host, source, the
// schema hash while the schema stays. Parsed, every manifest has its own copies; sharing them
// saves some 50 MB at 100,000 backups, and copying a row (selectedRows() hands out copies)
// touches a few allocations instead of some thirty.
void shareRepeatedTexts(QList<BackupRow> &rows)
{
    TextPool pool;
    for (BackupRow &row : rows) {
        Manifest &m = row.entry.manifest;
        for (QString *text :
            { &m.database, &m.group, &m.sourcePath, &m.engine, &m.sqliteVersion, &m.trigger, &m.schemaHash,
                &m.plaintextSha256, &m.compression, &m.encryptionScheme, &m.host, &m.user, &m.cofferVersion })
            pool.share(*text);
        pool.share(m.tags);
        pool.share(m.encryptionRecipients);
        if (row.entry.lastVerification) {
            pool.share(row.entry.lastVerification->database);
            pool.share(row.entry.lastVerification->level);
        }
        if (row.entry.lastDrill)
            pool.share(row.entry.lastDrill->database);
    }
}

} // namespace

CatalogLoader::CatalogLoader(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_pool.setMaxThreadCount(1);
}

// QThreadPool's destructor waits for a load still running; it touches no member of ours.
CatalogLoader::~CatalogLoader() = default;

void CatalogLoader::load(const QString &workspacePath)
{
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    m_loading = true;

    auto *watcher = new QFutureWatcher<CatalogLoadResult>(this);
    connect(watcher, &QFutureWatcher<CatalogLoadResult>::finished, this, [this, watcher] { onFinished(watcher); });
    const std::shared_ptr<std::atomic<quint64>> latest = m_latest;
    watcher->setFuture(QtConcurrent::run(&m_pool, [workspacePath, generation, latest] {
        return loadNow(workspacePath, generation, [latest, generation] { return latest->load() != generation; });
    }));
}

void CatalogLoader::onFinished(QFutureWatcher<CatalogLoadResult> *watcher)
{
    watcher->deleteLater();
    const CatalogLoadResult result = watcher->result();
    if (result.generation != m_generation)
        return;
    m_loading = false;
    Q_EMIT loaded(result);
}

CatalogLoadResult CatalogLoader::loadNow(
    const QString &workspacePath, quint64 generation, const std::function<bool()> &isStale)
{
    CatalogLoadResult result;
    result.generation = generation;
    result.workspacePath = workspacePath;

    auto workspace = Workspace::load(workspacePath);
    if (!workspace) {
        result.workspaceError = workspace.error();
        return result;
    }
    result.repositoryCount = int(workspace->repositories().size());
    for (const RepositoryEntry &entry : workspace->repositories()) {
        if (isStale && isStale())
            return result;
        auto problem = [&](const Error &error) {
            result.problems << RepositoryProblem{ entry.name, entry.path, error };
        };
        auto repository = Repository::open(entry.path);
        if (!repository) {
            problem(repository.error());
            continue;
        }
        auto catalog = Catalog::open(*repository);
        if (!catalog) {
            problem(catalog.error());
            continue;
        }
        auto backups = catalog->backups();
        if (!backups) {
            problem(backups.error());
            continue;
        }
        ++result.readableRepositoryCount;
        result.rows.reserve(result.rows.size() + backups->size());
        for (CatalogEntry &backup : *backups) // moved: 100,000 entries are worth not copying
            result.rows << BackupRow{ entry.name, entry.path, std::move(backup) };
    }
    // Each catalog lists newest first: only several repositories need a sort (of big records).
    const auto newerFirst
        = [](const BackupRow &a, const BackupRow &b) { return a.entry.manifest.created > b.entry.manifest.created; };
    if (!std::is_sorted(result.rows.cbegin(), result.rows.cend(), newerFirst))
        std::stable_sort(result.rows.begin(), result.rows.end(), newerFirst);
    if (isStale && isStale())
        return result;
    shareRepeatedTexts(result.rows);
    result.keys = BackupTableModel::keysFor(result.rows);
    result.databases = distinct(result.rows, &Manifest::database);
    result.groups = distinct(result.rows, &Manifest::group);
    result.triggers = distinct(result.rows, &Manifest::trigger);
    return result;
}

} // namespace coffer::ui
