#pragma once

#include "catalog/CatalogLoader.h"
#include "repository/Catalog.h"
#include "verify/CheckResult.h"

#include <QList>
#include <QString>

#include <optional>

namespace coffer {
class Workspace;
}

namespace coffer::ui {

// One recorded verification and the workspace repository that holds the backup.
struct VerificationRow {
    QString repository;
    VerifyOutcome outcome;
};

// The verification history of every repository of a workspace and where the backups stand,
// read in one go off the GUI thread.
struct VerificationReport {
    QList<VerificationRow> rows; // newest first
    int backups = 0;
    int passed = 0; // backups whose latest verification passed
    int failed = 0; // backups whose latest verification failed
    int neverVerified = 0; // backups with no verification at all
    std::optional<CatalogEntry> oldestUnverified; // the oldest of those never verified
    QString oldestUnverifiedRepository;
    QList<RepositoryProblem> problems;

    static VerificationReport read(const Workspace &workspace);
};

} // namespace coffer::ui
