#include "report/DrillReportJson.h"

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

QJsonObject drillObject(const DrillReportEntry &entry)
{
    const DrillOutcome &outcome = entry.outcome;
    QJsonArray checks;
    for (const CheckResult &check : outcome.checks)
        checks.append(QJsonObject{ { QStringLiteral("name"), check.name }, { QStringLiteral("ok"), check.ok },
            { QStringLiteral("detail"), check.detail } });
    return QJsonObject{
        { QStringLiteral("backupId"), text(outcome.backupId) },
        { QStringLiteral("database"), outcome.database },
        { QStringLiteral("created"), time(entry.backupCreated) },
        { QStringLiteral("artifactSize"), entry.artifactSize },
        { QStringLiteral("trigger"), text(entry.trigger) },
        { QStringLiteral("time"), time(outcome.time) },
        { QStringLiteral("outcome"), outcome.ok() ? QStringLiteral("passed") : QStringLiteral("failed") },
        { QStringLiteral("rtoMs"), outcome.rtoMs },
        { QStringLiteral("durationMs"), outcome.durationMs },
        { QStringLiteral("smokeQueries"), DrillReport::smokeQueries(outcome) },
        { QStringLiteral("checks"), checks },
    };
}

} // namespace

QJsonObject DrillReportJson::toObject(const DrillReport &report)
{
    QJsonArray drills;
    QStringList databases;
    for (const DrillReportEntry &entry : report.entries) {
        drills.append(drillObject(entry));
        if (!databases.contains(entry.outcome.database))
            databases << entry.outcome.database;
    }
    qint64 durationMs = 0;
    if (report.started.isValid() && report.finished.isValid())
        durationMs = report.started.msecsTo(report.finished);
    const std::optional<qint64> longest = report.longestRtoMs();
    return QJsonObject{
        { QStringLiteral("format"), formatName() },
        { QStringLiteral("version"), kVersion },
        { QStringLiteral("generator"), QStringLiteral("coffer %1").arg(QStringLiteral(COFFER_VERSION_STRING)) },
        { QStringLiteral("scope"),
            QJsonObject{
                { QStringLiteral("kind"), report.scope }, { QStringLiteral("name"), text(report.scopeLabel) } } },
        { QStringLiteral("repository"), report.repository },
        { QStringLiteral("started"), time(report.started) },
        { QStringLiteral("finished"), time(report.finished) },
        { QStringLiteral("durationMs"), durationMs },
        { QStringLiteral("outcome"), report.ok() ? QStringLiteral("passed") : QStringLiteral("failed") },
        { QStringLiteral("summary"),
            QJsonObject{ { QStringLiteral("drills"), int(report.entries.size()) },
                { QStringLiteral("passed"), report.passed() }, { QStringLiteral("failed"), report.failed() },
                { QStringLiteral("databases"), int(databases.size()) },
                { QStringLiteral("longestRtoMs"), longest ? QJsonValue(*longest) : QJsonValue(QJsonValue::Null) } } },
        { QStringLiteral("drills"), drills },
    };
}

QByteArray DrillReportJson::toBytes(const DrillReport &report)
{
    return QJsonDocument(toObject(report)).toJson(QJsonDocument::Indented);
}

} // namespace coffer
