#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"

#include "repository/Repository.h"

#include <QJsonObject>

int runInit(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, false);
    parser.addPositionalArgument(QStringLiteral("REPO"), QStringLiteral("Folder for the new repository (empty or new)."));
    if (auto exit = CliContext::parse(parser, arguments, QStringLiteral("Create a backup repository.")))
        return *exit;
    const CliContext context(parser);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cli::usageError(QStringLiteral("init takes exactly one REPO path"));

    auto repo = coffer::Repository::init(positional.first());
    if (!repo)
        return cli::reportError(repo.error(), context.json());
    if (context.json())
        cli::printJson(QJsonObject{{QStringLiteral("repository"), repo->root()}, {QStringLiteral("id"), repo->id()}});
    else
        cli::out(QStringLiteral("Created repository %1").arg(repo->root()));
    return kExitOk;
}
