#pragma once

#include "common/Error.h"
#include "health/HealthSurvey.h"
#include "monitor/Publisher.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace coffer {

// What the Publisher remembers between two publishes (alerts.json in the workspace's state
// folder): the troubles each database already alerted for, so that a database alerts once when it
// becomes overdue (or its verification or drill fails) and again only after it recovered and fell
// back; and the alerts the webhook has not accepted yet, sent again next time.
class AlertState final
{
public:
    static constexpr int kFormatVersion = 1;
    static constexpr int kMaxUndelivered = 100;
    static constexpr qint64 kUndeliveredLifetimeSecs = 24 * 3600; // older ones are dropped unsent

    // A missing file is a fresh state; an unreadable or malformed one is an error (the caller may
    // go on with a fresh state: at worst a trouble alerts once more).
    static Result<AlertState> load(const QString &path);
    // Atomically (a temporary file in the same folder, fsynced, renamed), 0600.
    Result<void> save(const QString &path) const;

    // The troubles a database is in now, as alert kinds: "overdue" (never backed up, or the newest
    // backup older than its interval), "failure" (its newest verification failed), "drill_failed".
    static QStringList troubles(const DatabaseSurvey &database);

    // The new alerts of this survey: one per trouble a database is in and had not alerted for,
    // except those in `covered` ("database\nkind": a failed run of this publish already says it).
    // Troubles that are over are forgotten; so are databases the workspace no longer lists.
    QList<Alert> update(const HealthSurvey &survey, const QSet<QString> &covered);

    // Alerts the webhook did not accept; Publisher sends them first next time.
    QList<Alert> undelivered;
    // Drops undelivered alerts older than the lifetime, and the oldest beyond the maximum.
    void expireUndelivered(const QDateTime &now);

    // What alerted, by database (for tests and messages).
    const QMap<QString, QStringList> &alerting() const { return m_alerting; }

private:
    QMap<QString, QStringList> m_alerting;
};

} // namespace coffer
