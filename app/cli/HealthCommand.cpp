#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"

#include "health/HealthSurvey.h"
#include "monitor/Metrics.h"
#include "monitor/MetricsFile.h"
#include "monitor/Publisher.h"
#include "schedule/RunLog.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace {

using coffer::DatabaseHealth;
using coffer::DatabaseSurvey;
using coffer::HealthLevel;

QJsonArray failedChecks(const QList<coffer::CheckResult> &checks)
{
    QJsonArray failed;
    for (const coffer::CheckResult &check : coffer::failedOf(checks))
        failed.append(QJsonObject{ { QStringLiteral("name"), check.name }, { QStringLiteral("ok"), false },
            { QStringLiteral("detail"), check.detail } });
    return failed;
}

QJsonObject databaseJson(const DatabaseSurvey &database, const QDateTime &now)
{
    QJsonValue lastBackup;
    if (database.newestBackup) {
        const coffer::Manifest &manifest = database.newestBackup->manifest;
        lastBackup = QJsonObject{ { QStringLiteral("id"), manifest.id },
            { QStringLiteral("created"), jsonview::time(manifest.created) },
            { QStringLiteral("age_seconds"), std::max<qint64>(0, manifest.created.secsTo(now)) },
            { QStringLiteral("size"), manifest.artifactSize },
            { QStringLiteral("repository"), database.newestRepository } };
    }
    QJsonValue verification;
    if (const auto &outcome = database.input.verification)
        verification = QJsonObject{ { QStringLiteral("time"), jsonview::time(outcome->time) },
            { QStringLiteral("level"), outcome->level }, { QStringLiteral("ok"), outcome->ok() },
            { QStringLiteral("failed_checks"), failedChecks(outcome->checks) } };
    QJsonValue drill;
    if (const auto &outcome = database.drill)
        drill
            = QJsonObject{ { QStringLiteral("time"), jsonview::time(outcome->time) }, { QStringLiteral("ok"), outcome->ok() },
                  { QStringLiteral("rto_ms"), outcome->rtoMs }, { QStringLiteral("backup_id"), outcome->backupId },
                  { QStringLiteral("failed_checks"), failedChecks(outcome->checks) } };
    const DatabaseHealth &health = database.health;
    return QJsonObject{ { QStringLiteral("database"), database.name }, { QStringLiteral("group"), database.group },
        { QStringLiteral("level"), DatabaseHealth::levelName(health.level()) },
        { QStringLiteral("reasons"), QJsonArray::fromStringList(health.reasons()) },
        { QStringLiteral("problems"), QJsonArray::fromStringList(health.problems()) },
        { QStringLiteral("last_backup"), lastBackup }, { QStringLiteral("interval_hours"), health.intervalHours() },
        { QStringLiteral("interval_assumed"), health.isIntervalAssumed() },
        { QStringLiteral("schedule"), database.backupSchedule.isEmpty() ? QJsonValue() : database.backupSchedule },
        { QStringLiteral("overdue"), health.isOverdue() }, { QStringLiteral("verification"), verification },
        { QStringLiteral("drill"), drill } };
}

// The table's cells for one database.
QStringList row(const DatabaseSurvey &database, const QDateTime &now)
{
    const DatabaseHealth &health = database.health;
    const QString age
        = health.ageSeconds() ? DatabaseHealth::describeAge(*health.ageSeconds()) : QStringLiteral("never");
    const QString interval = DatabaseHealth::describeDuration(qint64(health.intervalHours() * 3600.0));
    QString schedule;
    if (health.isIntervalAssumed())
        schedule = QStringLiteral("none (%1 assumed)").arg(interval);
    else if (database.input.scheduleDescription.isEmpty())
        schedule = QStringLiteral("every %1").arg(interval);
    else
        schedule = QStringLiteral("%1 (%2)").arg(database.input.scheduleDescription, interval);

    QString verified = QStringLiteral("never");
    if (const auto &outcome = database.input.verification) {
        const QString when = DatabaseHealth::describeAge(std::max<qint64>(0, outcome->time.secsTo(now)));
        verified = outcome->ok()
            ? QStringLiteral("ok %1, %2").arg(outcome->level, when)
            : QStringLiteral("FAILED %1: %2").arg(when, DatabaseHealth::failedCheckNames(*outcome));
    } else if (!database.newestBackup) {
        verified = QStringLiteral("-");
    }

    QString drill = QStringLiteral("never");
    if (const auto &outcome = database.drill) {
        const QString when = DatabaseHealth::describeAge(std::max<qint64>(0, outcome->time.secsTo(now)));
        QStringList failed;
        for (const coffer::CheckResult &check : coffer::failedOf(outcome->checks))
            failed << check.name;
        drill = outcome->ok() ? QStringLiteral("ok %1, RTO %2").arg(when, DatabaseHealth::describeRto(outcome->rtoMs))
                              : QStringLiteral("FAILED %1: %2").arg(when, failed.join(QStringLiteral(", ")));
    }
    return { database.name, DatabaseHealth::levelName(health.level()), age, schedule, verified, drill };
}

void printTable(const coffer::HealthSurvey &survey)
{
    QList<QStringList> rows{ { QStringLiteral("DATABASE"), QStringLiteral("LEVEL"), QStringLiteral("LAST BACKUP"),
        QStringLiteral("SCHEDULE"), QStringLiteral("VERIFIED"), QStringLiteral("LAST DRILL") } };
    for (const DatabaseSurvey &database : survey.databases)
        rows << row(database, survey.now);
    QList<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList &cells : std::as_const(rows))
        for (qsizetype i = 0; i < cells.size(); ++i)
            widths[i] = std::max(widths[i], cells[i].size());
    for (const QStringList &cells : std::as_const(rows)) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i)
            line += i + 1 < cells.size() ? cells[i].leftJustified(widths[i] + 2) : cells[i];
        cli::out(line);
    }
    for (const DatabaseSurvey &database : survey.databases)
        for (const QString &problem : database.health.problems())
            cli::out(QStringLiteral("%1: %2").arg(database.name, problem));
}

// --metrics-file without --publish: the metrics only; no push, no webhook, and the alert state
// is left alone (alerting is publishing's business).
std::optional<QString> writeMetricsOnly(
    const coffer::Workspace &workspace, const coffer::HealthSurvey &survey, const QString &path)
{
    std::optional<QList<coffer::RunTotals>> totals;
    auto log = coffer::RunLog::open(workspace.filePath());
    if (log) {
        if (auto read = log->totals(); read)
            totals = *read;
    }
    if (auto written = coffer::MetricsFile::write(path, coffer::Metrics::render(survey, totals)); !written)
        return QStringLiteral("metrics file %1: %2").arg(path, written.error().toString());
    if (!totals)
        return QStringLiteral("the run log could not be read: the run counters are left out of %1").arg(path);
    return std::nullopt;
}

} // namespace

int runHealth(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, false);
    parser.addOption({ QStringLiteral("publish"),
        QStringLiteral("Also publish: write the metrics file, push to the Pushgateway and send new alerts to the "
                       "webhook, as the workspace's monitoring: section says.") });
    parser.addOption({ QStringLiteral("metrics-file"),
        QStringLiteral("Write the Prometheus metrics to this file (atomically, mode 0644), instead of the workspace's "
                       "monitoring.metrics_file."),
        QStringLiteral("file") });
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Show each database's health: the last backup's age against its schedule, the last "
                           "verification and the last drill. Exit 1 when any database is overdue, failing or never "
                           "verified, or a repository cannot be read.")))
        return *exit;
    const CliContext context(parser);
    if (!parser.positionalArguments().isEmpty())
        return cli::usageError(QStringLiteral("health takes no positional arguments"));
    const QString metricsFile = parser.value(QStringLiteral("metrics-file"));
    if (parser.isSet(QStringLiteral("metrics-file")) && metricsFile.isEmpty())
        return cli::usageError(QStringLiteral("--metrics-file needs a file name"));

    auto workspace = context.workspace();
    if (!workspace)
        return cli::reportError(workspace.error(), context.json());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const coffer::HealthSurvey survey = coffer::HealthSurvey::take(*workspace, now);

    std::optional<coffer::PublishReport> published;
    QStringList publishProblems;
    if (parser.isSet(QStringLiteral("publish"))) {
        coffer::MonitoringSettings settings = workspace->monitoring();
        if (!metricsFile.isEmpty())
            settings.metricsFile = QFileInfo(metricsFile).absoluteFilePath();
        published = coffer::Publisher::publish(*workspace, {}, now, settings);
        publishProblems = published->problems;
    } else if (!metricsFile.isEmpty()) {
        if (auto problem = writeMetricsOnly(*workspace, survey, QFileInfo(metricsFile).absoluteFilePath()))
            publishProblems << *problem;
    }

    const HealthLevel worst = survey.worstLevel();
    int exitCode = worst != HealthLevel::Green || !survey.problems.isEmpty() ? kExitCheckFailed : kExitOk;
    // Health speaks first; a publishing problem still makes a healthy run fail, or cron would never tell.
    if (exitCode == kExitOk && !publishProblems.isEmpty())
        exitCode = kExitFailed;

    if (context.json()) {
        QJsonArray databases;
        for (const DatabaseSurvey &database : survey.databases)
            databases.append(databaseJson(database, now));
        QJsonArray problems;
        for (const coffer::UnreadableRepository &problem : survey.problems)
            problems.append(
                QJsonObject{ { QStringLiteral("repository"), problem.name }, { QStringLiteral("path"), problem.path },
                    { QStringLiteral("error"),
                        QJsonObject{ { QStringLiteral("code"), problem.error.codeName() },
                            { QStringLiteral("message"), problem.error.message },
                            { QStringLiteral("detail"), problem.error.detail } } } });
        QJsonObject json{ { QStringLiteral("workspace"), workspace->filePath() },
            { QStringLiteral("checked_at"), jsonview::time(now) },
            { QStringLiteral("level"), DatabaseHealth::levelName(worst) }, { QStringLiteral("databases"), databases },
            { QStringLiteral("repository_problems"), problems } };
        if (published)
            json.insert(QStringLiteral("publish"), jsonview::publishReport(*published));
        else if (!metricsFile.isEmpty())
            json.insert(QStringLiteral("metrics_file"),
                QJsonObject{ { QStringLiteral("path"), QFileInfo(metricsFile).absoluteFilePath() },
                    { QStringLiteral("problems"), QJsonArray::fromStringList(publishProblems) } });
        cli::printJson(json);
    } else {
        if (survey.databases.isEmpty())
            cli::out(QStringLiteral("The workspace %1 lists no databases").arg(workspace->filePath()));
        else
            printTable(survey);
        for (const coffer::UnreadableRepository &problem : survey.problems)
            cli::out(QStringLiteral("repository %1 (%2) could not be read: %3")
                         .arg(problem.name, problem.path, problem.error.toString()));
        if (published) {
            for (const coffer::Alert &alert : std::as_const(published->alerts))
                cli::out(QStringLiteral("alert (%1): %2").arg(alert.kind, alert.message));
            QStringList done;
            if (published->metricsWritten)
                done << QStringLiteral("metrics file written");
            if (published->pushed)
                done << QStringLiteral("pushed to the Pushgateway");
            if (published->webhookDeliveries > 0)
                done << QStringLiteral("%1 webhook %2")
                            .arg(published->webhookDeliveries)
                            .arg(published->webhookDeliveries == 1 ? QStringLiteral("delivery")
                                                                   : QStringLiteral("deliveries"));
            cli::out(
                QStringLiteral("published: %1")
                    .arg(done.isEmpty() ? QStringLiteral("nothing (the workspace configures no monitoring channel)")
                                        : done.join(QStringLiteral(", "))));
        } else if (!metricsFile.isEmpty() && publishProblems.isEmpty()) {
            cli::out(QStringLiteral("metrics written to %1").arg(QFileInfo(metricsFile).absoluteFilePath()));
        }
        int counts[3] = { 0, 0, 0 };
        for (const DatabaseSurvey &database : survey.databases)
            ++counts[int(database.health.level())];
        cli::out(QStringLiteral("%1 %2: %3 green, %4 amber, %5 red")
                     .arg(survey.databases.size())
                     .arg(survey.databases.size() == 1 ? QStringLiteral("database") : QStringLiteral("databases"))
                     .arg(counts[0])
                     .arg(counts[1])
                     .arg(counts[2]));
    }
    for (const QString &problem : std::as_const(publishProblems))
        cli::err(QStringLiteral("coffer-cli: publishing: %1").arg(problem));
    return exitCode;
}
