#pragma once

#include "common/Error.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QString>

#include <yaml-cpp/yaml.h>

#include <optional>

// Private to core/workspace: turns a workspace YAML document into its entries, with errors
// that name the file and line.
namespace coffer {

// Everything parse() produces, filled in before it is moved into a Workspace.
struct ParsedWorkspace {
    QList<DatabaseEntry> databases;
    QList<RepositoryEntry> repositories;
    BackupDefaults defaults;
    RetentionPolicySet retention;
    QMap<QString, DatabaseSchedule> schedules; // by database: resolved (ScheduleParser)
    QString scheduleTimeZone;                  // schedules.timezone, else retention.timezone; empty: the system's
    MonitoringSettings monitoring;
};

// Reads one YAML document; run() once per parser.
class WorkspaceParser final
{
public:
    explicit WorkspaceParser(const QString &filePath)
        : m_filePath(filePath)
        , m_baseDir(filePath.isEmpty() ? QDir::current() : QFileInfo(filePath).absoluteDir())
    {
    }

    Result<ParsedWorkspace> run(const YAML::Node &root);

    std::unexpected<Error> error(const YAML::Mark &mark, const QString &message,
                                 ErrorCode code = ErrorCode::InvalidArgument) const
    {
        const QString where = m_filePath.isEmpty() ? QStringLiteral("<workspace>") : m_filePath;
        if (mark.is_null())
            return fail(code, QStringLiteral("%1: %2").arg(where, message));
        return fail(code, QStringLiteral("%1:%2: %3").arg(where, QString::number(mark.line + 1), message));
    }
    std::unexpected<Error> error(const YAML::Node &node, const QString &message,
                                 ErrorCode code = ErrorCode::InvalidArgument) const
    {
        return error(node.Mark(), message, code);
    }

    // Shared with the section parsers (ScheduleParser, MonitoringParser, SmokeQueryParser).
    Result<QString> text(const YAML::Node &node, const QString &what) const;
    // Scalar fields of a mapping; an error about an empty value points at the key's line.
    YAML::Mark markOf(const YAML::Node &map, const char *key) const;
    Result<int> integer(const YAML::Node &map, const char *key, const QString &what, int minimum) const;
    Result<double> positiveNumber(const YAML::Node &map, const char *key, const QString &what) const;
    Result<bool> boolean(const YAML::Node &map, const char *key, const QString &what) const;
    QString resolvePath(const QString &raw) const;
    // Refuses a key of `map` that `allowed` does not hold, naming them: a misspelt key that was
    // silently ignored would leave a schedule or an alert that never happens.
    Result<void> checkKeys(const YAML::Node &map, const QStringList &allowed, const QString &where) const;

private:
    Result<void> checkDuplicateKeys(const YAML::Node &node, int depth) const;
    Result<int> checkVersion(const YAML::Node &root) const;
    Result<QVariant> toVariant(const YAML::Node &node, int depth) const;

    Result<void> parseEntries(const YAML::Node &node, const QString &section, const QString &what,
                              Result<void> (WorkspaceParser::*add)(const YAML::Node &, QString, const YAML::Node &));
    // An entry's name (the mapping key, else its `name:`) and raw path (the scalar itself,
    // else its `path:`; empty when absent), shared by databases and repositories.
    Result<QString> entryName(const YAML::Node &at, const QString &key, const YAML::Node &fields,
                              const QString &kind) const;
    Result<QString> entryPath(const YAML::Node &at, const QString &name, const YAML::Node &fields,
                              const QString &kind) const;
    Result<void> addDatabase(const YAML::Node &at, QString name, const YAML::Node &fields);
    Result<void> addRepository(const YAML::Node &at, QString name, const YAML::Node &fields);
    Result<void> parseCompression(const YAML::Node &section, const QString &prefix);
    Result<void> parseBackup(const YAML::Node &node);
    // backup.encryption.recipients: public key lines, each checked (PublicKey::fromText).
    Result<void> parseRecipients(const YAML::Node &node);
    // backup.schedules: the runbook's interval_hours and retain_count per database.
    Result<void> parseRunbookSchedules(const YAML::Node &node);
    // `retention:` (read after `backup:`); then the runbook keys fill the fields it leaves unset.
    Result<void> parseRetention(const YAML::Node &node);
    // One policy mapping; `where` names it in messages ("retention.groups.acme").
    Result<RetentionPolicy> parsePolicy(const YAML::Node &at, const YAML::Node &node, const QString &where) const;
    Result<void> parsePolicies(
        const YAML::Node &node, const QString &section, QMap<QString, RetentionPolicy> &into, bool databasesOnly);
    // Maps backup.retention_days and schedules' retain_count into the set, then validates it.
    Result<void> applyRunbookRetention(const YAML::Mark &mark);

    QString m_filePath;
    QDir m_baseDir;
    ParsedWorkspace m_out;
    // Compression and level are resolved together once all sections are read. std::optional
    // because assigning to a bound YAML::Node would rewrite the node it refers to.
    std::optional<YAML::Node> m_compressionNode;
    std::optional<YAML::Node> m_levelNode;
};

} // namespace coffer
