#include "workspace/ScheduleParser.h"

#include "workspace/WorkspaceParser.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace coffer {

namespace {

const QString kDaysHelp = QStringLiteral("daily, weekdays, weekends, or a list of mon, tue, wed, thu, fri, sat, sun");
const QString kCadenceHelp = QStringLiteral("{interval_hours: 24}, {at: \"02:30\"}, {at: [\"02:30\", \"14:30\"], "
                                            "days: weekdays}, {hourly_at: 15} or off");

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

bool isOff(const YAML::Node &node)
{
    return node.IsScalar() && str(node.Scalar()).trimmed().compare(QLatin1String("off"), Qt::CaseInsensitive) == 0;
}

// 1 = Monday ... 7 = Sunday, from "mon" or "monday" in any case; 0 when it is no day.
int weekdayOf(const QString &name)
{
    static const char *const kDays[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
    const QString lower = name.trimmed().toLower();
    for (int i = 0; i < 7; ++i) {
        const QString day = QLatin1String(kDays[i]);
        if (lower == day || lower == day.left(3))
            return i + 1;
    }
    return 0;
}

} // namespace

Result<QList<QTime>> ScheduleParser::parseTimes(const YAML::Node &node, const QString &where) const
{
    static const QRegularExpression kTime(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    QList<YAML::Node> items;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            items.append(item);
    } else {
        items.append(node);
    }
    if (node.IsNull() || items.isEmpty())
        return m_base.error(
            node, QStringLiteral("%1 is empty; give a time such as \"02:30\" or a list of times").arg(where));
    QList<QTime> times;
    for (const YAML::Node &item : std::as_const(items)) {
        auto raw = m_base.text(item, where);
        if (!raw)
            return std::unexpected(raw.error());
        const QRegularExpressionMatch match = kTime.match(*raw);
        const int hour = match.hasMatch() ? match.captured(1).toInt() : -1;
        const int minute = match.hasMatch() ? match.captured(2).toInt() : -1;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
            return m_base.error(item,
                QStringLiteral("%1: '%2' is not a time of day; write HH:MM from 00:00 to 23:59, e.g. \"02:30\"")
                    .arg(where, *raw));
        times.append(QTime(hour, minute));
    }
    return times;
}

Result<QList<int>> ScheduleParser::parseDays(const YAML::Node &node, const QString &where) const
{
    if (node.IsScalar()) {
        const QString value = str(node.Scalar()).trimmed().toLower();
        if (value == QLatin1String("daily"))
            return QList<int>{};
        if (value == QLatin1String("weekdays"))
            return QList<int>{ 1, 2, 3, 4, 5 };
        if (value == QLatin1String("weekends"))
            return QList<int>{ 6, 7 };
        if (const int day = weekdayOf(value); day > 0)
            return QList<int>{ day };
        return m_base.error(
            node, QStringLiteral("%1: unknown day '%2'; write %3").arg(where, str(node.Scalar()), kDaysHelp));
    }
    if (!node.IsSequence() || node.size() == 0)
        return m_base.error(node, QStringLiteral("%1 must be %2").arg(where, kDaysHelp));
    QList<int> days;
    for (const YAML::Node &item : node) {
        auto name = m_base.text(item, where);
        if (!name)
            return std::unexpected(name.error());
        const int day = weekdayOf(*name);
        if (day == 0)
            return m_base.error(item, QStringLiteral("%1: unknown day '%2'; write %3").arg(where, *name, kDaysHelp));
        days.append(day);
    }
    return days;
}

Result<Cadence> ScheduleParser::parseCadence(
    const YAML::Node &node, const QString &where, const QStringList &extraKeys) const
{
    if (isOff(node))
        return Cadence{};
    if (!node.IsMap())
        return m_base.error(node, QStringLiteral("%1 must be a mapping such as %2").arg(where, kCadenceHelp));
    const QStringList keys = QStringList{
        QStringLiteral("interval_hours"), QStringLiteral("at"), QStringLiteral("days"), QStringLiteral("hourly_at")
    } + extraKeys;
    if (auto known = m_base.checkKeys(node, keys, where); !known)
        return std::unexpected(known.error());

    // Exactly one way of saying when; the second one given is the one pointed at.
    QStringList given;
    for (const auto &item : node) {
        const QString key = str(item.first.Scalar());
        if (key == QLatin1String("interval_hours") || key == QLatin1String("at") || key == QLatin1String("hourly_at")) {
            if (!given.isEmpty())
                return m_base.error(item.first,
                    QStringLiteral("%1 gives both %2 and %3; keep one (interval_hours counts from the last run, "
                                   "at and hourly_at are clock times)")
                        .arg(where, given.constFirst(), key));
            given << key;
        }
    }
    if (given.isEmpty())
        return m_base.error(node,
            QStringLiteral("%1 says neither interval_hours, at nor hourly_at; write %2").arg(where, kCadenceHelp));

    if (given.constFirst() == QLatin1String("interval_hours")) {
        if (node["days"])
            return m_base.error(m_base.markOf(node, "days"),
                QStringLiteral("%1: days goes with at or hourly_at, not with interval_hours; write {at: \"02:30\", "
                               "days: weekdays} for clock times on some days")
                    .arg(where));
        auto hours = m_base.positiveNumber(node, "interval_hours", where + QStringLiteral(".interval_hours"));
        if (!hours)
            return std::unexpected(hours.error());
        return Cadence::interval(*hours);
    }

    QList<int> days;
    if (const YAML::Node daysNode = node["days"]) {
        auto parsed = parseDays(daysNode, where + QStringLiteral(".days"));
        if (!parsed)
            return std::unexpected(parsed.error());
        days = *parsed;
    }
    if (given.constFirst() == QLatin1String("hourly_at")) {
        const QString what = where + QStringLiteral(".hourly_at");
        auto minute = m_base.integer(node, "hourly_at", what, 0);
        if (!minute)
            return std::unexpected(minute.error());
        if (*minute > 59)
            return m_base.error(node["hourly_at"],
                QStringLiteral("%1 is the minute of each hour, from 0 to 59, not %2").arg(what).arg(*minute));
        Cadence cadence = Cadence::hourlyAt(*minute);
        return Cadence::calendar(cadence.times, days);
    }
    auto times = parseTimes(node["at"], where + QStringLiteral(".at"));
    if (!times)
        return std::unexpected(times.error());
    return Cadence::calendar(*times, days);
}

Result<ScheduleParser::Tasks> ScheduleParser::parseTasks(
    const YAML::Node &at, const YAML::Node &node, const QString &where) const
{
    if (!node.IsMap())
        return m_base.error(node.IsNull() ? at : node,
            QStringLiteral("%1 must be a mapping of tasks: backup, verify, drill, prune").arg(where));
    if (auto known = m_base.checkKeys(node,
            { QStringLiteral("backup"), QStringLiteral("verify"), QStringLiteral("drill"), QStringLiteral("prune") },
            where);
        !known)
        return std::unexpected(known.error());

    for (const auto &item : node) {
        if (item.second.IsNull())
            return m_base.error(item.first,
                QStringLiteral("%1.%2 is empty; write %3")
                    .arg(where, str(item.first.Scalar()),
                        item.first.Scalar() == "prune" ? QStringLiteral("auto or never") : kCadenceHelp));
    }

    Tasks tasks;
    if (const YAML::Node backup = node["backup"]) {
        auto cadence = parseCadence(backup, where + QStringLiteral(".backup"), {});
        if (!cadence)
            return std::unexpected(cadence.error());
        tasks.backup = *cadence;
    }
    if (const YAML::Node verify = node["verify"]) {
        const QString what = where + QStringLiteral(".verify");
        auto cadence = parseCadence(verify, what, { QStringLiteral("level") });
        if (!cadence)
            return std::unexpected(cadence.error());
        tasks.verify = *cadence;
        if (verify.IsMap() && verify["level"]) {
            auto level = m_base.text(verify["level"], what + QStringLiteral(".level"));
            if (!level)
                return std::unexpected(level.error());
            const QString lower = level->toLower();
            if (lower != QLatin1String("quick") && lower != QLatin1String("full"))
                return m_base.error(verify["level"].IsNull() ? m_base.markOf(verify, "level") : verify["level"].Mark(),
                    QStringLiteral("%1.level must be quick or full, not '%2'").arg(what, *level));
            tasks.verifyLevel = lower;
        }
    }
    if (const YAML::Node drill = node["drill"]) {
        const QString what = where + QStringLiteral(".drill");
        auto cadence = parseCadence(drill, what, { QStringLiteral("sample") });
        if (!cadence)
            return std::unexpected(cadence.error());
        tasks.drill = *cadence;
        if (drill.IsMap() && drill["sample"]) {
            auto sample = m_base.integer(drill, "sample", what + QStringLiteral(".sample"), 1);
            if (!sample)
                return std::unexpected(sample.error());
            tasks.drillSample = *sample;
        }
    }
    if (const YAML::Node prune = node["prune"]) {
        const QString what = where + QStringLiteral(".prune");
        auto mode = m_base.text(prune, what);
        if (!mode)
            return std::unexpected(mode.error());
        const QString lower = mode->toLower();
        if (lower == QLatin1String("auto"))
            tasks.prune = DatabaseSchedule::PruneMode::Auto;
        else if (lower == QLatin1String("never") || lower == QLatin1String("off"))
            tasks.prune = DatabaseSchedule::PruneMode::Never;
        else
            return m_base.error(prune.IsNull() ? m_base.markOf(node, "prune") : prune.Mark(),
                QStringLiteral("%1 must be auto (delete what the retention policy does not keep) or never, not '%2'")
                    .arg(what, *mode));
    }
    return tasks;
}

Result<void> ScheduleParser::parseLevels(const YAML::Node &node, const QString &where, QMap<QString, Tasks> &into,
    const QList<DatabaseEntry> *databases) const
{
    if (node.IsNull())
        return {};
    if (!node.IsMap())
        return m_base.error(node,
            QStringLiteral("%1 must map %2 names to their tasks, e.g. orders: {backup: {at: \"02:30\"}}")
                .arg(where, databases ? QStringLiteral("database") : QStringLiteral("group")));
    for (const auto &item : node) {
        auto name = m_base.text(item.first, QStringLiteral("a name under %1").arg(where));
        if (!name)
            return std::unexpected(name.error());
        if (name->isEmpty())
            return m_base.error(item.first, QStringLiteral("a name under %1 is empty").arg(where));
        if (databases && std::none_of(databases->cbegin(), databases->cend(), [&](const DatabaseEntry &db) {
                return db.name == *name;
            }))
            return m_base.error(item.first,
                QStringLiteral("%1 names database '%2', which is not listed under `databases:`; add it there or "
                               "correct the name")
                    .arg(where, *name));
        auto tasks = parseTasks(item.first, item.second, QStringLiteral("%1.%2").arg(where, *name));
        if (!tasks)
            return std::unexpected(tasks.error());
        into.insert(*name, *tasks);
    }
    return {};
}

Result<void> ScheduleParser::parse(const YAML::Node &node, const QList<DatabaseEntry> &databases)
{
    if (node.IsNull())
        return {};
    if (!node.IsMap())
        return m_base.error(
            node, QStringLiteral("`schedules:` must be a mapping with timezone, default, groups, databases"));
    if (auto known = m_base.checkKeys(node,
            { QStringLiteral("timezone"), QStringLiteral("default"), QStringLiteral("groups"),
                QStringLiteral("databases") },
            QStringLiteral("schedules"));
        !known)
        return known;

    if (const YAML::Node zone = node["timezone"]) {
        auto id = m_base.text(zone, QStringLiteral("schedules.timezone"));
        if (!id)
            return std::unexpected(id.error());
        if (!id->isEmpty() && !QTimeZone(id->toUtf8()).isValid())
            return m_base.error(zone,
                QStringLiteral("schedules.timezone '%1' is not a time zone this system knows; give an IANA id such "
                               "as Europe/Berlin or UTC")
                    .arg(*id));
        m_timeZone = *id;
    }
    if (const YAML::Node level = node["default"]) {
        auto tasks = parseTasks(level, level, QStringLiteral("schedules.default"));
        if (!tasks)
            return std::unexpected(tasks.error());
        m_default = *tasks;
    }
    if (const YAML::Node groups = node["groups"]) {
        if (auto r = parseLevels(groups, QStringLiteral("schedules.groups"), m_groups, nullptr); !r)
            return r;
    }
    if (const YAML::Node listed = node["databases"])
        return parseLevels(listed, QStringLiteral("schedules.databases"), m_databases, &databases);
    return {};
}

QMap<QString, DatabaseSchedule> ScheduleParser::resolve(const QList<DatabaseEntry> &databases) const
{
    QMap<QString, DatabaseSchedule> result;
    for (const DatabaseEntry &database : databases) {
        // Least specific first, each level overriding what it names. The runbook's interval_hours
        // is written for this one database, so it beats the default and the group and yields only
        // to schedules.databases.<name>.
        DatabaseSchedule schedule;
        auto apply = [&schedule](const Tasks &tasks) {
            if (tasks.backup)
                schedule.backup = *tasks.backup;
            if (tasks.verify) {
                schedule.verify = *tasks.verify;
                schedule.verifyLevel = tasks.verifyLevel;
            }
            if (tasks.drill) {
                schedule.drill = *tasks.drill;
                schedule.drillSample = tasks.drillSample;
            }
            if (tasks.prune)
                schedule.prune = *tasks.prune;
        };
        apply(m_default);
        if (!database.group.isEmpty()) {
            if (const auto group = m_groups.find(database.group); group != m_groups.end())
                apply(group.value());
        }
        if (database.intervalHours)
            schedule.backup = Cadence::interval(*database.intervalHours);
        if (const auto own = m_databases.find(database.name); own != m_databases.end())
            apply(own.value());
        result.insert(database.name, schedule);
    }
    return result;
}

} // namespace coffer
