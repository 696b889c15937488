#include "verify/VerifyJob.h"

#include "repository/RepoLock.h"

#include <QHash>

namespace coffer {

VerifyJob::VerifyJob(VerifyParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString VerifyJob::title() const
{
    return m_params.all ? tr("Verify all backups (%1)").arg(levelName(m_params.level))
                        : tr("Verify %n backup(s) (%1)", nullptr, int(m_params.ids.size())).arg(levelName(m_params.level));
}

Result<void> VerifyJob::execute()
{
    auto outcomes = verifyAll(m_params, cancelFlag(), progressReporter());
    if (!outcomes)
        return std::unexpected(outcomes.error());
    m_outcomes = *outcomes;
    return {};
}

Result<QList<VerifyOutcome>> VerifyJob::verifyAll(const VerifyParams &params, const CancelFlag &cancel,
                                                  const ProgressFn &progress)
{
    auto repo = Repository::open(params.repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto lock
        = RepoLock::acquire(repo->locksDir(), RepoLock::Kind::Shared, QStringLiteral("verify"), params.lockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());
    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(catalog.error());
    auto everything = catalog->backups();
    if (!everything)
        return std::unexpected(everything.error());

    QList<CatalogEntry> selected;
    if (params.all) {
        for (const CatalogEntry &entry : std::as_const(*everything))
            if (params.database.isEmpty() || entry.manifest.database == params.database)
                selected << entry;
    } else {
        for (const QString &id : params.ids) {
            auto entry = catalog->backup(id);
            if (!entry)
                return std::unexpected(entry.error());
            selected << *entry;
        }
    }

    // Newest backup of each database, for the freshness rule (the list is newest first).
    QHash<QString, QString> newest;
    for (const CatalogEntry &entry : std::as_const(*everything))
        if (!newest.contains(entry.manifest.database))
            newest.insert(entry.manifest.database, entry.manifest.id);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    QList<VerifyOutcome> outcomes;
    for (const CatalogEntry &entry : std::as_const(selected)) {
        auto outcome = Verifier::verify(entry, params.level, cancel, progress, params.credentials);
        if (!outcome)
            return std::unexpected(outcome.error());
        if (params.minSize) {
            const bool ok = entry.manifest.artifactSize >= *params.minSize;
            outcome->checks << CheckResult{QStringLiteral("min_size"), ok,
                                           QStringLiteral("artifact is %1 bytes; minimum %2")
                                               .arg(entry.manifest.artifactSize)
                                               .arg(*params.minSize)};
        }
        if (params.maxAgeHours && newest.value(entry.manifest.database) == entry.manifest.id) {
            const double ageHours = double(entry.manifest.created.msecsTo(now)) / 3600000.0;
            outcome->checks << CheckResult{QStringLiteral("max_age"), ageHours <= *params.maxAgeHours,
                                           QStringLiteral("newest backup of %1 is %2 hours old; maximum %3")
                                               .arg(entry.manifest.database)
                                               .arg(ageHours, 0, 'f', 1)
                                               .arg(*params.maxAgeHours)};
        }
        if (params.record) {
            if (auto recorded = catalog->recordVerification(*outcome); !recorded)
                return std::unexpected(recorded.error());
            catalog->audit({.operation = QStringLiteral("verify"),
                            .target = entry.manifest.database,
                            .backupId = entry.manifest.id,
                            .outcome = outcome->ok() ? QStringLiteral("ok") : QStringLiteral("failed"),
                            .detail = QStringLiteral("%1 verification").arg(outcome->level)});
        }
        outcomes << *outcome;
    }

    // A protected database with no backup at all is as stale as it gets.
    if (params.maxAgeHours) {
        for (const QString &database : params.expectedDatabases) {
            if (newest.contains(database) || (!params.database.isEmpty() && database != params.database))
                continue;
            VerifyOutcome missing;
            missing.database = database;
            missing.level = levelName(params.level);
            missing.time = now;
            missing.checks << CheckResult{QStringLiteral("max_age"), false,
                                          QStringLiteral("%1 has no backup in this repository").arg(database)};
            outcomes << missing;
        }
    }
    return outcomes;
}

} // namespace coffer
