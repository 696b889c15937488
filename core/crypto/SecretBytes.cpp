#include "crypto/SecretBytes.h"

#include <openssl/crypto.h>

#include <cstring>

namespace coffer {

SecretBytes::SecretBytes(qsizetype size)
    : m_bytes(size_t(size), 0)
{
}

SecretBytes::SecretBytes(const void *data, qsizetype size)
    : m_bytes(size_t(size))
{
    if (size > 0)
        std::memcpy(m_bytes.data(), data, size_t(size));
}

SecretBytes::~SecretBytes()
{
    wipe();
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecretBytes SecretBytes::take(QByteArray &bytes)
{
    SecretBytes secret(bytes.constData(), bytes.size());
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
    return secret;
}

bool SecretBytes::operator==(const SecretBytes &other) const
{
    return size() == other.size() && CRYPTO_memcmp(data(), other.data(), m_bytes.size()) == 0;
}

void SecretBytes::wipe()
{
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
}

} // namespace coffer
