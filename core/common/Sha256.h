#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_md_ctx_st;

namespace coffer {

// Incremental SHA-256 over OpenSSL EVP.
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(const char *data, qsizetype size);
    void add(const QByteArray &data) { add(data.constData(), data.size()); }
    // Lower-case hex digest; the object cannot be fed after this.
    QString hexDigest();

    static QString hex(const QByteArray &data);

private:
    struct Deleter {
        void operator()(evp_md_ctx_st *ctx) const;
    };
    std::unique_ptr<evp_md_ctx_st, Deleter> m_ctx;
};

} // namespace coffer
