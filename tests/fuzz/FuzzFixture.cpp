#include "FuzzFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryFile>

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>

namespace coffer::fuzz {

namespace {

constexpr char kRecipientPem[] = "-----BEGIN PRIVATE KEY-----\n"
                                 "MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDAlNrmmM1gnD3n1jddp\n"
                                 "mE92p3rH1/E9ezG2DzqvQTJDVZSxCQeR8rxJPkW3mHyNX1GhZANiAARIaapC66Pp\n"
                                 "/J5DRvlQ4RR67FM1uAvB3k5RF73e2itlNBRJVJzmknFDnLhK//NftDl38bczTi/f\n"
                                 "XZYThH4UzqkQ/nprybU6CAUzg3yKfPaN79RRs2k2YRcex4AOmgA0qYs=\n"
                                 "-----END PRIVATE KEY-----\n";
constexpr char kOtherPem[] = "-----BEGIN PRIVATE KEY-----\n"
                             "MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDQ2T1fdoigqqCg8CQE\n"
                             "2YeVzX4+ASUIY4IuQp2MZalO1bSTU90/KYc2QXOkc34YfHGhZANiAARlNq3z72+y\n"
                             "LIn7B1HuSSYRNebMc1PQRtgVMzBHExnob+KTJfByS+9lIQuzjmnNmERdlJ2/PUAQ\n"
                             "S7YVLTT1XnFNBLkBJc7rVXIhjza5zv/3MMC326CgcDn8iPevjdF7l2g=\n"
                             "-----END PRIVATE KEY-----\n";

QByteArray repeated(char c, qsizetype n)
{
    return QByteArray(n, c);
}

Identity loadPem(const char *pem)
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/coffer-fuzz-XXXXXX.pem"));
    if (!file.open() || file.write(pem) != qint64(qstrlen(pem)) || !file.flush())
        violated("cannot write a temporary key file", __LINE__);
    return must(Identity::load(file.fileName()), "Identity::load");
}

cfr::Stanza p384Stanza(const Identity &to, const Identity &ephemeral, const SecretBytes &fileKey)
{
    cfr::Stanza stanza;
    stanza.type = cfr::StanzaType::P384;
    stanza.keyId = to.publicKey().keyIdBytes();
    stanza.ephemeral = ephemeral.publicKey().point();
    const SecretBytes shared = must(ephemeral.agree(to.publicKey()), "agree");
    const SecretBytes kek = must(cfr::p384Kek(shared, stanza.ephemeral, to.publicKey().point()), "p384Kek");
    stanza.wrapped = must(cfr::wrapKey(kek, fileKey), "wrapKey");
    return stanza;
}

// The documented nonce (docs/format.md), written out here rather than taken from the code under test.
QByteArray referenceNonce(quint64 counter, bool final)
{
    QByteArray nonce(cfr::kNonceSize, '\0');
    for (int i = 0; i < 8; ++i)
        nonce[10 - i] = char(counter >> (8 * i));
    nonce[11] = final ? 1 : 0;
    return nonce;
}

Fixture *build()
{
    auto *f = new Fixture; // never freed: it lives as long as the fuzzer
    f->recipient = loadPem(kRecipientPem);
    f->other = loadPem(kOtherPem);
    QByteArray key;
    for (int i = 0; i < cfr::kKeySize; ++i)
        key.append(char(0xa0 + i));
    f->fileKey = SecretBytes::take(key);

    cfr::Header &h = f->base;
    h.chunkLog2 = cfr::kMinChunkLog2;
    h.payloadSalt = repeated('\x5a', cfr::kSaltSize);
    h.backupId = QByteArray::fromHex("0123456789abcdef0123456789abcdef");
    h.innerCodec = 1;
    h.plaintextSize = 4096;
    h.plaintextSha256 = QCryptographicHash::hash("fuzz", QCryptographicHash::Sha256);

    // Each key is the other's ephemeral: any valid point will do, and it stays deterministic.
    f->recipientStanza = p384Stanza(*f->recipient, *f->other, f->fileKey);
    f->otherStanza = p384Stanza(*f->other, *f->recipient, f->fileKey);
    cfr::Stanza &pass = f->passphraseStanza;
    pass.type = cfr::StanzaType::Passphrase;
    pass.iterations = cfr::kMinIterations;
    pass.salt = repeated('\x11', cfr::kSaltSize);
    QByteArray phrase("fuzz");
    const SecretBytes kek = must(cfr::passphraseKek(SecretBytes::take(phrase), pass.salt, pass.iterations), "pbkdf2");
    pass.wrapped = must(cfr::wrapKey(kek, f->fileKey), "wrapKey");
    return f;
}

} // namespace

void violated(const char *what, int line, const QString &detail)
{
    std::fprintf(stderr, "fuzz_container: line %d: invariant violated: %s %s\n", line, what, qPrintable(detail));
    std::fflush(stderr);
    std::abort();
}

const Fixture &fixture()
{
    static const Fixture *f = build();
    return *f;
}

Credentials credentialsFor(int which)
{
    Credentials credentials;
    if (which == 0 || which == 3)
        credentials.identities << *fixture().recipient;
    if (which == 2 || which == 3)
        credentials.identities << *fixture().other;
    return credentials;
}

QByteArray seal(const SecretBytes &key, quint64 counter, bool final, const QByteArray &aad, const QByteArray &plain)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    const QByteArray nonce = referenceNonce(counter, final);
    QByteArray out(plain.size() + cfr::kTagSize, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    int n = 0;
    int m = 0;
    const bool ok = ctx
        && EVP_EncryptInit_ex(
               ctx, EVP_aes_256_gcm(), nullptr, key.data(), reinterpret_cast<const unsigned char *>(nonce.constData()))
            == 1
        && EVP_EncryptUpdate(
               ctx, nullptr, &n, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            == 1
        && EVP_EncryptUpdate(ctx, o, &n, reinterpret_cast<const unsigned char *>(plain.constData()), int(plain.size()))
            == 1
        && EVP_EncryptFinal_ex(ctx, o + n, &m) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, cfr::kTagSize, o + plain.size()) == 1;
    EVP_CIPHER_CTX_free(ctx);
    FUZZ_CHECK(ok && n + m == plain.size());
    return out;
}

std::optional<QByteArray> openSealed(
    const SecretBytes &key, quint64 counter, bool final, const QByteArray &aad, QByteArrayView sealed)
{
    if (sealed.size() < cfr::kTagSize)
        return std::nullopt;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    const QByteArray nonce = referenceNonce(counter, final);
    const qsizetype body = sealed.size() - cfr::kTagSize;
    QByteArray out(body, Qt::Uninitialized);
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.data());
    int n = 0;
    int m = 0;
    const bool ok = ctx
        && EVP_DecryptInit_ex(
               ctx, EVP_aes_256_gcm(), nullptr, key.data(), reinterpret_cast<const unsigned char *>(nonce.constData()))
            == 1
        && EVP_DecryptUpdate(
               ctx, nullptr, &n, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            == 1
        && EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(out.data()), &n, in, int(body)) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, cfr::kTagSize, const_cast<unsigned char *>(in + body)) == 1
        && EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(out.data()) + n, &m) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok)
        return std::nullopt;
    return out;
}

QByteArray chunkPlain(int index, quint8 seed, qsizetype size)
{
    QByteArray plain(size, char(seed));
    for (int i = 0; i < qMin<qsizetype>(size, 4); ++i)
        plain[i] = char(index + i); // tells the chunks apart
    return plain;
}

} // namespace coffer::fuzz
