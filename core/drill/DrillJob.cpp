#include "drill/DrillJob.h"

#include "drill/BackupDrill.h"
#include "drill/DrillSelection.h"
#include "repository/RepoLock.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace coffer {

namespace {

// How long a drill waits for an exclusive holder of the repository (a prune, a delete).
constexpr int kLockWaitMs = 30000;

QString describe(const DrillOutcome &outcome)
{
    int smoke = 0;
    QStringList failed;
    for (const CheckResult &check : outcome.checks) {
        smoke += check.name == QStringLiteral("smoke_query") ? 1 : 0;
        if (!check.ok && !failed.contains(check.name))
            failed << check.name;
    }
    const QString queries
        = smoke == 0 ? QStringLiteral("no smoke queries") : QStringLiteral("%1 smoke queries").arg(smoke);
    if (failed.isEmpty())
        return QStringLiteral("RTO %1 ms; %2 checks passed (%3)")
            .arg(outcome.rtoMs)
            .arg(outcome.checks.size())
            .arg(queries);
    if (smoke == 0) // it may have stopped before them
        return QStringLiteral("RTO %1 ms; failed: %2").arg(outcome.rtoMs).arg(failed.join(QStringLiteral(", ")));
    return QStringLiteral("RTO %1 ms; failed: %2 (%3)")
        .arg(outcome.rtoMs)
        .arg(failed.join(QStringLiteral(", ")), queries);
}

} // namespace

DrillJob::DrillJob(DrillParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString DrillJob::title() const
{
    if (!m_params.ids.isEmpty())
        return tr("Restore drill of %n backup(s)", nullptr, int(m_params.ids.size()));
    return tr("Restore drill of %1").arg(m_params.databases.join(QStringLiteral(", ")));
}

Result<void> DrillJob::execute()
{
    if (m_params.sample < 1)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("A drill samples at least one backup per database (sample %1)").arg(m_params.sample));
    const QString scratchBase = m_params.scratchDirectory.isEmpty() ? QDir::tempPath() : m_params.scratchDirectory;
    if (!QFileInfo(scratchBase).isDir())
        return fail(ErrorCode::NotFound,
            QStringLiteral("The scratch folder %1 does not exist; create it or choose another one")
                .arg(QDir::toNativeSeparators(scratchBase)));
    // A drill killed mid-way (a crash, kill -9, a reboot with a persistent /tmp) left its plaintext
    // copy there; nothing else would ever remove it.
    BackupDrill::removeLeftovers(scratchBase);

    auto repo = Repository::open(m_params.repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto lock = RepoLock::acquire(repo->locksDir(), RepoLock::Kind::Shared, QStringLiteral("drill"), kLockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());
    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(catalog.error());

    // What to drill, in order; a database without a backup is an outcome of its own.
    QList<CatalogEntry> chosen;
    QStringList withoutBackup;
    if (!m_params.ids.isEmpty()) {
        QSet<QString> seen;
        for (const QString &id : m_params.ids) {
            auto entry = catalog->backup(id);
            if (!entry)
                return std::unexpected(entry.error());
            if (!seen.contains(entry->manifest.id)) // an id and its prefix are one backup
                chosen << *entry;
            seen.insert(entry->manifest.id);
        }
    } else {
        auto backups = catalog->backups();
        if (!backups)
            return std::unexpected(backups.error());
        const quint32 seed = m_params.seed ? *m_params.seed : QRandomGenerator::global()->generate();
        chosen = DrillSelection::choose(*backups, m_params.databases, m_params.sample, seed);
        for (const QString &database : m_params.databases) {
            const bool any = std::any_of(chosen.cbegin(), chosen.cend(),
                [&](const CatalogEntry &entry) { return entry.manifest.database == database; });
            if (!any && !withoutBackup.contains(database))
                withoutBackup << database;
        }
    }

    const ProgressFn progress = progressReporter();
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        if (cancelFlag().load())
            return fail(ErrorCode::Cancelled, QStringLiteral("Cancelled before drilling every backup"));
        const CatalogEntry &entry = chosen.at(i);
        const std::optional<DatabaseEntry> database = m_params.workspace.database(entry.manifest.database);
        BackupDrill::Options options;
        options.scratchDirectory = scratchBase;
        options.credentials = m_params.credentials;
        options.label = QStringLiteral("%1/%2 %3 %4")
                            .arg(i + 1)
                            .arg(chosen.size())
                            .arg(entry.manifest.database, entry.manifest.shortId());
        auto result = BackupDrill::run(
            entry, database ? database->smokeQueries : QList<SmokeQuery>{}, options, cancelFlag(), progress);
        if (!result)
            return std::unexpected(result.error());
        if (m_params.record) {
            // The drill's verification is a full one: the catalog's last verification says so.
            if (result->verification)
                if (auto recorded = catalog->recordVerification(*result->verification); !recorded)
                    return std::unexpected(recorded.error());
            if (auto recorded = catalog->recordDrill(result->drill); !recorded)
                return std::unexpected(recorded.error());
            catalog->audit({ .operation = QStringLiteral("drill"),
                .target = entry.manifest.database,
                .backupId = entry.manifest.id,
                .outcome = result->drill.ok() ? QStringLiteral("ok") : QStringLiteral("failed"),
                .detail = describe(result->drill) });
        }
        m_outcomes << result->drill;
    }
    // Not recorded: there was nothing to restore, and the drills table speaks of backups.
    for (const QString &database : std::as_const(withoutBackup)) {
        DrillOutcome missing;
        missing.database = database;
        missing.time = QDateTime::currentDateTimeUtc();
        missing.checks << CheckResult{ QStringLiteral("backup"), false,
            QStringLiteral("%1 has no backup in this repository to drill").arg(database) };
        m_outcomes << missing;
    }
    return {};
}

} // namespace coffer
