#pragma once

// What the encryption container's tests share (tst_container, tst_keys, tst_format_vectors):
// sealing and opening in memory, the header's layout, and changes made to a sealed container.
#include "crypto/CfrFormat.h"
#include "crypto/ContainerInfo.h"
#include "crypto/EncryptionKeys.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

Q_DECLARE_METATYPE(coffer::ErrorCode)

namespace testsupport {

inline constexpr int kSmallChunks = 16; // 64 KiB chunks: a few hundred KiB make several of them
inline constexpr qsizetype kChunk = qsizetype(1) << kSmallChunks;
inline constexpr qsizetype kSealedChunk = kChunk + coffer::cfr::kTagSize;
inline constexpr int kFastIterations = 100000;
inline constexpr char kPassphrase[] = "correct horse battery staple";

// `size` bytes from a generator seeded with `seed`: the same bytes on every run.
QByteArray randomData(qsizetype size, quint32 seed);
QByteArray sha256(const QByteArray &bytes);
QByteArray bytesOf(const coffer::SecretBytes &secret);
std::shared_ptr<const coffer::SecretBytes> passphrase(const char *text);

// A backup id, no inner codec, and the size and SHA-256 of `plain`.
coffer::ContainerInfo infoFor(const QByteArray &plain);

// Encrypts `plain` written in pieces of `piece` bytes (0: uneven pieces, as a compressor writes).
coffer::Result<QByteArray> encrypt(const coffer::EncryptionKeys &keys, const QByteArray &plain,
    int chunkLog2 = kSmallChunks, qsizetype piece = 0, const coffer::ContainerInfo &info = {});

struct Opened {
    coffer::Result<void> status;
    QByteArray plain; // everything the sink received, even on failure
    qsizetype largestRelease = 0;
    int releases = 0;
};

// Decrypts `sealed` written in pieces of `piece` bytes (0: all at once).
Opened decrypt(const coffer::Credentials &credentials, const QByteArray &sealed, qsizetype piece = 100000);

// The length of the header `sealed` starts with; -1 when it does not parse.
qsizetype headerSizeOf(const QByteArray &sealed);

// The file key, unwrapped from the first passphrase stanza with `text`: what an attacker who
// holds the key has. nullopt when the header does not parse or the passphrase does not open it.
std::optional<coffer::SecretBytes> fileKeyOf(const QByteArray &sealed, const char *text = kPassphrase);

// Writes the SHA-256 of the header body over its checksum, as an attacker would.
void fixChecksum(QByteArray &sealed);

// Writes the checksum and then the MAC under `fileKey` (taking the payload salt from the header
// as it now reads), as an attacker who holds the file key would; false if the header is unreadable.
bool resealHeader(QByteArray &sealed, const coffer::SecretBytes &fileKey);

bool writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);

// Where things are in a header with a passphrase stanza and then one public-key stanza.
inline constexpr qsizetype kStanza1 = coffer::cfr::kFixedSize;
inline constexpr qsizetype kStanza2 = kStanza1 + 3 + coffer::cfr::kPassphraseBodySize;
inline constexpr qsizetype kChecksumAt = kStanza2 + 3 + coffer::cfr::kP384BodySize;
inline constexpr qsizetype kMacAt = kChecksumAt + coffer::cfr::kDigestSize;
inline constexpr qsizetype kHeaderSize = kMacAt + coffer::cfr::kDigestSize;

// Where chunk `k` (counted from 1, as the messages count) starts, in such a file of kChunk chunks.
constexpr qsizetype chunkAt(int k)
{
    return kHeaderSize + (k - 1) * kSealedChunk;
}

// A change made to a sealed container: what an attacker or a bad disk does to it.
using Mutation = std::function<QByteArray(const QByteArray &)>;

Mutation flipBit(qsizetype offset, int bit = 0);
Mutation setByte(qsizetype offset, char value);
Mutation withChecksumFixed(const Mutation &mutation);
// The stanza of `size` bytes at `at` taken out, the count lowered, the checksum fixed.
Mutation removeStanza(qsizetype at, qsizetype size);
Mutation truncateTo(qsizetype size);
Mutation removeRange(qsizetype at, qsizetype size);
Mutation insertCopy(qsizetype at, qsizetype from, qsizetype size);
Mutation swapChunks(int a, int b);
Mutation appendCopyOfChunk(int k);
Mutation append(const QByteArray &tail);
Mutation replaceAll(const QByteArray &with);
// `copies` more passphrase stanzas (copies of the first, asking for `iterations`) at `at`, the
// checksum and MAC then recomputed under `fileKey`: an attacker who holds the key.
Mutation addPassphraseStanzas(
    qsizetype at, int copies, quint32 iterations, std::shared_ptr<const coffer::SecretBytes> fileKey);
// The header of `other` in front of this file's payload.
Mutation spliceHeaderOf(const QByteArray &other);

} // namespace testsupport

Q_DECLARE_METATYPE(testsupport::Mutation)
