#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"

#include "retention/PinJob.h"

#include <QJsonObject>

int runPin(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    const bool pin = command == QStringLiteral("pin");
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(
        QStringLiteral("ID"), QStringLiteral("Backup id (or a unique prefix, e.g. the 8 shown by list)."));
    CliContext::addWaitOption(parser, 30);
    if (auto exit = CliContext::parse(parser, arguments,
            pin ? QStringLiteral("Pin a backup: every prune keeps it, and delete refuses it, until it is unpinned.")
                : QStringLiteral("Unpin a backup: the retention policy decides again whether it is kept.")))
        return *exit;
    const CliContext context(parser);
    if (parser.positionalArguments().size() != 1)
        return cli::usageError(QStringLiteral("%1 takes exactly one backup ID").arg(command));
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();
    auto repo = context.repositoryPath();
    if (!repo)
        return cli::reportError(repo.error(), context.json(), kExitUsage);

    const coffer::CancelFlag never{ false };
    QList<coffer::Pinning::Change> changes;
    const auto done = coffer::PinJob::setAll(
        { .repositoryPath = *repo, .ids = parser.positionalArguments(), .pinned = pin, .lockWaitMs = *waitMs }, never,
        {}, changes);
    if (!done)
        return cli::reportError(done.error(), context.json());
    const coffer::Pinning::Change &change = changes.first();

    const coffer::Manifest &m = change.backup.manifest;
    if (context.json()) {
        QJsonObject json = jsonview::entry(change.backup);
        json.insert(QStringLiteral("pinned"), m.pinned);
        json.insert(QStringLiteral("changed"), change.changed);
        cli::printJson(json);
        return kExitOk;
    }
    if (pin)
        cli::out(change.changed
                ? QStringLiteral("Pinned %1: every prune keeps it until it is unpinned").arg(jsonview::label(m))
                : QStringLiteral("%1 is already pinned; nothing changed").arg(jsonview::label(m)));
    else
        cli::out(change.changed ? QStringLiteral("Unpinned %1: the retention policy decides again whether it is kept")
                                      .arg(jsonview::label(m))
                                : QStringLiteral("%1 is not pinned; nothing changed").arg(jsonview::label(m)));
    return kExitOk;
}
