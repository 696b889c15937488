#include "monitor/HttpClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

namespace coffer {

QString HttpResponse::describe() const
{
    if (status != 0)
        return QStringLiteral("HTTP %1").arg(status);
    return error.isEmpty() ? QStringLiteral("no answer") : error;
}

QString HttpClient::checkUrl(const QUrl &url)
{
    if (!url.isValid())
        return QStringLiteral("'%1' is not a valid URL").arg(redacted(url));
    const QString scheme = url.scheme().toLower();
    if (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))
        return QStringLiteral("only http:// and https:// URLs are supported, not '%1:'").arg(url.scheme());
    if (url.host().isEmpty())
        return QStringLiteral("the URL names no host");
    return {};
}

QString HttpClient::redacted(const QUrl &url)
{
    if (url.host().isEmpty())
        return QStringLiteral("(invalid URL)");
    QString text = url.scheme() + QStringLiteral("://") + url.host();
    if (url.port() != -1)
        text += QLatin1Char(':') + QString::number(url.port());
    if (!url.path().isEmpty() && url.path() != QStringLiteral("/"))
        text += QStringLiteral("/…");
    return text;
}

HttpResponse HttpClient::send(
    const QByteArray &method, const QUrl &url, const QByteArray &body, const QByteArray &contentType, int timeoutMs)
{
    HttpResponse response;
    if (const QString problem = checkUrl(url); !problem.isEmpty()) {
        response.error = problem;
        return response;
    }

    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("coffer/" COFFER_VERSION_STRING));
    // A webhook that redirects to plain HTTP would get the alert in the clear.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);

    const std::unique_ptr<QNetworkReply> reply(manager.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        response.timedOut = true;
        reply->abort();
        loop.quit();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(std::max(1, timeoutMs));
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();

    if (response.timedOut) {
        response.error = timeoutMs % 1000 == 0 ? QStringLiteral("timed out after %1 s").arg(timeoutMs / 1000)
                                               : QStringLiteral("timed out after %1 ms").arg(timeoutMs);
        return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (response.status == 0) {
        response.error = reply->errorString();
        return response;
    }
    response.body = reply->readAll();
    return response;
}

} // namespace coffer
