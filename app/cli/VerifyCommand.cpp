#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JobRunner.h"
#include "JsonViews.h"
#include "KeyOptions.h"

#include "verify/VerifyJob.h"

#include <QJsonArray>

int runVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("ID..."), QStringLiteral("Backups to verify (ids or unique prefixes)."));
    parser.addOptions({
        {QStringLiteral("all"), QStringLiteral("Verify every backup in the repository.")},
        {QStringLiteral("level"), QStringLiteral("quick (checksums, default) or full (decompress, integrity_check, "
                                                 "schema and row counts)."),
         QStringLiteral("level")},
        {QStringLiteral("max-age-hours"),
         QStringLiteral("Fail when the newest backup of a database is older than this (or missing)."),
         QStringLiteral("hours")},
        {QStringLiteral("min-size"), QStringLiteral("Fail when an artifact is smaller than this many bytes."),
         QStringLiteral("bytes")},
    });
    keyoptions::addOpenOptions(parser);
    CliContext::addWaitOption(parser, 30);
    if (auto exit = CliContext::parse(parser, arguments, QStringLiteral("Verify backups against their manifests.")))
        return *exit;
    const CliContext context(parser);
    coffer::VerifyParams params;
    params.all = parser.isSet(QStringLiteral("all"));
    params.ids = parser.positionalArguments();
    if (params.all == !params.ids.isEmpty())
        return cli::usageError(QStringLiteral("verify needs backup IDs or --all (not both)"));
    auto level = coffer::levelFromName(parser.value(QStringLiteral("level")).isEmpty() ? QStringLiteral("quick")
                                                                                        : parser.value(QStringLiteral("level")));
    if (!level)
        return cli::usageError(level.error().message);
    params.level = *level;
    if (parser.isSet(QStringLiteral("max-age-hours"))) {
        bool ok = false;
        params.maxAgeHours = parser.value(QStringLiteral("max-age-hours")).toDouble(&ok);
        if (!ok || *params.maxAgeHours <= 0)
            return cli::usageError(QStringLiteral("--max-age-hours takes a positive number"));
        // With --all, a workspace database with no backup at all is stale too.
        if (auto ws = context.workspace(); ws && params.all)
            for (const coffer::DatabaseEntry &db : ws->databases())
                params.expectedDatabases << db.name;
    }
    if (parser.isSet(QStringLiteral("min-size"))) {
        bool ok = false;
        params.minSize = parser.value(QStringLiteral("min-size")).toLongLong(&ok);
        if (!ok || *params.minSize < 0)
            return cli::usageError(QStringLiteral("--min-size takes a number of bytes"));
    }
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();
    params.lockWaitMs = *waitMs;
    auto repo = context.repositoryPath();
    if (!repo)
        return cli::reportError(repo.error(), context.json(), kExitUsage);
    params.repositoryPath = *repo;
    auto credentials = keyoptions::credentials(parser, context);
    if (!credentials)
        return credentials.error();
    // Only a full verification decrypts; ask once when a selected backup takes a passphrase.
    if (params.level == coffer::VerifyLevel::Full && credentials->isEmpty()) {
        QStringList encrypted;
        auto repository = coffer::Repository::open(params.repositoryPath);
        if (auto catalog = repository ? coffer::Catalog::open(*repository) : std::unexpected(repository.error());
            catalog) {
            QList<coffer::CatalogEntry> entries;
            if (params.all)
                entries = catalog->backups().value_or(QList<coffer::CatalogEntry>{});
            for (const QString &id : std::as_const(params.ids))
                if (auto entry = catalog->backup(id))
                    entries << *entry;
            for (const coffer::CatalogEntry &entry : std::as_const(entries))
                if (keyoptions::opensWithPassphrase(entry.manifest))
                    encrypted << keyoptions::describe(entry.manifest);
        }
        if (auto asked = keyoptions::askIfNeeded(*credentials, encrypted, context.json()); !asked)
            return asked.error();
    }
    params.credentials = *credentials;

    auto job = std::make_shared<coffer::VerifyJob>(params);
    runJobs({job});
    if (job->state() != coffer::Job::State::Succeeded)
        return keyoptions::reportError(job->error(), context);

    int failures = 0;
    QJsonArray array;
    for (const coffer::VerifyOutcome &outcome : job->outcomes()) {
        array.append(jsonview::outcome(outcome));
        failures += outcome.ok() ? 0 : 1;
        if (context.json())
            continue;
        const QString who = outcome.backupId.isEmpty() ? QStringLiteral("--------") : outcome.backupId.left(8);
        if (outcome.ok()) {
            cli::out(QStringLiteral("ok      %1  %2  %3 (%4 checks)").arg(who, outcome.database, outcome.level).arg(outcome.checks.size()));
            continue;
        }
        cli::out(QStringLiteral("FAILED  %1  %2  %3").arg(who, outcome.database, outcome.level));
        for (const coffer::CheckResult &check : outcome.failedChecks())
            cli::out(QStringLiteral("        %1: %2").arg(check.name, check.detail));
    }
    if (context.json())
        cli::printJson(array);
    else
        cli::out(QStringLiteral("%1 verified, %2 failed").arg(job->outcomes().size() - failures).arg(failures));
    return failures == 0 ? kExitOk : kExitCheckFailed;
}
