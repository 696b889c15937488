#include "verify/DecryptJob.h"

#include "backup/Codec.h"
#include "common/FileCleanup.h"
#include "common/FileUtil.h"
#include "common/PrivateFile.h"
#include "common/Sha256.h"
#include "crypto/CfrFormat.h"
#include "crypto/Decryptor.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace coffer {

namespace {

constexpr qint64 kChunk = 1 << 20;

std::unexpected<Error> naming(Error error, const QString &path)
{
    if (error.detail.isEmpty())
        error.detail = path;
    return std::unexpected(std::move(error));
}

} // namespace

DecryptJob::DecryptJob(DecryptParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString DecryptJob::title() const
{
    return tr("Decrypt %1").arg(QFileInfo(m_params.artifactPath).fileName());
}

QString DecryptJob::exclusiveKey() const
{
    return QStringLiteral("file:") + QFileInfo(m_params.outputPath).absoluteFilePath();
}

Result<void> DecryptJob::execute()
{
    auto result = decrypt(m_params, cancelFlag(), progressReporter());
    if (!result)
        return std::unexpected(result.error());
    m_result = *result;
    return {};
}

Result<DecryptResult> DecryptJob::decrypt(
    const DecryptParams &params, const CancelFlag &cancel, const ProgressFn &progress)
{
    const QString &source = params.artifactPath;
    const QFileInfo sourceInfo(source);
    if (!sourceInfo.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no file at %1").arg(source));
    if (sourceInfo.isDir())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 is a folder, not an encrypted backup").arg(source));
    QFile input(source);
    if (!input.open(QIODevice::ReadOnly))
        return fail(input.error() == QFileDevice::PermissionsError ? ErrorCode::PermissionDenied : ErrorCode::Io,
            QStringLiteral("The encrypted backup cannot be read"),
            QStringLiteral("%1: %2").arg(source, input.errorString()));
    const qint64 total = input.size();
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 n = input.read(buffer.data(), kChunk);
    if (n < 0)
        return fail(ErrorCode::Io, QStringLiteral("Reading the encrypted backup failed"),
            QStringLiteral("%1: %2").arg(source, input.errorString()));
    // A standard stream needs no decrypting; anything else that is not a container is damage,
    // which the Decryptor names.
    const QByteArrayView head(buffer.constData(), n);
    if (head.startsWith("\x28\xb5\x2f\xfd") || head.startsWith("\x1f\x8b")
        || head.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("%1 is not an encrypted Coffer backup (.cfr): unencrypted backups are standard .sqlite.zst, "
                           ".sqlite.gz or .sqlite files that need no decrypting")
                .arg(source));

    const QString &target = params.outputPath;
    if (const QFileInfo targetInfo(target); targetInfo.exists() || targetInfo.isSymLink())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("%1 already exists, and decrypting never replaces a file: choose another output file or "
                           "remove that one")
                .arg(target));
    // Written under a hidden name and renamed when complete: a crash never leaves a truncated
    // stream under the name asked for.
    const QFileInfo targetInfo(target);
    const QString staging = QStringLiteral("%1/.%2.partial-%3")
                                .arg(targetInfo.absolutePath(), targetInfo.fileName())
                                .arg(QCoreApplication::applicationPid());
    PrivateFile output;
    if (auto created = output.create(staging, QStringLiteral("the decrypted stream")); !created)
        return std::unexpected(created.error());
    FileCleanup partial(staging);

    Decryptor decryptor(params.credentials);
    std::unique_ptr<Decompressor> inflater;
    Sha256 plainHash;
    qint64 plainSize = 0;
    std::optional<Error> innerError; // an error of the output or the inner stream, not of the container
    const ByteSink plain = [&](const char *data, qsizetype size) -> Result<void> {
        plainHash.add(data, size);
        plainSize += size;
        return {};
    };
    auto startInflater = [&]() -> Result<void> {
        if (inflater)
            return {};
        auto created = Decompressor::create(decryptor.info().innerCodec);
        if (!created)
            return std::unexpected(created.error());
        inflater = std::move(*created);
        return {};
    };
    auto innerFailed = [&](const Error &error) {
        innerError = Error{ ErrorCode::Corrupt,
            QStringLiteral("The decrypted stream is not a valid %1 stream: the backup was damaged before it was "
                           "encrypted")
                .arg(codecName(decryptor.info().innerCodec)),
            error.toString() };
        return std::unexpected(*innerError);
    };
    const ByteSink inner = [&](const char *data, qsizetype size) -> Result<void> {
        if (auto started = startInflater(); !started) {
            innerError = started.error();
            return started;
        }
        if (auto written = output.write(data, size); !written) {
            innerError = written.error();
            return written;
        }
        if (auto inflated = inflater->write(data, size, plain); !inflated)
            return innerFailed(inflated.error());
        return {};
    };
    auto stopped
        = [&](const Error &error) { return innerError ? std::unexpected(*innerError) : naming(error, source); };

    qint64 done = 0;
    for (;;) {
        if (cancel.load())
            return fail(
                ErrorCode::Cancelled, QStringLiteral("Decrypting was cancelled; the partial output was removed"));
        if (auto written = decryptor.write(buffer.constData(), n, inner); !written)
            return stopped(written.error());
        done += n;
        if (progress)
            progress(QStringLiteral("decrypt"), done, total);
        n = input.read(buffer.data(), kChunk);
        if (n < 0)
            return fail(ErrorCode::Io, QStringLiteral("Reading the encrypted backup failed"),
                QStringLiteral("%1: %2").arg(source, input.errorString()));
        if (n == 0)
            break;
    }
    if (auto finished = decryptor.finish(inner); !finished)
        return stopped(finished.error());
    if (auto started = startInflater(); !started)
        return std::unexpected(started.error());
    if (auto finished = inflater->finish(plain); !finished)
        return innerFailed(finished.error());

    const ContainerInfo info = decryptor.info();
    const QString sha256 = plainHash.hexDigest();
    if (plainSize != info.plaintextSize || sha256 != info.plaintextSha256)
        return fail(ErrorCode::Corrupt,
            QStringLiteral("The decrypted database does not match the encrypted header: it is %1 bytes with SHA-256 "
                           "%2, the header says %3 bytes with SHA-256 %4")
                .arg(QString::number(plainSize), sha256, QString::number(info.plaintextSize), info.plaintextSha256),
            source);
    if (auto closed = output.close(); !closed)
        return std::unexpected(closed.error());
    if (auto published = fileutil::publish(staging, target); !published)
        return std::unexpected(published.error());
    partial.keepAll();

    DecryptResult result;
    result.info = info;
    result.recipients = decryptor.header()->recipientIds();
    result.outputSize = output.size();
    return result;
}

} // namespace coffer
