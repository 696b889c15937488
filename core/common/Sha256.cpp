#include "common/Sha256.h"

#include <openssl/evp.h>

namespace coffer {

void Sha256::Deleter::operator()(evp_md_ctx_st *ctx) const
{
    EVP_MD_CTX_free(ctx);
}

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr) != 1)
        qFatal("OpenSSL could not initialise SHA-256");
}

Sha256::~Sha256() = default;

void Sha256::add(const char *data, qsizetype size)
{
    if (size > 0)
        EVP_DigestUpdate(m_ctx.get(), data, static_cast<size_t>(size));
}

QString Sha256::hexDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx.get(), digest, &length);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

QString Sha256::hex(const QByteArray &data)
{
    Sha256 hash;
    hash.add(data);
    return hash.hexDigest();
}

} // namespace coffer
