#include "CatalogScan.h"

#include "Session.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QStringList>

namespace coffer::ui {

namespace {

// The error's message, plus its detail when that adds something beyond the path already named.
QString withDetail(const Error &error, const QString &path)
{
    if (error.detail.isEmpty() || QDir::cleanPath(error.detail) == QDir::cleanPath(path))
        return error.message;
    return error.toString();
}

} // namespace

QList<RepositoryProblem> CatalogScan::forEach(
    const Workspace &workspace, const Visit &visit, const std::function<bool()> &isStale)
{
    return forEach(workspace.repositories(), visit, isStale);
}

QList<RepositoryProblem> CatalogScan::forEach(
    const QList<RepositoryEntry> &repositories, const Visit &visit, const std::function<bool()> &isStale)
{
    QList<RepositoryProblem> problems;
    for (const RepositoryEntry &entry : repositories) {
        if (isStale && isStale())
            break;
        auto visited = [&]() -> Result<void> {
            auto repository = Repository::open(entry.path);
            if (!repository)
                return std::unexpected(repository.error());
            auto catalog = Catalog::open(*repository);
            if (!catalog)
                return std::unexpected(catalog.error());
            return visit(entry, *catalog);
        }();
        if (!visited)
            problems << RepositoryProblem{ entry.name, entry.path, visited.error() };
    }
    return problems;
}

QString CatalogScan::describe(const QList<RepositoryProblem> &problems)
{
    QStringList lines;
    for (const RepositoryProblem &problem : problems)
        lines << tr("Repository “%1” at %2 cannot be read: %3")
                     .arg(problem.repository, QDir::toNativeSeparators(problem.path),
                         withDetail(problem.error, problem.path));
    return lines.join(QLatin1Char('\n'));
}

void CatalogScan::showProblems(
    MessageBar *bar, const Session &session, const QList<RepositoryProblem> &problems, bool nothingElse)
{
    if (const auto problem = workspaceProblem(session.workspacePath(), session.workspaceError()))
        bar->showMessage(*problem, MessageBar::Type::Error);
    else if (!problems.isEmpty())
        bar->showMessage(describe(problems), nothingElse ? MessageBar::Type::Error : MessageBar::Type::Warning);
    else
        bar->hideMessage();
}

std::optional<QString> CatalogScan::workspaceProblem(const QString &path, const std::optional<Error> &error)
{
    if (!error)
        return std::nullopt;
    const QString native = QDir::toNativeSeparators(path);
    const QString why = withDetail(*error, path);
    return why.contains(native) ? tr("Cannot load the workspace: %1").arg(why)
                                : tr("Cannot load the workspace %1: %2").arg(native, why);
}

} // namespace coffer::ui
