#include "verify/Verifier.h"

#include "verify/ArtifactReader.h"
#include "verify/DatabaseChecks.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace coffer {

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
    return fail(
        ErrorCode::InvalidArgument, QStringLiteral("Unknown verification level '%1': use quick or full").arg(name));
}

Result<VerifyOutcome> Verifier::verify(const CatalogEntry &entry, VerifyLevel level, const CancelFlag &cancel,
    const ProgressFn &progress, const Credentials &credentials)
{
    QElapsedTimer timer;
    timer.start();
    VerifyOutcome outcome;
    outcome.backupId = entry.manifest.id;
    outcome.database = entry.manifest.database;
    outcome.level = levelName(level);
    outcome.time = QDateTime::currentDateTimeUtc();
    const auto check = [](const QString &name, bool ok, const QString &detail) {
        return CheckResult{ name, ok, detail };
    };
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
    outcome.checks << CheckResult{ QStringLiteral("manifest"), true, QStringLiteral("well-formed") };

    // Full level decodes while it hashes, into a scratch copy for SQLite to examine.
    const QString artifactPath = QFileInfo(entry.manifestPath).absolutePath() + QLatin1Char('/') + m.artifactFile;
    std::optional<QTemporaryDir> scratch;
    ArtifactReader::Options options;
    if (level == VerifyLevel::Full) {
        scratch.emplace();
        if (!scratch->isValid())
            return fail(
                ErrorCode::Io, QStringLiteral("No scratch folder to decode the backup into"), scratch->errorString());
        options.destination = scratch->filePath(QStringLiteral("restored.sqlite"));
        options.credentials = credentials;
    }
    auto read = ArtifactReader::read(m, artifactPath, options, cancel, progress);
    if (!read)
        return std::unexpected(read.error());
    outcome.checks << *read;
    // A copy that decoded (even one whose hashes differ) still gets SQLite's opinion.
    if (level == VerifyLevel::Quick || !QFileInfo::exists(options.destination))
        return done();
    outcome.checks << DatabaseChecks::againstManifest(options.destination, m, {});
    return done();
}

} // namespace coffer
