#pragma once

#include "crypto/Identity.h"
#include "crypto/PublicKey.h"
#include "crypto/SecretBytes.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace coffer {

// Who can open what Coffer encrypts: public keys (the machine that makes backups then holds
// no secret that reads them) and/or a passphrase.
struct EncryptionKeys {
    static constexpr int kDefaultIterations = 600000; // PBKDF2-HMAC-SHA-256

    QList<PublicKey> recipients;
    std::shared_ptr<const SecretBytes> passphrase; // null: no passphrase stanza
    int iterations = kDefaultIterations;

    bool isEmpty() const { return recipients.isEmpty() && !passphrase; }
    // What manifests record: "passphrase" and the recipients' key ids, never secrets.
    QStringList keyIds() const;
};

// What this Coffer holds to open encrypted artifacts.
struct Credentials {
    QList<Identity> identities;
    std::shared_ptr<const SecretBytes> passphrase;

    bool isEmpty() const { return identities.isEmpty() && !passphrase; }
    QStringList keyIds() const;
    // Encrypts so that these same credentials open it again (a restore's safety backup).
    EncryptionKeys reopenable() const;
};

} // namespace coffer
