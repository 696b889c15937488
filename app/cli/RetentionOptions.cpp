#include "RetentionOptions.h"

#include "CliOutput.h"

#include <QJsonArray>

namespace retentionoptions {

namespace {

struct CountOption {
    const char *name;
    std::optional<int> coffer::RetentionPolicy::*field;
    const char *help;
};

const CountOption kCounts[] = {
    { "keep-last", &coffer::RetentionPolicy::keepLast, "Keep the newest N backups." },
    { "keep-hourly", &coffer::RetentionPolicy::keepHourly, "Keep the newest backup of each of the last N hours." },
    { "keep-daily", &coffer::RetentionPolicy::keepDaily, "Keep the newest backup of each of the last N days." },
    { "keep-weekly", &coffer::RetentionPolicy::keepWeekly, "Keep the newest backup of each of the last N weeks." },
    { "keep-monthly", &coffer::RetentionPolicy::keepMonthly, "Keep the newest backup of each of the last N months." },
    { "keep-yearly", &coffer::RetentionPolicy::keepYearly, "Keep the newest backup of each of the last N years." },
    { "retention-days", &coffer::RetentionPolicy::retentionDays, "Keep every backup younger than N days." },
    { "retain-count", &coffer::RetentionPolicy::retainCount, "Keep the newest N backups (the runbook's name)." },
    { "min-count", &coffer::RetentionPolicy::minCount,
        "Always keep the newest N backups of each database, whatever the rules say (default 1)." },
};

QString at(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

void addPolicyOptions(QCommandLineParser &parser)
{
    for (const CountOption &option : kCounts)
        parser.addOption({ QLatin1String(option.name), QLatin1String(option.help), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("keep-within"),
        QStringLiteral("Keep every backup younger than this (e.g. 7d, 12h, 2w, 6m, 1y)."),
        QStringLiteral("duration") });
    parser.addOption({ QStringLiteral("max-size-gb"),
        QStringLiteral("Then delete the oldest unprotected backups until those in scope total at most G GB."),
        QStringLiteral("G") });
    parser.addOption({ QStringLiteral("timezone"),
        QStringLiteral("Time zone of the hourly..yearly periods (IANA id; default: the workspace's, else the "
                       "system's)."),
        QStringLiteral("zone") });
}

std::expected<coffer::RetentionPolicySet, int> policies(const QCommandLineParser &parser, const CliContext &context)
{
    coffer::RetentionPolicy fromCommandLine;
    for (const CountOption &option : kCounts) {
        const QString name = QLatin1String(option.name);
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        if (!ok)
            return std::unexpected(
                cli::usageError(QStringLiteral("--%1 takes a whole number, not '%2'").arg(name, parser.value(name))));
        if (value < 1)
            return std::unexpected(
                cli::usageError(QStringLiteral("--%1 must be at least 1%2")
                                    .arg(name,
                                        option.field == &coffer::RetentionPolicy::minCount
                                            ? QStringLiteral(": a prune never deletes the last backup of a database")
                                            : QString())));
        fromCommandLine.*option.field = value;
    }
    if (parser.isSet(QStringLiteral("keep-within"))) {
        auto duration = coffer::RetentionDuration::parse(parser.value(QStringLiteral("keep-within")));
        if (!duration)
            return std::unexpected(cli::usageError(QStringLiteral("--keep-within: %1").arg(duration.error().message)));
        fromCommandLine.keepWithin = *duration;
    }
    if (parser.isSet(QStringLiteral("max-size-gb"))) {
        bool ok = false;
        const double gb = parser.value(QStringLiteral("max-size-gb")).toDouble(&ok);
        if (!ok)
            return std::unexpected(cli::usageError(QStringLiteral("--max-size-gb takes a number, not '%1'")
                                                       .arg(parser.value(QStringLiteral("max-size-gb")))));
        fromCommandLine.maxSizeGb = gb;
    }

    coffer::RetentionPolicySet set;
    auto workspace = context.workspace();
    const bool commandLineRules = fromCommandLine.hasKeepRule() || fromCommandLine.maxSizeGb;
    if (commandLineRules) {
        set.repositoryDefault = fromCommandLine;
        if (workspace) {
            const coffer::RetentionPolicySet &configured = workspace->retention();
            set.timeZone = configured.timeZone;
            // The command line's rules replace the workspace's, not its protections: each
            // level's min_count stays unless --min-count is given.
            if (!fromCommandLine.minCount) {
                set.repositoryDefault.minCount = configured.repositoryDefault.minCount;
                for (auto it = configured.groups.cbegin(); it != configured.groups.cend(); ++it)
                    if (it->minCount)
                        set.groups[it.key()].minCount = it->minCount;
                for (auto it = configured.databases.cbegin(); it != configured.databases.cend(); ++it)
                    if (it->minCount)
                        set.databases[it.key()].minCount = it->minCount;
            }
        }
    } else if (workspace && !workspace->retention().isEmpty()) {
        set = workspace->retention();
        // --min-count alone tightens the workspace's protection for this run.
        if (fromCommandLine.minCount)
            set.repositoryDefault.minCount = fromCommandLine.minCount;
    } else if (!workspace && parser.isSet(QStringLiteral("workspace"))) {
        return std::unexpected(cli::reportError(workspace.error(), context.json(), kExitUsage));
    } else {
        return std::unexpected(cli::usageError(
            QStringLiteral("no retention policy: give at least one rule (e.g. --keep-daily 7 --keep-weekly 4, or "
                           "--retention-days 30) or set `retention:` in the workspace%1. An empty policy would "
                           "delete every backup, so it is refused")
                .arg(workspace ? QString() : QStringLiteral(" (%1)").arg(workspace.error().message))));
    }
    if (parser.isSet(QStringLiteral("timezone")))
        set.timeZone = parser.value(QStringLiteral("timezone"));
    if (auto valid = set.validate(); !valid)
        return std::unexpected(cli::usageError(valid.error().message));
    return set;
}

QJsonObject planJson(const coffer::RetentionPlan &plan)
{
    QJsonArray backups;
    for (const coffer::RetentionDecision &decision : plan.decisions) {
        const coffer::RetentionCandidate &b = decision.backup;
        backups.append(QJsonObject{ { QStringLiteral("id"), b.id }, { QStringLiteral("database"), b.database },
            { QStringLiteral("group"), b.group },
            { QStringLiteral("created"), b.created.toUTC().toString(Qt::ISODateWithMs) },
            { QStringLiteral("bytes"), b.bytes }, { QStringLiteral("keep"), decision.keep },
            { QStringLiteral("reasons"), QJsonArray::fromStringList(decision.reasons) },
            { QStringLiteral("explanation"), decision.explanation() } });
    }
    QJsonArray databases;
    for (const coffer::RetentionDatabaseSummary &summary : plan.databases)
        databases.append(
            QJsonObject{ { QStringLiteral("database"), summary.database }, { QStringLiteral("kept"), summary.kept },
                { QStringLiteral("deleted"), summary.deleted }, { QStringLiteral("kept_bytes"), summary.keptBytes },
                { QStringLiteral("freed_bytes"), summary.freedBytes } });
    return QJsonObject{ { QStringLiteral("now"), plan.now.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("time_zone"), plan.timeZone }, { QStringLiteral("backups"), backups },
        { QStringLiteral("databases"), databases }, { QStringLiteral("deleted"), plan.deletedCount() },
        { QStringLiteral("freed_bytes"), plan.freedBytes() },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(plan.warnings) } };
}

void printPlan(const coffer::RetentionPlan &plan)
{
    QString database;
    for (const coffer::RetentionDecision &decision : plan.decisions) {
        const coffer::RetentionCandidate &b = decision.backup;
        if (b.database != database) {
            database = b.database;
            cli::out(QStringLiteral("%1:").arg(database));
        }
        cli::out(
            QStringLiteral("  %1  %2  %3  %4  %5")
                .arg(decision.keep ? QStringLiteral("keep  ") : QStringLiteral("DELETE"), b.id.left(8), at(b.created))
                .arg(cli::humanSize(b.bytes), 10)
                .arg(decision.reasons.join(QStringLiteral(", "))));
    }
    for (const coffer::RetentionDatabaseSummary &summary : plan.databases)
        cli::out(QStringLiteral("%1: keep %2 (%3), delete %4 (%5)")
                     .arg(summary.database)
                     .arg(summary.kept)
                     .arg(cli::humanSize(summary.keptBytes))
                     .arg(summary.deleted)
                     .arg(cli::humanSize(summary.freedBytes)));
    for (const QString &warning : plan.warnings)
        cli::err(QStringLiteral("coffer-cli: warning: %1").arg(warning));
}

} // namespace retentionoptions
