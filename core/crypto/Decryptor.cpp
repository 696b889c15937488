#include "crypto/Decryptor.h"

#include "crypto/OpenSsl.h"

#include <openssl/crypto.h>

namespace coffer {

namespace {

constexpr qsizetype kMaxHeaderSize = 4096;

} // namespace

struct Decryptor::State {
    QByteArray buffer; // bytes received and not yet used, from `offset`
    qsizetype offset = 0;
    ossl::CipherCtx gcm;
    QByteArray plain;
    quint64 counter = 0;
    qint64 payloadBytes = 0; // ciphertext bytes of the chunks opened so far
    bool finished = false;

    qsizetype available() const { return buffer.size() - offset; }
    const unsigned char *at() const { return reinterpret_cast<const unsigned char *>(buffer.constData()) + offset; }
    void compact()
    {
        if (offset > 0 && offset >= buffer.size() / 2) {
            buffer.remove(0, offset);
            offset = 0;
        }
    }
};

Decryptor::Decryptor(Credentials credentials)
    : d(std::make_unique<State>())
    , m_credentials(std::move(credentials))
{
}

Decryptor::~Decryptor() = default;

ContainerInfo Decryptor::info() const
{
    ContainerInfo info;
    if (!m_header)
        return info;
    info.backupId = QString::fromLatin1(m_header->backupId.toHex());
    info.innerCodec = cfr::innerCodec(m_header->innerCodec).value_or(Codec::None);
    info.plaintextSize = qint64(m_header->plaintextSize);
    info.plaintextSha256 = QString::fromLatin1(m_header->plaintextSha256.toHex());
    return info;
}

Result<cfr::Header> Decryptor::peek(QByteArrayView bytes)
{
    auto parsed = cfr::parseHeader(bytes, nullptr);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (!*parsed)
        return fail(ErrorCode::Corrupt, QStringLiteral("The encrypted file ends inside its header"));
    return **parsed;
}

Result<void> Decryptor::openHeader()
{
    qsizetype consumed = 0;
    auto parsed = cfr::parseHeader(QByteArrayView(d->buffer).sliced(d->offset), &consumed);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (!*parsed) {
        if (d->available() > kMaxHeaderSize)
            return fail(
                ErrorCode::Internal, QStringLiteral("header parser wants more than %1 bytes").arg(kMaxHeaderSize));
        return {};
    }
    const cfr::Header &h = **parsed;
    const QString recipients = h.recipientIds().join(QStringLiteral(", "));
    if (m_credentials.isEmpty())
        return fail(ErrorCode::KeyRequired,
            QStringLiteral("This backup is encrypted (to %1): supply its passphrase or the private key of a "
                           "recipient")
                .arg(recipients));

    // nullopt: this key-encryption key is not the one the stanza was made with.
    const auto unwrap
        = [](const Result<SecretBytes> &kek, const cfr::Stanza &stanza) -> Result<std::optional<SecretBytes>> {
        if (!kek)
            return std::unexpected(kek.error());
        return cfr::unwrapKey(*kek, stanza.wrapped);
    };
    std::optional<SecretBytes> fileKey;
    bool passphraseTried = false;
    QString damagedStanza;
    for (const cfr::Stanza &stanza : h.stanzas) {
        if (fileKey)
            break;
        if (stanza.type == cfr::StanzaType::Passphrase) {
            if (!m_credentials.passphrase)
                continue;
            passphraseTried = true;
            auto key = unwrap(cfr::passphraseKek(*m_credentials.passphrase, stanza.salt, stanza.iterations), stanza);
            if (!key)
                return std::unexpected(key.error());
            if (*key)
                fileKey = std::move(**key);
            continue;
        }
        for (const Identity &identity : std::as_const(m_credentials.identities)) {
            const PublicKey mine = identity.publicKey();
            if (mine.keyIdBytes() != stanza.keyId)
                continue;
            auto ephemeral = PublicKey::fromPoint(stanza.ephemeral);
            if (!ephemeral)
                return fail(ErrorCode::Corrupt,
                    QStringLiteral("The encryption header is not valid: the stanza for %1 holds no valid P-384 point")
                        .arg(stanza.recipientId()));
            auto shared = identity.agree(*ephemeral);
            if (!shared)
                return std::unexpected(shared.error());
            auto key = unwrap(cfr::p384Kek(*shared, stanza.ephemeral, mine.point()), stanza);
            if (!key)
                return std::unexpected(key.error());
            if (*key)
                fileKey = std::move(**key);
            else
                damagedStanza = stanza.recipientId();
            break;
        }
    }
    if (!fileKey) {
        if (!damagedStanza.isEmpty())
            return fail(ErrorCode::Corrupt,
                QStringLiteral("The encryption header was altered: the stanza for %1 does not open with that key")
                    .arg(damagedStanza));
        QStringList why;
        if (passphraseTried)
            why << QStringLiteral("the passphrase is wrong");
        else if (m_credentials.passphrase)
            why << QStringLiteral("it has no passphrase");
        if (!m_credentials.identities.isEmpty())
            why << QStringLiteral("it is not encrypted to %1")
                       .arg(m_credentials.keyIds().filter(QStringLiteral("p384:")).join(QStringLiteral(", ")));
        return fail(ErrorCode::WrongKey,
            QStringLiteral("This backup cannot be opened with what was given: %1 (it is encrypted to %2)")
                .arg(why.join(QStringLiteral("; ")), recipients));
    }

    auto headerKey = cfr::headerKey(*fileKey, h.payloadSalt);
    if (!headerKey)
        return std::unexpected(headerKey.error());
    const QByteArray mac = cfr::headerMac(*headerKey, h.checkedBytes());
    if (mac.size() != h.mac.size() || CRYPTO_memcmp(mac.constData(), h.mac.constData(), size_t(mac.size())) != 0)
        return fail(ErrorCode::Corrupt, QStringLiteral("The encryption header was altered: its MAC does not verify"));
    auto payloadKey = cfr::payloadKey(*fileKey, h.payloadSalt);
    if (!payloadKey)
        return std::unexpected(payloadKey.error());
    d->gcm.reset(EVP_CIPHER_CTX_new());
    if (!d->gcm || EVP_DecryptInit_ex(d->gcm.get(), EVP_aes_256_gcm(), nullptr, payloadKey->data(), nullptr) != 1)
        return ossl::internal(QStringLiteral("AES-256-GCM"));
    d->plain.resize(h.chunkSize());
    d->offset += consumed;
    m_header = h;
    return {};
}

// Opens `size` bytes (ciphertext and tag) at the read position as chunk `counter`. Returns
// false without releasing anything when the tag does not verify.
static bool tryOpen(EVP_CIPHER_CTX *ctx, const unsigned char *in, qsizetype size, quint64 counter, bool final,
    const QByteArray &aad, unsigned char *out, int *outSize)
{
    const QByteArray nonce = cfr::chunkNonce(counter, final);
    const qsizetype body = size - cfr::kTagSize;
    int n = 0;
    int m = 0;
    if (EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr, reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1
        || EVP_DecryptUpdate(
               ctx, nullptr, &n, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            != 1
        || EVP_DecryptUpdate(ctx, out, &n, in, int(body)) != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, cfr::kTagSize, const_cast<unsigned char *>(in + body)) != 1
        || EVP_DecryptFinal_ex(ctx, out + n, &m) != 1) {
        ossl::lastError();
        return false;
    }
    *outSize = n + m;
    return true;
}

Result<void> Decryptor::openChunk(qsizetype size, bool final, const ByteSink &sink)
{
    const qsizetype full = m_header->chunkSize() + cfr::kTagSize;
    const quint64 number = d->counter + 1;
    int plainSize = 0;
    auto *out = reinterpret_cast<unsigned char *>(d->plain.data());
    if (!tryOpen(d->gcm.get(), d->at(), size, d->counter, final, m_header->mac, out, &plainSize)) {
        // Say what kind of damage it is when a second reading tells.
        int ignored = 0;
        if (!final && tryOpen(d->gcm.get(), d->at(), size, d->counter, true, m_header->mac, out, &ignored))
            return fail(ErrorCode::Corrupt,
                QStringLiteral("Bytes follow the final chunk (chunk %1): something was appended to the file")
                    .arg(number));
        if (final && size == full
            && tryOpen(d->gcm.get(), d->at(), size, d->counter, false, m_header->mac, out, &ignored))
            return fail(ErrorCode::Corrupt,
                QStringLiteral("The file is truncated: it ends after chunk %1, which is not the final chunk")
                    .arg(number));
        return fail(ErrorCode::Corrupt,
            QStringLiteral("Chunk %1 (at byte %2 of the payload) fails authentication: the file was altered, "
                           "reordered, cut short or extended")
                .arg(number)
                .arg(d->payloadBytes));
    }
    if (final && plainSize == 0 && d->counter > 0)
        return fail(ErrorCode::Corrupt,
            QStringLiteral("Chunk %1 is an empty final chunk, which Coffer never writes").arg(number));
    ++d->counter;
    d->offset += size;
    d->payloadBytes += size;
    return sink(d->plain.constData(), plainSize);
}

Result<void> Decryptor::write(const char *data, qsizetype size, const ByteSink &sink)
{
    if (d->finished)
        return fail(ErrorCode::Internal, QStringLiteral("write after finish"));
    d->buffer.append(data, size);
    if (!m_header) {
        if (auto opened = openHeader(); !opened)
            return opened;
        if (!m_header)
            return {};
    }
    const qsizetype full = m_header->chunkSize() + cfr::kTagSize;
    // A chunk is known not to be the last only when bytes follow it.
    while (d->available() > full)
        if (auto opened = openChunk(full, false, sink); !opened)
            return opened;
    d->compact();
    return {};
}

Result<void> Decryptor::finish(const ByteSink &sink)
{
    if (d->finished)
        return fail(ErrorCode::Internal, QStringLiteral("finish called twice"));
    d->finished = true;
    if (!m_header) {
        if (d->buffer.isEmpty())
            return fail(ErrorCode::Corrupt, QStringLiteral("The encrypted file is empty"));
        return fail(ErrorCode::Corrupt, QStringLiteral("The encrypted file ends inside its header"));
    }
    // write() always holds the last full chunk back, so nothing left means no chunk at all; a
    // cut at a later chunk boundary is told by openChunk().
    const qsizetype left = d->available();
    if (left == 0)
        return fail(
            ErrorCode::Corrupt, QStringLiteral("The file is truncated: it ends after its header, before any chunk"));
    if (left < cfr::kTagSize)
        return fail(ErrorCode::Corrupt,
            QStringLiteral("The file is truncated: chunk %1 has only %2 bytes").arg(d->counter + 1).arg(left));
    return openChunk(left, true, sink);
}

} // namespace coffer
