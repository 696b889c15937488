// The cfr1 test vectors of docs/format.md ("Encrypted artifacts"), read from the document and
// re-derived step by step with OpenSSL directly, and the layout's constants.
#include "ContainerSupport.h"
#include "TestSupport.h"

#include "crypto/CfrFormat.h"
#include "crypto/Identity.h"
#include "crypto/PublicKey.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>

#include <memory>
#include <optional>

using namespace coffer;
using namespace testsupport;

namespace {

// AES-256-GCM straight from OpenSSL, as an independent implementation of docs/format.md would
// do it: `in` is the plaintext (seal) or the ciphertext and tag (open). Empty on failure.
std::optional<QByteArray> gcm(
    bool seal, const QByteArray &key, const QByteArray &nonce, const QByteArray &aad, const QByteArray &in)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    const qsizetype body = seal ? in.size() : in.size() - cfr::kTagSize;
    if (!ctx || key.size() != 32 || nonce.size() != 12 || body < 0
        || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k, iv, seal ? 1 : 0) != 1)
        return std::nullopt;
    QByteArray out(body + cfr::kTagSize, '\0');
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    int n = 0;
    int m = 0;
    if (EVP_CipherUpdate(
            ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            != 1
        || EVP_CipherUpdate(ctx.get(), o, &n, reinterpret_cast<const unsigned char *>(in.constData()), int(body)) != 1)
        return std::nullopt;
    if (!seal) {
        QByteArray tag = in.right(cfr::kTagSize);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, cfr::kTagSize, tag.data()) != 1)
            return std::nullopt;
    }
    if (EVP_CipherFinal_ex(ctx.get(), o + n, &m) != 1)
        return std::nullopt;
    if (!seal)
        return out.left(n + m);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, cfr::kTagSize, o + n + m) != 1)
        return std::nullopt;
    return out;
}

// One ```cfr1-vector block of docs/format.md: "name: value" lines, values going on over
// indented lines.
struct Vector {
    QMap<QString, QStringList> fields;

    QString text(const QString &name) const { return fields.value(name).join(QLatin1Char('\n')); }
    // Spaces and # comments dropped; empty when missing or not hex.
    QByteArray hex(const QString &name) const
    {
        QString digits;
        for (const QString &line : fields.value(name))
            digits += line.section(QLatin1Char('#'), 0, 0).remove(QLatin1Char(' '));
        static const QRegularExpression kHex(QStringLiteral("^([0-9a-f]{2})+$"));
        return kHex.match(digits).hasMatch() ? QByteArray::fromHex(digits.toLatin1()) : QByteArray();
    }
};

QMap<QString, Vector> documentedVectors(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QMap<QString, Vector> vectors;
    std::optional<Vector> current;
    QString field;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (!current) {
            if (line == QStringLiteral("```cfr1-vector"))
                current.emplace();
        } else if (line == QStringLiteral("```")) {
            vectors.insert(current->text(QStringLiteral("vector")), *current);
            current.reset();
        } else if (line.startsWith(QLatin1Char(' '))) {
            current->fields[field] << line.trimmed();
        } else {
            field = line.section(QLatin1Char(':'), 0, 0).trimmed();
            const QString value = line.section(QLatin1Char(':'), 1).trimmed();
            current->fields[field] = value.isEmpty() ? QStringList() : QStringList{ value };
        }
    }
    return vectors;
}

} // namespace

class TestFormatVectors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void formatConstants();
    void documentedVectors();

private:
    QTemporaryDir m_dir;
};

void TestFormatVectors::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestFormatVectors::formatConstants()
{
    // The sizes docs/format.md gives for the layout.
    QCOMPARE(QByteArray(cfr::kMagic, sizeof cfr::kMagic).toHex(), QByteArray("894346520d0a1a0a"));
    QCOMPARE(cfr::kFixedSize, 84);
    QCOMPARE(cfr::kPassphraseBodySize, 60);
    QCOMPARE(cfr::kP384BodySize, 97);
    QCOMPARE(QByteArray(cfr::kScheme), QByteArray("cfr1"));
    QCOMPARE(cfr::chunkNonce(0, false).toHex(), QByteArray("000000000000000000000000"));
    QCOMPARE(cfr::chunkNonce(0, true).toHex(), QByteArray("000000000000000000000001"));
    QCOMPARE(cfr::chunkNonce(1, true).toHex(), QByteArray("000000000000000000000101"));
    QCOMPARE(cfr::chunkNonce(Q_UINT64_C(0x0102030405060708), false).toHex(), QByteArray("000000010203040506070800"));
}

void TestFormatVectors::documentedVectors()
{
    const QString doc = QFINDTESTDATA("../docs/format.md");
    const QMap<QString, Vector> vectors = ::documentedVectors(doc);
    QVERIFY2(vectors.contains(QStringLiteral("A")) && vectors.contains(QStringLiteral("B"))
            && vectors.contains(QStringLiteral("C")),
        "docs/format.md has no cfr1 test vectors A, B and C");
    const auto hex = [](const Vector &vector, const char *name) {
        const QByteArray bytes = vector.hex(QString::fromLatin1(name));
        if (bytes.isEmpty())
            qWarning("docs/format.md: field '%s' of vector %s is missing or not hex", name,
                qPrintable(vector.text(QStringLiteral("vector"))));
        return bytes;
    };

    // B's private key, as the doc gives it.
    const Vector &b = vectors[QStringLiteral("B")];
    const QString keyPath = m_dir.filePath(QStringLiteral("vector-b.key"));
    QVERIFY(writeFile(keyPath, b.text(QStringLiteral("identity")).toLatin1() + '\n'));
    auto identity = Identity::load(keyPath);
    COFFER_VERIFY_OK(identity);
    QCOMPARE(identity->publicKey().toText(), b.text(QStringLiteral("public key")));
    QCOMPARE(identity->publicKey().keyId(), b.text(QStringLiteral("key id")));
    QCOMPARE(identity->publicKey().point().toHex(), hex(b, "recipient point").toHex());
    auto fromText = PublicKey::fromText(b.text(QStringLiteral("public key")));
    COFFER_VERIFY_OK(fromText);
    QVERIFY(*fromText == identity->publicKey());

    for (const QString &name : { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") }) {
        const Vector &v = vectors[name];
        const bool isC = name == QStringLiteral("C");
        QByteArray plain;
        if (isC) {
            QCOMPARE(v.text(QStringLiteral("plaintext rule")), QStringLiteral("byte i is i mod 251"));
            plain.resize(v.text(QStringLiteral("plaintext size")).toInt());
            for (qsizetype i = 0; i < plain.size(); ++i)
                plain[i] = char(i % 251);
            QCOMPARE(plain.size(), 66000);
        } else {
            plain = v.text(QStringLiteral("plaintext")).toUtf8();
            QVERIFY(!plain.isEmpty());
        }
        const QByteArray documented = hex(v, isC ? "header" : "container");
        QVERIFY(!documented.isEmpty());

        // The header, field by field.
        qsizetype used = 0;
        auto parsed = cfr::parseHeader(documented, &used);
        COFFER_VERIFY_OK(parsed);
        QVERIFY(parsed->has_value());
        const cfr::Header &h = **parsed;
        QCOMPARE(h.chunkLog2, kSmallChunks);
        QCOMPARE(h.backupId.toHex(), v.text(QStringLiteral("backup id")).toLatin1());
        QCOMPARE(h.payloadSalt.toHex(), hex(v, "payload salt").toHex());
        QCOMPARE(h.plaintextSize, quint64(plain.size()));
        QCOMPARE(h.plaintextSha256, sha256(plain));
        QCOMPARE(h.checksum.toHex(), hex(v, "header checksum").toHex());
        QCOMPARE(h.checksum, sha256(documented.left(used - 2 * cfr::kDigestSize)));
        QCOMPARE(h.mac.toHex(), hex(v, "header mac").toHex());
        QCOMPARE(h.stanzas.size(), isC ? 2 : 1);

        // Every derivation, from the credentials to the payload key.
        QList<QByteArray> fileKeys;
        const auto passphraseText = v.text(QStringLiteral("passphrase")).toUtf8();
        for (const cfr::Stanza &stanza : h.stanzas) {
            std::optional<SecretBytes> kek;
            if (stanza.type == cfr::StanzaType::Passphrase) {
                QVERIFY(!passphraseText.isEmpty());
                QCOMPARE(stanza.iterations, v.text(QStringLiteral("iterations")).toUInt());
                QCOMPARE(stanza.salt.toHex(), hex(v, "passphrase salt").toHex());
                auto derived = cfr::passphraseKek(
                    SecretBytes(passphraseText.constData(), passphraseText.size()), stanza.salt, stanza.iterations);
                COFFER_VERIFY_OK(derived);
                QCOMPARE(bytesOf(*derived).toHex(), hex(v, "passphrase kek").toHex());
                kek = std::move(*derived);
            } else {
                QCOMPARE(stanza.keyId, identity->publicKey().keyIdBytes());
                QCOMPARE(stanza.ephemeral.toHex(), hex(v, "ephemeral point").toHex());
                auto ephemeral = PublicKey::fromPoint(stanza.ephemeral);
                COFFER_VERIFY_OK(ephemeral);
                auto shared = identity->agree(*ephemeral);
                COFFER_VERIFY_OK(shared);
                QCOMPARE(bytesOf(*shared).toHex(), hex(v, "ecdh shared x").toHex());
                auto derived = cfr::p384Kek(*shared, stanza.ephemeral, identity->publicKey().point());
                COFFER_VERIFY_OK(derived);
                QCOMPARE(bytesOf(*derived).toHex(), hex(v, "p384 kek").toHex());
                kek = std::move(*derived);
            }
            if (!isC)
                QCOMPARE(stanza.wrapped.toHex(), hex(v, "wrapped file key").toHex());
            auto unwrapped = cfr::unwrapKey(*kek, stanza.wrapped);
            COFFER_VERIFY_OK(unwrapped);
            QVERIFY(unwrapped->has_value());
            fileKeys << bytesOf(**unwrapped);
            auto rewrapped = cfr::wrapKey(*kek, **unwrapped);
            COFFER_VERIFY_OK(rewrapped);
            QCOMPARE(rewrapped->toHex(), stanza.wrapped.toHex()); // RFC 3394 is deterministic
        }
        for (const QByteArray &fileKey : std::as_const(fileKeys))
            QCOMPARE(fileKey.toHex(), hex(v, "file key").toHex());
        const SecretBytes fileKey(fileKeys.first().constData(), fileKeys.first().size());
        auto headerKey = cfr::headerKey(fileKey, h.payloadSalt);
        auto payloadKey = cfr::payloadKey(fileKey, h.payloadSalt);
        COFFER_VERIFY_OK(headerKey);
        COFFER_VERIFY_OK(payloadKey);
        QCOMPARE(bytesOf(*headerKey).toHex(), hex(v, "header key").toHex());
        QCOMPARE(bytesOf(*payloadKey).toHex(), hex(v, "payload key").toHex());
        QCOMPARE(cfr::headerMac(*headerKey, h.checkedBytes()).toHex(), h.mac.toHex());

        // The payload, sealed and opened with OpenSSL directly: the nonce and AAD as documented.
        QByteArray container = documented.left(used);
        const qsizetype chunks = qMax<qsizetype>(1, (plain.size() + kChunk - 1) / kChunk);
        for (qsizetype i = 0; i < chunks; ++i) {
            const bool final = i == chunks - 1;
            // An 11-byte big-endian counter, then the final flag.
            QByteArray nonce(cfr::kNonceSize, '\0');
            for (int byte = 0; byte < 8; ++byte)
                nonce[10 - byte] = char(quint64(i) >> (8 * byte));
            nonce[11] = final ? 1 : 0;
            QCOMPARE(hex(v, qPrintable(QStringLiteral("chunk %1 nonce").arg(i))).toHex(), nonce.toHex());
            QCOMPARE(cfr::chunkNonce(quint64(i), final).toHex(), nonce.toHex());
            auto sealed = gcm(true, bytesOf(*payloadKey), nonce, h.mac, plain.mid(i * kChunk, kChunk));
            QVERIFY(sealed);
            if (isC)
                QCOMPARE(sealed->right(cfr::kTagSize).toHex(),
                    hex(v, qPrintable(QStringLiteral("chunk %1 tag").arg(i))).toHex());
            container += *sealed;
        }
        if (isC) {
            QCOMPARE(qint64(container.size()), v.text(QStringLiteral("container size")).toLongLong());
            QCOMPARE(sha256(container).toHex(), v.text(QStringLiteral("container sha-256")).toLatin1());
        } else {
            QCOMPARE(container.toHex(), documented.toHex());
            auto opened = gcm(false, bytesOf(*payloadKey), cfr::chunkNonce(0, true), h.mac, documented.mid(used));
            QVERIFY(opened);
            QCOMPARE(*opened, plain);
        }

        // And Coffer opens it with each of the documented credentials.
        QList<Credentials> openers;
        if (!passphraseText.isEmpty())
            openers << Credentials{ {}, passphrase(passphraseText.constData()) };
        if (h.stanzas.constLast().type == cfr::StanzaType::P384)
            openers << Credentials{ { *identity }, {} };
        for (const Credentials &credentials : std::as_const(openers)) {
            const Opened opened = decrypt(credentials, container);
            COFFER_VERIFY_OK(opened.status);
            QCOMPARE(opened.plain, plain);
        }
    }
}

QTEST_GUILESS_MAIN(TestFormatVectors)
#include "tst_format_vectors.moc"
