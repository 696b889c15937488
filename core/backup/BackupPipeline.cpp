#include "backup/BackupPipeline.h"

#include "backup/DatabaseInspector.h"
#include "backup/Snapshot.h"
#include "common/FileCleanup.h"
#include "common/FileUtil.h"
#include "common/PrivateFile.h"
#include "common/Sha256.h"
#include "common/TestHooks.h"
#include "crypto/CfrFormat.h"
#include "crypto/Encryptor.h"
#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "repository/Repository.h"
#include "verify/ArtifactReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QThread>
#include <QRegularExpression>
#include <QUuid>
#include <QtConcurrent>

namespace coffer {

namespace {

constexpr qint64 kChunk = 1 << 20;

Result<void> cancelled(const CancelFlag &cancel)
{
    if (cancel.load())
        return fail(ErrorCode::Cancelled, QStringLiteral("The backup was cancelled"));
    return {};
}

// The staged artifact: a private file whose bytes are hashed on their way to disk.
class ArtifactWriter final
{
public:
    Result<void> open(const QString &path) { return m_file.create(path, QStringLiteral("the artifact")); }
    Result<void> write(const char *data, qsizetype size)
    {
        m_hash.add(data, size);
        return m_file.write(data, size);
    }
    Result<void> close() { return m_file.close(); }
    qint64 size() const { return m_file.size(); }
    QString sha256() { return m_hash.hexDigest(); }

private:
    PrivateFile m_file;
    Sha256 m_hash;
};

// The snapshot's SHA-256 ahead of the streaming pass: an encrypted artifact's header, which
// is written first, holds it.
Result<QString> hashFile(const QString &path, const CancelFlag &cancel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Reading the snapshot failed"), file.errorString());
    Sha256 hash;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    for (;;) {
        if (auto ok = cancelled(cancel); !ok)
            return std::unexpected(ok.error());
        const qint64 n = file.read(buffer.data(), kChunk);
        if (n < 0)
            return fail(ErrorCode::Io, QStringLiteral("Reading the snapshot failed"), file.errorString());
        if (n == 0)
            return hash.hexDigest();
        hash.add(buffer.constData(), n);
    }
}

qint64 sourceBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

} // namespace

Result<BackupResult> BackupPipeline::run(
    const BackupParams &params, const CancelFlag &cancel, const ProgressFn &progress)
{
    QElapsedTimer timer;
    timer.start();
    if (auto ok = checkLevel(params.codec, params.level); !ok)
        return std::unexpected(ok.error());
    const QString source = QFileInfo(params.sourcePath).absoluteFilePath();
    if (auto ok = snapshot::checkSource(source); !ok)
        return std::unexpected(ok.error());

    auto repo = Repository::open(params.repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    const bool encrypt = !params.encryption.isEmpty();
    if (repo->requireEncryption() && !encrypt)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("This repository requires encrypted backups: encrypt with a passphrase or to recipients' "
                           "public keys"),
            repo->root());
    if (!QFileInfo(repo->stagingDir()).isWritable())
        return fail(ErrorCode::PermissionDenied,
            QStringLiteral("The repository cannot be written to; check the owner and mode of its folder"),
            repo->stagingDir());
    // The snapshot must fit; the artifact's size is unknown until it is compressed, and a disk
    // that fills up while writing it fails cleanly like any other write error.
    const qint64 needed = sourceBytes(source) + (1 << 20);
    const qint64 available = fileutil::freeBytes(repo->stagingDir());
    if (available >= 0 && available < needed)
        return fail(ErrorCode::Io,
            QStringLiteral("Not enough free space in the repository for the snapshot: %1 MiB needed, %2 MiB "
                           "free")
                .arg(needed >> 20)
                .arg(available >> 20),
            repo->root());

    static const QRegularExpression kId(QStringLiteral("^[0-9a-f]{32}$"));
    if (!params.id.isEmpty() && !kId.match(params.id).hasMatch())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A backup id is 32 lower-case hex digits"), params.id);

    auto lock = RepoLock::acquire(
        repo->locksDir(), RepoLock::Kind::Shared, QStringLiteral("backup %1").arg(params.database), params.lockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());

    Manifest manifest;
    manifest.id = params.id.isEmpty() ? QUuid::createUuid().toString(QUuid::Id128) : params.id;
    manifest.database = params.database.isEmpty() ? QFileInfo(source).completeBaseName() : params.database;
    manifest.group = params.group;
    manifest.sourcePath = source;
    manifest.sqliteVersion = DatabaseInspector::sqliteVersion();
    manifest.created = QDateTime::currentDateTimeUtc();
    manifest.trigger = params.trigger;
    if (params.keepDays > 0)
        manifest.expires = manifest.created.addDays(params.keepDays);
    manifest.tags = params.tags;
    manifest.compression = codecName(params.codec);
    manifest.compressionLevel = params.level;
    manifest.host = QSysInfo::machineHostName();
    manifest.user = fileutil::currentUser();
    manifest.cofferVersion = QStringLiteral(COFFER_VERSION_STRING);
    if (encrypt)
        manifest.encryptionScheme = QLatin1String(cfr::kScheme);
    manifest.artifactFile = Repository::artifactFileFor(manifest);

    FileCleanup cleanup; // what a failed or cancelled backup leaves
    const QString snapshotPath = QStringLiteral("%1/%2.snapshot").arg(repo->stagingDir(), manifest.id);
    const QString stagedArtifact = QStringLiteral("%1/%2.artifact").arg(repo->stagingDir(), manifest.id);
    cleanup.add(snapshotPath);
    cleanup.add(stagedArtifact);

    // 1. Online, consistent snapshot.
    if (auto taken = snapshot::take(source, snapshotPath, cancel, progress); !taken)
        return std::unexpected(taken.error());
    // Encrypting needs the plaintext's hash before the first byte; it is read meanwhile.
    QFuture<Result<QString>> prehash;
    if (encrypt)
        prehash = QtConcurrent::run([&snapshotPath, &cancel] { return hashFile(snapshotPath, cancel); });
    auto stats = DatabaseInspector::stats(snapshotPath);
    if (encrypt)
        prehash.waitForFinished();
    if (!stats)
        return std::unexpected(stats.error());
    manifest.pageSize = stats->pageSize;
    manifest.pageCount = stats->pageCount;
    manifest.tableCount = stats->tableCount;
    manifest.schemaHash = stats->schemaHash;
    manifest.rowCounts = stats->rowCounts;

    // 2. One streaming pass: plaintext hash, compression, artifact hash.
    QFile plain(snapshotPath);
    if (!plain.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Reading the snapshot failed"), plain.errorString());
    const qint64 plainTotal = plain.size();
    auto compressor = Compressor::create(
        params.codec, params.level, params.workers > 0 ? params.workers : QThread::idealThreadCount(), plainTotal);
    if (!compressor)
        return std::unexpected(compressor.error());
    ArtifactWriter artifact;
    if (auto opened = artifact.open(stagedArtifact); !opened)
        return std::unexpected(opened.error());
    const ByteSink toArtifact = [&artifact](const char *data, qsizetype size) { return artifact.write(data, size); };
    std::unique_ptr<Encryptor> encryptor;
    if (encrypt) {
        if (!prehash.result())
            return std::unexpected(prehash.result().error());
        manifest.plaintextSha256 = *prehash.result();
        auto created = Encryptor::create(params.encryption,
            { .backupId = manifest.id,
                .innerCodec = params.codec,
                .plaintextSize = plainTotal,
                .plaintextSha256 = manifest.plaintextSha256 });
        if (!created)
            return std::unexpected(created.error());
        encryptor = std::move(*created);
        manifest.encryptionRecipients = encryptor->keyIds();
    }
    const ByteSink toEncryptor = [&encryptor, &toArtifact](const char *data, qsizetype size) {
        return encryptor->write(data, size, toArtifact);
    };
    const ByteSink &sink = encrypt ? toEncryptor : toArtifact;
    Sha256 plainHash;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        if (auto ok = cancelled(cancel); !ok)
            return std::unexpected(ok.error());
        const qint64 n = plain.read(buffer.data(), kChunk);
        if (n < 0)
            return fail(ErrorCode::Io, QStringLiteral("Reading the snapshot failed"), plain.errorString());
        if (n == 0)
            break;
        if (!encrypt)
            plainHash.add(buffer.constData(), n);
        if (auto written = (*compressor)->write(buffer.constData(), n, sink); !written)
            return std::unexpected(written.error());
        done += n;
        if (progress)
            progress(QStringLiteral("compress"), done, plainTotal);
        if (auto hook = testhooks::point("backup-stream"); !hook)
            return std::unexpected(hook.error());
    }
    if (auto finished = (*compressor)->finish(sink); !finished)
        return std::unexpected(finished.error());
    if (encryptor)
        if (auto sealed = encryptor->finish(toArtifact); !sealed)
            return std::unexpected(sealed.error());
    if (auto closed = artifact.close(); !closed)
        return std::unexpected(closed.error());
    plain.close();
    QFile::remove(snapshotPath);
    if (done != plainTotal)
        return fail(ErrorCode::Internal, QStringLiteral("The snapshot changed size while it was read"), snapshotPath);
    manifest.plaintextSize = done;
    if (!encrypt)
        manifest.plaintextSha256 = plainHash.hexDigest();
    manifest.artifactSize = artifact.size();
    manifest.artifactSha256 = artifact.sha256();
    if (auto ok = cancelled(cancel); !ok)
        return std::unexpected(ok.error());

    // 3. Publish the artifact, read it back, then publish the manifest and index it.
    BackupResult result;
    result.artifactPath = repo->artifactPath(manifest);
    result.manifestPath = repo->manifestPath(manifest);
    const QString pending = repo->pendingRecordPath(manifest.id);
    if (auto written = repo->writeIntent(pending, result.artifactPath, result.manifestPath); !written)
        return std::unexpected(written.error());
    cleanup.add(pending);
    if (auto published = fileutil::publish(stagedArtifact, result.artifactPath); !published)
        return std::unexpected(published.error());
    cleanup.add(result.artifactPath);
    if (auto hook = testhooks::point("backup-published-artifact"); !hook)
        return std::unexpected(hook.error());
    if (params.readBack) {
        auto readBack = ArtifactReader::read(
            manifest, result.artifactPath, { .phase = QStringLiteral("read back") }, cancel, progress);
        if (!readBack)
            return std::unexpected(readBack.error());
        if (const QList<CheckResult> bad = failedOf(*readBack); !bad.isEmpty())
            return fail(ErrorCode::Corrupt,
                QStringLiteral("The artifact read back differs from what was written; the storage is unreliable"),
                QStringLiteral("%1: %2").arg(bad.first().name, bad.first().detail));
    }
    manifest.durationMs = timer.elapsed();
    if (auto written = fileutil::writeAtomically(result.manifestPath, manifest.toBytes(), repo->stagingDir()); !written)
        return std::unexpected(written.error());
    cleanup.add(result.manifestPath);
    if (auto hook = testhooks::point("backup-published-manifest"); !hook)
        return std::unexpected(hook.error());

    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(catalog.error());
    if (auto inserted = catalog->insertBackup(manifest); !inserted)
        return std::unexpected(inserted.error());
    cleanup.keep(result.artifactPath);
    cleanup.keep(result.manifestPath);
    QFile::remove(pending);
    catalog->audit({ .operation = QStringLiteral("backup"),
        .target = manifest.database,
        .backupId = manifest.id,
        .outcome = QStringLiteral("ok"),
        .detail = QStringLiteral("%1 backup, %2 bytes").arg(manifest.trigger).arg(manifest.artifactSize) });
    result.manifest = manifest;
    return result;
}

} // namespace coffer
