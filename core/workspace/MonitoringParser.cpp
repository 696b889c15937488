#include "workspace/MonitoringParser.h"

#include "monitor/HttpClient.h"
#include "workspace/WorkspaceParser.h"

#include <QUrl>

namespace coffer {

namespace {

constexpr int kMaxTimeoutSeconds = 300;
constexpr int kMaxRetries = 10;

} // namespace

Result<QString> MonitoringParser::url(const YAML::Node &node, const QString &where, const QString &example) const
{
    auto text = m_base.text(node, where);
    if (!text)
        return text;
    if (text->isEmpty())
        return m_base.error(node, QStringLiteral("%1 is empty; write a URL such as %2").arg(where, example));
    const QUrl parsed(*text, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || parsed.host().isEmpty()) {
        // Never the URL as written: its path, query or user:password are often a secret token.
        const QString seen = parsed.host().isEmpty() ? QStringLiteral("it names no host")
                                                     : QStringLiteral("it reads %1").arg(HttpClient::redacted(parsed));
        return m_base.error(node,
            QStringLiteral("%1 is not an http:// or https:// URL (%2); write one such as %3")
                .arg(where, seen, example));
    }
    return *text;
}

Result<void> MonitoringParser::parsePushgateway(const YAML::Node &node, MonitoringSettings &into) const
{
    const QString where = QStringLiteral("monitoring.pushgateway");
    const QString example = QStringLiteral("http://127.0.0.1:9091");
    // A bare URL, or {url, job}.
    if (node.IsScalar() || node.IsNull()) {
        auto address = url(node, where, example);
        if (!address)
            return std::unexpected(address.error());
        into.pushgatewayUrl = *address;
        return {};
    }
    if (!node.IsMap())
        return m_base.error(
            node, QStringLiteral("%1 must be a URL or a mapping {url: %2, job: coffer}").arg(where, example));
    if (auto known = m_base.checkKeys(node, { QStringLiteral("url"), QStringLiteral("job") }, where); !known)
        return known;
    if (!node["url"])
        return m_base.error(node, QStringLiteral("%1 has no url; add url: %2").arg(where, example));
    auto address = url(node["url"], where + QStringLiteral(".url"), example);
    if (!address)
        return std::unexpected(address.error());
    into.pushgatewayUrl = *address;
    if (const YAML::Node job = node["job"]) {
        auto name = m_base.text(job, where + QStringLiteral(".job"));
        if (!name)
            return std::unexpected(name.error());
        // The job is a segment of the push URL (/metrics/job/<job>).
        if (name->isEmpty() || name->contains(QLatin1Char('/')))
            return m_base.error(job.IsNull() ? m_base.markOf(node, "job") : job.Mark(),
                QStringLiteral("%1.job must be a name without '/', such as coffer").arg(where));
        into.pushgatewayJob = *name;
    }
    return {};
}

Result<void> MonitoringParser::parseWebhook(const YAML::Node &node, MonitoringSettings &into) const
{
    const QString where = QStringLiteral("monitoring.webhook");
    const QString example = QStringLiteral("https://hooks.example/coffer");
    if (node.IsScalar() || node.IsNull()) {
        auto address = url(node, where, example);
        if (!address)
            return std::unexpected(address.error());
        into.webhookUrl = *address;
        return {};
    }
    if (!node.IsMap())
        return m_base.error(node,
            QStringLiteral("%1 must be a URL or a mapping {url: %2, timeout_seconds: 10, retries: 3}")
                .arg(where, example));
    if (auto known = m_base.checkKeys(
            node, { QStringLiteral("url"), QStringLiteral("timeout_seconds"), QStringLiteral("retries") }, where);
        !known)
        return known;
    if (!node["url"])
        return m_base.error(node, QStringLiteral("%1 has no url; add url: %2").arg(where, example));
    auto address = url(node["url"], where + QStringLiteral(".url"), example);
    if (!address)
        return std::unexpected(address.error());
    into.webhookUrl = *address;
    if (node["timeout_seconds"]) {
        const QString what = where + QStringLiteral(".timeout_seconds");
        auto seconds = m_base.integer(node, "timeout_seconds", what, 1);
        if (!seconds)
            return std::unexpected(seconds.error());
        if (*seconds > kMaxTimeoutSeconds)
            return m_base.error(node["timeout_seconds"],
                QStringLiteral("%1 must be at most %2, not %3").arg(what).arg(kMaxTimeoutSeconds).arg(*seconds));
        into.webhookTimeoutSeconds = *seconds;
    }
    if (node["retries"]) {
        const QString what = where + QStringLiteral(".retries");
        auto retries = m_base.integer(node, "retries", what, 0);
        if (!retries)
            return std::unexpected(retries.error());
        if (*retries > kMaxRetries)
            return m_base.error(node["retries"],
                QStringLiteral("%1 must be at most %2, not %3").arg(what).arg(kMaxRetries).arg(*retries));
        into.webhookRetries = *retries;
    }
    return {};
}

Result<MonitoringSettings> MonitoringParser::parse(const YAML::Node &node) const
{
    MonitoringSettings settings;
    if (node.IsNull())
        return settings;
    if (!node.IsMap())
        return m_base.error(
            node, QStringLiteral("`monitoring:` must be a mapping with metrics_file, pushgateway, webhook"));
    if (auto known = m_base.checkKeys(node,
            { QStringLiteral("metrics_file"), QStringLiteral("pushgateway"), QStringLiteral("webhook") },
            QStringLiteral("monitoring"));
        !known)
        return std::unexpected(known.error());
    if (const YAML::Node file = node["metrics_file"]) {
        auto path = m_base.text(file, QStringLiteral("monitoring.metrics_file"));
        if (!path)
            return std::unexpected(path.error());
        if (path->isEmpty())
            return m_base.error(m_base.markOf(node, "metrics_file"),
                QStringLiteral("monitoring.metrics_file is empty; give a path such as "
                               "/var/lib/prometheus/node-exporter/coffer.prom"));
        settings.metricsFile = m_base.resolvePath(*path);
    }
    if (const YAML::Node push = node["pushgateway"]) {
        if (auto r = parsePushgateway(push, settings); !r)
            return std::unexpected(r.error());
    }
    if (const YAML::Node hook = node["webhook"]) {
        if (auto r = parseWebhook(hook, settings); !r)
            return std::unexpected(r.error());
    }
    return settings;
}

} // namespace coffer
