#pragma once

#include "catalog/CatalogLoader.h"
#include "repository/Catalog.h"
#include "repository/StorageUsage.h"
#include "retention/RetentionPolicy.h"
#include "storage/StorageGrowth.h"
#include "storage/StorageHistory.h"
#include "storage/StorageVolumes.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace coffer {
class Workspace;
}

namespace coffer::ui {

// What one repository's backups take, how that changed, and the file system it lives on.
struct RepositoryStorage {
    QString name; // as the workspace names it
    QString path;
    StorageUsage usage;
    StorageUsage::FileSystem fileSystem;
    StorageVolume volume; // the same file system, with its mount point and name
    QList<CatalogEntry> entries; // the backups now, for the retention preview
    StorageHistory history; // per database per day, deleted backups included
    int unplacedDeletions = 0; // deleted backups the audit trail cannot place in time
    StorageGrowth growth;
};

// What the storage page shows: every repository of a workspace, read in one go off the GUI thread.
struct StorageReport {
    QList<RepositoryStorage> repositories; // the readable ones, in the workspace's order
    QList<RepositoryProblem> problems;
    QList<StorageVolume> removableMedia;
    RetentionPolicySet retention; // the workspace's configured policies
    QDateTime readAt; // UTC: "now" for the history and the preview

    qint64 artifactBytes() const; // of every readable repository

    static StorageReport read(const Workspace &workspace, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace coffer::ui
