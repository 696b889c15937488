#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "ReportOption.h"
#include "JobRunner.h"
#include "JsonViews.h"
#include "KeyOptions.h"

#include "report/ReportFile.h"
#include "report/VerificationRunReport.h"
#include "verify/VerifyJob.h"

#ifdef COFFER_HAVE_PDF
#include "ReportPdf.h"
#endif

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace {

// Writes the run's report; the backups in scope are read back from the catalog, which now
// holds this run's outcomes.
coffer::Result<void> writeReport(const QString &path, const coffer::VerifyParams &params, const QString &repositoryLabel,
    const QList<coffer::VerifyOutcome> &outcomes, const QDateTime &started, int staleAfterDays)
{
    auto repository = coffer::Repository::open(params.repositoryPath);
    if (!repository)
        return std::unexpected(repository.error());
    auto catalog = coffer::Catalog::open(*repository);
    if (!catalog)
        return std::unexpected(catalog.error());
    coffer::ReportRepositoryRun run{ repositoryLabel, {}, outcomes, {} };
    coffer::ReportScope scope = coffer::ReportScope::Repository;
    QString scopeLabel = repositoryLabel;
    if (params.all) {
        auto backups = catalog->backups(params.database);
        if (!backups)
            return std::unexpected(backups.error());
        run.backups = *backups;
        if (!params.database.isEmpty()) {
            scope = coffer::ReportScope::Database;
            scopeLabel = params.database;
        }
    } else {
        for (const QString &id : params.ids) {
            auto entry = catalog->backup(id);
            if (!entry)
                return std::unexpected(entry.error());
            const bool named = std::any_of(run.backups.cbegin(), run.backups.cend(),
                [&](const coffer::CatalogEntry &other) { return other.manifest.id == entry->manifest.id; });
            if (!named) // the same backup given twice (an id and its prefix) is one backup of the report
                run.backups << *entry;
        }
        scope = params.ids.size() == 1 ? coffer::ReportScope::Backup : coffer::ReportScope::Selection;
        scopeLabel = params.ids.size() == 1 ? run.backups.value(0).manifest.id : QString();
    }
    const auto report = coffer::VerificationRunReport::make(scope, scopeLabel, coffer::levelName(params.level),
        started, QDateTime::currentDateTimeUtc(), { run }, staleAfterDays);
#ifdef COFFER_HAVE_PDF
    return coffer::ReportPdf::write(report, path);
#else
    auto format = coffer::ReportFile::formatOf(path);
    if (!format)
        return std::unexpected(format.error());
    auto bytes = coffer::ReportFile::render(report, *format);
    if (!bytes)
        return std::unexpected(bytes.error());
    return coffer::ReportFile::writeAtomically(path, *bytes);
#endif
}

} // namespace

int runVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("ID..."), QStringLiteral("Backups to verify (ids or unique prefixes)."));
    parser.addOptions({
        {QStringLiteral("all"), QStringLiteral("Verify every backup in the repository.")},
        {QStringLiteral("db"), QStringLiteral("With --all: only this database's backups."), QStringLiteral("name")},
        {QStringLiteral("report"),
         QStringLiteral("Also write a verification report; the extension (.json, .html, .pdf) chooses the format."),
         QStringLiteral("file")},
        {QStringLiteral("stale-after-days"),
         QStringLiteral("In the report, a backup verified longer ago than this is stale (default 30)."),
         QStringLiteral("days")},
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
    params.database = parser.value(QStringLiteral("db"));
    if (!params.database.isEmpty() && !params.all)
        return cli::usageError(QStringLiteral("--db goes with --all"));
    // The report's name is checked before anything runs: a bad one is a usage error.
    const QString reportPath = parser.value(QStringLiteral("report"));
    if (parser.isSet(QStringLiteral("report"))) {
        if (auto bad = cli::checkReportPath(reportPath))
            return *bad;
    }
    int staleAfterDays = coffer::VerificationRunReport::kDefaultStaleAfterDays;
    if (parser.isSet(QStringLiteral("stale-after-days"))) {
        bool ok = false;
        staleAfterDays = parser.value(QStringLiteral("stale-after-days")).toInt(&ok);
        if (!ok || staleAfterDays <= 0)
            return cli::usageError(QStringLiteral("--stale-after-days takes a positive number of days"));
    }
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

    const QDateTime started = QDateTime::currentDateTimeUtc();
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
    if (!reportPath.isEmpty()) {
        const QString label = parser.value(QStringLiteral("repo")).isEmpty() ? params.repositoryPath
                                                                              : parser.value(QStringLiteral("repo"));
        if (auto written = writeReport(reportPath, params, label, job->outcomes(), started, staleAfterDays); !written)
            return cli::reportError(written.error(), false);
        if (!context.json())
            cli::out(QStringLiteral("report written to %1").arg(reportPath));
    }
    return failures == 0 ? kExitOk : kExitCheckFailed;
}
