#include "crypto/EncryptionKeys.h"

namespace coffer {

namespace {

const QString kPassphraseId = QStringLiteral("passphrase");

} // namespace

QStringList EncryptionKeys::keyIds() const
{
    QStringList ids;
    if (passphrase)
        ids << kPassphraseId;
    for (const PublicKey &key : recipients)
        if (!ids.contains(key.keyId()))
            ids << key.keyId();
    return ids;
}

QStringList Credentials::keyIds() const
{
    QStringList ids;
    if (passphrase)
        ids << kPassphraseId;
    for (const Identity &identity : identities)
        ids << identity.publicKey().keyId();
    return ids;
}

EncryptionKeys Credentials::reopenable() const
{
    EncryptionKeys keys;
    keys.passphrase = passphrase;
    for (const Identity &identity : identities)
        keys.recipients << identity.publicKey();
    return keys;
}

} // namespace coffer
