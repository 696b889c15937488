#include "CliContext.h"

#include "CliOutput.h"

#include <QFileInfo>

void CliContext::addCommonOptions(QCommandLineParser &parser, bool withRepository)
{
    parser.addOption({QStringLiteral("workspace"),
                      QStringLiteral("Workspace file (default: $COFFER_WORKSPACE or ~/.config/coffer/workspace.yaml)."),
                      QStringLiteral("file")});
    if (withRepository)
        parser.addOption({QStringLiteral("repo"),
                          QStringLiteral("Repository: a path, or a repository name from the workspace (default: the "
                                         "workspace's default repository)."),
                          QStringLiteral("repo")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON on stdout.")});
}

std::optional<int> CliContext::parse(QCommandLineParser &parser, const QStringList &arguments, const QString &synopsis)
{
    parser.setApplicationDescription(synopsis);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments))
        return cli::usageError(parser.errorText());
    if (parser.isSet(help)) {
        cli::out(parser.helpText());
        return kExitOk;
    }
    return std::nullopt;
}

void CliContext::addWaitOption(QCommandLineParser &parser, int defaultSeconds)
{
    QCommandLineOption wait(QStringLiteral("wait"),
        QStringLiteral("When another Coffer process holds the repository, wait up to this many seconds for it "
                       "(default %1).")
            .arg(defaultSeconds),
        QStringLiteral("seconds"), QString::number(defaultSeconds));
    parser.addOption(wait);
}

CliContext::CliContext(const QCommandLineParser &parser)
    : m_json(parser.isSet(QStringLiteral("json")))
    , m_workspaceOption(parser.value(QStringLiteral("workspace")))
    , m_repoOption(parser.optionNames().contains(QStringLiteral("repo")) ? parser.value(QStringLiteral("repo")) : QString())
{
}

std::expected<int, int> CliContext::lockWaitMs(const QCommandLineParser &parser)
{
    // value() gives the option's default when --wait is absent.
    const QString value = parser.value(QStringLiteral("wait"));
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86400)
        return std::unexpected(
            cli::usageError(QStringLiteral("--wait takes a number of seconds from 0 to 86400, not '%1'").arg(value)));
    return int(seconds * 1000);
}

coffer::Result<coffer::Workspace> CliContext::workspace() const
{
    if (!m_workspace)
        m_workspace = coffer::Workspace::load(coffer::Workspace::resolvePath(m_workspaceOption));
    return *m_workspace;
}

coffer::Result<QString> CliContext::repositoryPath() const
{
    if (!m_repoOption.isEmpty()) {
        // A name from the workspace wins only when no folder of that name is meant.
        if (!QFileInfo::exists(m_repoOption) && !m_repoOption.contains(QLatin1Char('/'))) {
            if (auto ws = workspace(); ws) {
                if (auto repo = ws->repository(m_repoOption))
                    return repo->path;
            }
        }
        return QFileInfo(m_repoOption).absoluteFilePath();
    }
    auto ws = workspace();
    if (!ws)
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
                            QStringLiteral("No repository given: pass --repo, or name one in a workspace file"),
                            ws.error().toString());
    auto repo = ws->defaultRepository();
    if (!repo)
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
                            QStringLiteral("The workspace names no repository: pass --repo or add one under "
                                           "'repositories'"),
                            ws->filePath());
    return repo->path;
}

std::expected<coffer::Catalog, int> CliContext::openCatalog() const
{
    auto path = repositoryPath();
    if (!path)
        return std::unexpected(cli::reportError(path.error(), m_json, kExitUsage));
    auto repo = coffer::Repository::open(*path);
    if (!repo)
        return std::unexpected(cli::reportError(repo.error(), m_json));
    auto catalog = coffer::Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(cli::reportError(catalog.error(), m_json));
    return std::move(*catalog);
}
