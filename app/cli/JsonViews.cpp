#include "JsonViews.h"

#include "report/DrillReport.h"

#include <QJsonArray>

namespace jsonview {

QJsonObject backup(const coffer::Manifest &manifest, const QString &artifactPath, const QString &manifestPath)
{
    return QJsonObject{
        { QStringLiteral("id"), manifest.id },
        { QStringLiteral("database"), manifest.database },
        { QStringLiteral("group"), manifest.group },
        { QStringLiteral("created"), manifest.created.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("trigger"), manifest.trigger },
        { QStringLiteral("tags"), QJsonArray::fromStringList(manifest.tags) },
        { QStringLiteral("pinned"), manifest.pinned },
        { QStringLiteral("expires"),
            manifest.expires.isValid() ? QJsonValue(manifest.expires.toUTC().toString(Qt::ISODateWithMs))
                                       : QJsonValue() },
        { QStringLiteral("artifact"), artifactPath },
        { QStringLiteral("manifest"), manifestPath },
        { QStringLiteral("artifact_sha256"), manifest.artifactSha256 },
        { QStringLiteral("plaintext_sha256"), manifest.plaintextSha256 },
        { QStringLiteral("artifact_size"), manifest.artifactSize },
        { QStringLiteral("plaintext_size"), manifest.plaintextSize },
        { QStringLiteral("compression"), manifest.compression },
        { QStringLiteral("compression_level"), manifest.compressionLevel },
        { QStringLiteral("encryption"), manifest.encryptionScheme },
        { QStringLiteral("encryption_recipients"), QJsonArray::fromStringList(manifest.encryptionRecipients) },
        { QStringLiteral("duration_ms"), manifest.durationMs },
    };
}

QJsonObject outcome(const coffer::VerifyOutcome &outcome)
{
    QJsonArray failed;
    QJsonArray checks;
    for (const coffer::CheckResult &check : outcome.checks) {
        const QJsonObject json{{QStringLiteral("name"), check.name},
                               {QStringLiteral("ok"), check.ok},
                               {QStringLiteral("detail"), check.detail}};
        checks.append(json);
        if (!check.ok)
            failed.append(json);
    }
    return QJsonObject{{QStringLiteral("id"), outcome.backupId.isEmpty() ? QJsonValue() : QJsonValue(outcome.backupId)},
                       {QStringLiteral("database"), outcome.database},
                       {QStringLiteral("level"), outcome.level},
                       {QStringLiteral("time"), outcome.time.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("duration_ms"), outcome.durationMs},
                       {QStringLiteral("ok"), outcome.ok()},
                       {QStringLiteral("failed_checks"), failed},
                       {QStringLiteral("checks"), checks}};
}

QJsonObject drill(const coffer::DrillOutcome &outcome)
{
    QJsonArray checks;
    for (const coffer::CheckResult &check : outcome.checks)
        checks.append(QJsonObject{ { QStringLiteral("name"), check.name }, { QStringLiteral("ok"), check.ok },
            { QStringLiteral("detail"), check.detail } });
    return QJsonObject{
        { QStringLiteral("backup_id"), outcome.backupId.isEmpty() ? QJsonValue() : QJsonValue(outcome.backupId) },
        { QStringLiteral("database"), outcome.database },
        { QStringLiteral("time"), outcome.time.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("ok"), outcome.ok() },
        { QStringLiteral("rto_ms"), outcome.rtoMs },
        { QStringLiteral("duration_ms"), outcome.durationMs },
        { QStringLiteral("smoke_queries"), coffer::DrillReport::smokeQueries(outcome) },
        { QStringLiteral("checks"), checks },
    };
}

QJsonObject entry(const coffer::CatalogEntry &entry)
{
    QJsonObject json = backup(entry.manifest, entry.artifactPath, entry.manifestPath);
    json.insert(QStringLiteral("last_verification"),
                entry.lastVerification ? QJsonValue(outcome(*entry.lastVerification)) : QJsonValue());
    json.insert(QStringLiteral("last_drill"), entry.lastDrill ? QJsonValue(drill(*entry.lastDrill)) : QJsonValue());
    return json;
}

QString label(const coffer::Manifest &m)
{
    return QStringLiteral("%1 (%2, %3 UTC)")
        .arg(m.shortId(), m.database, m.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QJsonObject auditRecord(const coffer::AuditRecord &record)
{
    return QJsonObject{ { QStringLiteral("sequence"), record.sequence },
        { QStringLiteral("time"), record.time.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("host"), record.host }, { QStringLiteral("user"), record.user },
        { QStringLiteral("operation"), record.operation }, { QStringLiteral("target"), record.target },
        { QStringLiteral("backup_id"), record.backupId }, { QStringLiteral("outcome"), record.outcome },
        { QStringLiteral("detail"), record.detail }, { QStringLiteral("previous_hash"), record.previousHash },
        { QStringLiteral("hash"), record.hash } };
}

QJsonValue time(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject publishReport(const coffer::PublishReport &report)
{
    QJsonArray alerts;
    for (const coffer::Alert &alert : report.alerts)
        alerts.append(
            QJsonObject{ { QStringLiteral("kind"), alert.kind }, { QStringLiteral("database"), alert.database },
                { QStringLiteral("message"), alert.message }, { QStringLiteral("time"), time(alert.time) } });
    return QJsonObject{ { QStringLiteral("metrics_written"), report.metricsWritten },
        { QStringLiteral("pushed"), report.pushed }, { QStringLiteral("webhook_deliveries"), report.webhookDeliveries },
        { QStringLiteral("alerts"), alerts },
        { QStringLiteral("problems"), QJsonArray::fromStringList(report.problems) } };
}

} // namespace jsonview
