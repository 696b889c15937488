#include "report/ReportJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace coffer {

namespace {

QJsonValue time(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(when.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonObject entryObject(const ReportEntry &entry)
{
    QJsonArray checks;
    for (const CheckResult &check : entry.outcome.checks)
        checks.append(QJsonObject{ { QStringLiteral("name"), check.name }, { QStringLiteral("ok"), check.ok },
            { QStringLiteral("detail"), check.detail } });
    return QJsonObject{
        { QStringLiteral("repository"), entry.repository },
        { QStringLiteral("backupId"), text(entry.backupId) },
        { QStringLiteral("database"), entry.database },
        { QStringLiteral("created"), time(entry.created) },
        { QStringLiteral("artifactSize"), entry.artifactSize },
        { QStringLiteral("level"), entry.outcome.level },
        { QStringLiteral("time"), time(entry.outcome.time) },
        { QStringLiteral("durationMs"), entry.outcome.durationMs },
        { QStringLiteral("outcome"), entry.outcome.ok() ? QStringLiteral("passed") : QStringLiteral("failed") },
        { QStringLiteral("checks"), checks },
    };
}

} // namespace

QJsonObject ReportJson::toObject(const VerificationRunReport &report)
{
    const ReportSummary &s = report.summary;
    QJsonValue oldest(QJsonValue::Null);
    if (s.oldestUnverified)
        oldest = QJsonObject{ { QStringLiteral("repository"), s.oldestUnverified->repository },
            { QStringLiteral("backupId"), s.oldestUnverified->backupId },
            { QStringLiteral("database"), s.oldestUnverified->database },
            { QStringLiteral("created"), time(s.oldestUnverified->created) } };
    QJsonArray results;
    for (const ReportEntry &entry : report.entries)
        results.append(entryObject(entry));
    QJsonArray problems;
    for (const ReportRepositoryRun &run : report.repositories)
        if (!run.error.isEmpty())
            problems.append(QJsonObject{
                { QStringLiteral("repository"), run.repository }, { QStringLiteral("message"), run.error } });
    qint64 durationMs = 0;
    if (report.started.isValid() && report.finished.isValid())
        durationMs = report.started.msecsTo(report.finished);
    return QJsonObject{
        { QStringLiteral("format"), formatName() },
        { QStringLiteral("version"), kVersion },
        { QStringLiteral("generator"), QStringLiteral("coffer %1").arg(QStringLiteral(COFFER_VERSION_STRING)) },
        { QStringLiteral("scope"),
            QJsonObject{ { QStringLiteral("kind"), scopeName(report.scope) },
                { QStringLiteral("name"), text(report.scopeLabel) } } },
        { QStringLiteral("level"), report.level },
        { QStringLiteral("started"), time(report.started) },
        { QStringLiteral("finished"), time(report.finished) },
        { QStringLiteral("durationMs"), durationMs },
        { QStringLiteral("staleAfterDays"), report.staleAfterDays },
        { QStringLiteral("outcome"), report.ok() ? QStringLiteral("passed") : QStringLiteral("failed") },
        { QStringLiteral("summary"),
            QJsonObject{ { QStringLiteral("backups"), s.backups }, { QStringLiteral("verified"), s.verified },
                { QStringLiteral("failed"), s.failed }, { QStringLiteral("stale"), s.stale },
                { QStringLiteral("neverVerified"), s.neverVerified }, { QStringLiteral("oldestUnverified"), oldest },
                { QStringLiteral("run"),
                    QJsonObject{ { QStringLiteral("checked"), s.checked }, { QStringLiteral("passed"), s.passed },
                        { QStringLiteral("failed"), s.failedNow } } } } },
        { QStringLiteral("results"), results },
        { QStringLiteral("problems"), problems },
    };
}

QByteArray ReportJson::toBytes(const VerificationRunReport &report)
{
    return QJsonDocument(toObject(report)).toJson(QJsonDocument::Indented);
}

} // namespace coffer
