#pragma once

#include "monitor/Publisher.h"
#include "repository/Catalog.h"
#include "verify/CheckResult.h"

#include <QJsonObject>
#include <QJsonValue>

// The JSON shapes coffer-cli prints (docs/cli.md). One shape per concept, shared by commands.
namespace jsonview {

QJsonObject backup(const coffer::Manifest &manifest, const QString &artifactPath, const QString &manifestPath);
QJsonObject entry(const coffer::CatalogEntry &entry);
QJsonObject outcome(const coffer::VerifyOutcome &outcome);
// One restore drill: backup_id, database, time, ok, rto_ms, duration_ms, smoke_queries, checks.
QJsonObject drill(const coffer::DrillOutcome &outcome);
// One backup for a person: "1a2b3c4d (orders, 2026-11-20 14:00 UTC)".
QString label(const coffer::Manifest &manifest);
// Every stored field, as stored: enough to re-check the hash chain (docs/format.md).
QJsonObject auditRecord(const coffer::AuditRecord &record);
// UTC, ISO 8601 with milliseconds; null for an invalid time.
QJsonValue time(const QDateTime &time);
// What publishing did (health --publish, run-due): the alerts, the channels, the problems.
QJsonObject publishReport(const coffer::PublishReport &report);

} // namespace jsonview
