#pragma once

#include "backup/BackupPipeline.h"
#include "common/Error.h"
#include "crypto/EncryptionKeys.h"
#include "workspace/Workspace.h"

namespace coffer {

// What the console's buttons need to start the jobs `coffer-cli` starts from a workspace,
// without a terminal to ask for secrets.
namespace workspacejobs {

// A backup of one workspace database into the default repository, as `coffer-cli backup --db`
// without options does it: the workspace's codec and level; when the workspace enables encryption,
// its recipients and the passphrase in its environment variable. Fails when the database is not
// in the workspace, there is no repository, or encryption is on and neither key is available.
Result<BackupParams> backupParams(const Workspace &workspace, const QString &database);

// What opens encrypted backups without a prompt: the passphrase in the workspace's environment
// variable (default COFFER_PASSPHRASE), when it is set.
Credentials credentials(const Workspace &workspace);

} // namespace workspacejobs
} // namespace coffer
