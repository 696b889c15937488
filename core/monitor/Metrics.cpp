#include "monitor/Metrics.h"

#include <QHash>
#include <QSet>

#include <charconv>
#include <cmath>

namespace coffer {

namespace {

struct Sample {
    QString labelName;
    QString labelValue;
    double value = 0;
};

// One metric family: its HELP and TYPE lines, then its samples.
struct Family {
    QString name;
    QString type;
    QString help;
    QList<Sample> samples;
};

// The last backup that succeeded, from whichever source knows the newer one.
struct LastBackup {
    QDateTime finished;
    qint64 bytes = 0;
    double durationSeconds = 0;
};

double unixSeconds(const QDateTime &time)
{
    return double(time.toMSecsSinceEpoch()) / 1000.0;
}

std::optional<LastBackup> lastBackup(const DatabaseSurvey &database, const RunTotals *backups)
{
    std::optional<LastBackup> fromLog;
    if (backups && backups->lastSuccess) {
        const RunRecord &run = *backups->lastSuccess;
        const QDateTime finished = run.finished.isValid() ? run.finished : run.started;
        fromLog = LastBackup{ finished, run.bytes,
            run.started.isValid() && run.finished.isValid() ? double(run.started.msecsTo(run.finished)) / 1000.0
                                                            : 0.0 };
    }
    std::optional<LastBackup> fromCatalog;
    if (database.newestBackup) {
        const Manifest &manifest = database.newestBackup->manifest;
        fromCatalog = LastBackup{ manifest.created.addMSecs(manifest.durationMs), manifest.artifactSize,
            double(manifest.durationMs) / 1000.0 };
    }
    // A manual backup after the last scheduled one is the newer truth, and the other way round.
    if (fromLog && fromCatalog)
        return fromCatalog->finished > fromLog->finished ? fromCatalog : fromLog;
    return fromLog ? fromLog : fromCatalog;
}

void append(QByteArray &out, const Family &family)
{
    out += "# HELP " + family.name.toUtf8() + ' ' + Metrics::escapeHelp(family.help).toUtf8() + '\n';
    out += "# TYPE " + family.name.toUtf8() + ' ' + family.type.toUtf8() + '\n';
    for (const Sample &sample : family.samples) {
        out += family.name.toUtf8();
        if (!sample.labelName.isEmpty())
            out += '{' + sample.labelName.toUtf8() + "=\"" + Metrics::escapeLabelValue(sample.labelValue).toUtf8()
                + "\"}";
        out += ' ' + Metrics::formatValue(sample.value) + '\n';
    }
}

} // namespace

QByteArray Metrics::render(const HealthSurvey &survey, const std::optional<QList<RunTotals>> &totals)
{
    QHash<QString, const RunTotals *> byKey; // "kind\ndatabase"
    if (totals)
        for (const RunTotals &total : *totals)
            byKey.insert(total.kind + QLatin1Char('\n') + total.database, &total);
    auto totalsOf = [&byKey](const QString &kind, const QString &database) {
        return byKey.value(kind + QLatin1Char('\n') + database, nullptr);
    };
    const QString db = QStringLiteral("database");

    // A file nobody rewrites keeps saying "green": this says how old the whole text is.
    Family generated{ QStringLiteral("coffer_metrics_generated_timestamp_seconds"), QStringLiteral("gauge"),
        QStringLiteral("When this metrics text was made (the health judged, the run log read), in Unix seconds. "
                       "time() minus it is how stale every other series here is."),
        {} };
    generated.samples << Sample{ {}, {},
        unixSeconds(survey.now.isValid() ? survey.now : QDateTime::currentDateTimeUtc()) };

    Family success{ QStringLiteral("coffer_backup_success_total"), QStringLiteral("counter"),
        QStringLiteral("Scheduled backups (coffer-cli run-due, the console's scheduler) that succeeded, from the "
                       "workspace's run log."),
        {} };
    Family failure{ QStringLiteral("coffer_backup_failure_total"), QStringLiteral("counter"),
        QStringLiteral("Scheduled backups that failed, from the workspace's run log."), {} };
    const QString lastSource = QStringLiteral(" Source: the run log's last successful scheduled backup, or the newest "
                                              "backup in the repositories' catalogs (safety and drill backups aside) "
                                              "when that one is newer or the run log has none.");
    Family lastTime{ QStringLiteral("coffer_backup_last_success_timestamp_seconds"), QStringLiteral("gauge"),
        QStringLiteral("When the last successful backup finished, in Unix seconds.") + lastSource, {} };
    Family lastSize{ QStringLiteral("coffer_backup_last_size_bytes"), QStringLiteral("gauge"),
        QStringLiteral("Size of the last successful backup's artifact (compressed, encrypted), in bytes.") + lastSource,
        {} };
    Family lastDuration{ QStringLiteral("coffer_backup_last_duration_seconds"), QStringLiteral("gauge"),
        QStringLiteral("How long the last successful backup took, in seconds.") + lastSource, {} };
    Family age{ QStringLiteral("coffer_backup_age_seconds"), QStringLiteral("gauge"),
        QStringLiteral("Age of the newest backup in the catalogs (safety and drill backups aside) when the metrics "
                       "were written, in seconds. Absent: never backed up."),
        {} };
    Family verifyFailures{ QStringLiteral("coffer_verification_failures_total"), QStringLiteral("counter"),
        QStringLiteral("Scheduled verifications that failed, from the workspace's run log (a failed manual "
                       "verification shows in coffer_health_level)."),
        {} };
    Family rto{ QStringLiteral("coffer_drill_rto_seconds"), QStringLiteral("gauge"),
        QStringLiteral("Recovery time of the newest restore drill that passed: from the start to a restored, checked, "
                       "smoke-queried database, in seconds."),
        {} };
    Family drillOk{ QStringLiteral("coffer_drill_last_success"), QStringLiteral("gauge"),
        QStringLiteral("1 when the newest restore drill passed, 0 when it failed. Absent: never drilled."), {} };
    Family drillTime{ QStringLiteral("coffer_drill_last_timestamp_seconds"), QStringLiteral("gauge"),
        QStringLiteral("When the newest restore drill started, in Unix seconds."), {} };
    Family level{ QStringLiteral("coffer_health_level"), QStringLiteral("gauge"),
        QStringLiteral("Health against the schedule as coffer-cli health judges it: 0 green, 1 amber (overdue, never "
                       "verified, drill overdue), 2 red (twice overdue, never backed up, verification or drill "
                       "failed)."),
        {} };
    Family repositoryUp{ QStringLiteral("coffer_repository_up"), QStringLiteral("gauge"),
        QStringLiteral("1 when the repository's catalog could be read, 0 when not (its backups then count as "
                       "missing)."),
        {} };

    for (const DatabaseSurvey &database : survey.databases) {
        const QString &name = database.name;
        const RunTotals *backups = totalsOf(QStringLiteral("backup"), name);
        if (totals) {
            success.samples << Sample{ db, name, double(backups ? backups->succeeded : 0) };
            failure.samples << Sample{ db, name, double(backups ? backups->failed : 0) };
            const RunTotals *verifies = totalsOf(QStringLiteral("verify"), name);
            verifyFailures.samples << Sample{ db, name, double(verifies ? verifies->failed : 0) };
        }
        if (const auto last = lastBackup(database, backups)) {
            lastTime.samples << Sample{ db, name, unixSeconds(last->finished) };
            lastSize.samples << Sample{ db, name, double(last->bytes) };
            lastDuration.samples << Sample{ db, name, last->durationSeconds };
        }
        if (const auto seconds = database.health.ageSeconds())
            age.samples << Sample{ db, name, double(*seconds) };
        if (database.passedDrill)
            rto.samples << Sample{ db, name, double(database.passedDrill->rtoMs) / 1000.0 };
        if (database.drill) {
            drillOk.samples << Sample{ db, name, database.drill->ok() ? 1.0 : 0.0 };
            drillTime.samples << Sample{ db, name, unixSeconds(database.drill->time) };
        }
        level.samples << Sample{ db, name, double(int(database.health.level())) };
    }

    QHash<QString, bool> unreadable;
    for (const UnreadableRepository &problem : survey.problems)
        unreadable.insert(problem.name, true);
    QSet<QString> named; // one series per name, however the workspace repeats one
    for (const QString &repository : survey.repositories) {
        if (named.contains(repository))
            continue;
        named.insert(repository);
        repositoryUp.samples << Sample{ QStringLiteral("repository"), repository,
            unreadable.contains(repository) ? 0.0 : 1.0 };
    }

    QByteArray out;
    append(out, generated);
    for (const Family *family : { &success, &failure, &lastTime, &lastSize, &lastDuration, &age })
        if (totals || family->type != QStringLiteral("counter"))
            append(out, *family);
    if (totals)
        append(out, verifyFailures);
    for (const Family *family : { &rto, &drillOk, &drillTime, &level })
        append(out, *family);
    append(out, repositoryUp);
    return out;
}

QString Metrics::escapeLabelValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\\'))
            escaped += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            escaped += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            escaped += QStringLiteral("\\n");
        else
            escaped += c;
    }
    return escaped;
}

QString Metrics::escapeHelp(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return escaped;
}

QByteArray Metrics::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc())
        return QByteArray::number(value, 'g', 17);
    return QByteArray(buffer, end - buffer);
}

} // namespace coffer
