#include "crypto/CfrFormat.h"

#include "crypto/OpenSsl.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

namespace coffer::cfr {

namespace {

const QByteArray kHeaderInfo = QByteArrayLiteral("coffer cfr1 header");
const QByteArray kPayloadInfo = QByteArrayLiteral("coffer cfr1 payload");
const QByteArray kP384Info = QByteArrayLiteral("coffer cfr1 p384");

void putU16(QByteArray &out, quint16 value)
{
    char raw[2];
    qToBigEndian(value, raw);
    out.append(raw, 2);
}

void putU32(QByteArray &out, quint32 value)
{
    char raw[4];
    qToBigEndian(value, raw);
    out.append(raw, 4);
}

void putU64(QByteArray &out, quint64 value)
{
    char raw[8];
    qToBigEndian(value, raw);
    out.append(raw, 8);
}

std::unexpected<Error> corrupt(const QString &what)
{
    return fail(ErrorCode::Corrupt, QStringLiteral("The encryption header is not valid: %1").arg(what));
}

// Reads fields in order from the bytes seen so far; `short` says more bytes are needed.
class Reader final
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }
    bool has(qsizetype n) const { return m_bytes.size() - m_pos >= n; }
    QByteArray take(qsizetype n)
    {
        const QByteArray out = m_bytes.sliced(m_pos, n).toByteArray();
        m_pos += n;
        return out;
    }
    quint8 u8() { return quint8(m_bytes.at(m_pos++)); }
    quint16 u16()
    {
        const quint16 v = qFromBigEndian<quint16>(m_bytes.data() + m_pos);
        m_pos += 2;
        return v;
    }
    quint32 u32()
    {
        const quint32 v = qFromBigEndian<quint32>(m_bytes.data() + m_pos);
        m_pos += 4;
        return v;
    }
    quint64 u64()
    {
        const quint64 v = qFromBigEndian<quint64>(m_bytes.data() + m_pos);
        m_pos += 8;
        return v;
    }
    qsizetype pos() const { return m_pos; }

private:
    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
};

Result<SecretBytes> hkdf(const SecretBytes &ikm, const QByteArray &salt, const QByteArray &info)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    if (!ctx)
        return ossl::internal(QStringLiteral("HKDF"));
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_KEY, const_cast<unsigned char *>(ikm.data()), size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.constData()), size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_INFO, const_cast<char *>(info.constData()), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    SecretBytes out(kKeySize);
    const int ok = EVP_KDF_derive(ctx, out.data(), size_t(out.size()), params);
    EVP_KDF_CTX_free(ctx);
    if (ok <= 0)
        return ossl::internal(QStringLiteral("HKDF"));
    return out;
}

} // namespace

QString Stanza::recipientId() const
{
    if (type == StanzaType::Passphrase)
        return QStringLiteral("passphrase");
    return QStringLiteral("p384:") + QString::fromLatin1(keyId.toHex());
}

QStringList Header::recipientIds() const
{
    QStringList ids;
    for (const Stanza &stanza : stanzas)
        ids << stanza.recipientId();
    return ids;
}

QByteArray Header::bodyBytes() const
{
    QByteArray out(kMagic, sizeof kMagic);
    out.append(char(version));
    out.append(char(chunkLog2));
    out.append(payloadSalt);
    out.append(backupId);
    out.append(char(innerCodec));
    putU64(out, plaintextSize);
    out.append(plaintextSha256);
    out.append(char(stanzas.size()));
    for (const Stanza &stanza : stanzas) {
        out.append(char(stanza.type));
        if (stanza.type == StanzaType::Passphrase) {
            putU16(out, kPassphraseBodySize);
            putU32(out, stanza.iterations);
            out.append(stanza.salt);
        } else {
            putU16(out, kP384BodySize);
            out.append(stanza.keyId);
            out.append(stanza.ephemeral);
        }
        out.append(stanza.wrapped);
    }
    return out;
}

QByteArray Header::checkedBytes() const
{
    return bodyBytes() + checksum;
}

QByteArray Header::bytes() const
{
    return checkedBytes() + mac;
}

Result<std::optional<Header>> parseHeader(QByteArrayView bytes, qsizetype *consumed)
{
    const qsizetype magicSeen = qMin<qsizetype>(bytes.size(), sizeof kMagic);
    if (QByteArrayView(kMagic, magicSeen) != bytes.first(magicSeen))
        return fail(
            ErrorCode::Corrupt, QStringLiteral("This is not a Coffer encrypted file (its first bytes are wrong)"));
    Reader in(bytes);
    if (!in.has(kFixedSize))
        return std::nullopt;
    Header h;
    in.take(sizeof kMagic);
    h.version = in.u8();
    if (h.version != kVersion)
        return fail(ErrorCode::UnsupportedFormat,
            QStringLiteral(
                "This encrypted file has format version %1; this Coffer reads version %2: use a newer Coffer")
                .arg(h.version)
                .arg(kVersion));
    h.chunkLog2 = in.u8();
    if (h.chunkLog2 < kMinChunkLog2 || h.chunkLog2 > kMaxChunkLog2)
        return corrupt(QStringLiteral("chunk size 2^%1 is outside 2^16..2^20").arg(h.chunkLog2));
    h.payloadSalt = in.take(kSaltSize);
    h.backupId = in.take(kIdSize);
    h.innerCodec = in.u8();
    if (auto codec = innerCodec(h.innerCodec); !codec)
        return std::unexpected(codec.error());
    h.plaintextSize = in.u64();
    h.plaintextSha256 = in.take(kDigestSize);
    const int count = in.u8();
    if (count < 1 || count > kMaxStanzas)
        return corrupt(QStringLiteral("%1 recipient stanzas (1 to %2 allowed)").arg(count).arg(kMaxStanzas));
    for (int i = 0; i < count; ++i) {
        if (!in.has(3))
            return std::nullopt;
        Stanza stanza;
        const quint8 type = in.u8();
        const quint16 length = in.u16();
        if (type == quint8(StanzaType::Passphrase)) {
            if (length != kPassphraseBodySize)
                return corrupt(QStringLiteral("passphrase stanza %1 has length %2").arg(i + 1).arg(length));
        } else if (type == quint8(StanzaType::P384)) {
            if (length != kP384BodySize)
                return corrupt(QStringLiteral("public-key stanza %1 has length %2").arg(i + 1).arg(length));
        } else {
            return corrupt(QStringLiteral("stanza %1 has unknown type %2").arg(i + 1).arg(type));
        }
        if (!in.has(length))
            return std::nullopt;
        stanza.type = StanzaType(type);
        if (stanza.type == StanzaType::Passphrase) {
            stanza.iterations = in.u32();
            stanza.salt = in.take(kSaltSize);
        } else {
            stanza.keyId = in.take(kKeyIdSize);
            stanza.ephemeral = in.take(kPointSize);
        }
        stanza.wrapped = in.take(kWrappedSize);
        h.stanzas << stanza;
    }
    if (!in.has(2 * kDigestSize))
        return std::nullopt;
    const qsizetype bodySize = in.pos();
    h.checksum = in.take(kDigestSize);
    h.mac = in.take(kDigestSize);
    const QByteArray expected = QCryptographicHash::hash(bytes.first(bodySize), QCryptographicHash::Sha256);
    if (expected != h.checksum)
        return fail(ErrorCode::Corrupt,
            QStringLiteral("The encryption header is damaged: its checksum does not match (a changed or lost byte "
                           "in the first %1 bytes)")
                .arg(bodySize));
    // Checked after the checksum, so a damaged count reads as damage rather than a policy. One
    // passphrase stanza at most: a crafted file must not buy minutes of PBKDF2 per attempt.
    int passphrases = 0;
    for (const Stanza &stanza : std::as_const(h.stanzas)) {
        if (stanza.type != StanzaType::Passphrase)
            continue;
        if (++passphrases > 1)
            return corrupt(QStringLiteral("it has more than one passphrase stanza"));
        if (stanza.iterations < kMinIterations || stanza.iterations > kMaxIterations)
            return corrupt(QStringLiteral("a passphrase stanza asks for %1 PBKDF2 iterations (%2 to %3 allowed)")
                               .arg(stanza.iterations)
                               .arg(kMinIterations)
                               .arg(kMaxIterations));
    }
    if (consumed)
        *consumed = in.pos();
    return h;
}

Result<SecretBytes> headerKey(const SecretBytes &fileKey, const QByteArray &payloadSalt)
{
    return hkdf(fileKey, payloadSalt, kHeaderInfo);
}

Result<SecretBytes> payloadKey(const SecretBytes &fileKey, const QByteArray &payloadSalt)
{
    return hkdf(fileKey, payloadSalt, kPayloadInfo);
}

QByteArray headerMac(const SecretBytes &headerKey, const QByteArray &checkedBytes)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t outSize = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, headerKey.data(), size_t(headerKey.size()),
            reinterpret_cast<const unsigned char *>(checkedBytes.constData()), size_t(checkedBytes.size()), out,
            sizeof out, &outSize))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), qsizetype(outSize));
}

Result<SecretBytes> passphraseKek(const SecretBytes &passphrase, const QByteArray &salt, quint32 iterations)
{
    SecretBytes out(kKeySize);
    if (PKCS5_PBKDF2_HMAC(passphrase.chars(), int(passphrase.size()),
            reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()), int(iterations), EVP_sha256(),
            int(out.size()), out.data())
        != 1)
        return ossl::internal(QStringLiteral("PBKDF2"));
    return out;
}

Result<SecretBytes> p384Kek(const SecretBytes &shared, const QByteArray &ephemeral, const QByteArray &recipient)
{
    return hkdf(shared, ephemeral + recipient, kP384Info);
}

Result<QByteArray> wrapKey(const SecretBytes &kek, const SecretBytes &key)
{
    ossl::CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(kWrappedSize + 16, Qt::Uninitialized);
    int n = 0;
    int m = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_wrap(), nullptr, kek.data(), nullptr) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &n, key.data(), int(key.size()))
            != 1
        || EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + n, &m) != 1
        || n + m != kWrappedSize)
        return ossl::internal(QStringLiteral("AES key wrap"));
    out.truncate(kWrappedSize);
    return out;
}

Result<std::optional<SecretBytes>> unwrapKey(const SecretBytes &kek, const QByteArray &wrapped)
{
    ossl::CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_wrap(), nullptr, kek.data(), nullptr) != 1)
        return ossl::internal(QStringLiteral("AES key unwrap"));
    SecretBytes out(kWrappedSize + 16);
    int n = 0;
    int m = 0;
    if (EVP_DecryptUpdate(ctx.get(), out.data(), &n, reinterpret_cast<const unsigned char *>(wrapped.constData()),
            int(wrapped.size()))
            != 1
        || EVP_DecryptFinal_ex(ctx.get(), out.data() + n, &m) != 1 || n + m != kKeySize) {
        ossl::lastError(); // the integrity check's failure is the answer, not an error
        return std::nullopt;
    }
    return SecretBytes(out.data(), kKeySize);
}

QByteArray chunkNonce(quint64 counter, bool final)
{
    QByteArray nonce(kNonceSize, '\0');
    qToBigEndian(counter, nonce.data() + 3); // bytes 3..10 of the 11-byte counter
    nonce[kNonceSize - 1] = final ? 1 : 0;
    return nonce;
}

quint8 innerCode(Codec codec)
{
    switch (codec) {
    case Codec::None:
        return 0;
    case Codec::Zstd:
        return 1;
    case Codec::Gzip:
        return 2;
    }
    return 0;
}

Result<Codec> innerCodec(quint8 code)
{
    switch (code) {
    case 0:
        return Codec::None;
    case 1:
        return Codec::Zstd;
    case 2:
        return Codec::Gzip;
    default:
        return corrupt(QStringLiteral("unknown inner codec %1").arg(code));
    }
}

Result<QByteArray> randomBytes(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), size) != 1)
        return ossl::internal(QStringLiteral("random bytes"));
    return out;
}

Result<SecretBytes> randomKey()
{
    SecretBytes key(kKeySize);
    if (RAND_priv_bytes(key.data(), int(key.size())) != 1)
        return ossl::internal(QStringLiteral("random key"));
    return key;
}

} // namespace coffer::cfr
