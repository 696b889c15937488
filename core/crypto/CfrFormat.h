#pragma once

// The Coffer encryption container, version 1 (docs/format.md, "Encrypted artifacts"):
// its constants, its header as data, and the key derivations. Encryptor and Decryptor
// build on these; the format tests check them against the documented test vectors.
#include "backup/Codec.h"
#include "common/Error.h"
#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace coffer::cfr {

inline constexpr char kMagic[8] = { '\x89', 'C', 'F', 'R', '\r', '\n', '\x1a', '\n' };
inline constexpr int kVersion = 1;
inline constexpr int kMinChunkLog2 = 16; // 64 KiB
inline constexpr int kMaxChunkLog2 = 20; // 1 MiB
inline constexpr int kDefaultChunkLog2 = 18; // 256 KiB
inline constexpr int kKeySize = 32;
inline constexpr int kSaltSize = 16;
inline constexpr int kIdSize = 16;
inline constexpr int kDigestSize = 32;
inline constexpr int kWrappedSize = 40; // RFC 3394 AES key wrap of a 32-byte key
inline constexpr int kKeyIdSize = 8;
inline constexpr int kPointSize = 49;
inline constexpr int kTagSize = 16;
inline constexpr int kNonceSize = 12;
inline constexpr int kMaxStanzas = 32;
inline constexpr quint32 kMinIterations = 100000;
inline constexpr quint32 kMaxIterations = 10000000;
// magic, version, chunk size, payload salt, backup id, codec, plaintext size and SHA-256, count
inline constexpr int kFixedSize = 8 + 1 + 1 + kSaltSize + kIdSize + 1 + 8 + kDigestSize + 1;
inline constexpr int kPassphraseBodySize = 4 + kSaltSize + kWrappedSize;
inline constexpr int kP384BodySize = kKeyIdSize + kPointSize + kWrappedSize;
inline constexpr char kScheme[] = "cfr1"; // the manifest's encryption.scheme
inline constexpr char kExtension[] = ".cfr";

enum class StanzaType : quint8 { Passphrase = 1, P384 = 2 };

// One way to the file key.
struct Stanza {
    StanzaType type = StanzaType::Passphrase;
    quint32 iterations = 0; // passphrase: PBKDF2-HMAC-SHA-256 count
    QByteArray salt; // passphrase: 16 bytes
    QByteArray keyId; // p384: first 8 bytes of SHA-256 of the recipient's point
    QByteArray ephemeral; // p384: the sender's one-time compressed point
    QByteArray wrapped; // the file key, AES-256 key-wrapped (RFC 3394)

    QString recipientId() const; // "passphrase" or "p384:<16 hex>"
};

struct Header {
    int version = kVersion;
    int chunkLog2 = kDefaultChunkLog2;
    QByteArray payloadSalt; // 16 random bytes: HKDF salt of the header and payload keys
    QByteArray backupId; // 16 bytes
    quint8 innerCodec = 0; // 0 none, 1 zstd, 2 gzip: what the payload decrypts to
    quint64 plaintextSize = 0; // of the database
    QByteArray plaintextSha256; // of the database, 32 bytes
    QList<Stanza> stanzas;
    QByteArray checksum; // SHA-256 of everything before it: damage, told apart from a wrong key
    QByteArray mac; // HMAC-SHA-256 under the header key of everything before it

    qsizetype chunkSize() const { return qsizetype(1) << chunkLog2; }
    QStringList recipientIds() const;
    // Everything up to the checksum, then with the checksum: what the checksum and MAC cover.
    QByteArray bodyBytes() const;
    QByteArray checkedBytes() const;
    QByteArray bytes() const; // the whole header as written
};

// Parses a header from the start of `bytes`. nullopt: more bytes are needed. Corrupt naming
// the first field that is wrong; UnsupportedFormat for a later version. Checks the checksum
// but not the MAC (that needs the file key). `consumed` is the header's length.
Result<std::optional<Header>> parseHeader(QByteArrayView bytes, qsizetype *consumed);

// The file key's derived keys: HKDF-SHA-256(file key, salt = payload salt, info).
Result<SecretBytes> headerKey(const SecretBytes &fileKey, const QByteArray &payloadSalt);
Result<SecretBytes> payloadKey(const SecretBytes &fileKey, const QByteArray &payloadSalt);
QByteArray headerMac(const SecretBytes &headerKey, const QByteArray &checkedBytes);

// Key-encryption keys of the stanzas.
Result<SecretBytes> passphraseKek(const SecretBytes &passphrase, const QByteArray &salt, quint32 iterations);
// HKDF-SHA-256(ECDH x-coordinate, salt = ephemeral point || recipient point, info).
Result<SecretBytes> p384Kek(const SecretBytes &shared, const QByteArray &ephemeral, const QByteArray &recipient);

Result<QByteArray> wrapKey(const SecretBytes &kek, const SecretBytes &key);
// nullopt when the wrap's integrity check fails: the wrong key-encryption key.
Result<std::optional<SecretBytes>> unwrapKey(const SecretBytes &kek, const QByteArray &wrapped);

// 11-byte big-endian chunk counter followed by 1 on the final chunk, 0 before it.
QByteArray chunkNonce(quint64 counter, bool final);

// The header's inner codec byte.
quint8 innerCode(Codec codec);
Result<Codec> innerCodec(quint8 code);

Result<QByteArray> randomBytes(int size);
Result<SecretBytes> randomKey();

} // namespace coffer::cfr
