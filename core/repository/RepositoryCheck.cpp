#include "repository/RepositoryCheck.h"

#include "common/SqliteDb.h"
#include "repository/BackupDeleter.h"
#include "repository/Catalog.h"
#include "repository/RepoLock.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace coffer {

Result<RepositoryCheckReport> RepositoryCheck::run(const Repository &repository)
{
    RepositoryCheckReport report;
    {
        auto db = SqliteDb::open(repository.catalogPath(), SqliteDb::Mode::ReadOnly);
        if (!db)
            return std::unexpected(db.error());
        auto check = db->prepare(QStringLiteral("PRAGMA quick_check"));
        if (!check)
            return std::unexpected(check.error());
        while (true) {
            auto row = check->step();
            if (!row) {
                report.problems << QStringLiteral("catalog.db: %1").arg(row.error().toString());
                break;
            }
            if (!*row)
                break;
            if (check->text(0) != QStringLiteral("ok"))
                report.problems << QStringLiteral("catalog.db: %1").arg(check->text(0));
        }
    }

    auto catalog = Catalog::open(repository);
    if (!catalog)
        return std::unexpected(catalog.error());
    auto entries = catalog->backups();
    if (!entries)
        return std::unexpected(entries.error());
    report.backups = int(entries->size());
    auto chain = catalog->verifyAuditTrail();
    if (!chain)
        report.problems << QStringLiteral("audit trail: %1").arg(chain.error().toString());
    else if (!chain->ok)
        report.problems << QStringLiteral("audit trail: %1 ('coffer-cli audit verify' tells the same)").arg(chain->problem);

    auto marked = catalog->markedForDeletion();
    if (!marked)
        return std::unexpected(marked.error());
    // A backup whose deletion began is one problem, not also an unindexed manifest and orphans.
    QSet<QString> known;
    for (const QString &id : std::as_const(*marked)) {
        report.problems << QStringLiteral("backup %1 is being deleted, but the deletion was interrupted and is not "
                                          "finished (someone is working in the repository, or it failed); run "
                                          "'coffer-cli repo check --repair'")
                               .arg(id.left(8));
        if (auto bytes = catalog->indexedManifest(id); bytes) {
            if (auto manifest = Manifest::fromBytes(*bytes); manifest)
                known << repository.manifestPath(*manifest) << repository.artifactPath(*manifest);
        }
    }

    for (const CatalogEntry &entry : std::as_const(*entries)) {
        known << entry.manifestPath << entry.artifactPath;
        const QString name = QStringLiteral("%1 (%2)").arg(entry.manifest.shortId(), entry.manifest.database);
        QFile manifestFile(entry.manifestPath);
        if (!manifestFile.exists()) {
            report.problems << QStringLiteral("%1: manifest missing: %2").arg(name, repository.relative(entry.manifestPath));
        } else if (!manifestFile.open(QIODevice::ReadOnly)) {
            report.problems << QStringLiteral("%1: manifest cannot be read: %2").arg(name, manifestFile.errorString());
        } else if (auto indexed = catalog->indexedManifest(entry.manifest.id);
                   !indexed || *indexed != manifestFile.readAll()) {
            report.problems << QStringLiteral("%1: manifest %2 differs from the catalog's copy (edited or damaged since "
                                              "it was indexed); 'coffer-cli repo check --repair' reindexes it")
                                   .arg(name, repository.relative(entry.manifestPath));
        }
        const QFileInfo artifact(entry.artifactPath);
        if (!artifact.exists())
            report.problems << QStringLiteral("%1: artifact missing: %2").arg(name, repository.relative(entry.artifactPath));
        else if (artifact.size() != entry.manifest.artifactSize)
            report.problems << QStringLiteral("%1: artifact is %2 bytes, the manifest says %3")
                                   .arg(name)
                                   .arg(artifact.size())
                                   .arg(entry.manifest.artifactSize);
    }

    // Manifests first: a backup that is only missing from the catalog owns its artifact.
    QStringList others;
    QDirIterator it(repository.backupsDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (known.contains(path))
            continue;
        if (!path.endsWith(QLatin1String(Repository::kManifestSuffix))) {
            others << path;
            continue;
        }
        known << path;
        QFile file(path);
        auto manifest = file.open(QIODevice::ReadOnly) ? Manifest::fromBytes(file.readAll())
                                                        : fail(ErrorCode::Io, file.errorString());
        if (!manifest) {
            report.problems << QStringLiteral("%1: unreadable manifest: %2")
                                   .arg(repository.relative(path), manifest.error().toString());
            continue;
        }
        known << QFileInfo(path).absolutePath() + QLatin1Char('/') + manifest->artifactFile;
        report.problems << QStringLiteral("%1: backup %2 of %3 is not in the catalog; run 'coffer-cli repo reindex'")
                               .arg(repository.relative(path), manifest->shortId(), manifest->database);
    }
    for (const QString &path : std::as_const(others)) {
        if (!known.contains(path))
            report.problems << QStringLiteral("%1: file without a manifest (an orphaned or foreign file)")
                                   .arg(repository.relative(path));
    }

    const QList<RepoLock::Holder> holders = RepoLock::holders(repository.locksDir());
    for (const RepoLock::Holder &holder : holders)
        report.notes << QStringLiteral("in use: %1").arg(RepoLock::describe(holder));
    const QStringList staged = QDir(repository.stagingDir()).entryList(QDir::Files | QDir::Hidden);
    const QStringList deletions = staged.filter(QRegularExpression(QStringLiteral("\\.deleting$")));
    if (marked->isEmpty() && !deletions.isEmpty())
        report.problems << QStringLiteral("%1 record(s) of interrupted deletions in staging/; run 'coffer-cli repo "
                                          "check --repair'")
                               .arg(deletions.size());
    const qsizetype work = staged.size() - deletions.size();
    if (work > 0 && !holders.isEmpty())
        report.notes << QStringLiteral("%1 work file(s) in staging/ belong to the operation in progress").arg(work);
    else if (work > 0)
        report.problems << QStringLiteral("%1 orphaned work file(s) in staging/ that could not be removed").arg(work);
    return report;
}

Result<RepositoryRepairReport> RepositoryCheck::repair(const Repository &repository, int lockWaitMs)
{
    auto lock = RepoLock::acquire(repository.locksDir(), RepoLock::Kind::Exclusive, QStringLiteral("repair"), lockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());
    RepositoryRepairReport report;
    const Repository::StagingRecovery recovery = repository.recoverStaging();
    report.deletionsFinished = recovery.deletionsFinished;
    report.stagingFilesRemoved = recovery.filesRemoved;
    auto catalog = Catalog::open(repository);
    if (!catalog)
        return std::unexpected(catalog.error());
    auto rebuilt = catalog->rebuild();
    if (!rebuilt)
        return std::unexpected(rebuilt.error());
    report.indexed = rebuilt->indexed;
    report.reindexProblems = rebuilt->problems;
    catalog->audit({ .operation = QStringLiteral("repair"),
        .target = repository.root(),
        .outcome = rebuilt->problems.isEmpty() ? QStringLiteral("ok") : QStringLiteral("problems"),
        .detail = QStringLiteral("%1 interrupted deletion(s) finished, %2 staging file(s) removed, %3 backup(s) "
                                 "reindexed, %4 problem(s)")
                      .arg(report.deletionsFinished)
                      .arg(report.stagingFilesRemoved)
                      .arg(report.indexed)
                      .arg(rebuilt->problems.size()) });
    return report;
}

} // namespace coffer
