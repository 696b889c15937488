#include "RestoreViews.h"

#include "CliOutput.h"

#include <QJsonArray>

namespace restoreview {

namespace {

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

void row(const QString &label, const QString &value)
{
    cli::out(QStringLiteral("  %1 %2").arg(label + QLatin1Char(':'), -15).arg(value));
}

void printChecks(const QList<coffer::CheckResult> &checks)
{
    for (const coffer::CheckResult &check : checks)
        cli::out(QStringLiteral("  %1 %2 %3")
                     .arg(check.ok ? QStringLiteral("ok  ") : QStringLiteral("FAIL"))
                     .arg(check.name, -20)
                     .arg(check.detail));
}

QJsonArray checksJson(const QList<coffer::CheckResult> &checks)
{
    QJsonArray array;
    for (const coffer::CheckResult &check : checks)
        array.append(QJsonObject{ { QStringLiteral("name"), check.name }, { QStringLiteral("ok"), check.ok },
            { QStringLiteral("detail"), check.detail } });
    return array;
}

} // namespace

void printPlan(const coffer::RestorePlan &plan)
{
    const coffer::Manifest &m = plan.backup.manifest;
    const coffer::TargetState &t = plan.target;
    cli::out(QStringLiteral("Restore plan"));
    row(QStringLiteral("Backup"),
        QStringLiteral("%1 of %2, taken %3 (%4), database %5")
            .arg(m.shortId(), m.database, iso(m.created), m.trigger, cli::humanSize(m.plaintextSize)));
    row(QStringLiteral("Target"), t.path);
    row(QStringLiteral("Replaces"),
        t.exists ? QStringLiteral("%1, last changed %2").arg(cli::humanSize(t.bytes), iso(t.modified))
                 : QStringLiteral("nothing (a new file)"));
    row(QStringLiteral("Install"),
        plan.mode == QStringLiteral("live")
            ? QStringLiteral("live: copied in through SQLite while its connections stay open")
            : QStringLiteral("atomic swap: one rename; the old file and its -wal/-journal are kept aside until the "
                             "restore has succeeded"));
    if (m.encryptionScheme != QStringLiteral("none"))
        row(QStringLiteral("Encryption"),
            QStringLiteral("%1, to %2").arg(m.encryptionScheme, m.encryptionRecipients.join(QStringLiteral(", "))));
    row(QStringLiteral("Safety backup"),
        plan.takeSafetyBackup ? QStringLiteral("of the current database, into %1 as '%2' (backup %5), kept %3 days%4")
                                    .arg(plan.repositoryRoot, plan.safetyDatabase)
                                    .arg(plan.params.safetyKeepDays)
                                    .arg(plan.safetyEncryption.isEmpty()
                                            ? QString()
                                            : QStringLiteral(", encrypted to %1")
                                                  .arg(plan.safetyEncryption.keyIds().join(QStringLiteral(", "))))
                                    .arg(plan.safetyBackupId.left(8))
                              : QStringLiteral("none"));
    cli::out(QStringLiteral("Preflight"));
    printChecks(plan.checks);
    for (const QString &note : plan.notes)
        cli::out(QStringLiteral("  note: %1").arg(note));
}

void printResult(const coffer::RestorePlan &plan, const coffer::RestoreResult &result)
{
    QStringList timings;
    for (const coffer::RestorePhase &phase : result.phases)
        timings << QStringLiteral("%1 %2 ms").arg(phase.name).arg(phase.ms);
    for (const QString &warning : result.warnings)
        cli::err(QStringLiteral("coffer-cli: warning: %1").arg(warning));
    if (result.ok()) {
        cli::out(QStringLiteral("Restored %1 (backup %2) to %3")
                     .arg(plan.backup.manifest.database, plan.backup.manifest.shortId(), plan.target.path));
        if (!result.safetyBackupId.isEmpty())
            cli::out(QStringLiteral("Safety backup of the previous database: %1 (trigger safety, kept %2 days)")
                         .arg(result.safetyBackupId)
                         .arg(plan.params.safetyKeepDays));
        if (!result.gap.isEmpty())
            cli::out(QStringLiteral("Note: %1").arg(result.gap));
        cli::out(QStringLiteral("Timings: %1").arg(timings.join(QStringLiteral(", "))));
        return;
    }
    cli::err(QStringLiteral("coffer-cli: the restore failed: %1").arg(result.error->message));
    if (!result.error->detail.isEmpty())
        cli::err(QStringLiteral("  %1").arg(result.error->detail));
    if (!result.rollbackDetail.isEmpty())
        cli::err(QStringLiteral("coffer-cli: %1%2")
                     .arg(result.rolledBack ? QStringLiteral("rolled back: ") : QString(), result.rollbackDetail));
    if (!result.safetyBackupId.isEmpty())
        cli::err(
            QStringLiteral("coffer-cli: the safety backup %1 holds the previous database").arg(result.safetyBackupId));
}

QJsonObject planJson(const coffer::RestorePlan &plan)
{
    const coffer::Manifest &m = plan.backup.manifest;
    const coffer::TargetState &t = plan.target;
    return QJsonObject{
        { QStringLiteral("backup"),
            QJsonObject{ { QStringLiteral("id"), m.id }, { QStringLiteral("database"), m.database },
                { QStringLiteral("created"), m.created.toUTC().toString(Qt::ISODateWithMs) },
                { QStringLiteral("trigger"), m.trigger }, { QStringLiteral("plaintext_size"), m.plaintextSize },
                { QStringLiteral("artifact"), plan.backup.artifactPath },
                { QStringLiteral("encryption"), m.encryptionScheme },
                { QStringLiteral("encryption_recipients"), QJsonArray::fromStringList(m.encryptionRecipients) } } },
        { QStringLiteral("target"),
            QJsonObject{ { QStringLiteral("path"), t.path }, { QStringLiteral("exists"), t.exists },
                { QStringLiteral("size"), t.bytes },
                { QStringLiteral("modified"),
                    t.exists ? QJsonValue(t.modified.toString(Qt::ISODateWithMs)) : QJsonValue() },
                { QStringLiteral("workspace_database"),
                    plan.targetDatabase.isEmpty() ? QJsonValue() : plan.targetDatabase },
                { QStringLiteral("in_use"), t.inUse() },
                { QStringLiteral("users"), QJsonArray::fromStringList(t.users) } } },
        { QStringLiteral("mode"), plan.mode },
        { QStringLiteral("safety_backup"),
            QJsonObject{ { QStringLiteral("enabled"), plan.takeSafetyBackup },
                { QStringLiteral("id"), plan.safetyBackupId.isEmpty() ? QJsonValue() : plan.safetyBackupId },
                { QStringLiteral("database"), plan.safetyDatabase },
                { QStringLiteral("repository"), plan.repositoryRoot },
                { QStringLiteral("keep_days"), plan.params.safetyKeepDays },
                { QStringLiteral("encryption_recipients"),
                    plan.safetyEncryption.isEmpty() ? QJsonValue()
                                                    : QJsonArray::fromStringList(plan.safetyEncryption.keyIds()) } } },
        { QStringLiteral("dry_run"), plan.params.dryRun },
        { QStringLiteral("ok"), plan.ok() },
        { QStringLiteral("checks"), checksJson(plan.checks) },
        { QStringLiteral("verification"), checksJson(plan.verification) },
        { QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes) },
    };
}

QJsonObject resultJson(const coffer::RestoreResult &result)
{
    QJsonObject timings;
    for (const coffer::RestorePhase &phase : result.phases)
        timings.insert(phase.name, phase.ms);
    QJsonValue error;
    if (result.error)
        error = QJsonObject{ { QStringLiteral("code"), result.error->codeName() },
            { QStringLiteral("message"), result.error->message }, { QStringLiteral("detail"), result.error->detail } };
    return QJsonObject{
        { QStringLiteral("ok"), result.ok() },
        { QStringLiteral("safety_backup_id"), result.safetyBackupId.isEmpty() ? QJsonValue() : result.safetyBackupId },
        { QStringLiteral("timings_ms"), timings },
        { QStringLiteral("installed"), result.installed },
        { QStringLiteral("rolled_back"), result.rolledBack },
        { QStringLiteral("rollback_failed"), result.rollbackFailed },
        { QStringLiteral("rollback_detail"), result.rollbackDetail },
        { QStringLiteral("installed_checks"), checksJson(result.installedChecks) },
        { QStringLiteral("gap"), result.gap.isEmpty() ? QJsonValue() : result.gap },
        { QStringLiteral("error"), error },
    };
}

} // namespace restoreview
