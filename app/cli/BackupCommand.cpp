#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JobRunner.h"
#include "JsonViews.h"
#include "KeyOptions.h"

#include "backup/BackupJob.h"
#include "repository/Repository.h"

#include <QFileInfo>
#include <QJsonArray>

namespace {

// Jobs for what the command line selects: one path, one named database, a group, or all.
coffer::Result<QList<coffer::BackupParams>> selectDatabases(const QCommandLineParser &parser, const CliContext &context,
                                                            const coffer::BackupParams &base)
{
    QList<coffer::BackupParams> selected;
    if (parser.isSet(QStringLiteral("path"))) {
        coffer::BackupParams params = base;
        params.sourcePath = QFileInfo(parser.value(QStringLiteral("path"))).absoluteFilePath();
        params.database = parser.value(QStringLiteral("name"));
        // A path the workspace knows keeps its name and group.
        if (auto ws = context.workspace(); ws && params.database.isEmpty()) {
            for (const coffer::DatabaseEntry &db : ws->databases()) {
                if (QFileInfo(db.path).absoluteFilePath() == params.sourcePath) {
                    params.database = db.name;
                    params.group = db.group;
                }
            }
        }
        selected << params;
        return selected;
    }
    auto ws = context.workspace();
    if (!ws)
        return std::unexpected(ws.error());
    QList<coffer::DatabaseEntry> databases;
    if (parser.isSet(QStringLiteral("db"))) {
        for (const QString &name : parser.values(QStringLiteral("db"))) {
            auto db = ws->database(name);
            if (!db)
                return coffer::fail(coffer::ErrorCode::NotFound,
                                    QStringLiteral("The workspace has no database named '%1'").arg(name), ws->filePath());
            databases << *db;
        }
    } else if (parser.isSet(QStringLiteral("group"))) {
        databases = ws->group(parser.value(QStringLiteral("group")));
        if (databases.isEmpty())
            return coffer::fail(coffer::ErrorCode::NotFound,
                                QStringLiteral("The workspace has no database in group '%1'")
                                    .arg(parser.value(QStringLiteral("group"))),
                                ws->filePath());
    } else {
        databases = ws->databases();
        if (databases.isEmpty())
            return coffer::fail(coffer::ErrorCode::NotFound, QStringLiteral("The workspace lists no databases"),
                                ws->filePath());
    }
    for (const coffer::DatabaseEntry &db : std::as_const(databases)) {
        coffer::BackupParams params = base;
        params.sourcePath = db.path;
        params.database = db.name;
        params.group = db.group;
        selected << params;
    }
    return selected;
}

} // namespace

int runBackup(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addOptions({
        {QStringLiteral("path"), QStringLiteral("Back up the SQLite database at this path."), QStringLiteral("db-file")},
        {QStringLiteral("name"), QStringLiteral("Catalog name for --path (default: the file's base name)."),
         QStringLiteral("name")},
        {QStringLiteral("db"), QStringLiteral("Back up this workspace database (repeatable)."), QStringLiteral("name")},
        {QStringLiteral("group"), QStringLiteral("Back up every workspace database of this group."), QStringLiteral("group")},
        {QStringLiteral("all"), QStringLiteral("Back up every database of the workspace.")},
        {QStringLiteral("compression"), QStringLiteral("zstd (default), gzip or none."), QStringLiteral("codec")},
        {QStringLiteral("level"), QStringLiteral("Compression level (zstd 1-19, default 3; gzip 1-9, default 6)."),
         QStringLiteral("n")},
        {QStringLiteral("tag"), QStringLiteral("Tag the backup (repeatable)."), QStringLiteral("tag")},
        {QStringLiteral("no-read-back"), QStringLiteral("Skip re-reading the published artifact (faster, less safe).")},
    });
    keyoptions::addEncryptOptions(parser);
    CliContext::addWaitOption(parser, 30);
    if (auto exit = CliContext::parse(parser, arguments,
                                      QStringLiteral("Back up SQLite databases: online, consistent, checksummed, "
                                                     "compressed, published atomically.")))
        return *exit;
    const CliContext context(parser);
    if (!parser.positionalArguments().isEmpty())
        return cli::usageError(QStringLiteral("backup takes no positional arguments: use --path, --db, --group or --all"));
    int selectors = 0;
    for (const char *option : {"path", "db", "group", "all"})
        selectors += parser.isSet(QLatin1String(option)) ? 1 : 0;
    if (selectors != 1)
        return cli::usageError(QStringLiteral("backup needs exactly one of --path, --db, --group or --all"));
    if (parser.isSet(QStringLiteral("name")) && !parser.isSet(QStringLiteral("path")))
        return cli::usageError(QStringLiteral("--name goes with --path"));
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();

    coffer::BackupParams base;
    base.lockWaitMs = *waitMs;
    QString codecName = QStringLiteral("zstd");
    std::optional<int> level;
    if (auto ws = context.workspace(); ws) {
        codecName = ws->defaults().compression;
        level = ws->defaults().level;
    }
    if (parser.isSet(QStringLiteral("compression"))) {
        codecName = parser.value(QStringLiteral("compression"));
        level.reset();
    }
    auto codec = coffer::codecFromName(codecName);
    if (!codec)
        return cli::usageError(codec.error().message);
    base.codec = *codec;
    base.level = level.value_or(coffer::defaultLevel(*codec));
    if (parser.isSet(QStringLiteral("level"))) {
        bool ok = false;
        base.level = parser.value(QStringLiteral("level")).toInt(&ok);
        if (!ok)
            return cli::usageError(QStringLiteral("--level takes a whole number"));
    }
    if (auto ok = coffer::checkLevel(base.codec, base.level); !ok)
        return cli::usageError(ok.error().message);
    base.tags = parser.values(QStringLiteral("tag"));
    base.readBack = !parser.isSet(QStringLiteral("no-read-back"));
    auto repo = context.repositoryPath();
    if (!repo)
        return cli::reportError(repo.error(), context.json(), kExitUsage);
    base.repositoryPath = *repo;

    auto selected = selectDatabases(parser, context, base);
    if (!selected)
        return cli::reportError(selected.error(), context.json());
    auto keys = keyoptions::encryptionKeys(parser, context);
    if (!keys)
        return keys.error();
    if (keys->isEmpty()) {
        // Said once, in the command line's terms, instead of once per database by the core.
        if (auto repository = coffer::Repository::open(base.repositoryPath);
            repository && repository->requireEncryption())
            return cli::reportError({ coffer::ErrorCode::InvalidArgument,
                                        QStringLiteral("The repository %1 accepts only encrypted backups, and nothing "
                                                       "was backed up: add --encrypt (with --recipient KEY or "
                                                       "--passphrase-file FILE), or set backup.encryption.enabled in "
                                                       "the workspace")
                                            .arg(repository->root()),
                                        {} },
                context.json());
    }
    for (coffer::BackupParams &params : *selected)
        params.encryption = *keys;

    QList<std::shared_ptr<coffer::Job>> jobs;
    QList<std::shared_ptr<coffer::BackupJob>> backups;
    for (const coffer::BackupParams &params : std::as_const(*selected)) {
        auto job = std::make_shared<coffer::BackupJob>(params);
        backups << job;
        jobs << job;
    }
    runJobs(jobs);

    QJsonArray results;
    QStringList failed;
    for (const auto &job : std::as_const(backups)) {
        const QString name = job->params().database.isEmpty() ? job->params().sourcePath : job->params().database;
        if (job->state() == coffer::Job::State::Succeeded) {
            const coffer::BackupResult &r = job->result();
            QJsonObject json = jsonview::backup(r.manifest, r.artifactPath, r.manifestPath);
            json.insert(QStringLiteral("ok"), true);
            results.append(json);
            if (!context.json())
                cli::out(QStringLiteral("Backed up %1 -> %2 (%3 -> %4, %5 ms) id %6%7")
                             .arg(r.manifest.database, r.artifactPath, cli::humanSize(r.manifest.plaintextSize),
                                 cli::humanSize(r.manifest.artifactSize))
                             .arg(r.manifest.durationMs)
                             .arg(r.manifest.id)
                             .arg(r.manifest.encryptionRecipients.isEmpty()
                                     ? QString()
                                     : QStringLiteral(", encrypted to %1")
                                           .arg(r.manifest.encryptionRecipients.join(QStringLiteral(", ")))));
        } else {
            const coffer::Error error = job->error();
            failed << name;
            cli::err(QStringLiteral("coffer-cli: backup of %1 failed: %2").arg(name, error.message));
            if (!error.detail.isEmpty())
                cli::err(QStringLiteral("  %1").arg(error.detail));
            results.append(QJsonObject{{QStringLiteral("database"), name},
                                       {QStringLiteral("ok"), false},
                                       {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), error.codeName()},
                                                                            {QStringLiteral("message"), error.message},
                                                                            {QStringLiteral("detail"), error.detail}}}});
        }
    }
    const bool single = parser.isSet(QStringLiteral("path")) || parser.values(QStringLiteral("db")).size() == 1;
    if (context.json())
        cli::printJson(single ? QJsonValue(results.first()) : QJsonValue(results));
    if (!single && !context.json())
        cli::out(QStringLiteral("%1 of %2 backups succeeded%3")
                     .arg(backups.size() - failed.size())
                     .arg(backups.size())
                     .arg(failed.isEmpty() ? QString() : QStringLiteral("; failed: ") + failed.join(QStringLiteral(", "))));
    return failed.isEmpty() ? kExitOk : kExitFailed;
}
