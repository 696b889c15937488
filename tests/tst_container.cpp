// The encryption container (core/crypto): round trips, wrong keys, and the tamper matrix.
#include "TestSupport.h"

#include "crypto/Decryptor.h"
#include "crypto/Encryptor.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace coffer;

namespace {

constexpr int kSmallChunks = 16; // 64 KiB chunks: a few hundred KiB make several of them

QByteArray randomData(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(generator.bounded(256));
    return data;
}

ContainerInfo infoFor(const QByteArray &plain)
{
    return ContainerInfo{ .backupId = QStringLiteral("0123456789abcdef0123456789abcdef"),
        .innerCodec = Codec::None,
        .plaintextSize = plain.size(),
        .plaintextSha256 = QString::fromLatin1(QCryptographicHash::hash(plain, QCryptographicHash::Sha256).toHex()) };
}

std::shared_ptr<const SecretBytes> passphrase(const char *text)
{
    return std::make_shared<const SecretBytes>(text, qsizetype(qstrlen(text)));
}

QByteArray encrypt(const EncryptionKeys &keys, const QByteArray &plain, int chunkLog2 = kSmallChunks)
{
    auto encryptor = Encryptor::create(keys, infoFor(plain), chunkLog2);
    if (!encryptor)
        qFatal("%s", qPrintable(encryptor.error().toString()));
    QByteArray out;
    const ByteSink sink = [&out](const char *data, qsizetype size) -> Result<void> {
        out.append(data, size);
        return {};
    };
    // Feed it in uneven pieces, as a compressor would.
    qsizetype at = 0;
    qsizetype piece = 1000;
    while (at < plain.size()) {
        const qsizetype n = qMin(piece, plain.size() - at);
        if (!(*encryptor)->write(plain.constData() + at, n, sink))
            qFatal("write failed");
        at += n;
        piece = piece * 3 % 200000 + 1;
    }
    if (!(*encryptor)->finish(sink))
        qFatal("finish failed");
    return out;
}

struct Opened {
    Result<void> status;
    QByteArray plain; // everything the sink received, even on failure
};

Opened decrypt(const Credentials &credentials, const QByteArray &sealed)
{
    Decryptor decryptor(credentials);
    Opened opened{ {}, {} };
    const ByteSink sink = [&opened](const char *data, qsizetype size) -> Result<void> {
        opened.plain.append(data, size);
        return {};
    };
    for (qsizetype at = 0; at < sealed.size() && opened.status; at += 100000)
        opened.status = decryptor.write(sealed.constData() + at, qMin<qsizetype>(100000, sealed.size() - at), sink);
    if (opened.status)
        opened.status = decryptor.finish(sink);
    return opened;
}

} // namespace

class TestContainer : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
};

void TestContainer::roundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("empty") << qsizetype(0);
    QTest::newRow("one byte") << qsizetype(1);
    QTest::newRow("exactly one chunk") << qsizetype(65536);
    QTest::newRow("one chunk and a byte") << qsizetype(65537);
    QTest::newRow("five chunks exactly") << qsizetype(5 * 65536);
    QTest::newRow("several chunks") << qsizetype(300000);
}

void TestContainer::roundTrip()
{
    QFETCH(qsizetype, size);
    auto alice = Identity::generate();
    auto bob = Identity::generate();
    COFFER_VERIFY_OK(alice);
    COFFER_VERIFY_OK(bob);
    const QByteArray plain = randomData(size, 7);
    EncryptionKeys keys;
    keys.recipients = { alice->publicKey(), bob->publicKey() };
    keys.passphrase = passphrase("correct horse battery staple");
    keys.iterations = 100000;
    const QByteArray sealed = encrypt(keys, plain);
    for (const Credentials &credentials : { Credentials{ { *alice }, {} }, Credentials{ { *bob }, {} },
             Credentials{ {}, passphrase("correct horse battery staple") } }) {
        const Opened opened = decrypt(credentials, sealed);
        COFFER_VERIFY_OK(opened.status);
        QCOMPARE(opened.plain, plain);
    }
    auto carol = Identity::generate();
    const Opened wrong = decrypt(Credentials{ { *carol }, passphrase("Tr0ub4dor&3") }, sealed);
    QVERIFY(!wrong.status);
    QCOMPARE(wrong.status.error().code, ErrorCode::WrongKey);
    QVERIFY(wrong.plain.isEmpty());
}

QTEST_GUILESS_MAIN(TestContainer)
#include "tst_container.moc"
