#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"

#include "repository/Catalog.h"
#include "repository/StorageUsage.h"
#include "retention/PruneJob.h"
#include "retention/RetentionPlanner.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace {

struct Projection {
    QString policy; // every level of the policy set, for a person
    QList<coffer::RetentionDatabaseSummary> databases; // by name, as the planner gives them
    coffer::RetentionDatabaseSummary total;
    QStringList warnings;
};

// The repository after a prune by `policies` now: what the planner keeps, per database.
coffer::Result<Projection> project(
    const QList<coffer::CatalogEntry> &entries, const coffer::RetentionPolicySet &policies)
{
    auto plan = coffer::RetentionPlanner::plan(
        coffer::retentionCandidates(entries), policies, QDateTime::currentDateTimeUtc());
    if (!plan)
        return std::unexpected(plan.error());
    Projection projection{
        .policy = policies.describe(), .databases = plan->databases, .total = {}, .warnings = plan->warnings
    };
    for (const coffer::RetentionDatabaseSummary &summary : std::as_const(plan->databases)) {
        projection.total.kept += summary.kept;
        projection.total.deleted += summary.deleted;
        projection.total.keptBytes += summary.keptBytes;
        projection.total.freedBytes += summary.freedBytes;
    }
    return projection;
}

QString ratioText(const coffer::UsageBucket &bucket)
{
    const double ratio = bucket.compressionRatio();
    return ratio > 0 ? QStringLiteral("%1x").arg(ratio, 0, 'f', 2) : QStringLiteral("-");
}

QString sizeOrUnknown(qint64 bytes)
{
    return bytes >= 0 ? cli::humanSize(bytes) : QStringLiteral("unknown");
}

QJsonObject bucketJson(const coffer::UsageBucket &bucket)
{
    return QJsonObject{ { QStringLiteral("backups"), bucket.backups },
        { QStringLiteral("artifact_bytes"), bucket.artifactBytes },
        { QStringLiteral("plaintext_bytes"), bucket.plaintextBytes },
        { QStringLiteral("compression_ratio"), bucket.compressionRatio() } };
}

QJsonObject projectedJson(const coffer::RetentionDatabaseSummary &projected)
{
    QJsonObject json{ { QStringLiteral("backups_after"), projected.kept },
        { QStringLiteral("backups_deleted"), projected.deleted },
        { QStringLiteral("bytes_after"), projected.keptBytes },
        { QStringLiteral("freed_bytes"), projected.freedBytes } };
    if (!projected.database.isEmpty())
        json.insert(QStringLiteral("database"), projected.database);
    return json;
}

void printUsage(const QList<coffer::UsageBucket> &buckets, const coffer::UsageBucket &total, const QString &heading)
{
    const QString row = QStringLiteral("%1  %2  %3  %4  %5");
    cli::out(row.arg(heading, -20)
                 .arg(QStringLiteral("BACKUPS"), 7)
                 .arg(QStringLiteral("STORED"), 10)
                 .arg(QStringLiteral("ORIGINAL"), 10)
                 .arg(QStringLiteral("RATIO"), 7));
    for (const coffer::UsageBucket &bucket : buckets)
        cli::out(row.arg(bucket.name, -20)
                     .arg(bucket.backups, 7)
                     .arg(cli::humanSize(bucket.artifactBytes), 10)
                     .arg(cli::humanSize(bucket.plaintextBytes), 10)
                     .arg(ratioText(bucket), 7));
    cli::out(row.arg(QStringLiteral("TOTAL"), -20)
                 .arg(total.backups, 7)
                 .arg(cli::humanSize(total.artifactBytes), 10)
                 .arg(cli::humanSize(total.plaintextBytes), 10)
                 .arg(ratioText(total), 7));
}

void printProjection(const Projection &projection)
{
    cli::out(QString());
    cli::out(QStringLiteral("After a prune by the workspace's retention policy (%1):").arg(projection.policy));
    const QString row = QStringLiteral("%1  %2  %3  %4");
    cli::out(row.arg(QStringLiteral("DATABASE"), -20)
                 .arg(QStringLiteral("BACKUPS"), 7)
                 .arg(QStringLiteral("STORED"), 10)
                 .arg(QStringLiteral("FREED"), 10));
    auto print = [&row](const QString &name, const coffer::RetentionDatabaseSummary &p) {
        cli::out(row.arg(name, -20)
                     .arg(p.kept, 7)
                     .arg(cli::humanSize(p.keptBytes), 10)
                     .arg(cli::humanSize(p.freedBytes), 10));
    };
    for (const coffer::RetentionDatabaseSummary &projected : projection.databases)
        print(projected.database, projected);
    print(QStringLiteral("TOTAL"), projection.total);
}

} // namespace

int runSize(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addOption({ QStringLiteral("by"), QStringLiteral("Group the backups by database (default) or by month."),
        QStringLiteral("database|month"), QStringLiteral("database") });
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Show what a repository's backups take, per database or per month, the free space, and "
                           "the size after a prune by the workspace's retention policy.")))
        return *exit;
    const CliContext context(parser);
    if (!parser.positionalArguments().isEmpty())
        return cli::usageError(QStringLiteral("size takes no positional arguments"));
    const QString by = parser.value(QStringLiteral("by"));
    if (by != QStringLiteral("database") && by != QStringLiteral("month"))
        return cli::usageError(QStringLiteral("--by takes database or month, not '%1'").arg(by));

    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    auto entries = catalog->backups();
    if (!entries)
        return cli::reportError(entries.error(), context.json());
    const coffer::StorageUsage usage = coffer::StorageUsage::of(*entries);
    const QList<coffer::UsageBucket> &buckets = by == QStringLiteral("month") ? usage.byMonth() : usage.byDatabase();
    const coffer::StorageUsage::FileSystem fileSystem = coffer::StorageUsage::fileSystem(catalog->repository().root());

    // The projection is a bonus: without a policy (or with one the planner refuses) the sizes
    // still stand, and a note says why there is no projection.
    QStringList notes;
    std::optional<Projection> projection;
    const QString noPolicy
        = QStringLiteral("no retention policy in the workspace; set `retention:` to see a projection");
    if (auto ws = context.workspace(); !ws) {
        if (parser.isSet(QStringLiteral("workspace")))
            return cli::reportError(ws.error(), context.json(), kExitUsage);
        notes << (ws.error().code == coffer::ErrorCode::NotFound
                ? noPolicy
                : QStringLiteral("the workspace could not be read, so there is no projection: %1")
                      .arg(ws.error().toString()));
    } else if (ws->retention().isEmpty()) {
        notes << noPolicy;
    } else if (auto projected = project(*entries, ws->retention()); !projected) {
        notes << QStringLiteral("no projection: the retention policy cannot be applied: %1")
                     .arg(projected.error().toString());
    } else {
        projection = *projected;
        notes << projection->warnings;
    }

    if (context.json()) {
        QJsonArray bucketArray;
        for (const coffer::UsageBucket &bucket : buckets) {
            QJsonObject json = bucketJson(bucket);
            json.insert(QStringLiteral("name"), bucket.name);
            bucketArray.append(json);
        }
        QJsonValue projectionJson;
        if (projection) {
            QJsonObject json = projectedJson(projection->total);
            json.insert(QStringLiteral("policy"), projection->policy);
            QJsonArray perDatabase;
            for (const coffer::RetentionDatabaseSummary &projected : std::as_const(projection->databases))
                perDatabase.append(projectedJson(projected));
            json.insert(QStringLiteral("per_database"), perDatabase);
            projectionJson = json;
        }
        auto known = [](qint64 bytes) { return bytes >= 0 ? QJsonValue(bytes) : QJsonValue(); };
        cli::printJson(
            QJsonObject{ { QStringLiteral("repository"), catalog->repository().root() }, { QStringLiteral("by"), by },
                { QStringLiteral("buckets"), bucketArray }, { QStringLiteral("total"), bucketJson(usage.total()) },
                { QStringLiteral("filesystem"),
                    QJsonObject{ { QStringLiteral("free_bytes"), known(fileSystem.freeBytes) },
                        { QStringLiteral("total_bytes"), known(fileSystem.totalBytes) } } },
                { QStringLiteral("projection"), projectionJson },
                { QStringLiteral("notes"), QJsonArray::fromStringList(notes) } });
        return kExitOk;
    }

    cli::out(QStringLiteral("Repository %1").arg(catalog->repository().root()));
    if (entries->isEmpty())
        cli::out(QStringLiteral("No backups"));
    else
        printUsage(buckets, usage.total(),
            by == QStringLiteral("month") ? QStringLiteral("MONTH (UTC)") : QStringLiteral("DATABASE"));
    cli::out(QStringLiteral("File system: %1 free of %2")
                 .arg(sizeOrUnknown(fileSystem.freeBytes), sizeOrUnknown(fileSystem.totalBytes)));
    if (projection && !entries->isEmpty())
        printProjection(*projection);
    for (const QString &note : std::as_const(notes))
        cli::out(QStringLiteral("note: %1").arg(note));
    return kExitOk;
}
