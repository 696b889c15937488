#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"

#include "repository/Catalog.h"

#include <QDirIterator>
#include <QJsonArray>

namespace {

QString verificationState(const coffer::CatalogEntry &entry)
{
    if (!entry.lastVerification)
        return QStringLiteral("never");
    return QStringLiteral("%1 %2").arg(
        entry.lastVerification->ok() ? QStringLiteral("ok") : QStringLiteral("FAILED"), entry.lastVerification->level);
}

} // namespace

int runList(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addOption(
        { QStringLiteral("db"), QStringLiteral("Only backups of this database."), QStringLiteral("name") });
    if (auto exit
        = CliContext::parse(parser, arguments, QStringLiteral("List the backups in a repository, newest first.")))
        return *exit;
    const CliContext context(parser);
    if (!parser.positionalArguments().isEmpty())
        return cli::usageError(QStringLiteral("list takes no positional arguments"));
    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    auto entries = catalog->backups(parser.value(QStringLiteral("db")));
    if (!entries)
        return cli::reportError(entries.error(), context.json());

    if (context.json()) {
        QJsonArray array;
        for (const coffer::CatalogEntry &entry : std::as_const(*entries))
            array.append(jsonview::entry(entry));
        cli::printJson(array);
        return kExitOk;
    }
    if (entries->isEmpty()) {
        cli::out(QStringLiteral("No backups in %1").arg(catalog->repository().root()));
        // An empty catalog over manifests on disk is a lost or damaged catalog, not an empty repository.
        QDirIterator manifests(catalog->repository().backupsDir(),
            { QStringLiteral("*") + QLatin1String(coffer::Repository::kManifestSuffix) }, QDir::Files,
            QDirIterator::Subdirectories);
        if (manifests.hasNext())
            cli::err(QStringLiteral("coffer-cli: the catalog lists nothing, but backups/ holds manifests; rebuild it "
                                    "with 'coffer-cli repo reindex'"));
        return kExitOk;
    }
    cli::out(QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                 .arg(QStringLiteral("ID"), -8)
                 .arg(QStringLiteral("DATABASE"), -16)
                 .arg(QStringLiteral("CREATED (UTC)"), -20)
                 .arg(QStringLiteral("TRIGGER"), -9)
                 .arg(QStringLiteral("SIZE"), 10)
                 .arg(QStringLiteral("DB SIZE"), 10)
                 .arg(QStringLiteral("CODEC"), -9)
                 .arg(QStringLiteral("VERIFIED")));
    for (const coffer::CatalogEntry &entry : std::as_const(*entries)) {
        const coffer::Manifest &m = entry.manifest;
        cli::out(QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                     .arg(m.shortId(), -8)
                     .arg(m.database, -16)
                     .arg(m.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -20)
                     // A pinned backup's trigger carries a '*': every prune keeps it.
                     .arg(m.pinned ? m.trigger + QLatin1Char('*') : m.trigger, -9)
                     .arg(cli::humanSize(m.artifactSize), 10)
                     .arg(cli::humanSize(m.plaintextSize), 10)
                     // "zstd+cfr1": compressed, then encrypted.
                     .arg(m.encryptionScheme == QStringLiteral("none")
                             ? m.compression
                             : m.compression + QLatin1Char('+') + m.encryptionScheme,
                         -9)
                     .arg(verificationState(entry)));
    }
    cli::out(QStringLiteral("%1 backup(s); * pinned").arg(entries->size()));
    return kExitOk;
}
