#pragma once

#include "monitor/Publisher.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace coffer {

struct WebhookOptions {
    int timeoutMs = 10000; // per attempt
    int retries = 3; // attempts after the first
    int backoffMs = 1000; // before the first retry; doubles for each further one, at most 8 s
};

// How one delivery went.
struct WebhookDelivery {
    bool delivered = false;
    int attempts = 0;
    QStringList failures; // one per failed attempt: "attempt 1: HTTP 503", "attempt 2: timed out after 10 s"
    bool unreachable = false; // the last attempt got no HTTP answer at all (timeout, refused)
    int lastStatus = 0; // the last attempt's HTTP status; 0 without an answer

    // For a person, naming the URL without its secrets: "webhook https://hooks.example/…: not
    // delivered after 4 attempts (attempt 1: HTTP 503; …)".
    QString problem(const QUrl &url) const;
};

// The alert webhook: a JSON POST of one alert. Retries timeouts, connection errors and 5xx
// answers with a short backoff; a 4xx answer is final (the request itself is wrong, sending it
// again would not help). Blocking: call it off the GUI thread.
class Webhook final
{
public:
    // {"event", "database", "message", "time", "host", "workspace", "coffer_version"}: what a
    // person needs to act, and never a secret (no keys, passphrases or URLs with credentials).
    static QByteArray body(const Alert &alert, const QString &workspacePath);

    static WebhookDelivery send(const QUrl &url, const QByteArray &body, const WebhookOptions &options);
};

} // namespace coffer
