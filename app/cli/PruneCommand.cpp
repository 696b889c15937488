#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JobRunner.h"
#include "RetentionOptions.h"

#include "common/FileUtil.h"
#include "retention/PruneJob.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

int runPrune(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addOptions({
        { QStringLiteral("db"), QStringLiteral("Only the backups of this database."), QStringLiteral("name") },
        { QStringLiteral("group"), QStringLiteral("Only the backups of this group."), QStringLiteral("group") },
        { QStringLiteral("dry-run"),
            QStringLiteral("Print the plan (what is kept, what is deleted, and why); change "
                           "nothing.") },
        { QStringLiteral("report"), QStringLiteral("Also write the plan and its outcome to this JSON file."),
            QStringLiteral("file") },
    });
    retentionoptions::addPolicyOptions(parser);
    CliContext::addWaitOption(parser, 0);
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Delete the backups a retention policy does not keep. Pinned backups, the newest verified "
                           "backup and the newest --min-count backups of each database, and unexpired safety backups "
                           "are always kept.")))
        return *exit;
    const CliContext context(parser);
    if (!parser.positionalArguments().isEmpty())
        return cli::usageError(QStringLiteral("prune takes no positional arguments"));
    if (parser.isSet(QStringLiteral("db")) && parser.isSet(QStringLiteral("group")))
        return cli::usageError(QStringLiteral("give --db or --group, not both"));
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();
    auto policies = retentionoptions::policies(parser, context);
    if (!policies)
        return policies.error();
    auto repo = context.repositoryPath();
    if (!repo)
        return cli::reportError(repo.error(), context.json(), kExitUsage);
    // Checked before anything is deleted: a prune whose report cannot be written does not start.
    const QString report = parser.value(QStringLiteral("report"));
    if (!report.isEmpty() && !QFileInfo(QFileInfo(report).absolutePath()).isWritable())
        return cli::usageError(QStringLiteral("--report: cannot write into %1").arg(QFileInfo(report).absolutePath()));

    coffer::PruneParams params;
    params.repositoryPath = *repo;
    params.database = parser.value(QStringLiteral("db"));
    params.group = parser.value(QStringLiteral("group"));
    params.policies = *policies;
    params.dryRun = parser.isSet(QStringLiteral("dry-run"));
    params.lockWaitMs = *waitMs;
    auto job = std::make_shared<coffer::PruneJob>(params);
    runJobs({ job });
    // No plan: the prune could not start (no repository, busy, a policy a database cannot use).
    if (job->state() != coffer::Job::State::Succeeded && !job->result().plan.now.isValid())
        return cli::reportError(job->error(), context.json(),
            job->error().code == coffer::ErrorCode::InvalidArgument ? kExitUsage : kExitFailed);

    const coffer::PruneResult &result = job->result();
    QJsonObject json = retentionoptions::planJson(result.plan);
    json.insert(QStringLiteral("repository"), params.repositoryPath);
    json.insert(QStringLiteral("policy"), params.policies.describe());
    json.insert(QStringLiteral("dry_run"), params.dryRun);
    json.insert(QStringLiteral("outcome"),
        QJsonObject{ { QStringLiteral("deleted"), result.deleted },
            { QStringLiteral("freed_bytes"), result.freedBytes }, { QStringLiteral("cancelled"), result.cancelled },
            { QStringLiteral("failures"), QJsonArray::fromStringList(result.failures) } });
    bool reported = true;
    if (!report.isEmpty()) {
        if (auto written = coffer::fileutil::writeDurably(report, QJsonDocument(json).toJson()); !written) {
            cli::reportError(written.error(), false);
            reported = false;
        }
    }
    if (context.json()) {
        cli::printJson(json);
    } else {
        cli::out(QStringLiteral("Policy: %1").arg(params.policies.describe()));
        retentionoptions::printPlan(result.plan);
        const int planned = result.plan.deletedCount();
        if (params.dryRun)
            cli::out(QStringLiteral("Dry run: would delete %1 of %2 backup(s), freeing %3; nothing was changed")
                         .arg(planned)
                         .arg(result.plan.decisions.size())
                         .arg(cli::humanSize(result.plan.freedBytes())));
        else
            cli::out(QStringLiteral("Deleted %1 of %2 backup(s), freed %3")
                         .arg(result.deleted)
                         .arg(result.plan.decisions.size())
                         .arg(cli::humanSize(result.freedBytes)));
        for (const QString &failure : result.failures)
            cli::err(QStringLiteral("coffer-cli: not deleted: %1").arg(failure));
    }
    if (job->state() == coffer::Job::State::Cancelled || job->state() == coffer::Job::State::Failed) {
        if (!context.json())
            cli::err(QStringLiteral("coffer-cli: %1").arg(job->error().toString()));
        return kExitFailed;
    }
    return reported ? kExitOk : kExitFailed;
}
