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

// What `repo check --repair` did before checking again.
struct RepositoryRepairReport {
    int deletionsFinished = 0; // deletions a crash had interrupted
    int stagingFilesRemoved = 0;
    int indexed = 0;           // backups in the rebuilt catalog
    QStringList reindexProblems;
};

// Cross-checks a repository's catalog against its files: every indexed backup has its
// manifest (byte for byte as indexed) and artifact (of the recorded size), every manifest is
// indexed, no artifact is orphaned, no deletion is left half done, staging holds nothing
// nobody is working on, and catalog.db passes SQLite's quick_check and its audit chain
// verifies. run() reads only.
class RepositoryCheck final
{
public:
    static Result<RepositoryCheckReport> run(const Repository &repository);
    // Under the exclusive lock: finishes interrupted deletions, empties staging and rebuilds the
    // catalog from the manifests; audited. Run run() afterwards for what is left.
    static Result<RepositoryRepairReport> repair(const Repository &repository, int lockWaitMs);
};

} // namespace coffer
