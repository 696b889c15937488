#include "workspace/Workspace.h"

#include "backup/Codec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStandardPaths>
#include <QVariantList>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace coffer {

namespace {

// Deeper than any hand-written workspace; also stops alias cycles such as `&a [*a]`.
constexpr int kMaxDepth = 64;
// A workspace is a short hand-written file; anything bigger is the wrong file.
constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;
constexpr int kFormatVersion = 1;

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

bool isEnvVarName(const QString &name)
{
    if (name.isEmpty() || name.at(0).isDigit())
        return false;
    for (const QChar c : name) {
        if (!(c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetterOrNumber())))
            return false;
    }
    return true;
}

// Database names become folder names in a repository (backups/<db>/...).
bool isSafeName(const QString &name)
{
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return false;
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

// Everything parse() produces, filled in before it is moved into a Workspace.
struct Parsed {
    QList<DatabaseEntry> databases;
    QList<RepositoryEntry> repositories;
    BackupDefaults defaults;
};

class Parser
{
public:
    explicit Parser(const QString &filePath)
        : m_filePath(filePath)
        , m_baseDir(filePath.isEmpty() ? QDir::current() : QFileInfo(filePath).absoluteDir())
    {
    }

    Result<Parsed> run(const YAML::Node &root);

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

private:
    Result<void> checkDuplicateKeys(const YAML::Node &node, int depth) const;
    Result<int> checkVersion(const YAML::Node &root) const;
    Result<QString> text(const YAML::Node &node, const QString &what) const;
    // Scalar fields of a mapping; an error about an empty value points at the key's line.
    YAML::Mark markOf(const YAML::Node &map, const char *key) const;
    Result<int> integer(const YAML::Node &map, const char *key, const QString &what, int minimum) const;
    Result<double> positiveNumber(const YAML::Node &map, const char *key, const QString &what) const;
    Result<bool> boolean(const YAML::Node &map, const char *key, const QString &what) const;
    Result<QVariant> toVariant(const YAML::Node &node, int depth) const;
    QString resolvePath(const QString &raw) const;

    Result<void> parseDatabases(const YAML::Node &node);
    Result<void> addDatabase(const YAML::Node &at, QString name, const YAML::Node &fields);
    Result<void> parseRepositories(const YAML::Node &node);
    Result<void> addRepository(const YAML::Node &at, QString name, const YAML::Node &fields);
    Result<void> parseCompression(const YAML::Node &section, const QString &prefix);
    Result<void> parseBackup(const YAML::Node &node);
    Result<void> parseSchedules(const YAML::Node &node);

    QString m_filePath;
    QDir m_baseDir;
    Parsed m_out;
    // Compression and level are resolved together once all sections are read. std::optional
    // because assigning to a bound YAML::Node would rewrite the node it refers to.
    std::optional<YAML::Node> m_compressionNode;
    std::optional<YAML::Node> m_levelNode;
};

Result<void> Parser::checkDuplicateKeys(const YAML::Node &node, int depth) const
{
    if (depth > kMaxDepth)
        return error(node, QStringLiteral("nesting is deeper than %1 levels (or an alias refers to itself)")
                               .arg(kMaxDepth));
    if (node.IsSequence()) {
        for (const YAML::Node &child : node) {
            if (auto r = checkDuplicateKeys(child, depth + 1); !r)
                return r;
        }
    } else if (node.IsMap()) {
        QSet<QString> seen;
        for (const auto &item : node) {
            if (item.first.IsScalar()) {
                const QString key = str(item.first.Scalar());
                if (seen.contains(key))
                    return error(item.first, QStringLiteral("duplicate key '%1'").arg(key));
                seen.insert(key);
            }
            if (auto r = checkDuplicateKeys(item.second, depth + 1); !r)
                return r;
        }
    }
    return {};
}

Result<int> Parser::checkVersion(const YAML::Node &root) const
{
    auto version = integer(root, "version", QStringLiteral("version"), 1);
    if (!version)
        return version;
    if (*version > kFormatVersion)
        return error(root["version"],
                     QStringLiteral("workspace format version %1 is newer than this Coffer understands (%2); "
                                    "upgrade Coffer")
                         .arg(*version)
                         .arg(kFormatVersion),
                     ErrorCode::UnsupportedFormat);
    return version;
}

Result<QString> Parser::text(const YAML::Node &node, const QString &what) const
{
    if (node.IsNull())
        return QString(); // callers report a missing value in their own words
    if (!node.IsScalar())
        return error(node, QStringLiteral("%1 must be a single value").arg(what));
    return str(node.Scalar()).trimmed();
}

YAML::Mark Parser::markOf(const YAML::Node &map, const char *key) const
{
    const YAML::Node value = map[key];
    if (!value.IsNull())
        return value.Mark();
    // An empty value's own mark points at whatever token follows it, often the next line.
    for (const auto &item : map) {
        if (item.first.IsScalar() && item.first.Scalar() == key)
            return item.first.Mark();
    }
    return map.Mark();
}

Result<int> Parser::integer(const YAML::Node &map, const char *key, const QString &what, int minimum) const
{
    const YAML::Node node = map[key];
    int value = 0;
    if (node.IsNull())
        return error(markOf(map, key), QStringLiteral("%1 is empty; give a whole number").arg(what));
    if (!node.IsScalar() || !YAML::convert<int>::decode(node, value))
        return error(node, QStringLiteral("%1 must be a whole number, not '%2'").arg(what, str(YAML::Dump(node))));
    if (value < minimum)
        return error(node, QStringLiteral("%1 must be at least %2, not %3")
                               .arg(what, QString::number(minimum), QString::number(value)));
    return value;
}

Result<double> Parser::positiveNumber(const YAML::Node &map, const char *key, const QString &what) const
{
    const YAML::Node node = map[key];
    double value = 0;
    if (node.IsNull())
        return error(markOf(map, key), QStringLiteral("%1 is empty; give a number").arg(what));
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value))
        return error(node, QStringLiteral("%1 must be a number, not '%2'").arg(what, str(YAML::Dump(node))));
    if (value <= 0)
        return error(node, QStringLiteral("%1 must be greater than 0").arg(what));
    return value;
}

Result<bool> Parser::boolean(const YAML::Node &map, const char *key, const QString &what) const
{
    const YAML::Node node = map[key];
    bool value = false;
    if (node.IsNull())
        return error(markOf(map, key), QStringLiteral("%1 is empty; give true or false").arg(what));
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
        return error(node, QStringLiteral("%1 must be true or false, not '%2'").arg(what, str(YAML::Dump(node))));
    return value;
}

// Plain scalars are typed the way PyYAML (YAML 1.1) types them, so a runbook read by a
// script before reads the same here; quoted scalars stay strings.
Result<QVariant> Parser::toVariant(const YAML::Node &node, int depth) const
{
    if (depth > kMaxDepth)
        return error(node, QStringLiteral("nesting is deeper than %1 levels").arg(kMaxDepth));
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QVariant();
    case YAML::NodeType::Scalar: {
        const QString value = str(node.Scalar());
        if (node.Tag() != "?")
            return QVariant(value);
        static const QStringList kTrue = {QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on")};
        static const QStringList kFalse = {QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off")};
        // PyYAML accepts only all-lower, Capitalised and UPPER spellings.
        const bool plainCase = value == value.toLower() || value == value.toUpper()
                               || value == value.left(1).toUpper() + value.mid(1).toLower();
        if (plainCase && kTrue.contains(value.toLower()))
            return QVariant(true);
        if (plainCase && kFalse.contains(value.toLower()))
            return QVariant(false);
        long long asInt = 0;
        if (YAML::convert<long long>::decode(node, asInt))
            return QVariant(static_cast<qlonglong>(asInt));
        double asDouble = 0;
        if (YAML::convert<double>::decode(node, asDouble))
            return QVariant(asDouble);
        return QVariant(value);
    }
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &child : node) {
            auto v = toVariant(child, depth + 1);
            if (!v)
                return v;
            list.append(*v);
        }
        return QVariant(list);
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &item : node) {
            auto v = toVariant(item.second, depth + 1);
            if (!v)
                return v;
            const std::string key = item.first.IsScalar() ? item.first.Scalar() : YAML::Dump(item.first);
            map.insert(str(key), *v);
        }
        return QVariant(map);
    }
    }
    return QVariant();
}

QString Parser::resolvePath(const QString &raw) const
{
    QString path = raw;
    if (path == QLatin1String("~"))
        path = QDir::homePath();
    else if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return QDir::cleanPath(m_baseDir.absoluteFilePath(path));
}

Result<void> Parser::addDatabase(const YAML::Node &at, QString name, const YAML::Node &fields)
{
    DatabaseEntry entry;
    if (name.isEmpty() && fields.IsMap() && fields["name"]) {
        auto n = text(fields["name"], QStringLiteral("database name"));
        if (!n)
            return std::unexpected(n.error());
        name = *n;
    }
    if (name.isEmpty())
        return error(at, QStringLiteral("a database has no name; give each database `name:` and `path:`"));
    if (!isSafeName(name))
        return error(at, QStringLiteral("database name '%1' must not contain '/', '\\' or control characters, "
                                        "nor be '.' or '..'")
                             .arg(name));
    entry.name = name;

    QString rawPath;
    if (fields.IsScalar()) {
        rawPath = str(fields.Scalar()).trimmed();
    } else if (fields.IsMap()) {
        if (const YAML::Node path = fields["path"]) {
            auto p = text(path, QStringLiteral("path of database '%1'").arg(name));
            if (!p)
                return std::unexpected(p.error());
            rawPath = *p;
        }
        if (const YAML::Node engine = fields["engine"]; engine && !engine.IsNull()) {
            auto e = text(engine, QStringLiteral("engine of database '%1'").arg(name));
            if (!e)
                return std::unexpected(e.error());
            const QString lower = e->toLower();
            if (lower != QLatin1String("sqlite") && lower != QLatin1String("sqlite3"))
                return error(engine,
                             QStringLiteral("database '%1' uses engine '%2'; Coffer backs up only sqlite databases")
                                 .arg(name, *e),
                             ErrorCode::UnsupportedFormat);
        }
        if (const YAML::Node group = fields["group"]; group && !group.IsNull()) {
            auto g = text(group, QStringLiteral("group of database '%1'").arg(name));
            if (!g)
                return std::unexpected(g.error());
            entry.group = *g;
        }
    } else if (!fields.IsNull()) {
        return error(at, QStringLiteral("database '%1' must be a path or a mapping with `path:`").arg(name));
    }
    if (rawPath.isEmpty())
        return error(at, QStringLiteral("database '%1' has no path; add `path: /path/to/%1.db`").arg(name));
    entry.path = resolvePath(rawPath);

    for (const DatabaseEntry &existing : std::as_const(m_out.databases)) {
        if (existing.name == name)
            return error(at, QStringLiteral("database '%1' is listed twice; database names must be unique").arg(name));
    }
    m_out.databases.append(entry);
    return {};
}

Result<void> Parser::parseDatabases(const YAML::Node &node)
{
    if (node.IsNull())
        return {};
    if (node.IsSequence()) {
        for (const YAML::Node &item : node) {
            if (!item.IsMap())
                return error(item, QStringLiteral("each entry under `databases:` must be a mapping with "
                                                  "`name:` and `path:`"));
            if (auto r = addDatabase(item, {}, item); !r)
                return r;
        }
        return {};
    }
    if (node.IsMap()) {
        for (const auto &item : node) {
            auto name = text(item.first, QStringLiteral("database name"));
            if (!name)
                return std::unexpected(name.error());
            if (auto r = addDatabase(item.first, *name, item.second); !r)
                return r;
        }
        return {};
    }
    return error(node, QStringLiteral("`databases:` must be a list or a mapping of databases"));
}

Result<void> Parser::addRepository(const YAML::Node &at, QString name, const YAML::Node &fields)
{
    RepositoryEntry entry;
    if (name.isEmpty() && fields.IsMap() && fields["name"]) {
        auto n = text(fields["name"], QStringLiteral("repository name"));
        if (!n)
            return std::unexpected(n.error());
        name = *n;
    }
    if (name.isEmpty())
        return error(at, QStringLiteral("a repository has no name; give each repository `name:` and `path:`"));
    entry.name = name;

    QString rawPath;
    if (fields.IsScalar()) {
        rawPath = str(fields.Scalar()).trimmed();
    } else if (fields.IsMap()) {
        if (const YAML::Node path = fields["path"]) {
            auto p = text(path, QStringLiteral("path of repository '%1'").arg(name));
            if (!p)
                return std::unexpected(p.error());
            rawPath = *p;
        }
        if (const YAML::Node isDefault = fields["default"]; isDefault && !isDefault.IsNull()) {
            auto d = boolean(fields, "default", QStringLiteral("`default` of repository '%1'").arg(name));
            if (!d)
                return std::unexpected(d.error());
            entry.isDefault = *d;
        }
    } else if (!fields.IsNull()) {
        return error(at, QStringLiteral("repository '%1' must be a path or a mapping with `path:`").arg(name));
    }
    if (rawPath.isEmpty())
        return error(at, QStringLiteral("repository '%1' has no path; add `path: /path/to/folder`").arg(name));
    entry.path = resolvePath(rawPath);

    for (const RepositoryEntry &existing : std::as_const(m_out.repositories)) {
        if (existing.name == name)
            return error(at,
                         QStringLiteral("repository '%1' is listed twice; repository names must be unique").arg(name));
        if (existing.isDefault && entry.isDefault)
            return error(at, QStringLiteral("repositories '%1' and '%2' are both marked default; keep one")
                                 .arg(existing.name, name));
    }
    m_out.repositories.append(entry);
    return {};
}

Result<void> Parser::parseRepositories(const YAML::Node &node)
{
    if (node.IsNull())
        return {};
    if (node.IsSequence()) {
        for (const YAML::Node &item : node) {
            if (!item.IsMap())
                return error(item, QStringLiteral("each entry under `repositories:` must be a mapping with "
                                                  "`name:` and `path:`"));
            if (auto r = addRepository(item, {}, item); !r)
                return r;
        }
        return {};
    }
    if (node.IsMap()) {
        for (const auto &item : node) {
            auto name = text(item.first, QStringLiteral("repository name"));
            if (!name)
                return std::unexpected(name.error());
            if (auto r = addRepository(item.first, *name, item.second); !r)
                return r;
        }
        return {};
    }
    return error(node, QStringLiteral("`repositories:` must be a list or a mapping of repositories"));
}

Result<void> Parser::parseCompression(const YAML::Node &section, const QString &prefix)
{
    if (const YAML::Node compression = section["compression"]; compression && !compression.IsNull()) {
        auto name = text(compression, prefix + QStringLiteral("compression"));
        if (!name)
            return std::unexpected(name.error());
        if (!codecFromName(name->toLower()))
            return error(compression, QStringLiteral("%1compression '%2' is not one of zstd, gzip, none")
                                          .arg(prefix, *name));
        m_compressionNode.emplace(compression);
    }
    if (const YAML::Node level = section["level"]; level && !level.IsNull()) {
        if (auto l = integer(section, "level", prefix + QStringLiteral("level"), std::numeric_limits<int>::min()); !l)
            return std::unexpected(l.error());
        m_levelNode.emplace(level);
    }
    return {};
}

Result<void> Parser::parseSchedules(const YAML::Node &node)
{
    if (node.IsNull())
        return {};
    if (!node.IsMap())
        return error(node, QStringLiteral("backup.schedules must map database names to "
                                          "{interval_hours, retain_count}"));
    for (const auto &item : node) {
        auto name = text(item.first, QStringLiteral("schedule name"));
        if (!name)
            return std::unexpected(name.error());
        auto it = std::find_if(m_out.databases.begin(), m_out.databases.end(),
                               [&](const DatabaseEntry &db) { return db.name == *name; });
        if (it == m_out.databases.end())
            return error(item.first, QStringLiteral("backup.schedules names database '%1', which is not listed "
                                                    "under `databases:`")
                                         .arg(*name));
        const YAML::Node schedule = item.second;
        if (!schedule.IsMap())
            return error(item.first, QStringLiteral("schedule of database '%1' must be a mapping with "
                                                    "interval_hours and/or retain_count")
                                         .arg(*name));
        if (schedule["interval_hours"]) {
            auto h = positiveNumber(schedule, "interval_hours",
                                    QStringLiteral("interval_hours of database '%1'").arg(*name));
            if (!h)
                return std::unexpected(h.error());
            it->intervalHours = *h;
        }
        if (schedule["retain_count"]) {
            auto c = integer(schedule, "retain_count", QStringLiteral("retain_count of database '%1'").arg(*name), 1);
            if (!c)
                return std::unexpected(c.error());
            it->retainCount = *c;
        }
    }
    return {};
}

Result<void> Parser::parseBackup(const YAML::Node &node)
{
    if (node.IsNull())
        return {};
    if (!node.IsMap())
        return error(node, QStringLiteral("`backup:` must be a mapping"));
    BackupDefaults &d = m_out.defaults;

    if (const YAML::Node days = node["retention_days"]; days && !days.IsNull()) {
        // 0 would let a prune delete every backup.
        auto v = integer(node, "retention_days", QStringLiteral("backup.retention_days"), 1);
        if (!v)
            return std::unexpected(v.error());
        d.retentionDays = *v;
    }

    if (const YAML::Node encryption = node["encryption"]; encryption && !encryption.IsNull()) {
        if (encryption.IsScalar()) {
            auto on = boolean(node, "encryption", QStringLiteral("backup.encryption"));
            if (!on)
                return std::unexpected(on.error());
            d.encryptionEnabled = *on;
        } else if (encryption.IsMap()) {
            if (const YAML::Node enabled = encryption["enabled"]; enabled && !enabled.IsNull()) {
                auto on = boolean(encryption, "enabled", QStringLiteral("backup.encryption.enabled"));
                if (!on)
                    return std::unexpected(on.error());
                d.encryptionEnabled = *on;
            }
            if (const YAML::Node var = encryption["key_env_var"]; var && !var.IsNull()) {
                auto name = text(var, QStringLiteral("backup.encryption.key_env_var"));
                if (!name)
                    return std::unexpected(name.error());
                // Never echo the value: someone may have pasted the key itself here.
                if (!isEnvVarName(*name))
                    return error(var, QStringLiteral("backup.encryption.key_env_var must be the NAME of an "
                                                     "environment variable (letters, digits, _), not the key"));
                d.keyEnvVar = *name;
            }
        } else {
            return error(encryption, QStringLiteral("backup.encryption must be a mapping with enabled and "
                                                    "key_env_var"));
        }
    }

    if (const YAML::Node policy = node["tenant_backup_policy"]; policy && !policy.IsNull()) {
        if (!policy.IsMap())
            return error(policy, QStringLiteral("backup.tenant_backup_policy must be a mapping"));
        auto v = toVariant(policy, 0);
        if (!v)
            return std::unexpected(v.error());
        d.tenantBackupPolicy = v->toMap();
    }

    if (auto r = parseCompression(node, QStringLiteral("backup.")); !r)
        return r;
    if (const YAML::Node schedules = node["schedules"])
        return parseSchedules(schedules);
    return {};
}

Result<Parsed> Parser::run(const YAML::Node &root)
{
    if (!root || root.IsNull())
        return m_out; // an empty file is an empty workspace
    if (!root.IsMap())
        return error(root, QStringLiteral("a workspace must be a mapping with `databases:` and `repositories:`"));
    if (auto r = checkDuplicateKeys(root, 0); !r)
        return std::unexpected(r.error());

    if (const YAML::Node version = root["version"]; version && !version.IsNull()) {
        if (auto v = checkVersion(root); !v)
            return std::unexpected(v.error());
    }
    if (const YAML::Node repositories = root["repositories"]) {
        if (auto r = parseRepositories(repositories); !r)
            return std::unexpected(r.error());
    }
    // Databases before `backup:`, whose schedules refer to them, wherever they sit in the file.
    if (const YAML::Node databases = root["databases"]) {
        if (auto r = parseDatabases(databases); !r)
            return std::unexpected(r.error());
    }
    if (const YAML::Node backup = root["backup"]) {
        if (auto r = parseBackup(backup); !r)
            return std::unexpected(r.error());
    }
    // `defaults:` is read after `backup:` so the native section wins when both are present.
    if (const YAML::Node defaults = root["defaults"]; defaults && !defaults.IsNull()) {
        if (!defaults.IsMap())
            return error(defaults, QStringLiteral("`defaults:` must be a mapping"));
        if (auto r = parseCompression(defaults, QStringLiteral("defaults.")); !r)
            return std::unexpected(r.error());
    }

    // A codec without a level gets that codec's own default (gzip 6, none 0), not zstd's 3.
    Codec codec = Codec::Zstd;
    if (m_compressionNode) {
        codec = *codecFromName(str(m_compressionNode->Scalar()).trimmed().toLower());
        m_out.defaults.compression = codecName(codec);
        m_out.defaults.level = defaultLevel(codec);
    }
    if (m_levelNode) {
        const int level = m_levelNode->as<int>();
        if (auto r = checkLevel(codec, level); !r)
            return error(*m_levelNode, r.error().message);
        m_out.defaults.level = level;
    }
    return m_out;
}

} // namespace

QString Workspace::resolvePath(const QString &override)
{
    if (!override.isEmpty())
        return override;
    const QString fromEnv = qEnvironmentVariable("COFFER_WORKSPACE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString configDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    if (configDir.isEmpty())
        configDir = QDir::homePath() + QStringLiteral("/.config");
    return configDir + QStringLiteral("/coffer/workspace.yaml");
}

Result<Workspace> Workspace::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("No workspace file at %1. Create it (a YAML file listing your databases and "
                                   "repositories), or pass --workspace FILE or set COFFER_WORKSPACE.")
                        .arg(path));
    if (info.isDir())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a folder; --workspace expects a YAML file").arg(path));
    if (info.size() > kMaxFileSize)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is too large to be a workspace file; check --workspace").arg(path));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const ErrorCode code =
            file.error() == QFileDevice::PermissionsError ? ErrorCode::PermissionDenied : ErrorCode::Io;
        return fail(code, QStringLiteral("Cannot read workspace file %1").arg(path), file.errorString());
    }
    const QByteArray contents = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, QStringLiteral("Cannot read workspace file %1").arg(path), file.errorString());

    // A common slip: pointing --workspace at a database instead of the YAML file.
    if (contents.startsWith(QByteArrayLiteral("SQLite format 3")))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is an SQLite database, not a workspace file; pass the YAML file to "
                                   "--workspace")
                        .arg(path));
    if (contents.contains('\0'))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a binary file, not a YAML workspace file").arg(path));
    return parse(contents, path);
}

Result<Workspace> Workspace::parse(const QByteArray &yaml, const QString &path)
{
    const QString filePath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    Parser parser(filePath);
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        auto parsed = parser.run(root);
        if (!parsed)
            return std::unexpected(parsed.error());
        Workspace ws;
        ws.m_filePath = filePath;
        ws.m_databases = std::move(parsed->databases);
        ws.m_repositories = std::move(parsed->repositories);
        ws.m_defaults = std::move(parsed->defaults);
        return ws;
    } catch (const YAML::Exception &e) {
        return parser.error(e.mark, QStringLiteral("not valid YAML: %1").arg(str(e.msg)));
    } catch (const std::exception &e) {
        return fail(ErrorCode::Internal, QStringLiteral("Could not read workspace %1").arg(filePath),
                    QString::fromLocal8Bit(e.what()));
    }
}

std::optional<DatabaseEntry> Workspace::database(const QString &name) const
{
    for (const DatabaseEntry &db : m_databases) {
        if (db.name == name)
            return db;
    }
    return std::nullopt;
}

QList<DatabaseEntry> Workspace::group(const QString &group) const
{
    QList<DatabaseEntry> result;
    for (const DatabaseEntry &db : m_databases) {
        if (db.group == group)
            result.append(db);
    }
    return result;
}

std::optional<RepositoryEntry> Workspace::defaultRepository() const
{
    for (const RepositoryEntry &repo : m_repositories) {
        if (repo.isDefault)
            return repo;
    }
    if (m_repositories.isEmpty())
        return std::nullopt;
    return m_repositories.first();
}

std::optional<RepositoryEntry> Workspace::repository(const QString &name) const
{
    for (const RepositoryEntry &repo : m_repositories) {
        if (repo.name == name)
            return repo;
    }
    return std::nullopt;
}

} // namespace coffer
