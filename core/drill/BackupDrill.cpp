#include "drill/BackupDrill.h"

#include "common/TestHooks.h"
#include "drill/SmokeQueryCheck.h"
#include "restore/MaterialisedCopy.h"
#include "verify/DatabaseChecks.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cerrno>
#include <climits>
#include <memory>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coffer {

namespace {

// The manifest file on disk is the truth (the catalog only points at it), as in Verifier.
std::optional<Manifest> checkManifest(const CatalogEntry &entry, QList<CheckResult> &checks)
{
    const QString name = QStringLiteral("manifest");
    QFile file(entry.manifestPath);
    if (!file.open(QIODevice::ReadOnly)) {
        checks << CheckResult{ name, false,
            QStringLiteral("cannot read %1: %2").arg(entry.manifestPath, file.errorString()) };
        return std::nullopt;
    }
    auto parsed = Manifest::fromBytes(file.readAll());
    if (!parsed) {
        checks << CheckResult{ name, false, parsed.error().toString() };
        return std::nullopt;
    }
    if (parsed->id != entry.manifest.id) {
        checks << CheckResult{ name, false,
            QStringLiteral("the manifest file holds backup %1, not %2").arg(parsed->id, entry.manifest.id) };
        return std::nullopt;
    }
    checks << CheckResult{ name, true, QStringLiteral("well-formed") };
    return *parsed;
}

bool hasCheck(const QList<CheckResult> &checks, const QString &name)
{
    for (const CheckResult &check : checks)
        if (check.name == name)
            return true;
    return false;
}

} // namespace

Result<BackupDrillResult> BackupDrill::run(const CatalogEntry &entry, const QList<SmokeQuery> &queries,
    const Options &options, const CancelFlag &cancel, const ProgressFn &progress)
{
    QElapsedTimer timer;
    timer.start();
    BackupDrillResult result;
    DrillOutcome &drill = result.drill;
    drill.backupId = entry.manifest.id;
    drill.database = entry.manifest.database;
    drill.time = QDateTime::currentDateTimeUtc();
    const auto report = [&](const QString &phase, qint64 done, qint64 total) {
        if (progress)
            progress(options.label.isEmpty() ? phase : options.label + QLatin1Char(' ') + phase, done, total);
    };

    // QTemporaryDir makes it 0700 and removes it (recursively) if anything below returns early; a
    // crash leaves it, and the pid in its name lets the next drill remove it (removeLeftovers).
    QTemporaryDir scratch(
        QDir(options.scratchDirectory).filePath(QStringLiteral("coffer-drill-%1-XXXXXX").arg(::getpid())));
    if (!scratch.isValid())
        return fail(ErrorCode::Io,
            QStringLiteral("Cannot create a scratch folder for the drill in %1; free space there or choose another "
                           "scratch folder")
                .arg(QDir::toNativeSeparators(options.scratchDirectory)),
            scratch.errorString());

    QList<CheckResult> checks;
    bool keyMissing = false;
    std::optional<Manifest> manifest = checkManifest(entry, checks);
    // The copy lives in the scratch folder under a fixed name: a name from a manifest is not a path.
    auto copy = std::make_unique<MaterialisedCopy>(scratch.filePath(QStringLiteral("restored.sqlite")));
    if (manifest) {
        const QString artifactPath
            = QFileInfo(entry.manifestPath).absolutePath() + QLatin1Char('/') + manifest->artifactFile;
        auto filled = copy->fill(
            *manifest, artifactPath, cancel,
            [&](const QString &phase, qint64 done, qint64 total) {
                report(phase == QStringLiteral("materialise") ? QStringLiteral("restore") : phase, done, total);
            },
            options.credentials);
        if (!filled) {
            const ErrorCode code = filled.error().code;
            if (code != ErrorCode::KeyRequired && code != ErrorCode::WrongKey)
                return std::unexpected(filled.error());
            // As in Verifier, keys are the caller's business, not the backup's; but a drill that
            // could not restore is a failed drill.
            keyMissing = true;
            checks << CheckResult{ QStringLiteral("decrypt"), false, filled.error().message };
        } else {
            checks << *filled;
            // A copy that decoded although its hashes differ still gets SQLite's opinion, as in a
            // full verification.
            if (!hasCheck(checks, QStringLiteral("integrity_check")) && QFileInfo::exists(copy->path())) {
                report(QStringLiteral("check"), 0, 0);
                checks << DatabaseChecks::againstManifest(copy->path(), *manifest, {});
            }
        }
    }
    if (!keyMissing)
        result.verification = VerifyOutcome{ drill.backupId, drill.database, QStringLiteral("full"), drill.time,
            timer.elapsed(), checks };
    drill.checks = checks;

    if (manifest && QFileInfo::exists(copy->path())) {
        if (auto hook = testhooks::point("drill-restored"); !hook)
            return std::unexpected(hook.error());
        report(QStringLiteral("smoke queries"), 0, queries.size());
        auto smoke = SmokeQueryCheck::run(copy->path(), queries, *manifest, cancel, options.smokeTimeLimitMs);
        if (!smoke)
            return std::unexpected(smoke.error());
        drill.checks << *smoke;
    }
    drill.rtoMs = timer.elapsed();

    report(QStringLiteral("cleanup"), 0, 0);
    copy.reset();
    const QString folder = scratch.path();
    const bool removed = scratch.remove() && !QFileInfo::exists(folder);
    drill.checks << CheckResult{ QStringLiteral("cleanup"), removed,
        removed ? QStringLiteral("scratch folder removed")
                : QStringLiteral("the scratch folder %1 could not be removed; it holds a copy of the backup's data, "
                                 "remove it by hand")
                      .arg(QDir::toNativeSeparators(folder)) };
    drill.durationMs = timer.elapsed();
    return result;
}

QStringList BackupDrill::removeLeftovers(const QString &scratchDirectory)
{
    // The six characters QTemporaryDir puts in place of XXXXXX.
    static const QRegularExpression pattern(QStringLiteral("^coffer-drill-(\\d{1,10})-[A-Za-z0-9]{6}$"));
    const QDir dir(scratchDirectory);
    const QStringList names = dir.entryList(
        { QStringLiteral("coffer-drill-*") }, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    QStringList removed;
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        const qlonglong owner = match.captured(1).toLongLong();
        if (owner <= 0 || owner > INT_MAX || pid_t(owner) == ::getpid())
            continue;
        const QString path = dir.filePath(name);
        // lstat: a symlink is never a drill's folder, and another user's folder is not ours to judge.
        struct stat st = {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid())
            continue;
        // Only a process that is certainly gone: EPERM means it runs under another user.
        if (::kill(pid_t(owner), 0) == 0 || errno != ESRCH)
            continue;
        // removeRecursively() removes symlinks inside without following them.
        if (QDir(path).removeRecursively())
            removed << path;
    }
    return removed;
}

} // namespace coffer
