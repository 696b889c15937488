#include "workspace/WorkspaceJobs.h"

#include "crypto/SecretBytes.h"

#include <QByteArray>

namespace coffer::workspacejobs {

namespace {

std::shared_ptr<const SecretBytes> passphraseFromEnvironment(const Workspace &workspace)
{
    QByteArray value = qgetenv(workspace.defaults().passphraseEnvVar().toLocal8Bit().constData());
    if (value.isEmpty())
        return nullptr;
    return std::make_shared<const SecretBytes>(SecretBytes::take(value));
}

} // namespace

Result<BackupParams> backupParams(const Workspace &workspace, const QString &database)
{
    const std::optional<DatabaseEntry> entry = workspace.database(database);
    if (!entry)
        return fail(ErrorCode::NotFound,
            QStringLiteral("The workspace %1 has no database named “%2”").arg(workspace.filePath(), database));
    const std::optional<RepositoryEntry> repository = workspace.defaultRepository();
    if (!repository)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The workspace %1 lists no repository to back up into: add one in Settings or "
                           "under “repositories:”")
                .arg(workspace.filePath()));
    auto codec = codecFromName(workspace.defaults().compression);
    if (!codec)
        return std::unexpected(codec.error());

    BackupParams params;
    params.repositoryPath = repository->path;
    params.sourcePath = entry->path;
    params.database = entry->name;
    params.group = entry->group;
    params.codec = *codec;
    params.level = workspace.defaults().level;
    if (workspace.defaults().encryptionEnabled) {
        params.encryption.recipients = workspace.defaults().encryptionRecipients;
        params.encryption.passphrase = passphraseFromEnvironment(workspace);
        if (params.encryption.isEmpty())
            return fail(ErrorCode::KeyRequired,
                QStringLiteral("The workspace encrypts backups, but it names no recipient and $%1 holds no "
                               "passphrase: add backup.encryption.recipients, or set %1 before starting Coffer")
                    .arg(workspace.defaults().passphraseEnvVar()));
    }
    return params;
}

Credentials credentials(const Workspace &workspace)
{
    Credentials credentials;
    credentials.passphrase = passphraseFromEnvironment(workspace);
    return credentials;
}

} // namespace coffer::workspacejobs
