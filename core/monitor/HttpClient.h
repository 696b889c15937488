#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace coffer {

// What one HTTP request got back.
struct HttpResponse {
    int status = 0; // the HTTP status; 0 when no answer arrived
    QByteArray body;
    bool timedOut = false;
    QString error; // why there is no answer (timeout, refused, DNS, TLS), for a person; empty with a status

    bool isSuccess() const { return status >= 200 && status < 300; }
    // "HTTP 503", "timed out after 10 s", "connection refused"
    QString describe() const;
};

// One blocking HTTP request with an overall deadline, for the monitoring channels. Runs a
// QNetworkAccessManager and a local event loop on the calling thread: never call it on the GUI
// thread (the Publisher runs on a worker thread or in the CLI).
class HttpClient final
{
public:
    static HttpResponse send(const QByteArray &method, const QUrl &url, const QByteArray &body,
        const QByteArray &contentType, int timeoutMs);

    // http and https URLs with a host only; the error says what is wrong with the others.
    static QString checkUrl(const QUrl &url);

    // The URL for messages and logs: scheme, host and port only. Webhook URLs often carry a
    // token in the path or the query, and user:password can sit in the authority.
    static QString redacted(const QUrl &url);
};

} // namespace coffer
