#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"

#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "repository/RepositoryCheck.h"

#include <QJsonArray>
#include <QJsonObject>

int runRepo(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("reindex|check"),
                                 QStringLiteral("reindex: rebuild catalog.db from the manifests. check: cross-check the "
                                                "catalog and the files."));
    if (auto exit = CliContext::parse(parser, arguments, QStringLiteral("Maintain a repository.")))
        return *exit;
    const CliContext context(parser);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1 || (action != QStringLiteral("reindex") && action != QStringLiteral("check")))
        return cli::usageError(QStringLiteral("repo needs one action: reindex or check"));
    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    const coffer::Repository &repo = catalog->repository();

    QStringList problems;
    QJsonObject json{{QStringLiteral("repository"), repo.root()}};
    if (action == QStringLiteral("reindex")) {
        auto lock = coffer::RepoLock::acquire(repo.locksDir(), coffer::RepoLock::Kind::Exclusive,
                                              QStringLiteral("reindex"), 30000);
        if (!lock)
            return cli::reportError(lock.error(), context.json());
        auto report = catalog->rebuild();
        if (!report)
            return cli::reportError(report.error(), context.json());
        catalog->audit({.operation = QStringLiteral("reindex"),
                        .target = repo.root(),
                        .outcome = report->problems.isEmpty() ? QStringLiteral("ok") : QStringLiteral("problems"),
                        .detail = QStringLiteral("%1 backups indexed, %2 problems")
                                      .arg(report->indexed)
                                      .arg(report->problems.size())});
        problems = report->problems;
        json.insert(QStringLiteral("indexed"), report->indexed);
        if (!context.json())
            cli::out(QStringLiteral("Indexed %1 backup(s) from their manifests").arg(report->indexed));
    } else {
        auto report = coffer::RepositoryCheck::run(repo);
        if (!report)
            return cli::reportError(report.error(), context.json());
        problems = report->problems;
        json.insert(QStringLiteral("backups"), report->backups);
        json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(report->notes));
        if (!context.json()) {
            cli::out(QStringLiteral("%1 backup(s) in the catalog").arg(report->backups));
            for (const QString &note : std::as_const(report->notes))
                cli::out(QStringLiteral("note: %1").arg(note));
        }
    }
    json.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
    json.insert(QStringLiteral("ok"), problems.isEmpty());
    if (context.json()) {
        cli::printJson(json);
    } else {
        for (const QString &problem : std::as_const(problems))
            cli::out(QStringLiteral("problem: %1").arg(problem));
        cli::out(problems.isEmpty() ? QStringLiteral("Repository is consistent")
                                    : QStringLiteral("%1 problem(s) found").arg(problems.size()));
    }
    return problems.isEmpty() ? kExitOk : kExitCheckFailed;
}
