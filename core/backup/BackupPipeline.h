#pragma once

#include "backup/Codec.h"
#include "backup/Manifest.h"
#include "common/Error.h"
#include "common/Progress.h"
#include "crypto/EncryptionKeys.h"

#include <QString>
#include <QStringList>

namespace coffer {

struct BackupParams {
    QString id; // the new backup's id (32 lower-case hex digits); empty: a new random one
    QString repositoryPath;
    QString sourcePath;
    QString database; // the name in the catalog; defaults to the file's base name
    QString group;
    Codec codec = Codec::Zstd;
    int level = 3;
    int workers = 0; // zstd worker threads; 0 = one per core
    QStringList tags;
    QString trigger = QStringLiteral("manual");
    int keepDays = 0; // > 0: the manifest's expiry, counted from its creation (safety backups: 7)
    bool readBack = true; // re-read the published artifact and check its SHA-256
    int lockWaitMs = 30000; // how long to wait for an exclusive holder (a prune, a delete) to finish
    // Not empty: the artifact is the cfr1 container (docs/format.md) around the compressed
    // stream, openable by these recipients. A require_encryption repository refuses empty.
    EncryptionKeys encryption;
};

struct BackupResult {
    Manifest manifest;
    QString artifactPath;
    QString manifestPath;
};

// snapshot -> (SHA-256, compress, [encrypt,] SHA-256) in one streaming pass -> publish artifact ->
// read back -> publish manifest -> index. A failure or cancel at any step leaves nothing
// in the catalog and nothing outside staging.
class BackupPipeline final
{
public:
    static Result<BackupResult> run(const BackupParams &params, const CancelFlag &cancel, const ProgressFn &progress);
};

} // namespace coffer
