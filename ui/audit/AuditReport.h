#pragma once

#include "catalog/CatalogLoader.h"
#include "repository/AuditTrail.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace coffer {
class Workspace;
}

namespace coffer::ui {

// One audit record and the workspace repository whose trail holds it.
struct AuditRow {
    QString repository;
    AuditRecord record;
};

// What walking one repository's hash chain found.
struct AuditChain {
    QString repository;
    AuditChainReport report;
};

// The audit trails of every repository of a workspace and their chain checks, read in one go
// off the GUI thread.
struct AuditReport {
    QList<AuditRow> rows; // newest first
    QList<AuditChain> chains; // one per readable repository, in the workspace's order
    QStringList operations; // the distinct operations among the rows, sorted
    QList<RepositoryProblem> problems;

    static AuditReport read(const Workspace &workspace);
};

} // namespace coffer::ui
