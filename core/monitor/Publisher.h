#pragma once

#include "health/HealthSurvey.h"
#include "schedule/RunLog.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace coffer {

// Something a person should hear about: a failed run, a database that became overdue, a failed drill.
struct Alert {
    QString kind;     // "failure", "overdue", "drill_failed"
    QString database;
    QString message;  // one line for a person
    QDateTime time;   // UTC
};

// What publishing did; a problem of one channel never stops the others.
struct PublishReport {
    QList<Alert> alerts;      // the new alerts (sent to the webhook when one is configured)
    bool metricsWritten = false;
    bool pushed = false;
    int webhookDeliveries = 0;
    QStringList problems;     // e.g. "webhook https://…: timed out after 3 attempts"
};

// After scheduled work (coffer-cli run-due, the console's scheduler) or on demand (coffer-cli
// health --publish): gathers every database's health, writes the metrics file atomically, pushes
// the same text to the Pushgateway, and sends one webhook POST per new alert. An overdue or failing
// database alerts once when it becomes so, not on every run (state in the workspace's state folder).
// Blocking (network and disk): call it off the GUI thread.
class Publisher final
{
public:
    static PublishReport publish(const Workspace &workspace, const QList<RunRecord> &thisRun, const QDateTime &now);
    // The same with other channels than the workspace's monitoring settings (coffer-cli health
    // --metrics-file FILE).
    static PublishReport publish(const Workspace &workspace, const QList<RunRecord> &thisRun, const QDateTime &now,
        const MonitoringSettings &settings);
    // The same from a health survey already taken (a scheduled round that read the catalogs).
    static PublishReport publish(const Workspace &workspace, const QList<RunRecord> &thisRun,
        const HealthSurvey &survey, const MonitoringSettings &settings);
};

} // namespace coffer
