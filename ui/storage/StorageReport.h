#pragma once

#include "catalog/CatalogLoader.h"
#include "repository/StorageUsage.h"

#include <QList>
#include <QString>

namespace coffer {
class Workspace;
}

namespace coffer::ui {

// What one repository's backups take, and the file system it lives on.
struct RepositoryStorage {
    QString name; // as the workspace names it
    QString path;
    StorageUsage usage;
    StorageUsage::FileSystem fileSystem;
};

// What the storage page shows: every repository of a workspace, read in one go off the GUI thread.
struct StorageReport {
    QList<RepositoryStorage> repositories; // the readable ones, in the workspace's order
    QList<RepositoryProblem> problems;

    qint64 artifactBytes() const; // of every readable repository

    static StorageReport read(const Workspace &workspace);
};

} // namespace coffer::ui
