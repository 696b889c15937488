#include "workspace/WorkspaceParser.h"

#include "backup/Codec.h"
#include "workspace/MonitoringParser.h"
#include "workspace/ScheduleParser.h"
#include "workspace/SmokeQueryParser.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <QVariantList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace coffer {

namespace {

// Deeper than any hand-written workspace; also stops alias cycles such as `&a [*a]`.
constexpr int kMaxDepth = 64;
constexpr int kFormatVersion = 1;

// The whole-number keys of a retention policy; keep_within and max_size_gb are the others.
struct PolicyCount {
    const char *key;
    std::optional<int> RetentionPolicy::*field;
    int minimum;
};
constexpr PolicyCount kPolicyCounts[] = {
    { "keep_last", &RetentionPolicy::keepLast, 1 },
    { "keep_hourly", &RetentionPolicy::keepHourly, 1 },
    { "keep_daily", &RetentionPolicy::keepDaily, 1 },
    { "keep_weekly", &RetentionPolicy::keepWeekly, 1 },
    { "keep_monthly", &RetentionPolicy::keepMonthly, 1 },
    { "keep_yearly", &RetentionPolicy::keepYearly, 1 },
    { "retention_days", &RetentionPolicy::retentionDays, 1 },
    { "retain_count", &RetentionPolicy::retainCount, 1 },
    // 0 would let a prune delete a database's last backup.
    { "min_count", &RetentionPolicy::minCount, 1 },
};

// Named in the message that refuses an unknown key: a misspelt rule that was silently ignored
// would let a prune delete backups the team meant to keep.
QString policyKeys()
{
    QStringList keys;
    for (const PolicyCount &c : kPolicyCounts)
        keys.append(QLatin1String(c.key));
    keys << QStringLiteral("keep_within") << QStringLiteral("max_size_gb");
    return keys.join(QStringLiteral(", "));
}

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

} // namespace

Result<void> WorkspaceParser::checkDuplicateKeys(const YAML::Node &node, int depth) const
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

Result<int> WorkspaceParser::checkVersion(const YAML::Node &root) const
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

Result<QString> WorkspaceParser::text(const YAML::Node &node, const QString &what) const
{
    if (node.IsNull())
        return QString(); // callers report a missing value in their own words
    if (!node.IsScalar())
        return error(node, QStringLiteral("%1 must be a single value").arg(what));
    return str(node.Scalar()).trimmed();
}

YAML::Mark WorkspaceParser::markOf(const YAML::Node &map, const char *key) const
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

Result<int> WorkspaceParser::integer(const YAML::Node &map, const char *key, const QString &what, int minimum) const
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

Result<double> WorkspaceParser::positiveNumber(const YAML::Node &map, const char *key, const QString &what) const
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

Result<bool> WorkspaceParser::boolean(const YAML::Node &map, const char *key, const QString &what) const
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
Result<QVariant> WorkspaceParser::toVariant(const YAML::Node &node, int depth) const
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

Result<void> WorkspaceParser::checkKeys(const YAML::Node &map, const QStringList &allowed, const QString &where) const
{
    for (const auto &item : map) {
        auto key = text(item.first, QStringLiteral("a key of %1").arg(where));
        if (!key)
            return std::unexpected(key.error());
        if (!allowed.contains(*key))
            return error(item.first,
                QStringLiteral("unknown key '%1' in %2; it takes %3").arg(*key, where, allowed.join(QStringLiteral(", "))));
    }
    return {};
}

QString WorkspaceParser::resolvePath(const QString &raw) const
{
    QString path = raw;
    if (path == QLatin1String("~"))
        path = QDir::homePath();
    else if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return QDir::cleanPath(m_baseDir.absoluteFilePath(path));
}

Result<QString> WorkspaceParser::entryName(const YAML::Node &at, const QString &key, const YAML::Node &fields,
                                           const QString &kind) const
{
    QString name = key;
    if (name.isEmpty() && fields.IsMap() && fields["name"]) {
        auto n = text(fields["name"], QStringLiteral("%1 name").arg(kind));
        if (!n)
            return std::unexpected(n.error());
        name = *n;
    }
    if (name.isEmpty())
        return error(at, QStringLiteral("a %1 has no name; give each %1 `name:` and `path:`").arg(kind));
    return name;
}

Result<QString> WorkspaceParser::entryPath(const YAML::Node &at, const QString &name, const YAML::Node &fields,
                                           const QString &kind) const
{
    if (fields.IsScalar())
        return str(fields.Scalar()).trimmed();
    if (fields.IsMap()) {
        if (const YAML::Node path = fields["path"])
            return text(path, QStringLiteral("path of %1 '%2'").arg(kind, name));
        return QString();
    }
    if (!fields.IsNull())
        return error(at, QStringLiteral("%1 '%2' must be a path or a mapping with `path:`").arg(kind, name));
    return QString();
}

Result<void> WorkspaceParser::addDatabase(const YAML::Node &at, QString name, const YAML::Node &fields)
{
    DatabaseEntry entry;
    auto named = entryName(at, name, fields, QStringLiteral("database"));
    if (!named)
        return std::unexpected(named.error());
    name = *named;
    if (!isSafeName(name))
        return error(at, QStringLiteral("database name '%1' must not contain '/', '\\' or control characters, "
                                        "nor be '.' or '..'")
                             .arg(name));
    entry.name = name;

    auto rawPath = entryPath(at, name, fields, QStringLiteral("database"));
    if (!rawPath)
        return std::unexpected(rawPath.error());
    if (fields.IsMap()) {
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
        if (const YAML::Node smoke = fields["smoke_queries"]) {
            auto queries = SmokeQueryParser(*this).parse(smoke, name);
            if (!queries)
                return std::unexpected(queries.error());
            entry.smokeQueries = *queries;
        }
    }
    if (rawPath->isEmpty())
        return error(at, QStringLiteral("database '%1' has no path; add `path: /path/to/%1.db`").arg(name));
    entry.path = resolvePath(*rawPath);

    for (const DatabaseEntry &existing : std::as_const(m_out.databases)) {
        if (existing.name == name)
            return error(at, QStringLiteral("database '%1' is listed twice; database names must be unique").arg(name));
    }
    m_out.databases.append(entry);
    return {};
}

Result<void> WorkspaceParser::addRepository(const YAML::Node &at, QString name, const YAML::Node &fields)
{
    RepositoryEntry entry;
    auto named = entryName(at, name, fields, QStringLiteral("repository"));
    if (!named)
        return std::unexpected(named.error());
    name = *named;
    entry.name = name;

    auto rawPath = entryPath(at, name, fields, QStringLiteral("repository"));
    if (!rawPath)
        return std::unexpected(rawPath.error());
    if (fields.IsMap()) {
        if (const YAML::Node isDefault = fields["default"]; isDefault && !isDefault.IsNull()) {
            auto d = boolean(fields, "default", QStringLiteral("`default` of repository '%1'").arg(name));
            if (!d)
                return std::unexpected(d.error());
            entry.isDefault = *d;
        }
    }
    if (rawPath->isEmpty())
        return error(at, QStringLiteral("repository '%1' has no path; add `path: /path/to/folder`").arg(name));
    entry.path = resolvePath(*rawPath);

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

Result<void> WorkspaceParser::parseEntries(const YAML::Node &node, const QString &section, const QString &what,
                                           Result<void> (WorkspaceParser::*add)(const YAML::Node &, QString,
                                                                                 const YAML::Node &))
{
    // Both shapes teams write: a list of mappings with `name:`, or a mapping keyed by name.
    if (node.IsNull())
        return {};
    if (node.IsSequence()) {
        for (const YAML::Node &item : node) {
            if (!item.IsMap())
                return error(item, QStringLiteral("each entry under `%1:` must be a mapping with `name:` and `path:`")
                                       .arg(section));
            if (auto r = (this->*add)(item, {}, item); !r)
                return r;
        }
        return {};
    }
    if (node.IsMap()) {
        for (const auto &item : node) {
            auto name = text(item.first, QStringLiteral("%1 name").arg(what));
            if (!name)
                return std::unexpected(name.error());
            if (auto r = (this->*add)(item.first, *name, item.second); !r)
                return r;
        }
        return {};
    }
    return error(node, QStringLiteral("`%1:` must be a list or a mapping of %1").arg(section));
}

Result<void> WorkspaceParser::parseCompression(const YAML::Node &section, const QString &prefix)
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

Result<void> WorkspaceParser::parseRunbookSchedules(const YAML::Node &node)
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

Result<RetentionPolicy> WorkspaceParser::parsePolicy(
    const YAML::Node &at, const YAML::Node &node, const QString &where) const
{
    if (!node.IsMap())
        return error(node.IsNull() ? at : node,
            QStringLiteral("%1 must be a mapping of policy keys, e.g. {keep_daily: 7, keep_weekly: 4}").arg(where));
    RetentionPolicy policy;
    for (const auto &item : node) {
        auto name = text(item.first, QStringLiteral("a key of %1").arg(where));
        if (!name)
            return std::unexpected(name.error());
        const std::string key = item.first.Scalar();
        const QString what = QStringLiteral("%1.%2").arg(where, *name);
        const auto counted = std::find_if(
            std::begin(kPolicyCounts), std::end(kPolicyCounts), [&](const PolicyCount &c) { return key == c.key; });
        if (counted != std::end(kPolicyCounts)) {
            auto v = integer(node, counted->key, what, counted->minimum);
            if (!v)
                return std::unexpected(v.error());
            policy.*(counted->field) = *v;
        } else if (key == "max_size_gb") {
            auto v = positiveNumber(node, "max_size_gb", what);
            if (!v)
                return std::unexpected(v.error());
            policy.maxSizeGb = *v;
        } else if (key == "keep_within") {
            auto raw = text(item.second, what);
            if (!raw)
                return std::unexpected(raw.error());
            if (raw->isEmpty())
                return error(markOf(node, "keep_within"),
                    QStringLiteral("%1 is empty; give a duration such as 7d, 12h or 1y6m").arg(what));
            auto duration = RetentionDuration::parse(*raw);
            if (!duration)
                return error(item.second, QStringLiteral("%1: %2").arg(what, duration.error().toString()));
            policy.keepWithin = *duration;
        } else {
            return error(item.first,
                QStringLiteral("unknown key '%1' in %2; a policy takes %3").arg(*name, where, policyKeys()));
        }
    }
    return policy;
}

Result<void> WorkspaceParser::parsePolicies(
    const YAML::Node &node, const QString &section, QMap<QString, RetentionPolicy> &into, bool databasesOnly)
{
    if (node.IsNull())
        return {};
    if (!node.IsMap())
        return error(node,
            QStringLiteral("%1 must map %2 names to policies")
                .arg(section, databasesOnly ? QStringLiteral("database") : QStringLiteral("group")));
    for (const auto &item : node) {
        auto name = text(item.first, QStringLiteral("a name under %1").arg(section));
        if (!name)
            return std::unexpected(name.error());
        if (name->isEmpty())
            return error(item.first, QStringLiteral("a name under %1 is empty").arg(section));
        if (databasesOnly) {
            const bool listed = std::any_of(m_out.databases.cbegin(), m_out.databases.cend(),
                [&](const DatabaseEntry &db) { return db.name == *name; });
            if (!listed)
                return error(item.first,
                    QStringLiteral("%1 names database '%2', which is not listed under `databases:`")
                        .arg(section, *name));
        }
        auto policy = parsePolicy(item.first, item.second, QStringLiteral("%1.%2").arg(section, *name));
        if (!policy)
            return std::unexpected(policy.error());
        into.insert(*name, *policy);
    }
    return {};
}

Result<void> WorkspaceParser::parseRetention(const YAML::Node &node)
{
    if (node.IsNull())
        return {};
    if (!node.IsMap())
        return error(node, QStringLiteral("`retention:` must be a mapping with timezone, default, groups, databases"));
    RetentionPolicySet &set = m_out.retention;
    for (const auto &item : node) {
        auto name = text(item.first, QStringLiteral("a key of retention"));
        if (!name)
            return std::unexpected(name.error());
        const std::string key = item.first.Scalar();
        Result<void> r;
        if (key == "timezone") {
            auto id = text(item.second, QStringLiteral("retention.timezone"));
            if (!id)
                return std::unexpected(id.error());
            // Empty means the system's zone, as when the key is absent.
            if (!id->isEmpty() && !QTimeZone(id->toUtf8()).isValid())
                return error(item.second,
                    QStringLiteral("retention.timezone '%1' is not a time zone this system "
                                   "knows; give an IANA id such as Europe/Berlin or UTC")
                        .arg(*id));
            set.timeZone = *id;
        } else if (key == "default") {
            auto policy = parsePolicy(item.first, item.second, QStringLiteral("retention.default"));
            if (!policy)
                return std::unexpected(policy.error());
            set.repositoryDefault = *policy;
        } else if (key == "groups") {
            r = parsePolicies(item.second, QStringLiteral("retention.groups"), set.groups, false);
        } else if (key == "databases") {
            r = parsePolicies(item.second, QStringLiteral("retention.databases"), set.databases, true);
        } else {
            // Refused like a policy key: a misspelt `databses:` would drop every override.
            return error(item.first,
                QStringLiteral("unknown key '%1' in retention; it takes timezone, default, groups, databases")
                    .arg(*name));
        }
        if (!r)
            return std::unexpected(r.error());
    }
    return {};
}

Result<void> WorkspaceParser::applyRunbookRetention(const YAML::Mark &mark)
{
    // Field by field: `retention:` wins where it says something, the runbook fills the rest.
    RetentionPolicySet &set = m_out.retention;
    if (m_out.defaults.retentionDays && !set.repositoryDefault.retentionDays)
        set.repositoryDefault.retentionDays = m_out.defaults.retentionDays;
    for (const DatabaseEntry &db : std::as_const(m_out.databases)) {
        if (!db.retainCount)
            continue;
        RetentionPolicy &policy = set.databases[db.name];
        if (!policy.retainCount)
            policy.retainCount = db.retainCount;
    }
    // The detail says which level is wrong; a message here is one line with the file.
    if (auto r = set.validate(); !r)
        return error(mark, r.error().toString());
    return {};
}

Result<void> WorkspaceParser::parseRecipients(const YAML::Node &node)
{
    if (!node.IsSequence())
        return error(node,
            QStringLiteral("backup.encryption.recipients must be a list of public keys, one "
                           "`- %1...` line each (as `coffer-cli key generate` prints them)")
                .arg(PublicKey::kTextPrefix));
    int index = 0;
    for (const YAML::Node &item : node) {
        ++index;
        auto line = text(item, QStringLiteral("backup.encryption.recipients entry %1").arg(index));
        if (!line)
            return std::unexpected(line.error());
        if (line->isEmpty())
            return error(item,
                QStringLiteral("backup.encryption.recipients entry %1 is empty; give a public key "
                               "line (%2...)")
                    .arg(QString::number(index), PublicKey::kTextPrefix));
        // Only a line that looks like a key is quoted back: a passphrase pasted here is not.
        if (!line->startsWith(PublicKey::kTextPrefix))
            return error(item,
                QStringLiteral("backup.encryption.recipients entry %1 is not a public key: it should "
                               "start with %2 (the line `coffer-cli key generate` prints)")
                    .arg(QString::number(index), PublicKey::kTextPrefix));
        auto key = PublicKey::fromText(*line);
        if (!key)
            return error(item,
                QStringLiteral("backup.encryption.recipients entry %1: %2")
                    .arg(QString::number(index), key.error().message));
        if (!m_out.defaults.encryptionRecipients.contains(*key))
            m_out.defaults.encryptionRecipients.append(*key);
    }
    return {};
}

Result<void> WorkspaceParser::parseBackup(const YAML::Node &node)
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
            if (const YAML::Node recipients = encryption["recipients"]; recipients && !recipients.IsNull()) {
                if (auto r = parseRecipients(recipients); !r)
                    return r;
            }
        } else {
            return error(encryption,
                QStringLiteral("backup.encryption must be a mapping with enabled, "
                               "key_env_var and recipients"));
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
        return parseRunbookSchedules(schedules);
    return {};
}

Result<ParsedWorkspace> WorkspaceParser::run(const YAML::Node &root)
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
        if (auto r = parseEntries(repositories, QStringLiteral("repositories"), QStringLiteral("repository"), &WorkspaceParser::addRepository); !r)
            return std::unexpected(r.error());
    }
    // Databases before `backup:`, whose schedules refer to them, wherever they sit in the file.
    if (const YAML::Node databases = root["databases"]) {
        if (auto r = parseEntries(databases, QStringLiteral("databases"), QStringLiteral("database"), &WorkspaceParser::addDatabase); !r)
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
    // After `databases:`, which retention.databases refers to, and `backup:`, whose runbook
    // keys fill what `retention:` leaves unset.
    YAML::Mark retentionMark = YAML::Mark::null_mark();
    if (const YAML::Node retention = root["retention"]) {
        retentionMark = retention.Mark();
        if (auto r = parseRetention(retention); !r)
            return std::unexpected(r.error());
    }
    if (auto r = applyRunbookRetention(retentionMark); !r)
        return std::unexpected(r.error());

    // After `databases:`, which schedules.databases refers to, `backup:`, whose interval_hours
    // is each database's backup cadence unless `schedules:` says otherwise, and `retention:`,
    // whose time zone is the fallback.
    ScheduleParser schedules(*this);
    if (const YAML::Node node = root["schedules"]) {
        if (auto r = schedules.parse(node, m_out.databases); !r)
            return std::unexpected(r.error());
    }
    m_out.schedules = schedules.resolve(m_out.databases);
    m_out.scheduleTimeZone = schedules.timeZone().isEmpty() ? m_out.retention.timeZone : schedules.timeZone();
    if (const YAML::Node node = root["monitoring"]) {
        auto monitoring = MonitoringParser(*this).parse(node);
        if (!monitoring)
            return std::unexpected(monitoring.error());
        m_out.monitoring = *monitoring;
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


} // namespace coffer
