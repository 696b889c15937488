#include "monitor/Webhook.h"

#include "monitor/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

#include <algorithm>

namespace coffer {

namespace {

constexpr int kMaxBackoffMs = 8000;

bool retryable(const HttpResponse &response)
{
    return response.status == 0 || response.status >= 500;
}

} // namespace

QString WebhookDelivery::problem(const QUrl &url) const
{
    if (delivered)
        return {};
    if (attempts == 0) // the URL itself is wrong
        return QStringLiteral("webhook %1: %2").arg(HttpClient::redacted(url), failures.join(QStringLiteral("; ")));
    return QStringLiteral("webhook %1: not delivered after %2 %3 (%4)")
        .arg(HttpClient::redacted(url))
        .arg(attempts)
        .arg(attempts == 1 ? QStringLiteral("attempt") : QStringLiteral("attempts"))
        .arg(failures.join(QStringLiteral("; ")));
}

QByteArray Webhook::body(const Alert &alert, const QString &workspacePath)
{
    const QJsonObject json{ { QStringLiteral("event"), alert.kind }, { QStringLiteral("database"), alert.database },
        { QStringLiteral("message"), alert.message },
        { QStringLiteral("time"), alert.time.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("host"), QSysInfo::machineHostName() }, { QStringLiteral("workspace"), workspacePath },
        { QStringLiteral("coffer_version"), QStringLiteral(COFFER_VERSION_STRING) } };
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

WebhookDelivery Webhook::send(const QUrl &url, const QByteArray &body, const WebhookOptions &options)
{
    WebhookDelivery delivery;
    if (const QString problem = HttpClient::checkUrl(url); !problem.isEmpty()) {
        delivery.failures << problem;
        return delivery;
    }
    const int attempts = 1 + std::max(0, options.retries);
    int backoffMs = std::max(0, options.backoffMs);
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        if (attempt > 1) {
            QThread::msleep(ulong(backoffMs));
            backoffMs = std::min(kMaxBackoffMs, backoffMs * 2);
        }
        const HttpResponse response = HttpClient::send(
            QByteArrayLiteral("POST"), url, body, QByteArrayLiteral("application/json"), options.timeoutMs);
        delivery.attempts = attempt;
        delivery.lastStatus = response.status;
        if (response.isSuccess()) {
            delivery.delivered = true;
            delivery.unreachable = false;
            return delivery;
        }
        delivery.failures << QStringLiteral("attempt %1: %2").arg(attempt).arg(response.describe());
        delivery.unreachable = response.status == 0;
        if (!retryable(response))
            break;
    }
    return delivery;
}

} // namespace coffer
