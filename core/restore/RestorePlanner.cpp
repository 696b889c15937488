#include "restore/RestorePlanner.h"

#include "common/FileUtil.h"
#include "repository/RepoLock.h"
#include "restore/TargetSwap.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace coffer {

namespace {

constexpr qint64 kMargin = 1 << 20;

CheckResult check(const QString &name, bool ok, const QString &detail)
{
    return CheckResult{ name, ok, detail };
}

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

bool writableFolder(const QString &dir)
{
    return QFileInfo(dir).isDir() && ::access(QFile::encodeName(dir).constData(), W_OK | X_OK) == 0;
}

// The newest backup of `database` whose last verification did not fail.
Result<CatalogEntry> latestGood(Catalog &catalog, const QString &database, QStringList &notes)
{
    auto entries = catalog.backups(database);
    if (!entries)
        return std::unexpected(entries.error());
    for (const CatalogEntry &entry : std::as_const(*entries)) {
        if (entry.lastVerification && !entry.lastVerification->ok()) {
            notes << QStringLiteral("Skipped backup %1 of %2: its last verification failed")
                         .arg(entry.manifest.shortId(), entry.manifest.created.toString(Qt::ISODate));
            continue;
        }
        return entry;
    }
    return fail(ErrorCode::NotFound,
        entries->isEmpty() ? QStringLiteral("The repository has no backup of '%1'").arg(database)
                           : QStringLiteral("Every backup of '%1' failed its last verification").arg(database));
}

// Why a target that exists cannot be restored over, or empty. A swap replaces the file's
// name with a new file: it must be able to keep the old one (a hard link), hand the new one
// the old owner and group, and be the only name the database has.
QString targetFileProblem(const TargetState &t, bool live, qint64 pageSize)
{
    const QByteArray path = QFile::encodeName(t.path);
    if (t.danglingLink)
        return QStringLiteral("%1 is a symbolic link to a file that does not exist; point --target at the real "
                              "path")
            .arg(t.path);
    if (!t.isFile)
        return QStringLiteral("%1 is not a regular file").arg(t.path);
    if (!t.isSqlite)
        return QStringLiteral("%1 is not an SQLite database; move it aside or choose another --target").arg(t.path);
    if (live && ::access(path.constData(), W_OK) != 0)
        return QStringLiteral("%1 is not writable, and a live restore writes into it").arg(t.path);
    if (live && t.walMode && t.pageSize != pageSize)
        return QStringLiteral("%1 is a WAL database with %2-byte pages and the backup has %3-byte pages; SQLite "
                              "cannot copy between them live: stop the programs that use it and restore without --live")
            .arg(t.path)
            .arg(t.pageSize)
            .arg(pageSize);
    if (live)
        return {};
    if (t.links > 1)
        return QStringLiteral("%1 has %2 names (hard links); a swap would replace only this one: restore with --live "
                              "to change the database under all of them")
            .arg(t.path)
            .arg(t.links);
    const bool root = ::geteuid() == 0;
    if (!root && t.owner != ::geteuid())
        return QStringLiteral("%1 belongs to user %2; a swap would make the restored file yours and lock its owner "
                              "out: run the restore as that user or as root, or use --live (it writes in place)")
            .arg(t.path, QStringLiteral("%1 (%2)").arg(fileutil::userName(t.owner)).arg(t.owner));
    if (!root && t.group != ::getegid()) {
        gid_t groups[256];
        const int count = std::max(::getgroups(256, groups), 0);
        if (std::find(groups, groups + count, gid_t(t.group)) == groups + count)
            return QStringLiteral("%1 belongs to group %2, which you are not in; the restored file could not keep "
                                  "that group: run the restore as root, or use --live")
                .arg(t.path)
                .arg(t.group);
    }
    // The swap keeps the old file under a second name until it is done; some file systems
    // (FAT, some network shares) and fs.protected_hardlinks refuse that.
    const QByteArray probe = QFile::encodeName(QStringLiteral("%1/.%2.coffer-linktest-%3")
                                                   .arg(QFileInfo(t.path).absolutePath(), QFileInfo(t.path).fileName())
                                                   .arg(::getpid()));
    if (::link(path.constData(), probe.constData()) != 0)
        return QStringLiteral("%1 cannot be given a second name here (%2), which the atomic swap needs to keep the "
                              "old database until the new one is in place: restore with --live")
            .arg(t.path, QString::fromLocal8Bit(std::strerror(errno)));
    ::unlink(probe.constData());
    return {};
}

QString workspaceNameOf(const QList<DatabaseEntry> &databases, const QString &path)
{
    for (const DatabaseEntry &db : databases) {
        const QFileInfo info(db.path);
        const QString resolved = info.exists() ? info.canonicalFilePath() : QDir::cleanPath(info.absoluteFilePath());
        if (resolved == path)
            return db.name;
    }
    return {};
}

} // namespace

Result<RestorePlan> RestorePlanner::prepare(
    const RestoreParams &params, const CancelFlag &cancel, const ProgressFn &progress, const CheckFn &onCheck)
{
    QElapsedTimer timer;
    timer.start();
    RestorePlan plan;
    plan.params = params;
    auto add = [&](const CheckResult &result) {
        plan.checks << result;
        if (onCheck)
            onCheck(result);
    };

    auto repo = Repository::open(params.repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    plan.repositoryRoot = repo->root();
    auto lock = RepoLock::acquire(
        repo->locksDir(), RepoLock::Kind::Shared, QStringLiteral("restore preflight"), params.lockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());
    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(catalog.error());

    // 1. Which backup, which target.
    auto entry = params.backupId.isEmpty() ? latestGood(*catalog, params.latestOf, plan.notes)
                                           : catalog->backup(params.backupId);
    if (!entry)
        return std::unexpected(entry.error());
    plan.backup = *entry;
    const Manifest &m = plan.backup.manifest;
    QString target = params.targetPath;
    if (target.isEmpty()) {
        for (const DatabaseEntry &db : params.workspaceDatabases)
            if (db.name == m.database)
                target = db.path;
    }
    if (target.isEmpty())
        target = m.sourcePath;
    if (target.isEmpty())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The backup does not say where its database lived; give --target"), m.id);
    TargetSwap::removeRedundantKeeps(QFileInfo(target).canonicalFilePath());
    plan.target = TargetProbe::probe(target);
    const TargetState &t = plan.target;
    plan.targetDatabase = workspaceNameOf(params.workspaceDatabases, t.path);
    plan.mode = params.live && t.exists ? QStringLiteral("live") : QStringLiteral("swap");
    plan.takeSafetyBackup = t.exists && params.safetyBackup;
    if (plan.takeSafetyBackup) // named now, so the confirmation can say which backup will hold the current data
        plan.safetyBackupId = QUuid::createUuid().toString(QUuid::Id128);
    plan.safetyDatabase = !plan.targetDatabase.isEmpty()       ? plan.targetDatabase
        : t.path == QFileInfo(m.sourcePath).absoluteFilePath() ? m.database
                                                               : QFileInfo(t.path).completeBaseName();
    if (t.exists && !params.safetyBackup)
        plan.notes << QStringLiteral("No safety backup (--no-safety-backup): the current database cannot be put back "
                                     "from this repository if you change your mind");

    // 2. Preflight: every check named, nothing touched.
    const QString folder = QFileInfo(t.path).absolutePath();
    const bool folderOk = writableFolder(folder);
    add(check(QStringLiteral("target_folder"), folderOk,
        folderOk ? folder
                 : QStringLiteral("%1 is missing or not writable by %2; create it or fix its owner and "
                                  "mode")
                       .arg(folder, fileutil::currentUser())));
    if (t.exists) {
        const QString problem = targetFileProblem(t, plan.mode == QStringLiteral("live"), m.pageSize);
        add(check(QStringLiteral("target_file"), problem.isEmpty(),
            problem.isEmpty() ? QStringLiteral("SQLite database, %1, last changed %2")
                                    .arg(size(t.bytes), t.modified.toString(Qt::ISODate))
                              : problem));
    } else {
        add(check(QStringLiteral("target_file"), true,
            QStringLiteral("%1 does not exist yet; it will be created").arg(t.path)));
    }
    const bool sameName = plan.targetDatabase.isEmpty() || plan.targetDatabase == m.database;
    add(check(QStringLiteral("database_name"), sameName || params.ignoreNameMismatch,
        plan.targetDatabase.isEmpty()
            ? QStringLiteral("the target is not a workspace database; backup of '%1'").arg(m.database)
            : sameName ? m.database
                       : QStringLiteral("the target is the workspace database '%1' but the backup is of "
                                        "'%2'%3")
                             .arg(plan.targetDatabase, m.database,
                                 params.ignoreNameMismatch ? QStringLiteral(" (allowed)")
                                                           : QStringLiteral("; pass --ignore-name-mismatch "
                                                                            "if that is what you mean"))));
    if (!t.inUse()) {
        add(check(QStringLiteral("target_in_use"), true,
            t.exists ? QStringLiteral("no other process has it open") : QStringLiteral("nothing there")));
    } else {
        add(check(QStringLiteral("target_in_use"), params.live,
            params.live ? QStringLiteral("%1; --live copies the backup in through SQLite, and those "
                                         "connections then see the restored content")
                              .arg(t.describeUse())
                        : QStringLiteral("%1; stop those programs and retry, or restore with --live to "
                                         "copy in while they stay connected")
                              .arg(t.describeUse())));
    }
    if (t.hotJournal)
        plan.notes << QStringLiteral("%1-journal holds an interrupted transaction; the restore lets SQLite roll "
                                     "it back before the safety backup reads the database")
                          .arg(t.path);
    const bool repoOk
        = writableFolder(repo->stagingDir()) && ::access(QFile::encodeName(repo->catalogPath()).constData(), W_OK) == 0;
    add(check(QStringLiteral("repository_writable"), repoOk,
        repoOk ? plan.repositoryRoot
               : QStringLiteral("%1 is read-only; a restore writes its safety backup and audit record "
                                "there — copy the backups to a writable repository first")
                     .arg(plan.repositoryRoot)));

    // The current data is at least as sensitive as the backup: encrypted like it, and always
    // openable with what this restore was given, so a rollback can read it.
    if (plan.takeSafetyBackup
        && (repo->requireEncryption() || m.encryptionScheme != QStringLiteral("none")
            || !params.safetyRecipients.isEmpty())) {
        plan.safetyEncryption = params.credentials.reopenable();
        plan.safetyEncryption.recipients << params.safetyRecipients.recipients;
        if (!plan.safetyEncryption.passphrase)
            plan.safetyEncryption.passphrase = params.safetyRecipients.passphrase;
        // A live rollback copies the safety backup back in, so this restore must be able to open
        // it; a swap's rollback renames the kept file and never reads the safety backup.
        const bool live = plan.mode == QStringLiteral("live");
        const bool keysOk = !plan.safetyEncryption.isEmpty() && (!live || !params.credentials.isEmpty());
        add(check(QStringLiteral("safety_encryption"), keysOk,
            keysOk ? QStringLiteral("the safety backup is encrypted to %1")
                         .arg(plan.safetyEncryption.keyIds().join(QStringLiteral(", ")))
                : plan.safetyEncryption.isEmpty()
                ? QStringLiteral("the safety backup must be encrypted (the repository requires it) and no "
                                 "passphrase, private key or recipient was given to encrypt it")
                : QStringLiteral("a live restore's rollback must open the encrypted safety backup, and no passphrase "
                                 "or private key was given to open it with (public keys alone encrypt, they do not "
                                 "open); give a passphrase or a private key, which the safety backup is then "
                                 "encrypted to as well")));
    }

    // The decoded copy (and, live, the journal of the copy-in) on the target's file system;
    // the safety backup's snapshot and artifact (at worst as large) in the repository.
    const qint64 targetNeed = m.plaintextSize * (plan.mode == QStringLiteral("live") ? 2 : 1) + kMargin;
    const qint64 repoNeed = plan.takeSafetyBackup ? 2 * t.bytes + kMargin : 0;
    const bool shared = fileutil::sameFileSystem(folder, repo->stagingDir());
    const qint64 targetFree = fileutil::freeBytes(folder);
    const qint64 repoFree = fileutil::freeBytes(repo->stagingDir());
    const bool spaceOk = shared
        ? targetFree < 0 || targetFree >= targetNeed + repoNeed
        : (targetFree < 0 || targetFree >= targetNeed) && (repoFree < 0 || repoFree >= repoNeed);
    add(check(QStringLiteral("free_space"), spaceOk,
        shared ? QStringLiteral("%1 needed (restored database %2, safety backup %3), %4 free")
                     .arg(size(targetNeed + repoNeed), size(targetNeed), size(repoNeed), size(targetFree))
               : QStringLiteral("target folder: %1 needed, %2 free; repository: %3 needed, %4 free")
                     .arg(size(targetNeed), size(targetFree), size(repoNeed), size(repoFree))));

    // Full verification, by decoding the backup where it will be installed.
    if (folderOk && spaceOk) {
        MaterialisedCopy::removeLeftovers(t.path);
        auto copy = std::make_shared<MaterialisedCopy>(t.path);
        auto verified
            = copy->fill(m, plan.backup.artifactPath, cancel, progress, params.credentials, "restore-mid-materialise");
        if (!verified) {
            if (repoOk && !params.dryRun)
                catalog->audit({ .operation = QStringLiteral("restore"),
                    .target = t.path,
                    .backupId = m.id,
                    .outcome = verified.error().code == ErrorCode::Cancelled ? QStringLiteral("cancelled")
                                                                             : QStringLiteral("failed"),
                    .detail = QStringLiteral("preflight: %1").arg(verified.error().toString()) });
            return std::unexpected(verified.error());
        }
        plan.verification = *verified;
        VerifyOutcome outcome;
        outcome.backupId = m.id;
        outcome.database = m.database;
        outcome.level = levelName(VerifyLevel::Full);
        outcome.time = QDateTime::currentDateTimeUtc();
        outcome.durationMs = timer.elapsed();
        outcome.checks = plan.verification;
        if (repoOk)
            catalog->recordVerification(outcome);
        const QList<CheckResult> failed = outcome.failedChecks();
        QString detail = QStringLiteral("%1 checks passed; the verified copy waits at %2")
                             .arg(outcome.checks.size())
                             .arg(params.dryRun ? QStringLiteral("(removed: dry run)") : copy->path());
        if (!failed.isEmpty()) {
            detail = QStringLiteral("%1: %2").arg(failed.first().name, failed.first().detail);
            if (!params.backupId.isEmpty() || params.latestOf.isEmpty())
                detail += QStringLiteral("; choose another backup ('coffer-cli list --db %1')").arg(m.database);
            else
                detail += QStringLiteral("; it is now marked bad, so --latest will pick the next older backup");
        }
        add(check(QStringLiteral("backup_verified"), failed.isEmpty(), detail));
        if (plan.ok() && !params.dryRun)
            plan.copy = copy;
    } else {
        plan.notes << QStringLiteral("The backup was not verified: the target folder must be writable and have room "
                                     "for the decoded copy first");
    }
    plan.preflightMs = timer.elapsed();

    if (!plan.ok() && !params.dryRun && repoOk) {
        const CheckResult first = plan.failedChecks().first();
        catalog->audit({ .operation = QStringLiteral("restore"),
            .target = t.path,
            .backupId = m.id,
            .outcome = QStringLiteral("refused"),
            .detail = QStringLiteral("preflight %1: %2").arg(first.name, first.detail) });
    }
    return plan;
}

} // namespace coffer
