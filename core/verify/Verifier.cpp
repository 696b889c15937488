#include "verify/Verifier.h"

#include "backup/Codec.h"
#include "backup/DatabaseInspector.h"
#include "common/Sha256.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace coffer {

namespace {

constexpr qint64 kChunk = 1 << 20;

CheckResult check(const QString &name, bool ok, const QString &detail)
{
    return CheckResult{name, ok, detail};
}

CheckResult compare(const QString &name, const QString &expected, const QString &found)
{
    return check(name, expected == found,
                 expected == found ? expected : QStringLiteral("manifest says %1, found %2").arg(expected, found));
}

CheckResult compare(const QString &name, qint64 expected, qint64 found)
{
    return compare(name, QString::number(expected), QString::number(found));
}

QString describeRowCounts(const QMap<QString, qint64> &expected, const QMap<QString, qint64> &found)
{
    QStringList differences;
    QStringList tables = expected.keys() + found.keys();
    tables.removeDuplicates();
    tables.sort();
    for (const QString &table : std::as_const(tables)) {
        const qint64 want = expected.value(table, -1);
        const qint64 got = found.value(table, -1);
        if (want != got)
            differences << QStringLiteral("%1: manifest %2, found %3")
                               .arg(table, want < 0 ? QStringLiteral("absent") : QString::number(want),
                                    got < 0 ? QStringLiteral("absent") : QString::number(got));
    }
    return differences.join(QStringLiteral("; "));
}

} // namespace

QString levelName(VerifyLevel level)
{
    return level == VerifyLevel::Full ? QStringLiteral("full") : QStringLiteral("quick");
}

Result<VerifyLevel> levelFromName(const QString &name)
{
    if (name == QStringLiteral("quick"))
        return VerifyLevel::Quick;
    if (name == QStringLiteral("full"))
        return VerifyLevel::Full;
    return fail(ErrorCode::InvalidArgument, QStringLiteral("Unknown verification level '%1': use quick or full").arg(name));
}

Result<VerifyOutcome> Verifier::verify(const CatalogEntry &entry, VerifyLevel level, const CancelFlag &cancel,
                                       const ProgressFn &progress)
{
    QElapsedTimer timer;
    timer.start();
    VerifyOutcome outcome;
    outcome.backupId = entry.manifest.id;
    outcome.database = entry.manifest.database;
    outcome.level = levelName(level);
    outcome.time = QDateTime::currentDateTimeUtc();
    auto done = [&]() -> Result<VerifyOutcome> {
        outcome.durationMs = timer.elapsed();
        return outcome;
    };

    // The manifest on disk is the truth; the catalog only points at it.
    QFile manifestFile(entry.manifestPath);
    if (!manifestFile.open(QIODevice::ReadOnly)) {
        outcome.checks << check(QStringLiteral("manifest"), false,
                                QStringLiteral("cannot read %1: %2").arg(entry.manifestPath, manifestFile.errorString()));
        return done();
    }
    auto parsed = Manifest::fromBytes(manifestFile.readAll());
    if (!parsed) {
        outcome.checks << check(QStringLiteral("manifest"), false, parsed.error().toString());
        return done();
    }
    if (parsed->id != entry.manifest.id) {
        outcome.checks << check(QStringLiteral("manifest"), false,
                                QStringLiteral("the manifest file holds backup %1, not %2").arg(parsed->id, entry.manifest.id));
        return done();
    }
    const Manifest &m = *parsed;
    outcome.checks << check(QStringLiteral("manifest"), true, QStringLiteral("well-formed"));

    const QString artifactPath = QFileInfo(entry.manifestPath).absolutePath() + QLatin1Char('/') + m.artifactFile;
    QFile artifact(artifactPath);
    if (!artifact.open(QIODevice::ReadOnly)) {
        outcome.checks << check(QStringLiteral("artifact_present"), false,
                                QStringLiteral("cannot read %1: %2").arg(artifactPath, artifact.errorString()));
        return done();
    }
    outcome.checks << check(QStringLiteral("artifact_present"), true, m.artifactFile);
    outcome.checks << compare(QStringLiteral("artifact_size"), m.artifactSize, artifact.size());

    // Full level decodes while it hashes, into a scratch copy for SQLite to examine.
    std::unique_ptr<Decompressor> decoder;
    std::optional<QTemporaryDir> scratch;
    QFile plain;
    Sha256 plainHash;
    qint64 plainSize = 0;
    bool decodeOk = level == VerifyLevel::Full;
    QString decodeDetail;
    if (level == VerifyLevel::Full) {
        auto codec = codecFromName(m.compression);
        if (m.encryptionScheme != QStringLiteral("none")) {
            decodeOk = false;
            decodeDetail = QStringLiteral("encrypted with %1, which this Coffer cannot decrypt").arg(m.encryptionScheme);
        } else if (!codec) {
            decodeOk = false;
            decodeDetail = codec.error().toString();
        } else {
            auto created = Decompressor::create(*codec);
            scratch.emplace();
            if (!created || !scratch->isValid()) {
                decodeOk = false;
                decodeDetail = created ? QStringLiteral("no scratch folder: %1").arg(scratch->errorString())
                                       : created.error().toString();
            } else {
                decoder = std::move(*created);
                plain.setFileName(scratch->filePath(QStringLiteral("restored.sqlite")));
                if (!plain.open(QIODevice::WriteOnly)) {
                    decodeOk = false;
                    decodeDetail = plain.errorString();
                    decoder.reset();
                }
            }
        }
    }
    const ByteSink sink = [&](const char *data, qsizetype size) -> Result<void> {
        plainHash.add(data, size);
        plainSize += size;
        if (plain.write(data, size) != size)
            return fail(ErrorCode::Io, QStringLiteral("Writing the scratch copy failed"), plain.errorString());
        return {};
    };

    Sha256 artifactHash;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 read = 0;
    const qint64 total = artifact.size();
    for (;;) {
        if (cancel.load())
            return fail(ErrorCode::Cancelled, QStringLiteral("The verification was cancelled"));
        const qint64 n = artifact.read(buffer.data(), kChunk);
        if (n < 0)
            return fail(ErrorCode::Io, QStringLiteral("Reading the artifact failed"), artifact.errorString());
        if (n == 0)
            break;
        artifactHash.add(buffer.constData(), n);
        if (decoder) {
            if (auto written = decoder->write(buffer.constData(), n, sink); !written) {
                decodeOk = false;
                decodeDetail = written.error().toString();
                decoder.reset();
            }
        }
        read += n;
        if (progress)
            progress(QStringLiteral("verify"), read, total);
    }
    outcome.checks << compare(QStringLiteral("artifact_sha256"), m.artifactSha256, artifactHash.hexDigest());
    if (level == VerifyLevel::Quick)
        return done();

    if (decoder) {
        if (auto finished = decoder->finish(sink); !finished) {
            decodeOk = false;
            decodeDetail = finished.error().toString();
        }
    }
    plain.close();
    outcome.checks << check(QStringLiteral("decompress"), decodeOk, decodeOk ? m.compression : decodeDetail);
    if (!decodeOk)
        return done();
    outcome.checks << compare(QStringLiteral("plaintext_size"), m.plaintextSize, plainSize);
    outcome.checks << compare(QStringLiteral("plaintext_sha256"), m.plaintextSha256, plainHash.hexDigest());

    auto findings = DatabaseInspector::integrityCheck(plain.fileName());
    if (!findings) {
        outcome.checks << check(QStringLiteral("integrity_check"), false, findings.error().toString());
        return done();
    }
    outcome.checks << check(QStringLiteral("integrity_check"), findings->isEmpty(),
                            findings->isEmpty() ? QStringLiteral("ok") : findings->mid(0, 5).join(QStringLiteral("; ")));
    auto stats = DatabaseInspector::stats(plain.fileName());
    if (!stats) {
        outcome.checks << check(QStringLiteral("schema_hash"), false, stats.error().toString());
        return done();
    }
    outcome.checks << compare(QStringLiteral("page_size"), m.pageSize, stats->pageSize);
    outcome.checks << compare(QStringLiteral("page_count"), m.pageCount, stats->pageCount);
    outcome.checks << compare(QStringLiteral("table_count"), m.tableCount, stats->tableCount);
    outcome.checks << compare(QStringLiteral("schema_hash"), m.schemaHash, stats->schemaHash);
    const QString rowDiff = describeRowCounts(m.rowCounts, stats->rowCounts);
    outcome.checks << check(QStringLiteral("row_counts"), rowDiff.isEmpty(),
                            rowDiff.isEmpty() ? QStringLiteral("%1 tables match").arg(stats->rowCounts.size()) : rowDiff);
    return done();
}

} // namespace coffer
