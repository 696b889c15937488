#pragma once

// Retention scenarios for the planner tests: backups written as one-line specs, a fixed `now` as
// the fake clock, and a plan printed as one "<id> kept: reasons" line per decision.
#include "TestSupport.h"

#include "retention/RetentionPlanner.h"
#include "retention/RetentionPolicy.h"

#include <QtTest>

Q_DECLARE_METATYPE(coffer::RetentionPolicy)
Q_DECLARE_METATYPE(coffer::RetentionPolicySet)

namespace testsupport::retention {

using namespace coffer;

constexpr qint64 kGb = RetentionPolicy::kBytesPerGb;

// "2026-11-20T14:10" (always UTC) to a QDateTime.
inline QDateTime utc(const QString &text)
{
    return QDateTime(
        QDate::fromString(text.left(10), Qt::ISODate), QTime::fromString(text.mid(11), Qt::ISODate), QTimeZone::utc());
}

inline QDateTime utc(const char *text)
{
    return utc(QString::fromLatin1(text));
}

inline const QDateTime kNow = utc("2026-11-20T12:00");

inline RetentionPolicySet policySet(const RetentionPolicy &policy, const QString &zone = QStringLiteral("UTC"))
{
    RetentionPolicySet set;
    set.repositoryDefault = policy;
    set.timeZone = zone;
    return set;
}

// One backup written as "<created UTC> [db=X] [group=X] [id=X] [pinned] [verified] [trigger=X]
// [safety=<expires UTC>] [gb=N]". Defaults: database "orders", no group, id = the time, 1 GB.
inline RetentionCandidate backup(const QString &spec)
{
    const QStringList words = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    RetentionCandidate b;
    b.id = words.first();
    b.database = QStringLiteral("orders");
    b.created = utc(words.first());
    b.bytes = kGb;
    for (const QString &word : words.mid(1)) {
        const QString key = word.section(QLatin1Char('='), 0, 0);
        const QString value = word.section(QLatin1Char('='), 1);
        if (key == QLatin1String("db"))
            b.database = value;
        else if (key == QLatin1String("group"))
            b.group = value;
        else if (key == QLatin1String("id"))
            b.id = value;
        else if (key == QLatin1String("pinned"))
            b.pinned = true;
        else if (key == QLatin1String("verified"))
            b.verified = true;
        else if (key == QLatin1String("trigger"))
            b.trigger = value;
        else if (key == QLatin1String("safety"))
            b.trigger = QStringLiteral("safety"), b.expires = utc(value);
        else if (key == QLatin1String("gb"))
            b.bytes = qRound64(value.toDouble() * double(kGb));
        else
            qFatal("bad backup spec: %s", qPrintable(spec));
    }
    return b;
}

// "<id> kept: last 10, pinned", one per decision, in the plan's order.
inline QStringList lines(const RetentionPlan &plan)
{
    QStringList result;
    for (const RetentionDecision &decision : plan.decisions)
        result << decision.backup.id + QLatin1Char(' ') + decision.explanation();
    return result;
}

// Columns of a scenario row: the policies, the backups (newest first; the planner gets them
// reversed, so input order cannot matter), every expected decision line and the warnings.
inline void addScenarioColumns()
{
    QTest::addColumn<RetentionPolicySet>("policies");
    QTest::addColumn<QStringList>("backups");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("warnings");
}

// Plans the current row at kNow and compares every decision and warning.
inline void checkScenario()
{
    QFETCH(RetentionPolicySet, policies);
    QFETCH(QStringList, backups);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, warnings);
    QList<RetentionCandidate> candidates;
    for (const QString &spec : backups)
        candidates.prepend(backup(spec));
    const auto plan = RetentionPlanner::plan(candidates, policies, kNow);
    COFFER_VERIFY_OK(plan);
    QCOMPARE(lines(*plan), expected);
    QCOMPARE(plan->warnings, warnings);
}

} // namespace testsupport::retention
