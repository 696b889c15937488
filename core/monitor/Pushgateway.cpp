#include "monitor/Pushgateway.h"

#include "monitor/HttpClient.h"

namespace coffer {

namespace {

// "/name/value" as the gateway's grouping key wants it in the path.
QString segment(const QString &name, const QString &value)
{
    // A plain or encoded '/' would split the path, and an empty segment, "." or ".." would be
    // cleaned away by the gateway's path handling: base64url says them all (padding is optional,
    // but an empty value must be a single '=').
    if (value.isEmpty())
        return QStringLiteral("/%1@base64/=").arg(name);
    if (value.contains(QLatin1Char('/')) || value == QStringLiteral(".") || value == QStringLiteral(".."))
        return QStringLiteral("/%1@base64/%2")
            .arg(name, QString::fromLatin1(value.toUtf8().toBase64(QByteArray::Base64UrlEncoding)));
    return QStringLiteral("/%1/%2").arg(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

} // namespace

QUrl Pushgateway::endpoint(const QString &baseUrl, const QString &jobName, const QString &instance)
{
    const QString job = jobName.isEmpty() ? QStringLiteral("coffer") : jobName;
    QUrl url(baseUrl.trimmed());
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += QStringLiteral("/metrics") + segment(QStringLiteral("job"), job)
        + segment(QStringLiteral("instance"), instance);
    // Already encoded: '%' stays an escape, not a literal percent sign.
    url.setPath(path, QUrl::TolerantMode);
    return url;
}

Result<void> Pushgateway::push(
    const QString &baseUrl, const QString &job, const QString &instance, const QByteArray &metrics, int timeoutMs)
{
    const QUrl url = endpoint(baseUrl, job, instance);
    const HttpResponse response = HttpClient::send(
        QByteArrayLiteral("PUT"), url, metrics, QByteArrayLiteral("text/plain; version=0.0.4"), timeoutMs);
    if (response.isSuccess())
        return {};
    QString detail = response.describe();
    // The gateway says what it disliked in the body ("text format parsing error in line 3: ...").
    if (response.status != 0 && !response.body.trimmed().isEmpty())
        detail += QStringLiteral(": ") + QString::fromUtf8(response.body.trimmed().left(300));
    return fail(response.status == 0 ? ErrorCode::Io : ErrorCode::InvalidArgument,
        QStringLiteral("Pushing the metrics to the Pushgateway %1 failed; check monitoring.pushgateway in the "
                       "workspace and that the gateway runs")
            .arg(HttpClient::redacted(url)),
        detail);
}

} // namespace coffer
