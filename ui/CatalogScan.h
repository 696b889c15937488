#pragma once

#include "catalog/CatalogLoader.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace coffer {
class Catalog;
class Workspace;
struct RepositoryEntry;
} // namespace coffer

namespace coffer::ui {

class MessageBar;
class Session;

// Opens the catalog of each repository of a workspace in turn (off the GUI thread), for the pages
// that summarise every repository: storage, reports, audit.
class CatalogScan final
{
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::CatalogScan)

public:
    using Visit = std::function<Result<void>(const RepositoryEntry &repository, Catalog &catalog)>;

    // Calls `visit` with each repository whose catalog opens. A repository that cannot be opened,
    // or whose visit fails, is returned as a problem. Stops early once `isStale` says so.
    static QList<RepositoryProblem> forEach(
        const Workspace &workspace, const Visit &visit, const std::function<bool()> &isStale = {});
    // The same over `repositories`, e.g. one the workspace does not list.
    static QList<RepositoryProblem> forEach(
        const QList<RepositoryEntry> &repositories, const Visit &visit, const std::function<bool()> &isStale = {});

    // For a page's message bar: one line per repository that could not be read.
    static QString describe(const QList<RepositoryProblem> &problems);
    // Why the session has no workspace to show, or nothing when none was asked for.
    static std::optional<QString> workspaceProblem(const QString &path, const std::optional<Error> &error);
    // A page's message bar after a load: why the workspace could not be read (an error), else which
    // repositories could not be (a warning, or an error when the page has nothing else to show), else hidden.
    static void showProblems(
        MessageBar *bar, const Session &session, const QList<RepositoryProblem> &problems, bool nothingElse = false);
};

} // namespace coffer::ui
