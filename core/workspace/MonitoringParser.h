#pragma once

#include "common/Error.h"
#include "workspace/Workspace.h"

#include <yaml-cpp/yaml.h>

// Private to core/workspace: reads `monitoring:` (metrics_file, pushgateway, webhook).
namespace coffer {

class WorkspaceParser;

class MonitoringParser final
{
public:
    explicit MonitoringParser(const WorkspaceParser &base)
        : m_base(base)
    {
    }

    Result<MonitoringSettings> parse(const YAML::Node &node) const;

private:
    // An http:// or https:// URL with a host; `where` names it in messages.
    Result<QString> url(const YAML::Node &node, const QString &where, const QString &example) const;
    Result<void> parsePushgateway(const YAML::Node &node, MonitoringSettings &into) const;
    Result<void> parseWebhook(const YAML::Node &node, MonitoringSettings &into) const;

    const WorkspaceParser &m_base;
};

} // namespace coffer
