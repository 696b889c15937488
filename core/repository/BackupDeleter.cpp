#include "repository/BackupDeleter.h"

#include "common/FileUtil.h"
#include "common/TestHooks.h"
#include "repository/Catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>

namespace coffer {

namespace {

// Removes a file (a missing one is fine: a crash may have removed it already) and fsyncs its
// folder so the removal survives a power cut before the next step.
Result<void> removeDurably(const QString &path)
{
    if (!QFile::remove(path) && QFileInfo::exists(path))
        return fail(ErrorCode::Io, QStringLiteral("Cannot delete %1; check the repository's permissions").arg(path));
    return fileutil::fsyncDirectory(QFileInfo(path).absolutePath());
}

// Steps 3 to 6 of a deletion, shared by a running deletion and the recovery of one.
Result<void> removeFiles(
    Catalog &catalog, const QString &id, const QString &artifact, const QString &manifest, const QString &record)
{
    if (auto removed = removeDurably(artifact); !removed)
        return removed;
    if (auto hook = testhooks::point("delete-artifact-removed"); !hook)
        return hook;
    if (auto removed = removeDurably(manifest); !removed)
        return removed;
    if (auto hook = testhooks::point("delete-manifest-removed"); !hook)
        return hook;
    if (auto removed = catalog.removeBackup(id); !removed)
        return removed;
    if (auto hook = testhooks::point("delete-row-removed"); !hook)
        return hook;
    catalog.repository().removeEmptyFolders(QFileInfo(artifact).absolutePath());
    QFile::remove(record);
    return {};
}

} // namespace

BackupDeleter::BackupDeleter(Catalog &catalog)
    : m_catalog(catalog)
{
}

Result<void> BackupDeleter::remove(const CatalogEntry &entry, const QString &operation, const QString &reason)
{
    const Repository &repo = m_catalog.repository();
    const Manifest &m = entry.manifest;
    const QString record = repo.deletionRecordPath(m.id);
    auto done = [&]() -> Result<void> {
        const QJsonObject what{ { QStringLiteral("id"), m.id }, { QStringLiteral("database"), m.database },
            { QStringLiteral("operation"), operation }, { QStringLiteral("reason"), reason },
            { QStringLiteral("bytes"), m.artifactSize } };
        if (auto written = repo.writeIntent(record, entry.artifactPath, entry.manifestPath, what); !written)
            return written;
        if (auto marked = m_catalog.markDeleting(m.id); !marked) {
            QFile::remove(record); // nothing was touched: no deletion is owed
            return marked;
        }
        if (auto hook = testhooks::point("delete-marked"); !hook)
            return hook;
        return removeFiles(m_catalog, m.id, entry.artifactPath, entry.manifestPath, record);
    }();
    m_catalog.audit({ .operation = operation,
        .target = m.database,
        .backupId = m.id,
        .outcome = done ? QStringLiteral("ok") : QStringLiteral("failed"),
        .detail = done ? QStringLiteral("%1; %2 bytes freed").arg(reason).arg(m.artifactSize)
                       : QStringLiteral("%1; not deleted: %2").arg(reason, done.error().toString()) });
    return done;
}

int BackupDeleter::finishInterrupted(const Repository &repository)
{
    const QDir staging(repository.stagingDir());
    const QStringList records = staging.entryList({ QStringLiteral("*.deleting") }, QDir::Files);
    if (records.isEmpty())
        return 0;
    auto catalog = Catalog::open(repository);
    if (!catalog)
        return 0; // the staging clean-up leaves the records; `repo check` reports the catalog
    int finished = 0;
    for (const QString &name : records) {
        const QString record = staging.filePath(name);
        const auto intent = repository.readIntent(record);
        const QString id = intent ? intent->json.value(QStringLiteral("id")).toString() : QString();
        if (!intent || id.isEmpty()) {
            QFile::remove(record);
            continue;
        }
        const auto done = removeFiles(*catalog, id, intent->artifactPath, intent->manifestPath, record);
        catalog->audit({ .operation = intent->json.value(QStringLiteral("operation")).toString(),
            .target = intent->json.value(QStringLiteral("database")).toString(),
            .backupId = id,
            .outcome = done ? QStringLiteral("ok") : QStringLiteral("failed"),
            .detail = QStringLiteral("%1; finished after the deletion was interrupted%2")
                          .arg(intent->json.value(QStringLiteral("reason")).toString(),
                              done ? QString() : QStringLiteral(": ") + done.error().toString()) });
        if (done)
            ++finished;
    }
    return finished;
}

} // namespace coffer
