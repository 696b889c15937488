#include "monitor/Publisher.h"

#include "health/HealthSurvey.h"
#include "monitor/AlertState.h"
#include "monitor/HttpClient.h"
#include "monitor/Metrics.h"
#include "monitor/MetricsFile.h"
#include "monitor/Pushgateway.h"
#include "monitor/Webhook.h"

#include <QDir>
#include <QLockFile>
#include <QSet>
#include <QSysInfo>
#include <QUrl>

namespace coffer {

namespace {

constexpr int kStateLockWaitMs = 30000;
constexpr int kWebhookBackoffMs = 1000;

// The counters behind the metrics; none (and a problem) when the run log cannot be read.
std::optional<QList<RunTotals>> runTotals(const Workspace &workspace, PublishReport &report)
{
    auto log = RunLog::open(workspace.filePath());
    if (!log) {
        report.problems
            << QStringLiteral("run log: %1 (the run counters are left out of the metrics)").arg(log.error().toString());
        return std::nullopt;
    }
    auto totals = log->totals();
    if (!totals) {
        report.problems << QStringLiteral("run log: %1 (the run counters are left out of the metrics)")
                               .arg(totals.error().toString());
        return std::nullopt;
    }
    return *totals;
}

void publishMetrics(
    const Workspace &workspace, const HealthSurvey &survey, const MonitoringSettings &settings, PublishReport &report)
{
    if (settings.metricsFile.isEmpty() && settings.pushgatewayUrl.isEmpty())
        return;
    const QByteArray text = Metrics::render(survey, runTotals(workspace, report));
    if (!settings.metricsFile.isEmpty()) {
        if (auto written = MetricsFile::write(settings.metricsFile, text); written)
            report.metricsWritten = true;
        else
            report.problems
                << QStringLiteral("metrics file %1: %2").arg(settings.metricsFile, written.error().toString());
    }
    if (!settings.pushgatewayUrl.isEmpty()) {
        if (auto pushed
            = Pushgateway::push(settings.pushgatewayUrl, settings.pushgatewayJob, QSysInfo::machineHostName(), text);
            pushed)
            report.pushed = true;
        else
            report.problems << pushed.error().toString();
    }
}

QString kindOfRunAlert(const RunRecord &run)
{
    return run.kind == QStringLiteral("drill") ? QStringLiteral("drill_failed") : QStringLiteral("failure");
}

// Sends `alerts` in order; those the webhook may take later (no answer, 5xx) stay undelivered.
// Once the webhook did not answer at all, the rest wait for the next publish instead of each
// spending the whole timeout and retries again.
void deliver(const QList<Alert> &alerts, const Workspace &workspace, const MonitoringSettings &settings,
    AlertState &state, PublishReport &report)
{
    const QUrl url(settings.webhookUrl);
    const WebhookOptions options{ .timeoutMs = std::max(1, settings.webhookTimeoutSeconds) * 1000,
        .retries = settings.webhookRetries,
        .backoffMs = kWebhookBackoffMs };
    bool unreachable = false;
    int waiting = 0;
    for (const Alert &alert : alerts) {
        if (unreachable) {
            state.undelivered << alert;
            ++waiting;
            continue;
        }
        const WebhookDelivery delivery = Webhook::send(url, Webhook::body(alert, workspace.filePath()), options);
        if (delivery.delivered) {
            ++report.webhookDeliveries;
            continue;
        }
        report.problems << delivery.problem(url);
        unreachable = delivery.unreachable;
        if (delivery.unreachable || delivery.lastStatus >= 500)
            state.undelivered << alert;
    }
    if (waiting > 0)
        report.problems << QStringLiteral("webhook %1: %2 more %3 kept for the next publish")
                               .arg(HttpClient::redacted(url))
                               .arg(waiting)
                               .arg(waiting == 1 ? QStringLiteral("alert") : QStringLiteral("alerts"));
}

} // namespace

PublishReport Publisher::publish(const Workspace &workspace, const QList<RunRecord> &thisRun, const QDateTime &now)
{
    return publish(workspace, thisRun, now, workspace.monitoring());
}

PublishReport Publisher::publish(const Workspace &workspace, const QList<RunRecord> &thisRun, const QDateTime &now,
    const MonitoringSettings &settings)
{
    const QDateTime at = (now.isValid() ? now : QDateTime::currentDateTimeUtc()).toUTC();
    return publish(workspace, thisRun, HealthSurvey::take(workspace, at), settings);
}

PublishReport Publisher::publish(const Workspace &workspace, const QList<RunRecord> &thisRun,
    const HealthSurvey &survey, const MonitoringSettings &settings)
{
    PublishReport report;
    const QDateTime at = survey.now;
    publishMetrics(workspace, survey, settings, report);

    // Failed runs alert every time: each is news. A failed verification or drill also turns the
    // database red; that trouble is then covered by the run's own alert.
    QSet<QString> covered;
    for (const RunRecord &run : thisRun) {
        if (run.ok)
            continue;
        const QString kind = kindOfRunAlert(run);
        if (run.kind == QStringLiteral("verify") || run.kind == QStringLiteral("drill"))
            covered.insert(run.database + QLatin1Char('\n') + kind);
        report.alerts << Alert{ kind, run.database,
            QStringLiteral("%1 of %2 failed: %3").arg(run.kind, run.database, run.message),
            (run.finished.isValid() ? run.finished : at).toUTC() };
    }

    // The alert state survives between publishes even when no channel is configured, so that the
    // alerts returned (the console's desktop notifications) are news too.
    // Without the state, failed runs are still news; troubles are not judged (they would repeat).
    auto sendWithoutState = [&] {
        if (settings.webhookUrl.isEmpty())
            return;
        AlertState unsaved;
        deliver(report.alerts, workspace, settings, unsaved, report);
    };
    auto directory = stateDirectory(workspace.filePath());
    if (!directory) {
        report.problems << QStringLiteral("alert state: %1 (overdue and failing databases are not alerted)")
                               .arg(directory.error().toString());
        sendWithoutState();
        return report;
    }
    QLockFile lock(QDir(*directory).filePath(QStringLiteral("alerts.lock")));
    if (!lock.tryLock(kStateLockWaitMs)) {
        report.problems << QStringLiteral("alert state: another publish of this workspace held %1 for %2 s "
                                          "(overdue and failing databases are alerted next time)")
                               .arg(lock.fileName())
                               .arg(kStateLockWaitMs / 1000);
        sendWithoutState();
        return report;
    }
    const QString statePath = QDir(*directory).filePath(QStringLiteral("alerts.json"));
    auto loaded = AlertState::load(statePath);
    if (!loaded)
        report.problems << QStringLiteral("alert state: %1").arg(loaded.error().toString());
    AlertState state = loaded ? *loaded : AlertState();
    report.alerts << state.update(survey, covered);

    QList<Alert> toSend;
    if (!settings.webhookUrl.isEmpty()) {
        state.expireUndelivered(at);
        toSend = state.undelivered + report.alerts;
    }
    state.undelivered.clear();
    if (!toSend.isEmpty())
        deliver(toSend, workspace, settings, state, report);

    if (auto saved = state.save(statePath); !saved)
        report.problems << QStringLiteral("alert state: %1").arg(saved.error().toString());
    return report;
}

} // namespace coffer
