#pragma once

#include "common/Error.h"
#include "crypto/PublicKey.h"
#include "retention/RetentionPolicy.h"
#include "schedule/DatabaseSchedule.h"

#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace coffer {

// A query a restore drill runs on the restored copy, and what its first column must say.
// `expect`: empty (the query returns a row), a comparison with a number ("> 0", ">= 1", "= 42",
// "!= 0", "< 5", "<= 5"), or "= manifest(TABLE)" (the row count the backup's manifest recorded).
struct SmokeQuery {
    QString sql;
    QString expect;

    friend bool operator==(const SmokeQuery &, const SmokeQuery &) = default;
};

// One database Coffer protects.
struct DatabaseEntry {
    QString name;
    QString engine = QStringLiteral("sqlite");
    QString path;  // absolute (relative paths in the file are resolved against its folder)
    QString group; // e.g. a tenant slug; may be empty
    std::optional<double> intervalHours; // runbook: backup.schedules.<db>.interval_hours
    std::optional<int> retainCount;      // runbook: backup.schedules.<db>.retain_count; also in retention()
    QList<SmokeQuery> smokeQueries;      // `smoke_queries:`, run by restore drills
};

// `monitoring:`: where health and run results are published. Empty strings: not published.
struct MonitoringSettings {
    QString metricsFile;      // Prometheus text format, for node_exporter's textfile collector
    QString pushgatewayUrl;   // e.g. http://127.0.0.1:9091
    QString pushgatewayJob = QStringLiteral("coffer");
    QString webhookUrl;       // receives a JSON POST on a failure, an overdue database, a failed drill
    int webhookTimeoutSeconds = 10;
    int webhookRetries = 3;   // attempts after the first

    friend bool operator==(const MonitoringSettings &, const MonitoringSettings &) = default;
};

// One place backups live.
struct RepositoryEntry {
    QString name;
    QString path; // absolute
    bool isDefault = false;
};

// Workspace-wide backup settings, including the runbook shape `backup: {...}`.
struct BackupDefaults {
    QString compression = QStringLiteral("zstd");
    int level = 3;
    std::optional<int> retentionDays;  // backup.retention_days; also in Workspace::retention()
    bool encryptionEnabled = false;    // backup.encryption.enabled
    QString keyEnvVar;                 // backup.encryption.key_env_var (the name, never a secret)
    QList<PublicKey> encryptionRecipients; // backup.encryption.recipients: public keys, never secrets
    QVariantMap tenantBackupPolicy;    // backup.tenant_backup_policy, kept as written

    static inline const QString kDefaultKeyEnvVar = QStringLiteral("COFFER_PASSPHRASE");
    // The environment variable a passphrase is read from: keyEnvVar, else COFFER_PASSPHRASE.
    QString passphraseEnvVar() const { return keyEnvVar.isEmpty() ? kDefaultKeyEnvVar : keyEnvVar; }
};

// The databases Coffer protects and where their backups go: a human-edited YAML file.
class Workspace final
{
public:
    // --workspace, else $COFFER_WORKSPACE, else ~/.config/coffer/workspace.yaml.
    static QString resolvePath(const QString &override = {});
    static Result<Workspace> load(const QString &path);
    // Parses text as if it were the file at `path` (used for relative paths and messages).
    static Result<Workspace> parse(const QByteArray &yaml, const QString &path);

    QString filePath() const { return m_filePath; }
    const QList<DatabaseEntry> &databases() const { return m_databases; }
    const QList<RepositoryEntry> &repositories() const { return m_repositories; }
    const BackupDefaults &defaults() const { return m_defaults; }
    // `retention:`, with the runbook's retention_days and retain_count filled in where it is silent.
    const RetentionPolicySet &retention() const { return m_retention; }
    // The schedule of one database (databases > groups > default > runbook interval_hours);
    // an empty DatabaseSchedule for a database the workspace does not list.
    DatabaseSchedule schedule(const QString &database) const;
    // The zone calendar times are read in: schedules.timezone, else retention.timezone, else the system's.
    QTimeZone scheduleTimeZone() const;
    const MonitoringSettings &monitoring() const { return m_monitoring; }

    std::optional<DatabaseEntry> database(const QString &name) const;
    QList<DatabaseEntry> group(const QString &group) const;
    // The repository marked default, else the only/first one.
    std::optional<RepositoryEntry> defaultRepository() const;
    std::optional<RepositoryEntry> repository(const QString &name) const;

private:
    QString m_filePath;
    QList<DatabaseEntry> m_databases;
    QList<RepositoryEntry> m_repositories;
    BackupDefaults m_defaults;
    RetentionPolicySet m_retention;
    // Filled by the parser: see Workspace.cpp.
    QMap<QString, DatabaseSchedule> m_schedules; // by database name, resolved
    QString m_scheduleTimeZone;
    MonitoringSettings m_monitoring;
};

} // namespace coffer
