#pragma once

#include "common/Error.h"
#include "workspace/Workspace.h"

#include <yaml-cpp/yaml.h>

// Private to core/workspace: reads a database's `smoke_queries:` and checks each expectation
// with the parser restore drills use (drill/SmokeExpectation.h), so that what loads also runs.
namespace coffer {

class WorkspaceParser;

class SmokeQueryParser final
{
public:
    explicit SmokeQueryParser(const WorkspaceParser &base)
        : m_base(base)
    {
    }

    Result<QList<SmokeQuery>> parse(const YAML::Node &node, const QString &database) const;

private:
    const WorkspaceParser &m_base;
};

} // namespace coffer
