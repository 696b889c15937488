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
    parser.addOption({ QStringLiteral("require-encryption"),
        QStringLiteral("Refuse every unencrypted backup into this repository (policy in coffer-repo.json).") });
    if (auto exit = CliContext::parse(parser, arguments, QStringLiteral("Create a backup repository.")))
        return *exit;
    const CliContext context(parser);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cli::usageError(QStringLiteral("init takes exactly one REPO path"));

    auto repo = coffer::Repository::init(positional.first(), parser.isSet(QStringLiteral("require-encryption")));
    if (!repo)
        return cli::reportError(repo.error(), context.json());
    if (context.json())
        cli::printJson(
            QJsonObject{ { QStringLiteral("repository"), repo->root() }, { QStringLiteral("id"), repo->id() },
                { QStringLiteral("require_encryption"), repo->requireEncryption() } });
    else if (repo->requireEncryption())
        cli::out(QStringLiteral("Created repository %1; it accepts only encrypted backups (backup --encrypt)")
                     .arg(repo->root()));
    else
        cli::out(QStringLiteral("Created repository %1").arg(repo->root()));
    return kExitOk;
}
