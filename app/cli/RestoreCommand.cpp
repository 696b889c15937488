#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JobRunner.h"
#include "KeyOptions.h"
#include "RestoreViews.h"

#include "repository/RepoLock.h"
#include "restore/RestoreJob.h"
#include "restore/RestorePreflightJob.h"

#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

// The typed confirmation: the name of the database about to be replaced.
bool confirmed(const QString &name)
{
    std::fprintf(stderr, "Type the database name '%s' to restore, anything else to cancel: ", qPrintable(name));
    std::fflush(stderr);
    QTextStream in(stdin);
    return in.readLine().trimmed() == name;
}

// The backup the planner will choose, to know whether to ask for a passphrase first; the
// planner itself decides (and reports) for real.
std::optional<coffer::CatalogEntry> chosenBackup(const coffer::RestoreParams &params)
{
    auto repository = coffer::Repository::open(params.repositoryPath);
    if (!repository)
        return std::nullopt;
    auto catalog = coffer::Catalog::open(*repository);
    if (!catalog)
        return std::nullopt;
    if (!params.backupId.isEmpty()) {
        auto entry = catalog->backup(params.backupId);
        return entry ? std::optional(*entry) : std::nullopt;
    }
    for (const coffer::CatalogEntry &entry : catalog->backups(params.latestOf).value_or(QList<coffer::CatalogEntry>{}))
        if (!entry.lastVerification || entry.lastVerification->ok())
            return entry;
    return std::nullopt;
}

} // namespace

int runRestore(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The backup to restore (id or unique prefix)."));
    parser.addOptions({
        { QStringLiteral("latest"),
            QStringLiteral("Restore the newest backup of --db that has not failed a verification.") },
        { QStringLiteral("db"), QStringLiteral("The database whose latest backup --latest restores."),
            QStringLiteral("name") },
        { QStringLiteral("target"),
            QStringLiteral(
                "Restore to this path (default: the database's workspace path, else where it was backed up from)."),
            QStringLiteral("path") },
        { QStringLiteral("live"),
            QStringLiteral("Copy in through SQLite while other programs keep the database open.") },
        { QStringLiteral("dry-run"), QStringLiteral("Plan and check (including full verification), change nothing.") },
        { QStringLiteral("no-safety-backup"),
            QStringLiteral("Do not back up the current database first (not recommended).") },
        { QStringLiteral("ignore-name-mismatch"),
            QStringLiteral("Allow restoring a backup of one workspace database over another.") },
        { QStringLiteral("yes"), QStringLiteral("Do not ask for the typed confirmation.") },
    });
    keyoptions::addOpenOptions(parser);
    keyoptions::addSafetyRecipientOption(parser);
    CliContext::addWaitOption(parser, 30);
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Restore a backup: preflight checks, a safety backup of the current "
                           "database, an atomic install, and automatic rollback on failure.")))
        return *exit;
    const CliContext context(parser);
    const QStringList ids = parser.positionalArguments();
    const bool latest = parser.isSet(QStringLiteral("latest"));
    if (latest == (ids.size() == 1) || ids.size() > 1)
        return cli::usageError(QStringLiteral("restore needs one backup ID, or --latest --db NAME"));
    if (latest != parser.isSet(QStringLiteral("db")))
        return cli::usageError(QStringLiteral("--latest and --db go together"));

    coffer::RestoreParams params;
    params.backupId = ids.value(0);
    params.latestOf = parser.value(QStringLiteral("db"));
    if (parser.isSet(QStringLiteral("target")))
        params.targetPath = QFileInfo(parser.value(QStringLiteral("target"))).absoluteFilePath();
    params.live = parser.isSet(QStringLiteral("live"));
    params.dryRun = parser.isSet(QStringLiteral("dry-run"));
    params.safetyBackup = !parser.isSet(QStringLiteral("no-safety-backup"));
    params.ignoreNameMismatch = parser.isSet(QStringLiteral("ignore-name-mismatch"));
    const bool yes = parser.isSet(QStringLiteral("yes"));
    if (!yes && !params.dryRun && !::isatty(STDIN_FILENO))
        return cli::usageError(QStringLiteral("restore replaces a database: run it on a terminal to confirm, or pass "
                                              "--yes (or --dry-run to only check)"));
    if (auto ws = context.workspace(); ws)
        params.workspaceDatabases = ws->databases();
    else if (parser.isSet(QStringLiteral("workspace")))
        return cli::reportError(ws.error(), context.json(), kExitUsage);
    auto repo = context.repositoryPath();
    if (!repo)
        return cli::reportError(repo.error(), context.json(), kExitUsage);
    params.repositoryPath = *repo;
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();
    params.lockWaitMs = *waitMs;
    // Held from the preflight to the end, so no prune or delete can take the backup in between.
    auto repository = coffer::Repository::open(params.repositoryPath);
    if (!repository)
        return cli::reportError(repository.error(), context.json());
    auto held = coffer::RepoLock::acquire(
        repository->locksDir(), coffer::RepoLock::Kind::Shared, QStringLiteral("restore"), *waitMs);
    if (!held)
        return cli::reportError(held.error(), context.json());
    auto credentials = keyoptions::credentials(parser, context);
    if (!credentials)
        return credentials.error();
    auto safetyRecipients = keyoptions::safetyRecipients(parser, context);
    if (!safetyRecipients)
        return safetyRecipients.error();
    params.safetyRecipients = *safetyRecipients;
    if (credentials->isEmpty()) {
        if (auto backup = chosenBackup(params); backup && keyoptions::opensWithPassphrase(backup->manifest))
            if (auto asked
                = keyoptions::askIfNeeded(*credentials, { keyoptions::describe(backup->manifest) }, context.json());
                !asked)
                return asked.error();
    }
    params.credentials = *credentials;

    // 1-2: plan and preflight.
    auto preflight = std::make_shared<coffer::RestorePreflightJob>(params);
    runJobs({ preflight });
    if (preflight->state() != coffer::Job::State::Succeeded)
        return keyoptions::reportError(preflight->error(), context);
    const coffer::RestorePlan &plan = preflight->plan();
    if (!context.json())
        restoreview::printPlan(plan);
    if (!plan.ok() || params.dryRun) {
        if (context.json())
            cli::printJson(QJsonObject{
                { QStringLiteral("plan"), restoreview::planJson(plan) }, { QStringLiteral("outcome"), QJsonValue() } });
        if (!plan.ok()) {
            cli::err(QStringLiteral("coffer-cli: the preflight failed (%1); nothing was changed")
                         .arg(plan.failedChecks().first().name));
            return kExitFailed;
        }
        const QString done = QStringLiteral("Dry run: the restore would go ahead; nothing was changed");
        context.json() ? cli::err(done) : cli::out(done);
        return kExitOk;
    }
    if (!yes && !confirmed(plan.target.exists ? plan.safetyDatabase : plan.backup.manifest.database)) {
        cli::err(QStringLiteral("coffer-cli: not confirmed; nothing was changed"));
        return kExitFailed;
    }

    // 3-6: safety backup, install, verify, rollback on failure.
    auto restore = std::make_shared<coffer::RestoreJob>(plan);
    runJobs({ restore });
    const coffer::RestoreResult &result = restore->result();
    if (context.json())
        cli::printJson(QJsonObject{ { QStringLiteral("plan"), restoreview::planJson(plan) },
            { QStringLiteral("outcome"), restoreview::resultJson(result) } });
    else
        restoreview::printResult(plan, result);
    if (restore->state() == coffer::Job::State::Succeeded)
        return kExitOk;
    if (context.json())
        cli::err(QStringLiteral("coffer-cli: the restore failed: %1").arg(restore->error().message));
    return kExitFailed;
}
