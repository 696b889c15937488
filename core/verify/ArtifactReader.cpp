#include "verify/ArtifactReader.h"

#include "backup/Codec.h"
#include "common/FileCleanup.h"
#include "common/PrivateFile.h"
#include "common/Sha256.h"
#include "common/TestHooks.h"
#include "crypto/CfrFormat.h"
#include "crypto/Decryptor.h"

#include <QFile>

#include <memory>
#include <optional>

namespace coffer {

namespace {

constexpr qint64 kChunk = 1 << 20;

CheckResult compare(const QString &name, const QString &expected, const QString &found)
{
    return CheckResult{ name, expected == found,
        expected == found ? expected : QStringLiteral("manifest says %1, found %2").arg(expected, found) };
}

} // namespace

Result<QList<CheckResult>> ArtifactReader::read(const Manifest &m, const QString &artifactPath, const Options &options,
    const CancelFlag &cancel, const ProgressFn &progress)
{
    QList<CheckResult> checks;
    QFile artifact(artifactPath);
    if (!artifact.open(QIODevice::ReadOnly)) {
        checks << CheckResult{ QStringLiteral("artifact_present"), false,
            QStringLiteral("cannot read %1: %2").arg(artifactPath, artifact.errorString()) };
        return checks;
    }
    checks << CheckResult{ QStringLiteral("artifact_present"), true, m.artifactFile };
    checks << compare(
        QStringLiteral("artifact_size"), QString::number(m.artifactSize), QString::number(artifact.size()));

    const bool decode = !options.destination.isEmpty();
    std::unique_ptr<Decryptor> decryptor;
    std::unique_ptr<Decompressor> decoder;
    std::optional<CheckResult> decodeFailure;
    PrivateFile plain;
    FileCleanup partial; // the destination, unless the read got to the end
    if (decode) {
        auto codec = codecFromName(m.compression);
        const bool encrypted = m.encryptionScheme != QStringLiteral("none");
        if (encrypted && m.encryptionScheme != QLatin1String(cfr::kScheme)) {
            decodeFailure = CheckResult{ QStringLiteral("decrypt"), false,
                QStringLiteral("encrypted with %1, which this Coffer cannot decrypt").arg(m.encryptionScheme) };
        } else if (!codec) {
            decodeFailure = CheckResult{ QStringLiteral("decompress"), false, codec.error().toString() };
        } else {
            auto created = Decompressor::create(*codec);
            if (!created)
                return std::unexpected(created.error());
            decoder = std::move(*created);
            if (encrypted)
                decryptor = std::make_unique<Decryptor>(options.credentials);
            if (auto made = plain.create(options.destination, QStringLiteral("the decoded database")); !made)
                return std::unexpected(made.error());
            partial.add(options.destination);
        }
    }

    Sha256 plainHash;
    qint64 plainSize = 0;
    std::optional<Error> writeError;
    const ByteSink sink = [&](const char *data, qsizetype size) -> Result<void> {
        plainHash.add(data, size);
        plainSize += size;
        auto written = plain.write(data, size);
        if (!written)
            writeError = written.error();
        return written;
    };
    bool innerFailed = false; // the error came from the decompressor behind the decryptor
    const ByteSink decrypted = [&](const char *data, qsizetype size) -> Result<void> {
        auto written = decoder->write(data, size, sink);
        innerFailed = !written;
        return written;
    };
    // A decoding error is a finding about the artifact; a failing write is the disk's fault,
    // and a missing or wrong key the caller's.
    auto decodeFailed = [&](const Error &error) -> Result<void> {
        if (writeError)
            return std::unexpected(*writeError);
        const bool decryption = decryptor && !innerFailed;
        if (decryption && (error.code == ErrorCode::KeyRequired || error.code == ErrorCode::WrongKey))
            return std::unexpected(error);
        decodeFailure = CheckResult{ decryption ? QStringLiteral("decrypt") : QStringLiteral("decompress"), false,
            error.toString() };
        decoder.reset();
        decryptor.reset();
        return {};
    };

    Sha256 artifactHash;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 read = 0;
    const qint64 total = artifact.size();
    for (;;) {
        if (cancel.load())
            return fail(ErrorCode::Cancelled, QStringLiteral("Cancelled while reading the backup"));
        const qint64 n = artifact.read(buffer.data(), kChunk);
        if (n < 0)
            return fail(ErrorCode::Io, QStringLiteral("Reading the artifact failed"), artifact.errorString());
        if (n == 0)
            break;
        artifactHash.add(buffer.constData(), n);
        if (decoder) {
            auto written = decryptor ? decryptor->write(buffer.constData(), n, decrypted)
                                     : decoder->write(buffer.constData(), n, sink);
            if (!written)
                if (auto ok = decodeFailed(written.error()); !ok)
                    return std::unexpected(ok.error());
        }
        if (read == 0 && options.midPoint)
            if (auto hook = testhooks::point(options.midPoint); !hook)
                return std::unexpected(hook.error());
        read += n;
        if (progress)
            progress(options.phase, read, total);
    }
    checks << compare(QStringLiteral("artifact_sha256"), m.artifactSha256, artifactHash.hexDigest());
    if (!decode)
        return checks;

    if (decryptor) {
        if (auto finished = decryptor->finish(decrypted); !finished)
            if (auto ok = decodeFailed(finished.error()); !ok)
                return std::unexpected(ok.error());
    }
    if (decryptor) {
        checks << CheckResult{ QStringLiteral("decrypt"), true,
            QStringLiteral("%1, encrypted to %2")
                .arg(m.encryptionScheme, decryptor->header()->recipientIds().join(QStringLiteral(", "))) };
        // The authenticated header names the backup: another backup's artifact is caught here.
        const ContainerInfo inner = decryptor->info();
        const bool same = inner.backupId == m.id && inner.plaintextSha256 == m.plaintextSha256
            && inner.plaintextSize == m.plaintextSize && codecName(inner.innerCodec) == m.compression;
        checks << CheckResult{ QStringLiteral("encryption_header"), same,
            same ? QStringLiteral("names this backup")
                 : QStringLiteral("the encrypted header describes backup %1 (%2, %3 bytes), not this one")
                       .arg(inner.backupId, codecName(inner.innerCodec))
                       .arg(inner.plaintextSize) };
    }
    if (decoder) {
        if (auto finished = decoder->finish(sink); !finished)
            if (auto ok = decodeFailed(finished.error()); !ok)
                return std::unexpected(ok.error());
    }
    if (decodeFailure) {
        checks << *decodeFailure;
        return checks;
    }
    if (auto closed = plain.close(options.durable); !closed)
        return std::unexpected(closed.error());
    checks << CheckResult{ QStringLiteral("decompress"), true, m.compression };
    checks << compare(QStringLiteral("plaintext_size"), QString::number(m.plaintextSize), QString::number(plainSize));
    checks << compare(QStringLiteral("plaintext_sha256"), m.plaintextSha256, plainHash.hexDigest());
    partial.keepAll();
    return checks;
}

} // namespace coffer
