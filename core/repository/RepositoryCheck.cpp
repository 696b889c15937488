#include "repository/RepositoryCheck.h"

#include "common/SqliteDb.h"
#include "repository/Catalog.h"
#include "repository/RepoLock.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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

    QSet<QString> known;
    for (const CatalogEntry &entry : std::as_const(*entries)) {
        known << entry.manifestPath << entry.artifactPath;
        const QString name = QStringLiteral("%1 (%2)").arg(entry.manifest.shortId(), entry.manifest.database);
        if (!QFileInfo::exists(entry.manifestPath))
            report.problems << QStringLiteral("%1: manifest missing: %2").arg(name, repository.relative(entry.manifestPath));
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

    const int staged = int(QDir(repository.stagingDir()).entryList(QDir::Files | QDir::Hidden).size());
    if (staged > 0)
        report.notes << QStringLiteral("%1 work file(s) in staging/ (removed when no Coffer is working here)").arg(staged);
    for (const RepoLock::Holder &holder : RepoLock::holders(repository.locksDir()))
        report.notes << QStringLiteral("held by pid %1 on %2 (%3)").arg(holder.pid).arg(holder.host, holder.purpose);
    return report;
}

} // namespace coffer
