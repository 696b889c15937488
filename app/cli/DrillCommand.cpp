#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"
#include "JobRunner.h"
#include "ReportOption.h"
#include "KeyOptions.h"

#include "drill/DrillJob.h"
#include "report/DrillReport.h"
#include "report/DrillReportHtml.h"
#include "report/ReportFile.h"

#ifdef COFFER_HAVE_PDF
#include "ReportPdf.h"
#endif

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QString rto(qint64 ms)
{
    return ms < 1000 ? QStringLiteral("%1 ms").arg(ms) : QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

void printOutcome(const coffer::DrillOutcome &outcome, const coffer::Workspace &workspace)
{
    const QString who = outcome.backupId.isEmpty() ? QStringLiteral("--------") : outcome.backupId.left(8);
    const int smoke = coffer::DrillReport::smokeQueries(outcome);
    const auto database = workspace.database(outcome.database);
    QString queries;
    if (smoke > 0)
        queries = QStringLiteral("%1 smoke %2")
                      .arg(smoke)
                      .arg(smoke == 1 ? QStringLiteral("query") : QStringLiteral("queries"));
    else if (!database || database->smokeQueries.isEmpty())
        queries = QStringLiteral("no smoke queries: add smoke_queries to %1 in the workspace").arg(outcome.database);
    else
        queries = QStringLiteral("smoke queries not run"); // the restore failed first
    if (outcome.backupId.isEmpty()) {
        cli::out(QStringLiteral("FAILED  %1  %2").arg(outcome.database, who));
    } else {
        cli::out(QStringLiteral("%1  %2  %3  RTO %4  (%5)")
                     .arg(outcome.ok() ? QStringLiteral("PASSED") : QStringLiteral("FAILED"), outcome.database, who,
                         rto(outcome.rtoMs), queries));
    }
    for (const coffer::CheckResult &check : coffer::failedOf(outcome.checks))
        cli::out(QStringLiteral("        %1: %2").arg(check.name, check.detail));
}

coffer::Result<void> writeReport(const QString &path, const coffer::DrillReport &report)
{
    auto format = coffer::ReportFile::formatOf(path);
    if (!format)
        return std::unexpected(format.error());
    QByteArray bytes;
#ifdef COFFER_HAVE_PDF
    if (*format == coffer::ReportFormat::Pdf) {
        auto pdf
            = coffer::ReportPdf::render(coffer::DrillReportHtml::toHtml(report), QStringLiteral("Coffer drill report"));
        if (!pdf)
            return std::unexpected(pdf.error());
        bytes = pdf->bytes;
    }
#endif
    if (bytes.isEmpty()) {
        auto rendered = coffer::ReportFile::render(report, *format);
        if (!rendered)
            return std::unexpected(rendered.error());
        bytes = *rendered;
    }
    return coffer::ReportFile::writeAtomically(path, bytes);
}

} // namespace

int runDrill(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("ID..."), QStringLiteral("Backups to drill (ids or unique prefixes)."));
    parser.addOptions({
        { QStringLiteral("db"), QStringLiteral("Drill this database's backups (may be repeated)."),
            QStringLiteral("name") },
        { QStringLiteral("group"), QStringLiteral("Drill the backups of every database in this group."),
            QStringLiteral("group") },
        { QStringLiteral("all"), QStringLiteral("Drill every database that has backups in the repository.") },
        { QStringLiteral("sample"),
            QStringLiteral("Per database: the newest backup plus N-1 others chosen at random (default 1)."),
            QStringLiteral("N") },
        { QStringLiteral("report"),
            QStringLiteral("Also write a drill report; the extension (.json, .html, .pdf) chooses the format."),
            QStringLiteral("file") },
    });
    keyoptions::addOpenOptions(parser);
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Restore backups into a scratch folder, verify them in full, run the smoke queries, "
                           "time them (RTO) and clean up. The live databases are never touched.")))
        return *exit;
    const CliContext context(parser);

    coffer::DrillParams params;
    params.ids = parser.positionalArguments();
    const QStringList databases = parser.values(QStringLiteral("db"));
    const QString group = parser.value(QStringLiteral("group"));
    const bool all = parser.isSet(QStringLiteral("all"));
    const int ways
        = (params.ids.isEmpty() ? 0 : 1) + (databases.isEmpty() ? 0 : 1) + (group.isEmpty() ? 0 : 1) + (all ? 1 : 0);
    if (ways != 1)
        return cli::usageError(QStringLiteral("drill needs one of --db NAME, --group G, --all or backup IDs"));
    if (parser.isSet(QStringLiteral("sample"))) {
        bool ok = false;
        params.sample = parser.value(QStringLiteral("sample")).toInt(&ok);
        if (!ok || params.sample < 1)
            return cli::usageError(QStringLiteral("--sample takes a whole number, 1 or more"));
        if (!params.ids.isEmpty())
            return cli::usageError(QStringLiteral("--sample goes with --db, --group or --all, not with backup IDs"));
    }
    const QString reportPath = parser.value(QStringLiteral("report"));
    if (parser.isSet(QStringLiteral("report")))
        if (auto exit = cli::checkReportPath(reportPath))
            return *exit;

    // The smoke queries come from the workspace. Without one the drills still restore and verify;
    // a workspace that exists but does not load must not silently drop them.
    auto workspace = context.workspace();
    if (!workspace && workspace.error().code != coffer::ErrorCode::NotFound)
        return cli::reportError(workspace.error(), context.json(), kExitUsage);
    if (workspace)
        params.workspace = *workspace;

    auto repo = context.repositoryPath();
    if (!repo)
        return cli::reportError(repo.error(), context.json(), kExitUsage);
    params.repositoryPath = *repo;
    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    auto backups = catalog->backups();
    if (!backups)
        return cli::reportError(backups.error(), context.json());

    QString scope = QStringLiteral("database");
    QString scopeLabel;
    if (!databases.isEmpty()) {
        params.databases = databases;
        params.databases.removeDuplicates();
        scopeLabel = params.databases.join(QStringLiteral(", "));
    } else if (!group.isEmpty()) {
        scope = QStringLiteral("group");
        scopeLabel = group;
        if (workspace)
            for (const coffer::DatabaseEntry &db : workspace->group(group))
                params.databases << db.name;
        for (const coffer::CatalogEntry &entry : std::as_const(*backups))
            if (entry.manifest.group == group && !params.databases.contains(entry.manifest.database))
                params.databases << entry.manifest.database;
        if (params.databases.isEmpty())
            return cli::usageError(
                QStringLiteral("no database of group '%1' in the workspace or the repository").arg(group));
    } else if (all) {
        scope = QStringLiteral("repository");
        for (const coffer::CatalogEntry &entry : std::as_const(*backups))
            if (!params.databases.contains(entry.manifest.database))
                params.databases << entry.manifest.database;
        params.databases.sort();
    } else {
        scope = params.ids.size() == 1 ? QStringLiteral("backup") : QStringLiteral("selection");
        if (params.ids.size() == 1)
            if (auto entry = catalog->backup(params.ids.first()))
                scopeLabel = entry->manifest.id;
    }

    auto credentials = keyoptions::credentials(parser, context);
    if (!credentials)
        return credentials.error();
    if (credentials->isEmpty()) {
        // Ask once when a backup the drill may restore takes a passphrase.
        QStringList encrypted;
        for (const coffer::CatalogEntry &entry : std::as_const(*backups)) {
            const bool named = params.databases.contains(entry.manifest.database)
                || std::any_of(params.ids.cbegin(), params.ids.cend(),
                    [&](const QString &id) { return entry.manifest.id.startsWith(id.trimmed().toLower()); });
            if (named && keyoptions::opensWithPassphrase(entry.manifest))
                encrypted << keyoptions::describe(entry.manifest);
        }
        if (auto asked = keyoptions::askIfNeeded(*credentials, encrypted, context.json()); !asked)
            return asked.error();
    }
    params.credentials = *credentials;

    const QDateTime started = QDateTime::currentDateTimeUtc();
    auto job = std::make_shared<coffer::DrillJob>(params);
    if (!params.databases.isEmpty() || !params.ids.isEmpty())
        runJobs({ job });
    else if (!context.json())
        cli::out(QStringLiteral("the repository holds no backup to drill"));
    if (job->state() == coffer::Job::State::Failed || job->state() == coffer::Job::State::Cancelled) {
        for (const coffer::DrillOutcome &outcome : job->outcomes())
            if (!context.json())
                printOutcome(outcome, params.workspace);
        return keyoptions::reportError(job->error(), context);
    }

    int failures = 0;
    QJsonArray array;
    for (const coffer::DrillOutcome &outcome : job->outcomes()) {
        failures += outcome.ok() ? 0 : 1;
        array.append(jsonview::drill(outcome));
        if (!context.json())
            printOutcome(outcome, params.workspace);
    }
    if (context.json())
        cli::printJson(array);
    else if (!job->outcomes().isEmpty()) {
        const qsizetype passed = job->outcomes().size() - failures;
        cli::out(QStringLiteral("%1 %2 passed, %3 failed")
                     .arg(passed)
                     .arg(passed == 1 ? QStringLiteral("drill") : QStringLiteral("drills"))
                     .arg(failures));
    }
    if (!reportPath.isEmpty()) {
        const QString label = parser.value(QStringLiteral("repo")).isEmpty() ? params.repositoryPath
                                                                             : parser.value(QStringLiteral("repo"));
        const auto report = coffer::DrillReport::make(
            scope, scopeLabel, label, started, QDateTime::currentDateTimeUtc(), job->outcomes(), *backups);
        if (auto written = writeReport(reportPath, report); !written)
            return cli::reportError(written.error(), false);
        if (!context.json())
            cli::out(QStringLiteral("report written to %1").arg(reportPath));
    }
    return failures == 0 ? kExitOk : kExitCheckFailed;
}
