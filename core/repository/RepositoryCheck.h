#pragma once

#include "common/Error.h"
#include "repository/Repository.h"

#include <QStringList>

namespace coffer {

// What `repo check` found: problems (something is missing, damaged or unindexed) and notes.
struct RepositoryCheckReport {
    int backups = 0;
    QStringList problems;
    QStringList notes;
};

// Cross-checks a repository's catalog against its files: every indexed backup has its
// manifest and artifact (of the recorded size), every manifest is indexed, no artifact is
// orphaned, and catalog.db itself passes SQLite's quick_check. Reads only; changes nothing.
class RepositoryCheck final
{
public:
    static Result<RepositoryCheckReport> run(const Repository &repository);
};

} // namespace coffer
