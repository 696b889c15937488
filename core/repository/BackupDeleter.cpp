#include "repository/BackupDeleter.h"

#include "common/FileUtil.h"
#include "common/TestHooks.h"
#include "repository/Catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cerrno>

namespace coffer {

namespace {

// Removes a file (a missing one is fine: a crash may have removed it already) and fsyncs its
// folder so the removal survives a power cut before the next step.
Result<void> removeDurably(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists() && !file.isSymLink())
        return {};
    if (!QFile::remove(path))
        return fail(ErrorCode::Io, QStringLiteral("Cannot delete %1; check the repository's permissions").arg(path));
    return fileutil::fsyncDirectory(file.absolutePath());
}

// Steps 3 to 6 of a deletion, shared by a running deletion and the recovery of one; the row goes
// together with the audit record `done`.
Result<void> removeFiles(Catalog &catalog, const QString &id, const QString &artifact, const QString &manifest,
    const QString &record, const AuditRecord &done)
{
    if (auto removed = removeDurably(artifact); !removed)
        return removed;
    if (auto hook = testhooks::point("delete-artifact-removed"); !hook)
        return hook;
    if (auto removed = removeDurably(manifest); !removed)
        return removed;
    if (auto hook = testhooks::point("delete-manifest-removed"); !hook)
        return hook;
    if (auto removed = catalog.removeBackup(id, done); !removed)
        return removed;
    if (auto hook = testhooks::point("delete-row-removed"); !hook)
        return hook;
    catalog.repository().removeEmptyFolders(QFileInfo(artifact).absolutePath());
    QFile::remove(record);
    return {};
}

// The storage history (core/storage/StorageHistory) reads a deleted backup's lifetime and sizes
// back from these words, so they stay stable: "created <ISO 8601 UTC>; plaintext <n> bytes".
QString lifetimeDetail(const Manifest &m)
{
    return QStringLiteral("created %1; plaintext %2 bytes")
        .arg(m.created.toUTC().toString(Qt::ISODateWithMs))
        .arg(m.plaintextSize);
}

QString deletionDetail(const QString &reason, const Manifest &m)
{
    return QStringLiteral("%1; %2 bytes freed; %3").arg(reason).arg(m.artifactSize).arg(lifetimeDetail(m));
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
        if (auto hook = testhooks::point("delete-intent-written"); !hook)
            return hook;
        if (auto marked = m_catalog.markDeleting(m.id); !marked) {
            QFile::remove(record); // nothing was touched: no deletion is owed
            return marked;
        }
        if (auto hook = testhooks::point("delete-marked"); !hook)
            return hook;
        return removeFiles(m_catalog, m.id, entry.artifactPath, entry.manifestPath, record,
            { .operation = operation,
                .target = m.database,
                .backupId = m.id,
                .outcome = QStringLiteral("ok"),
                .detail = deletionDetail(reason, m) });
    }();
    if (!done)
        m_catalog.audit({ .operation = operation,
            .target = m.database,
            .backupId = m.id,
            .outcome = QStringLiteral("failed"),
            .detail = QStringLiteral("%1; not deleted: %2").arg(reason, done.error().toString()) });
    return done;
}

int BackupDeleter::finishInterrupted(const Repository &repository)
{
    const QDir staging(repository.stagingDir());
    const QStringList records = staging.entryList({ QStringLiteral("*.deleting") }, QDir::Files);
    if (records.isEmpty())
        return 0;
    auto catalog = Catalog::open(repository);
    auto marked = catalog ? catalog->markedForDeletion() : std::unexpected(catalog.error());
    if (!marked)
        return 0; // the records stay; `repo check` reports the catalog
    static const QRegularExpression idPattern(QStringLiteral("^[0-9a-f]{32}$"));
    int finished = 0;
    for (const QString &name : records) {
        // What to delete comes from the catalog, never from the record: a record planted in
        // staging/ cannot name a file, only a backup whose deletion had begun.
        const QString record = staging.filePath(name);
        const QString id = QFileInfo(name).completeBaseName();
        auto indexed = idPattern.match(id).hasMatch() ? catalog->indexedManifest(id) : Result<QByteArray>();
        auto manifest
            = indexed && !indexed->isEmpty() ? Manifest::fromBytes(*indexed) : fail(ErrorCode::NotFound, QString());
        if (!manifest || !marked->contains(id)) {
            // No row: the deletion had got past its files. A row not marked: it had not begun.
            QFile::remove(record);
            continue;
        }
        QFile recordFile(record);
        const QJsonObject what = recordFile.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(recordFile.read(64 * 1024)).object()
            : QJsonObject();
        recordFile.close();
        const QString artifact = repository.artifactPath(*manifest);
        const QString manifestPath = repository.manifestPath(*manifest);
        AuditRecord audit{ .operation = what.value(QStringLiteral("operation")).toString(QStringLiteral("delete")),
            .target = manifest->database,
            .backupId = id,
            .outcome = QStringLiteral("ok"),
            .detail = QStringLiteral("%1; %2 bytes freed; finished after the deletion was interrupted")
                          .arg(what.value(QStringLiteral("reason")).toString())
                          .arg(manifest->artifactSize)
                + QStringLiteral("; ") + lifetimeDetail(*manifest) };
        auto done = repository.holds(artifact) && repository.holds(manifestPath)
            ? removeFiles(*catalog, id, artifact, manifestPath, record, audit)
            : fail(ErrorCode::InvalidArgument,
                QStringLiteral("its files resolve outside backups/ (a symbolic link); remove them by hand"));
        if (done) {
            ++finished;
            continue;
        }
        // The record stays, and so does the deletion owed.
        audit.outcome = QStringLiteral("failed");
        audit.detail = QStringLiteral("%1; the interrupted deletion could not be finished: %2")
                           .arg(what.value(QStringLiteral("reason")).toString(), done.error().toString());
        catalog->audit(audit);
    }
    return finished;
}

} // namespace coffer
