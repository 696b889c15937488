#pragma once

#include "common/Error.h"
#include "repository/Catalog.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>

#include <optional>

// The options every command shares (--workspace, --repo, --json) and what they resolve to.
class CliContext final
{
public:
    // Adds --workspace, --json and, when asked, --repo to a command's parser.
    static void addCommonOptions(QCommandLineParser &parser, bool withRepository);
    // Parses `arguments` (the command name first); prints usage and returns an exit code on
    // a bad command line or --help, nothing when the command should go on.
    static std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments, const QString &synopsis);

    // Adds --wait SECONDS: how long to wait for a repository another process holds.
    static void addWaitOption(QCommandLineParser &parser, int defaultSeconds);

    explicit CliContext(const QCommandLineParser &parser);

    // --wait in milliseconds (the default given to addWaitOption() when absent); on a bad value
    // prints why and gives the usage exit code.
    static std::expected<int, int> lockWaitMs(const QCommandLineParser &parser);

    bool json() const { return m_json; }
    // The workspace, loading it on first use. A missing default workspace is NotFound.
    coffer::Result<coffer::Workspace> workspace() const;
    // --repo as a workspace repository name or a path, else the workspace's default.
    coffer::Result<QString> repositoryPath() const;
    // Resolves --repo and opens the repository and its catalog; on failure prints why and
    // gives the exit code (2 when no repository was named, 3 when it cannot be opened).
    std::expected<coffer::Catalog, int> openCatalog() const;

private:
    bool m_json = false;
    QString m_workspaceOption;
    QString m_repoOption;
    mutable std::optional<coffer::Result<coffer::Workspace>> m_workspace;
};
