#include "crypto/PublicKey.h"

#include "crypto/OpenSsl.h"

#include <QCryptographicHash>

namespace coffer {

namespace {

constexpr QByteArray::Base64Options kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

Result<PublicKey> PublicKey::fromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(kTextPrefix))
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a Coffer public key: it should start with %2")
                .arg(trimmed.left(24), kTextPrefix));
    const QByteArray encoded = trimmed.mid(kTextPrefix.size()).toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(encoded, kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kPointSize)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a Coffer public key: the text after %2 is damaged (copy the whole line)")
                .arg(trimmed.left(24), kTextPrefix));
    auto key = fromPoint(decoded.decoded);
    if (!key)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a Coffer public key: %2").arg(trimmed.left(24), key.error().message));
    return key;
}

Result<PublicKey> PublicKey::fromPoint(const QByteArray &point)
{
    if (point.size() != kPointSize || (point.at(0) != 0x02 && point.at(0) != 0x03))
        return fail(ErrorCode::Corrupt, QStringLiteral("not a compressed P-384 point"));
    if (auto key = ossl::p384FromPoint(point); !key)
        return std::unexpected(key.error());
    PublicKey key;
    key.m_point = point;
    return key;
}

QString PublicKey::toText() const
{
    return kTextPrefix + QString::fromLatin1(m_point.toBase64(kBase64));
}

QByteArray PublicKey::keyIdBytes() const
{
    return QCryptographicHash::hash(m_point, QCryptographicHash::Sha256).left(8);
}

QString PublicKey::keyId() const
{
    return QStringLiteral("p384:") + QString::fromLatin1(keyIdBytes().toHex());
}

} // namespace coffer
