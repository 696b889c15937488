#pragma once

#include "common/Error.h"
#include "crypto/PublicKey.h"
#include "crypto/SecretBytes.h"

#include <QString>

#include <memory>

struct evp_pkey_st;

namespace coffer {

// A P-384 private key: what opens backups encrypted to its public key. Stored as a PKCS#8
// PEM file (0600) with comment lines naming the public key, readable by `openssl pkey`.
class Identity final
{
public:
    static Result<Identity> generate();
    // NotFound, PermissionDenied, or Corrupt when the file is not an unencrypted P-384 key.
    static Result<Identity> load(const QString &path);
    // A new 0600 file; refuses to replace an existing one.
    Result<void> save(const QString &path) const;

    PublicKey publicKey() const { return m_public; }
    // ECDH: the x-coordinate shared with `peer` (48 bytes).
    Result<SecretBytes> agree(const PublicKey &peer) const;

private:
    static Result<Identity> fromKey(std::shared_ptr<evp_pkey_st> key); // P-384, checked by the caller
    struct Deleter {
        void operator()(evp_pkey_st *key) const;
    };
    std::shared_ptr<evp_pkey_st> m_key;
    PublicKey m_public;
};

} // namespace coffer
