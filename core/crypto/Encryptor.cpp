#include "crypto/Encryptor.h"

#include "crypto/CfrFormat.h"
#include "crypto/OpenSsl.h"

#include <QCryptographicHash>

namespace coffer {

struct Encryptor::State {
    cfr::Header header;
    ossl::CipherCtx gcm;
    QByteArray buffer; // plaintext of the chunk being filled
    QByteArray sealed; // its ciphertext and tag
    quint64 counter = 0;
    bool headerWritten = false;
    bool finished = false;
};

Encryptor::Encryptor()
    : d(std::make_unique<State>())
{
}

Encryptor::~Encryptor() = default;

Result<std::unique_ptr<Encryptor>> Encryptor::create(
    const EncryptionKeys &keys, const ContainerInfo &info, int chunkLog2)
{
    if (keys.isEmpty())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("Encryption needs a passphrase or at least one recipient's public key"));
    if (keys.passphrase && keys.passphrase->isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The passphrase is empty"));
    if (keys.passphrase
        && (quint32(keys.iterations) < cfr::kMinIterations || quint32(keys.iterations) > cfr::kMaxIterations))
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("PBKDF2 iterations must be %1 to %2").arg(cfr::kMinIterations).arg(cfr::kMaxIterations));
    if (chunkLog2 == 0)
        chunkLog2 = cfr::kDefaultChunkLog2;
    if (chunkLog2 < cfr::kMinChunkLog2 || chunkLog2 > cfr::kMaxChunkLog2)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Chunk size must be 2^16 to 2^20 bytes"));
    const QByteArray id = QByteArray::fromHex(info.backupId.toLatin1());
    const QByteArray digest = QByteArray::fromHex(info.plaintextSha256.toLatin1());
    // fromHex() skips what is not a hex digit: only text that comes back unchanged is hex.
    if (id.size() != cfr::kIdSize || digest.size() != cfr::kDigestSize
        || id.toHex() != info.backupId.toLatin1().toLower()
        || digest.toHex() != info.plaintextSha256.toLatin1().toLower() || info.plaintextSize < 0)
        return fail(
            ErrorCode::InvalidArgument, QStringLiteral("The container needs a backup id and the plaintext's SHA-256"));

    std::unique_ptr<Encryptor> self(new Encryptor);
    cfr::Header &h = self->d->header;
    h.chunkLog2 = chunkLog2;
    auto salt = cfr::randomBytes(cfr::kSaltSize);
    auto fileKey = cfr::randomKey();
    if (!salt || !fileKey)
        return std::unexpected(!salt ? salt.error() : fileKey.error());
    h.payloadSalt = *salt;
    h.backupId = id;
    h.innerCodec = cfr::innerCode(info.innerCodec);
    h.plaintextSize = quint64(info.plaintextSize);
    h.plaintextSha256 = digest;

    // Each stanza is the file key wrapped under its own key-encryption key.
    const auto wrap = [&fileKey](const Result<SecretBytes> &kek) -> Result<QByteArray> {
        if (!kek)
            return std::unexpected(kek.error());
        return cfr::wrapKey(*kek, *fileKey);
    };
    if (keys.passphrase) {
        cfr::Stanza stanza;
        stanza.type = cfr::StanzaType::Passphrase;
        stanza.iterations = quint32(keys.iterations);
        auto stanzaSalt = cfr::randomBytes(cfr::kSaltSize);
        if (!stanzaSalt)
            return std::unexpected(stanzaSalt.error());
        stanza.salt = *stanzaSalt;
        auto wrapped = wrap(cfr::passphraseKek(*keys.passphrase, stanza.salt, stanza.iterations));
        if (!wrapped)
            return std::unexpected(wrapped.error());
        stanza.wrapped = *wrapped;
        h.stanzas << stanza;
    }
    QList<QByteArray> seen;
    for (const PublicKey &recipient : keys.recipients) {
        if (seen.contains(recipient.point()))
            continue;
        seen << recipient.point();
        auto ephemeral = Identity::generate();
        if (!ephemeral)
            return std::unexpected(ephemeral.error());
        auto shared = ephemeral->agree(recipient);
        if (!shared)
            return std::unexpected(shared.error());
        cfr::Stanza stanza;
        stanza.type = cfr::StanzaType::P384;
        stanza.keyId = recipient.keyIdBytes();
        stanza.ephemeral = ephemeral->publicKey().point();
        auto wrapped = wrap(cfr::p384Kek(*shared, stanza.ephemeral, recipient.point()));
        if (!wrapped)
            return std::unexpected(wrapped.error());
        stanza.wrapped = *wrapped;
        h.stanzas << stanza;
    }
    if (h.stanzas.size() > cfr::kMaxStanzas)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("At most %1 recipients").arg(cfr::kMaxStanzas));

    h.checksum = QCryptographicHash::hash(h.bodyBytes(), QCryptographicHash::Sha256);
    auto headerKey = cfr::headerKey(*fileKey, h.payloadSalt);
    auto payloadKey = cfr::payloadKey(*fileKey, h.payloadSalt);
    if (!headerKey || !payloadKey)
        return std::unexpected(!headerKey ? headerKey.error() : payloadKey.error());
    h.mac = cfr::headerMac(*headerKey, h.checkedBytes());
    if (h.mac.size() != cfr::kDigestSize)
        return ossl::internal(QStringLiteral("HMAC"));

    self->d->gcm.reset(EVP_CIPHER_CTX_new());
    if (!self->d->gcm
        || EVP_EncryptInit_ex(self->d->gcm.get(), EVP_aes_256_gcm(), nullptr, payloadKey->data(), nullptr) != 1)
        return ossl::internal(QStringLiteral("AES-256-GCM"));
    self->d->buffer.reserve(h.chunkSize());
    self->d->sealed.resize(h.chunkSize() + cfr::kTagSize);
    self->m_keyIds = h.recipientIds();
    return self;
}

Result<void> Encryptor::writeHeader(const ByteSink &sink)
{
    if (d->headerWritten)
        return {};
    d->headerWritten = true;
    const QByteArray bytes = d->header.bytes();
    return sink(bytes.constData(), bytes.size());
}

Result<void> Encryptor::sealChunk(bool final, const ByteSink &sink)
{
    EVP_CIPHER_CTX *ctx = d->gcm.get();
    const QByteArray nonce = cfr::chunkNonce(d->counter, final);
    auto *out = reinterpret_cast<unsigned char *>(d->sealed.data());
    int n = 0;
    int m = 0;
    if (EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1
        || EVP_EncryptUpdate(ctx, nullptr, &n, reinterpret_cast<const unsigned char *>(d->header.mac.constData()),
               int(d->header.mac.size()))
            != 1
        || EVP_EncryptUpdate(
               ctx, out, &n, reinterpret_cast<const unsigned char *>(d->buffer.constData()), int(d->buffer.size()))
            != 1
        || EVP_EncryptFinal_ex(ctx, out + n, &m) != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, cfr::kTagSize, out + n + m) != 1)
        return ossl::internal(QStringLiteral("AES-256-GCM encryption"));
    ++d->counter;
    d->buffer.clear();
    return sink(d->sealed.constData(), n + m + cfr::kTagSize);
}

Result<void> Encryptor::write(const char *data, qsizetype size, const ByteSink &sink)
{
    if (d->finished)
        return fail(ErrorCode::Internal, QStringLiteral("write after finish"));
    if (auto ok = writeHeader(sink); !ok)
        return ok;
    const qsizetype chunk = d->header.chunkSize();
    while (size > 0) {
        // A full chunk is sealed as not final only once more bytes are known to follow.
        if (d->buffer.size() == chunk)
            if (auto sealed = sealChunk(false, sink); !sealed)
                return sealed;
        const qsizetype n = qMin(size, chunk - d->buffer.size());
        d->buffer.append(data, n);
        data += n;
        size -= n;
    }
    return {};
}

Result<void> Encryptor::finish(const ByteSink &sink)
{
    if (d->finished)
        return fail(ErrorCode::Internal, QStringLiteral("finish called twice"));
    if (auto ok = writeHeader(sink); !ok)
        return ok;
    d->finished = true;
    return sealChunk(true, sink);
}

} // namespace coffer
