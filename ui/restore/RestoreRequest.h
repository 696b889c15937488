#pragma once

#include <QString>

namespace coffer::ui {

// What the restore wizard is opened for: a backup chosen in the catalog, or a database from the dashboard.
struct RestoreRequest {
    QString repositoryPath; // where `backupId` lives; empty: look in every repository of the workspace
    QString backupId; // a full id: this backup, pre-selected
    QString database; // no id: this database, with its latest verified backup pre-selected
};

} // namespace coffer::ui
