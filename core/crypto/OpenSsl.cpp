#include "crypto/OpenSsl.h"

#include <openssl/core_names.h>
#include <openssl/err.h>

namespace coffer::ossl {

QString lastError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("no detail from OpenSSL");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

std::unexpected<Error> internal(const QString &what)
{
    return fail(ErrorCode::Internal, QStringLiteral("OpenSSL failed: %1").arg(what), lastError());
}

Result<Pkey> p384FromPoint(const QByteArray &point)
{
    PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0)
        return internal(QStringLiteral("EC key import"));
    char group[] = "P-384";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(
            OSSL_PKEY_PARAM_PUB_KEY, const_cast<char *>(point.constData()), size_t(point.size())),
        OSSL_PARAM_construct_end(),
    };
    EVP_PKEY *raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) <= 0)
        return fail(ErrorCode::Corrupt, QStringLiteral("not a point on the P-384 curve"), lastError());
    Pkey key(raw);
    PkeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) <= 0)
        return fail(ErrorCode::Corrupt, QStringLiteral("not a valid P-384 public key"), lastError());
    return key;
}

Result<QByteArray> compressedPoint(EVP_PKEY *key)
{
    if (EVP_PKEY_set_utf8_string_param(
            key, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, OSSL_PKEY_EC_POINT_CONVERSION_FORMAT_COMPRESSED)
        <= 0)
        return internal(QStringLiteral("point format"));
    // OSSL_PKEY_PARAM_PUB_KEY follows the conversion format; the "encoded" key would not.
    QByteArray point(133, Qt::Uninitialized);
    size_t size = 0;
    if (EVP_PKEY_get_octet_string_param(
            key, OSSL_PKEY_PARAM_PUB_KEY, reinterpret_cast<unsigned char *>(point.data()), size_t(point.size()), &size)
        <= 0)
        return internal(QStringLiteral("public key encoding"));
    point.truncate(qsizetype(size));
    return point;
}

Result<Pkey> generateP384()
{
    EVP_PKEY *raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
    if (!raw)
        return internal(QStringLiteral("P-384 key generation"));
    return Pkey(raw);
}

} // namespace coffer::ossl
