#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace coffer {

// Prometheus Pushgateway: replaces the metrics of one group (job and instance) with a PUT of the
// text exposition format, so a database that left the workspace leaves the gateway too. The
// instance (the host) keeps two hosts that push under one job name from replacing each other.
// Blocking: call it off the GUI thread.
class Pushgateway final
{
public:
    static constexpr int kDefaultTimeoutMs = 10000;

    // <base>/metrics/job/<job>/instance/<instance>; an empty job is "coffer". Each value is
    // percent-encoded; one with a '/' (or ".", ".."), or an empty one, uses the gateway's base64
    // form (/job@base64/<base64url>, an empty value as "="), the only way to carry it.
    static QUrl endpoint(const QString &baseUrl, const QString &job, const QString &instance);

    static Result<void> push(const QString &baseUrl, const QString &job, const QString &instance,
        const QByteArray &metrics, int timeoutMs = kDefaultTimeoutMs);
};

} // namespace coffer
