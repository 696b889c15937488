#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <vector>

namespace coffer {

// Key material and passphrases: move-only bytes wiped (OPENSSL_cleanse) when they go.
// Moving hands over the buffer itself, so no unwiped copy is left behind.
class SecretBytes final
{
public:
    SecretBytes() = default;
    explicit SecretBytes(qsizetype size);
    SecretBytes(const void *data, qsizetype size);
    ~SecretBytes();
    SecretBytes(SecretBytes &&other) noexcept = default;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    // Takes the bytes of a QByteArray that nobody else shares and wipes it.
    static SecretBytes take(QByteArray &bytes);

    unsigned char *data() { return m_bytes.data(); }
    const unsigned char *data() const { return m_bytes.data(); }
    const char *chars() const { return reinterpret_cast<const char *>(m_bytes.data()); }
    qsizetype size() const { return qsizetype(m_bytes.size()); }
    bool isEmpty() const { return m_bytes.empty(); }
    bool operator==(const SecretBytes &other) const; // constant time for equal sizes

private:
    void wipe();
    std::vector<unsigned char> m_bytes;
};

} // namespace coffer
