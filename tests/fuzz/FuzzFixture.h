#pragma once

// What the container fuzz target and its seeds share: the fixed keys and stanzas, an AES-GCM
// written straight from EVP to check the decryptor against, and the invariant check.
#include "common/Error.h"
#include "crypto/CfrFormat.h"
#include "crypto/EncryptionKeys.h"
#include "crypto/Identity.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace coffer::fuzz {

[[noreturn]] void violated(const char *what, int line, const QString &detail = {});

#define FUZZ_CHECK(cond, ...)                                                                                          \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::coffer::fuzz::violated(#cond, __LINE__ __VA_OPT__(, ) __VA_ARGS__);                                      \
    } while (0)

template <typename T> T must(Result<T> result, const char *what)
{
    if (!result)
        violated(what, __LINE__, result.error().toString());
    return std::move(*result);
}

// Fixed keys and ready-made stanzas, so that a crashing input reproduces in another process and
// the dictionary can hold the key ids (recipient b98c689c31b373c1, other 2844f3bc08825ed0).
struct Fixture {
    std::optional<Identity> recipient;
    std::optional<Identity> other;
    SecretBytes fileKey;
    cfr::Header base; // no stanzas yet
    cfr::Stanza recipientStanza; // opens with `recipient`
    cfr::Stanza otherStanza; // opens with `other`
    cfr::Stanza passphraseStanza; // passphrase "fuzz", 100000 iterations (never tried here: too slow)
};
const Fixture &fixture(); // built on first use

// 0: the recipient's key, 1: none, 2: the other key, 3: both.
Credentials credentialsFor(int which);

// AES-256-GCM under the documented nonce: seal gives ciphertext || tag; openSealed nullopt when
// the tag does not verify.
QByteArray seal(const SecretBytes &key, quint64 counter, bool final, const QByteArray &aad, const QByteArray &plain);
std::optional<QByteArray> openSealed(
    const SecretBytes &key, quint64 counter, bool final, const QByteArray &aad, QByteArrayView sealed);

// Chunk plaintext: `seed` bytes, the first few telling the chunks apart.
QByteArray chunkPlain(int index, quint8 seed, qsizetype size);

} // namespace coffer::fuzz
