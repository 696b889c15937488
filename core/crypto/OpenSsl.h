#pragma once

// Small shared pieces over OpenSSL 3 for the crypto folder; not used outside it.
#include "common/Error.h"

#include <QByteArray>
#include <QString>

#include <openssl/evp.h>

#include <memory>

namespace coffer::ossl {

struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// The oldest error on OpenSSL's queue (which it then clears), for an Error's detail.
QString lastError();
// An Internal error for an OpenSSL call that should not fail.
std::unexpected<Error> internal(const QString &what);

// A P-384 public key from a SEC 1 point; Corrupt when it is not a point on the curve.
Result<Pkey> p384FromPoint(const QByteArray &point);
// The compressed SEC 1 point of a P-384 key.
Result<QByteArray> compressedPoint(EVP_PKEY *key);
Result<Pkey> generateP384();

} // namespace coffer::ossl
