#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"

#include "repository/Catalog.h"
#include "repository/DeleteJob.h"
#include "repository/DeletionWarnings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

// The typed confirmation: the backup's short id, so a slip of the finger deletes nothing.
bool confirmed(const QString &shortId)
{
    std::fprintf(stderr, "Type the backup's id '%s' to delete it, anything else to cancel: ", qPrintable(shortId));
    std::fflush(stderr);
    QTextStream in(stdin);
    return in.readLine().trimmed() == shortId;
}

} // namespace

int runDelete(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(
        QStringLiteral("ID"), QStringLiteral("Backup id (or a unique prefix, e.g. the 8 shown by list)."));
    parser.addOption({ QStringLiteral("yes"), QStringLiteral("Do not ask for the typed confirmation.") });
    CliContext::addWaitOption(parser, 0);
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Delete one backup: its artifact, its manifest and its catalog entry. A pinned backup "
                           "is refused.")))
        return *exit;
    const CliContext context(parser);
    if (parser.positionalArguments().size() != 1)
        return cli::usageError(QStringLiteral("delete takes exactly one backup ID"));
    const bool yes = parser.isSet(QStringLiteral("yes"));
    if (!yes && !::isatty(STDIN_FILENO))
        return cli::usageError(
            QStringLiteral("delete removes a backup for good: run it on a terminal to confirm, or pass --yes"));
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();

    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    auto refusal = [&](const coffer::CatalogEntry &entry) -> std::optional<int> {
        if (!entry.manifest.pinned)
            return std::nullopt;
        return cli::reportError(coffer::Error{ coffer::ErrorCode::InvalidArgument,
                                    QStringLiteral("backup %1 is pinned; unpin it first with 'coffer-cli unpin %1'")
                                        .arg(entry.manifest.shortId()),
                                    entry.manifestPath },
            context.json());
    };
    auto entry = catalog->backup(parser.positionalArguments().first());
    if (!entry)
        return cli::reportError(entry.error(), context.json());
    if (auto refused = refusal(*entry))
        return *refused;
    const coffer::Manifest &m = entry->manifest;
    auto siblings = catalog->backups(m.database);
    if (!siblings)
        return cli::reportError(siblings.error(), context.json());
    // What the user loses beyond this one backup: said before the prompt, not after the fact.
    const QStringList warned = coffer::deletionWarnings(*siblings, { m.id });
    for (const QString &warning : warned)
        cli::err(QStringLiteral("coffer-cli: warning: %1").arg(warning));

    if (!yes) {
        cli::err(QStringLiteral("About to delete backup %1: %2 (%3)")
                     .arg(jsonview::label(m), entry->artifactPath, cli::humanSize(m.artifactSize)));
        if (!confirmed(m.shortId())) {
            cli::err(QStringLiteral("coffer-cli: not confirmed; nothing was deleted"));
            return kExitFailed;
        }
    }
    // The lock is taken only now, so a user at the prompt holds up no backup; what was confirmed
    // is looked up again under it, in case a prune or pin came in between.
    const coffer::CancelFlag never{ false };
    auto done = coffer::DeleteJob::remove({ .repositoryPath = catalog->repository().root(),
                                              .ids = { m.id },
                                              .reason = QStringLiteral("deleted by hand with coffer-cli delete"),
                                              .lockWaitMs = *waitMs },
        never, {});
    if (!done)
        return cli::reportError(done.error(), context.json());
    if (!done->refused.isEmpty())
        return *refusal(done->refused.first());
    if (!done->failures.isEmpty())
        return cli::reportError(done->failures.first().error, context.json());

    if (context.json()) {
        cli::printJson(QJsonObject{ { QStringLiteral("deleted"), jsonview::entry(done->deleted.first()) },
            { QStringLiteral("freed_bytes"), m.artifactSize },
            { QStringLiteral("warnings"), QJsonArray::fromStringList(warned) } });
        return kExitOk;
    }
    cli::out(QStringLiteral("Deleted backup %1: %2 freed (%3 bytes)")
                 .arg(jsonview::label(m), cli::humanSize(m.artifactSize))
                 .arg(m.artifactSize));
    return kExitOk;
}
