#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>

namespace coffer {

// Someone a backup can be encrypted to: a NIST P-384 public key. Its text form is one line
// a person can paste, "coffer-p384:" and the compressed point in unpadded base64url; its key
// id, "p384:" and the first 8 bytes of the point's SHA-256 in hex, is what manifests record.
class PublicKey final
{
public:
    static constexpr qsizetype kPointSize = 49; // SEC 1 compressed point
    static inline const QString kTextPrefix = QStringLiteral("coffer-p384:");

    // Corrupt/InvalidArgument naming what is wrong: the prefix, the encoding, a point that is
    // not on the curve.
    static Result<PublicKey> fromText(const QString &text);
    static Result<PublicKey> fromPoint(const QByteArray &point);

    QString toText() const;
    QString keyId() const;
    QByteArray point() const { return m_point; }
    QByteArray keyIdBytes() const; // the 8 bytes the key id shows

    bool operator==(const PublicKey &other) const { return m_point == other.m_point; }

private:
    QByteArray m_point;
};

} // namespace coffer
