#include "retention/RetentionPolicy.h"

#include <cmath>

namespace coffer {

namespace {

constexpr qint64 kMaxDurationNumber = 100000;

Result<RetentionDuration> durationError(const QString &text, const QString &detail)
{
    return fail(ErrorCode::InvalidArgument,
        QStringLiteral("'%1' is not a duration: write a number and a unit, e.g. 7d, 12h, 2w, 6m, 1y").arg(text),
        detail);
}

// Field names as the workspace file and the command line spell them.
const QString kKeepLast = QStringLiteral("keep-last");
const QString kKeepHourly = QStringLiteral("keep-hourly");
const QString kKeepDaily = QStringLiteral("keep-daily");
const QString kKeepWeekly = QStringLiteral("keep-weekly");
const QString kKeepMonthly = QStringLiteral("keep-monthly");
const QString kKeepYearly = QStringLiteral("keep-yearly");
const QString kKeepWithin = QStringLiteral("keep-within");
const QString kRetentionDays = QStringLiteral("retention-days");
const QString kRetainCount = QStringLiteral("retain-count");
const QString kMaxSizeGb = QStringLiteral("max-size-gb");
const QString kMinCount = QStringLiteral("min-count");

template <typename T> void overrideField(std::optional<T> &field, const std::optional<T> &fallback)
{
    if (!field)
        field = fallback;
}

Result<void> checkCount(const std::optional<int> &value, const QString &name)
{
    if (value && *value < 1)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 must be at least 1").arg(name),
            QStringLiteral("%1 is %2").arg(name).arg(*value));
    return {};
}

} // namespace

Result<RetentionDuration> RetentionDuration::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return durationError(trimmed, QStringLiteral("it is empty"));

    static const QString kUnits = QStringLiteral("ymwdh");
    RetentionDuration result;
    int *const fields[] = { &result.years, &result.months, &result.weeks, &result.days, &result.hours };
    const QString lower = trimmed.toLower();
    qsizetype pos = 0;
    qsizetype lastUnit = -1;
    while (pos < lower.size()) {
        const qsizetype digitsStart = pos;
        while (pos < lower.size() && lower.at(pos).isDigit() && lower.at(pos).unicode() < 128)
            ++pos;
        if (pos == digitsStart)
            return durationError(trimmed, QStringLiteral("expected a number at '%1'").arg(trimmed.mid(pos)));
        if (pos == lower.size())
            return durationError(trimmed, QStringLiteral("the number %1 has no unit").arg(lower.mid(digitsStart)));
        // Compare digit by digit rather than toInt() so huge numbers cannot overflow.
        const QStringView digits = QStringView(lower).mid(digitsStart, pos - digitsStart);
        qint64 number = 0;
        for (const QChar c : digits) {
            number = number * 10 + (c.unicode() - u'0');
            if (number > kMaxDurationNumber)
                return durationError(trimmed, QStringLiteral("%1 is more than %2").arg(digits).arg(kMaxDurationNumber));
        }
        const qsizetype unit = kUnits.indexOf(lower.at(pos));
        if (unit < 0)
            return durationError(trimmed, QStringLiteral("unknown unit '%1'").arg(trimmed.at(pos)));
        if (unit == lastUnit)
            return durationError(trimmed, QStringLiteral("the unit '%1' appears twice").arg(lower.at(pos)));
        if (unit < lastUnit)
            return durationError(trimmed, QStringLiteral("units must come largest first (y, m, w, d, h)"));
        *fields[unit] = int(number);
        lastUnit = unit;
        ++pos;
    }
    if (result.isZero())
        return durationError(trimmed, QStringLiteral("a zero duration would keep nothing"));
    return result;
}

QString RetentionDuration::toString() const
{
    QString text;
    const auto append = [&text](int value, char16_t unit) {
        if (value != 0)
            text += QString::number(value) + QChar(unit);
    };
    append(years, u'y');
    append(months, u'm');
    append(weeks, u'w');
    append(days, u'd');
    append(hours, u'h');
    // Not parseable, but readable in a message about an invalid policy.
    return text.isEmpty() ? QStringLiteral("0d") : text;
}

bool RetentionDuration::isZero() const
{
    return years == 0 && months == 0 && weeks == 0 && days == 0 && hours == 0;
}

QDateTime RetentionDuration::before(const QDateTime &now, const QTimeZone &zone) const
{
    // Calendar arithmetic in the zone: "1m" before 31 March is the last day of February, and "1d"
    // across a DST change is 23 or 25 hours. Hours are elapsed time.
    QDateTime local = now.toTimeZone(zone);
    local = local.addYears(-years).addMonths(-months).addDays(-(qint64(weeks) * 7 + days));
    local = local.addSecs(-3600LL * hours);
    return local.toUTC();
}

bool RetentionPolicy::hasKeepRule() const
{
    return keepLast || keepHourly || keepDaily || keepWeekly || keepMonthly || keepYearly || keepWithin || retentionDays
        || retainCount;
}

RetentionPolicy RetentionPolicy::overriding(const RetentionPolicy &fallback) const
{
    RetentionPolicy result = *this;
    overrideField(result.keepLast, fallback.keepLast);
    overrideField(result.keepHourly, fallback.keepHourly);
    overrideField(result.keepDaily, fallback.keepDaily);
    overrideField(result.keepWeekly, fallback.keepWeekly);
    overrideField(result.keepMonthly, fallback.keepMonthly);
    overrideField(result.keepYearly, fallback.keepYearly);
    overrideField(result.keepWithin, fallback.keepWithin);
    overrideField(result.retentionDays, fallback.retentionDays);
    overrideField(result.retainCount, fallback.retainCount);
    overrideField(result.maxSizeGb, fallback.maxSizeGb);
    overrideField(result.minCount, fallback.minCount);
    return result;
}

QString RetentionPolicy::describe() const
{
    QStringList parts;
    const auto count = [&parts](const std::optional<int> &value, const QString &name) {
        if (value)
            parts << QStringLiteral("%1 %2").arg(name).arg(*value);
    };
    count(keepLast, kKeepLast);
    count(keepHourly, kKeepHourly);
    count(keepDaily, kKeepDaily);
    count(keepWeekly, kKeepWeekly);
    count(keepMonthly, kKeepMonthly);
    count(keepYearly, kKeepYearly);
    if (keepWithin)
        parts << QStringLiteral("%1 %2").arg(kKeepWithin, keepWithin->toString());
    count(retentionDays, kRetentionDays);
    count(retainCount, kRetainCount);
    if (maxSizeGb)
        parts << QStringLiteral("%1 %2").arg(kMaxSizeGb, QString::number(*maxSizeGb));
    count(minCount, kMinCount);
    return parts.isEmpty() ? QStringLiteral("no rules") : parts.join(QStringLiteral(", "));
}

Result<void> RetentionPolicy::validate() const
{
    const std::pair<const std::optional<int> *, const QString *> counts[] = {
        { &keepLast, &kKeepLast },
        { &keepHourly, &kKeepHourly },
        { &keepDaily, &kKeepDaily },
        { &keepWeekly, &kKeepWeekly },
        { &keepMonthly, &kKeepMonthly },
        { &keepYearly, &kKeepYearly },
        { &retentionDays, &kRetentionDays },
        { &retainCount, &kRetainCount },
    };
    for (const auto &[value, name] : counts) {
        if (auto checked = checkCount(*value, *name); !checked)
            return checked;
    }
    if (keepWithin) {
        const RetentionDuration &d = *keepWithin;
        if (d.isZero())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 must not be zero").arg(kKeepWithin));
        if (d.years < 0 || d.months < 0 || d.weeks < 0 || d.days < 0 || d.hours < 0)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 must not be negative").arg(kKeepWithin),
                QStringLiteral("%1 is %2").arg(kKeepWithin, d.toString()));
    }
    if (maxSizeGb && (!std::isfinite(*maxSizeGb) || *maxSizeGb <= 0))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 must be a positive number").arg(kMaxSizeGb),
            QStringLiteral("%1 is %2").arg(kMaxSizeGb, QString::number(*maxSizeGb)));
    if (minCount && *minCount < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 must not be negative").arg(kMinCount),
            QStringLiteral("%1 is %2").arg(kMinCount).arg(*minCount));
    return {};
}

RetentionPolicy RetentionPolicySet::resolve(const QString &database, const QString &group) const
{
    const RetentionPolicy groupPolicy = groups.value(group).overriding(repositoryDefault);
    RetentionPolicy result = databases.value(database).overriding(groupPolicy);
    // Caps apply to the level's total and are enforced by the planner, not inherited.
    result.maxSizeGb.reset();
    return result;
}

QTimeZone RetentionPolicySet::zone() const
{
    if (timeZone.isEmpty())
        return QTimeZone::systemTimeZone();
    return QTimeZone(timeZone.toUtf8());
}

bool RetentionPolicySet::isEmpty() const
{
    if (!repositoryDefault.isEmpty())
        return false;
    for (const RetentionPolicy &policy : groups) {
        if (!policy.isEmpty())
            return false;
    }
    for (const RetentionPolicy &policy : databases) {
        if (!policy.isEmpty())
            return false;
    }
    return true;
}

Result<void> RetentionPolicySet::validate() const
{
    // Say which level is wrong: a workspace may hold dozens of policies.
    const auto check = [](const RetentionPolicy &policy, const QString &where) -> Result<void> {
        if (auto valid = policy.validate(); !valid) {
            Error error = valid.error();
            error.detail = error.detail.isEmpty() ? where : QStringLiteral("%1, %2").arg(error.detail, where);
            return std::unexpected(error);
        }
        return {};
    };
    if (auto valid = check(repositoryDefault, QStringLiteral("in the repository's default policy")); !valid)
        return valid;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        if (auto valid = check(it.value(), QStringLiteral("in the policy of group '%1'").arg(it.key())); !valid)
            return valid;
    }
    for (auto it = databases.cbegin(); it != databases.cend(); ++it) {
        if (auto valid = check(it.value(), QStringLiteral("in the policy of database '%1'").arg(it.key())); !valid)
            return valid;
    }
    if (!timeZone.isEmpty() && !QTimeZone(timeZone.toUtf8()).isValid())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("unknown time zone '%1'").arg(timeZone),
            QStringLiteral("use an IANA id such as Europe/Berlin or UTC"));
    return {};
}

QString RetentionPolicySet::describe() const
{
    QStringList parts;
    if (!repositoryDefault.isEmpty() || repositoryDefault.minCount)
        parts << QStringLiteral("default: %1").arg(repositoryDefault.describe());
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        parts << QStringLiteral("group %1: %2").arg(it.key(), it->describe());
    for (auto it = databases.cbegin(); it != databases.cend(); ++it)
        parts << QStringLiteral("database %1: %2").arg(it.key(), it->describe());
    return parts.join(QStringLiteral("; "));
}

} // namespace coffer
