#include "crypto/Identity.h"

#include "common/FileUtil.h"
#include "common/PrivateFile.h"
#include "crypto/OpenSsl.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>

namespace coffer {

namespace {

constexpr qint64 kMaxKeyFile = 64 * 1024;

struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

// An encrypted PEM is refused instead of OpenSSL prompting on the terminal.
int noPassword(char *, int, int, void *)
{
    return 0;
}

} // namespace

void Identity::Deleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

Result<Identity> Identity::fromKey(std::shared_ptr<evp_pkey_st> key)
{
    auto point = ossl::compressedPoint(key.get());
    if (!point)
        return std::unexpected(point.error());
    auto publicKey = PublicKey::fromPoint(*point);
    if (!publicKey)
        return std::unexpected(publicKey.error());
    Identity identity;
    identity.m_key = std::move(key);
    identity.m_public = *publicKey;
    return identity;
}

Result<Identity> Identity::generate()
{
    auto key = ossl::generateP384();
    if (!key)
        return std::unexpected(key.error());
    return fromKey(std::shared_ptr<evp_pkey_st>(key->release(), Deleter{}));
}

Result<Identity> Identity::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no key file at %1").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::PermissionDenied, QStringLiteral("The key file cannot be read"),
            QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxKeyFile)
        return fail(ErrorCode::Corrupt, QStringLiteral("%1 is not a Coffer key file (it is too large)").arg(path));
    QByteArray pemBytes = file.read(kMaxKeyFile);
    const SecretBytes pem = SecretBytes::take(pemBytes);
    if (pem.isEmpty()) // BIO_new_mem_buf() takes no empty buffer
        return fail(ErrorCode::Corrupt, QStringLiteral("%1 is not a Coffer private key (it is empty)").arg(path));
    Bio bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    if (!bio)
        return ossl::internal(QStringLiteral("memory BIO"));
    EVP_PKEY *raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr);
    if (!raw)
        return fail(ErrorCode::Corrupt,
            QStringLiteral("%1 is not a Coffer private key (an unencrypted PEM P-384 key, as `coffer-cli key "
                           "generate` writes)")
                .arg(path),
            ossl::lastError());
    std::shared_ptr<evp_pkey_st> key(raw, Deleter{});
    char group[64] = {};
    if (!EVP_PKEY_is_a(raw, "EC")
        || EVP_PKEY_get_utf8_string_param(raw, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, nullptr) <= 0
        || (qstrcmp(group, "secp384r1") != 0 && qstrcmp(group, "P-384") != 0)) // OpenSSL 3 says "secp384r1"
        return fail(
            ErrorCode::Corrupt, QStringLiteral("%1 holds a key of another kind; Coffer keys are P-384").arg(path));
    return fromKey(std::move(key));
}

Result<void> Identity::save(const QString &path) const
{
    Bio bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) <= 0)
        return ossl::internal(QStringLiteral("private key encoding"));
    char *pem = nullptr;
    const long pemSize = BIO_get_mem_data(bio.get(), &pem);
    const QByteArray comment = QStringLiteral("# Coffer private key, created %1\n# public key: %2\n")
                                   .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), m_public.toText())
                                   .toUtf8();
    PrivateFile file;
    if (auto created = file.create(path, QStringLiteral("the key file")); !created)
        return created;
    if (auto written = file.write(comment.constData(), comment.size()); !written)
        return written;
    if (auto written = file.write(pem, pemSize); !written)
        return written;
    if (auto closed = file.close(); !closed)
        return closed;
    return fileutil::fsyncDirectory(QFileInfo(path).absolutePath());
}

Result<SecretBytes> Identity::agree(const PublicKey &peer) const
{
    auto peerKey = ossl::p384FromPoint(peer.point());
    if (!peerKey)
        return std::unexpected(peerKey.error());
    ossl::PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    size_t size = 0;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 || EVP_PKEY_derive_set_peer_ex(ctx.get(), peerKey->get(), 1) <= 0
        || EVP_PKEY_derive(ctx.get(), nullptr, &size) <= 0)
        return ossl::internal(QStringLiteral("ECDH"));
    SecretBytes shared{ qsizetype(size) };
    if (EVP_PKEY_derive(ctx.get(), shared.data(), &size) <= 0 || size != size_t(shared.size()))
        return ossl::internal(QStringLiteral("ECDH"));
    return shared;
}

} // namespace coffer
