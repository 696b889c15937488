#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"

#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "repository/RepositoryCheck.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

int unlock(const coffer::Repository &repo, coffer::Catalog &catalog, bool json)
{
    const coffer::RepoLock::UnlockReport report = coffer::RepoLock::unlock(repo.locksDir());
    QJsonArray removed;
    QJsonArray running;
    for (const coffer::RepoLock::Holder &holder : report.removed) {
        removed.append(coffer::RepoLock::describe(holder));
        catalog.audit({ .operation = QStringLiteral("unlock"),
            .target = repo.root(),
            .outcome = QStringLiteral("ok"),
            .detail = QStringLiteral("removed the %1").arg(coffer::RepoLock::describe(holder)) });
    }
    for (const coffer::RepoLock::Holder &holder : report.running)
        running.append(coffer::RepoLock::describe(holder));
    if (json) {
        cli::printJson(QJsonObject{ { QStringLiteral("repository"), repo.root() },
            { QStringLiteral("removed"), removed }, { QStringLiteral("running"), running } });
    } else {
        for (const auto &line : std::as_const(removed))
            cli::out(QStringLiteral("removed: %1").arg(line.toString()));
        for (const auto &line : std::as_const(running))
            cli::out(QStringLiteral("left alone (the process is running on this host; stop it to release the lock): %1")
                         .arg(line.toString()));
        if (removed.isEmpty() && running.isEmpty())
            cli::out(QStringLiteral("No locks: the repository is free"));
    }
    return running.isEmpty() ? kExitOk : kExitFailed;
}

} // namespace

int runRepo(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("reindex|check|unlock"),
        QStringLiteral("reindex: rebuild catalog.db from the manifests. check: cross-check the catalog and the files. "
                       "unlock: remove locks that processes on other hosts left (stale locks of this host go by "
                       "themselves)."));
    parser.addOption({ QStringLiteral("repair"),
        QStringLiteral("With check: finish interrupted deletions, empty staging and reindex, then check again.") });
    CliContext::addWaitOption(parser, 30);
    if (auto exit = CliContext::parse(parser, arguments, QStringLiteral("Maintain a repository.")))
        return *exit;
    const CliContext context(parser);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1
        || !QStringList{ QStringLiteral("reindex"), QStringLiteral("check"), QStringLiteral("unlock") }.contains(
            action))
        return cli::usageError(QStringLiteral("repo needs one action: reindex, check or unlock"));
    const bool repair = parser.isSet(QStringLiteral("repair"));
    if (repair && action != QStringLiteral("check"))
        return cli::usageError(QStringLiteral("--repair goes with 'repo check'"));
    const auto waitMs = CliContext::lockWaitMs(parser);
    if (!waitMs)
        return waitMs.error();
    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    const coffer::Repository &repo = catalog->repository();
    if (action == QStringLiteral("unlock"))
        return unlock(repo, *catalog, context.json());

    QStringList problems;
    QJsonObject json{ { QStringLiteral("repository"), repo.root() } };
    if (action == QStringLiteral("reindex")) {
        auto lock = coffer::RepoLock::acquire(
            repo.locksDir(), coffer::RepoLock::Kind::Exclusive, QStringLiteral("reindex"), *waitMs);
        if (!lock)
            return cli::reportError(lock.error(), context.json());
        // An interrupted deletion is finished first: reindexing its manifest would bring back a
        // backup whose artifact may be gone.
        repo.recoverStaging();
        auto report = catalog->rebuild();
        if (!report)
            return cli::reportError(report.error(), context.json());
        catalog->audit({ .operation = QStringLiteral("reindex"),
            .target = repo.root(),
            .outcome = report->problems.isEmpty() ? QStringLiteral("ok") : QStringLiteral("problems"),
            .detail
            = QStringLiteral("%1 backups indexed, %2 problems").arg(report->indexed).arg(report->problems.size()) });
        problems = report->problems;
        json.insert(QStringLiteral("indexed"), report->indexed);
        if (!context.json())
            cli::out(QStringLiteral("Indexed %1 backup(s) from their manifests").arg(report->indexed));
    } else {
        if (repair) {
            auto repaired = coffer::RepositoryCheck::repair(repo, *waitMs);
            if (!repaired)
                return cli::reportError(repaired.error(), context.json());
            json.insert(QStringLiteral("repair"),
                QJsonObject{ { QStringLiteral("deletions_finished"), repaired->deletionsFinished },
                    { QStringLiteral("staging_files_removed"), repaired->stagingFilesRemoved },
                    { QStringLiteral("indexed"), repaired->indexed },
                    { QStringLiteral("reindex_problems"), QJsonArray::fromStringList(repaired->reindexProblems) } });
            if (!context.json())
                cli::out(QStringLiteral("Repaired: %1 interrupted deletion(s) finished, %2 staging file(s) removed, "
                                        "%3 backup(s) reindexed")
                             .arg(repaired->deletionsFinished)
                             .arg(repaired->stagingFilesRemoved)
                             .arg(repaired->indexed));
        }
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
