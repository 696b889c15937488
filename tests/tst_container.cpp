// The encryption container (core/crypto): round trips, streaming, wrong credentials, the tamper
// matrix and every header bit flipped. Key files: tst_keys; the documented vectors: tst_format_vectors.
#include "ContainerSupport.h"
#include "TestSupport.h"

#include "crypto/CfrFormat.h"
#include "crypto/Decryptor.h"
#include "crypto/Encryptor.h"

#include <QTest>

#include <algorithm>

using namespace coffer;
using namespace testsupport;

class TestContainer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTrip_data();
    void roundTrip();
    void streamingPieces_data();
    void streamingPieces();
    void defaults();
    void createRefuses_data();
    void createRefuses();
    void wrongCredentials_data();
    void wrongCredentials();
    void tamper_data();
    void tamper();
    void everyHeaderBitFlipped();
    void secondPassphraseStanza();

private:
    Credentials byPassphrase(const char *text = kPassphrase) const { return { {}, passphrase(text) }; }
    Credentials byAlice() const { return { { m_alice }, {} }; }

    Identity m_alice;
    Identity m_bob;
    Identity m_carol;
    QByteArray m_plain; // four full chunks and a short fifth
    QByteArray m_plainExact; // four full chunks, the last of them final
    QByteArray m_sealed; // m_plain to a passphrase and alice
    QByteArray m_sealedExact; // m_plainExact to the same
    QByteArray m_sameKeys; // another file to the same passphrase and alice
    QByteArray m_otherKeys; // another file to another passphrase and carol
    std::shared_ptr<const SecretBytes> m_fileKey; // m_sealed's, as an attacker who holds it has it
};

void TestContainer::initTestCase()
{
    for (Identity *identity : { &m_alice, &m_bob, &m_carol }) {
        auto made = Identity::generate();
        COFFER_VERIFY_OK(made);
        *identity = *made;
    }
    m_plain = randomData(4 * kChunk + 30000, 1);
    m_plainExact = randomData(4 * kChunk, 2);
    EncryptionKeys keys;
    keys.passphrase = passphrase(kPassphrase);
    keys.iterations = kFastIterations;
    keys.recipients = { m_alice.publicKey() };
    auto sealed = encrypt(keys, m_plain);
    auto sealedExact = encrypt(keys, m_plainExact);
    auto sameKeys = encrypt(keys, randomData(3 * kChunk, 3));
    COFFER_VERIFY_OK(sealed);
    COFFER_VERIFY_OK(sealedExact);
    COFFER_VERIFY_OK(sameKeys);
    m_sealed = *sealed;
    m_sealedExact = *sealedExact;
    m_sameKeys = *sameKeys;
    keys.passphrase = passphrase("another passphrase");
    keys.recipients = { m_carol.publicKey() };
    auto otherKeys = encrypt(keys, randomData(3 * kChunk, 4));
    COFFER_VERIFY_OK(otherKeys);
    m_otherKeys = *otherKeys;
    auto fileKey = fileKeyOf(m_sealed);
    QVERIFY(fileKey.has_value());
    m_fileKey = std::make_shared<const SecretBytes>(std::move(*fileKey));
    // The tamper matrix counts on this layout.
    QCOMPARE(headerSizeOf(m_sealed), kHeaderSize);
    QCOMPARE(m_sealed.size(), chunkAt(5) + 30000 + cfr::kTagSize);
    QCOMPARE(m_sealedExact.size(), chunkAt(5));
}

void TestContainer::roundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<bool>("withPassphrase");
    QTest::addColumn<int>("keys");
    const QList<std::pair<const char *, qsizetype>> sizes = { { "empty", 0 }, { "one byte", 1 },
        { "one chunk less a byte", kChunk - 1 }, { "exactly one chunk", kChunk },
        { "one chunk and a byte", kChunk + 1 }, { "five chunks exactly", 5 * kChunk }, { "several chunks", 300000 } };
    const QList<std::tuple<const char *, bool, int>> keySets
        = { { "passphrase", true, 0 }, { "one key", false, 1 }, { "three keys", false, 3 }, { "both", true, 2 } };
    for (const auto &[sizeName, size] : sizes)
        for (const auto &[keysName, withPassphrase, keys] : keySets)
            QTest::addRow("%s, %s", sizeName, keysName) << size << withPassphrase << keys;
}

void TestContainer::roundTrip()
{
    QFETCH(qsizetype, size);
    QFETCH(bool, withPassphrase);
    QFETCH(int, keys);
    const QList<Identity> identities = QList<Identity>{ m_alice, m_bob, m_carol }.first(keys);
    const QByteArray plain = randomData(size, quint32(size) + 7);
    EncryptionKeys encryptionKeys;
    for (const Identity &identity : identities)
        encryptionKeys.recipients << identity.publicKey();
    if (withPassphrase)
        encryptionKeys.passphrase = passphrase(kPassphrase);
    encryptionKeys.iterations = kFastIterations;
    auto sealed = encrypt(encryptionKeys, plain);
    COFFER_VERIFY_OK(sealed);

    // Header, then every chunk with its tag; an empty stream is one empty chunk.
    const qsizetype chunks = qMax<qsizetype>(1, (size + kChunk - 1) / kChunk);
    const qsizetype header = cfr::kFixedSize + (withPassphrase ? 3 + cfr::kPassphraseBodySize : 0)
        + keys * (3 + cfr::kP384BodySize) + 2 * cfr::kDigestSize;
    QCOMPARE(sealed->size(), header + size + chunks * cfr::kTagSize);
    auto peeked = Decryptor::peek(*sealed);
    COFFER_VERIFY_OK(peeked);
    QCOMPARE(peeked->stanzas.size(), keys + (withPassphrase ? 1 : 0));
    QCOMPARE(std::count_if(peeked->stanzas.cbegin(), peeked->stanzas.cend(),
                 [](const cfr::Stanza &stanza) { return stanza.type == cfr::StanzaType::Passphrase; }),
        withPassphrase ? 1 : 0);
    if (size >= 64)
        QVERIFY(!sealed->contains(plain.first(64)));

    QList<Credentials> openers;
    for (const Identity &identity : identities)
        openers << Credentials{ { identity }, {} };
    if (withPassphrase)
        openers << byPassphrase();
    for (const Credentials &credentials : std::as_const(openers)) {
        Decryptor decryptor(credentials);
        QByteArray opened;
        const ByteSink sink = [&opened](const char *data, qsizetype n) -> Result<void> {
            opened.append(data, n);
            return {};
        };
        COFFER_VERIFY_OK(decryptor.write(sealed->constData(), sealed->size(), sink));
        COFFER_VERIFY_OK(decryptor.finish(sink));
        QCOMPARE(opened.size(), plain.size());
        QVERIFY(opened == plain);
        const ContainerInfo info = decryptor.info();
        QCOMPARE(info.backupId, infoFor(plain).backupId);
        QCOMPARE(info.plaintextSize, plain.size());
        QCOMPARE(info.plaintextSha256, infoFor(plain).plaintextSha256);
        QCOMPARE(info.innerCodec, Codec::None);
    }
}

void TestContainer::streamingPieces_data()
{
    QTest::addColumn<qsizetype>("encryptPiece");
    QTest::addColumn<qsizetype>("decryptPiece");
    QTest::newRow("whole, whole") << qsizetype(0) << qsizetype(0);
    QTest::newRow("one byte at a time") << qsizetype(1) << qsizetype(1);
    QTest::newRow("a tag's length") << qsizetype(16) << qsizetype(16);
    QTest::newRow("odd pieces") << qsizetype(4093) << qsizetype(4093);
    QTest::newRow("exactly a chunk") << kChunk << kSealedChunk;
    QTest::newRow("a chunk and a byte") << kChunk + 1 << kSealedChunk + 1;
    QTest::newRow("a chunk less a byte") << kChunk - 1 << kSealedChunk - 1;
}

void TestContainer::streamingPieces()
{
    QFETCH(qsizetype, encryptPiece);
    QFETCH(qsizetype, decryptPiece);
    EncryptionKeys keys;
    keys.recipients = { m_alice.publicKey() };
    auto sealed = encrypt(keys, m_plain, kSmallChunks, encryptPiece > 0 ? encryptPiece : m_plain.size());
    COFFER_VERIFY_OK(sealed);
    QCOMPARE(sealed->size(), m_sealed.size() - (3 + cfr::kPassphraseBodySize));
    const Opened opened = decrypt(byAlice(), *sealed, decryptPiece);
    COFFER_VERIFY_OK(opened.status);
    QVERIFY(opened.plain == m_plain);
    // Released chunk by chunk, never more than one at a time.
    QCOMPARE(opened.releases, 5);
    QCOMPARE(opened.largestRelease, kChunk);
}

void TestContainer::defaults()
{
    // Coffer's own defaults: 600,000 PBKDF2 iterations and 256 KiB chunks.
    EncryptionKeys keys;
    keys.passphrase = passphrase(kPassphrase);
    QCOMPARE(keys.iterations, 600000);
    const QByteArray plain = randomData(700000, 11);
    auto sealed = encrypt(keys, plain, 0);
    COFFER_VERIFY_OK(sealed);
    auto header = Decryptor::peek(*sealed);
    COFFER_VERIFY_OK(header);
    QCOMPARE(header->chunkLog2, cfr::kDefaultChunkLog2);
    QCOMPARE(header->chunkSize(), qsizetype(256 * 1024));
    QCOMPARE(header->stanzas.size(), 1);
    QCOMPARE(header->stanzas.first().iterations, quint32(600000));
    QCOMPARE(sealed->size(), headerSizeOf(*sealed) + plain.size() + 3 * cfr::kTagSize);
    const Opened opened = decrypt(byPassphrase(), *sealed);
    COFFER_VERIFY_OK(opened.status);
    QVERIFY(opened.plain == plain);
    const Opened wrong = decrypt(byPassphrase("Correct horse battery staple"), *sealed);
    QVERIFY(!wrong.status);
    QCOMPARE(wrong.status.error().code, ErrorCode::WrongKey);
    QVERIFY(wrong.plain.isEmpty());
}

void TestContainer::createRefuses_data()
{
    QTest::addColumn<bool>("withPassphrase");
    QTest::addColumn<QByteArray>("passphraseText");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<int>("chunkLog2");
    QTest::addColumn<QString>("backupId");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("fragment");
    const QString id = QStringLiteral("0123456789abcdef0123456789abcdef");
    const QString digest = QString(64, QLatin1Char('a'));
    QTest::newRow("no keys") << false << QByteArray() << 600000 << 16 << id << digest
                             << QStringLiteral("needs a passphrase or at least one recipient");
    QTest::newRow("empty passphrase") << true << QByteArray() << 600000 << 16 << id << digest
                                      << QStringLiteral("passphrase is empty");
    QTest::newRow("too few iterations") << true << QByteArray("x") << 99999 << 16 << id << digest
                                        << QStringLiteral("iterations must be 100000 to 10000000");
    QTest::newRow("too many iterations") << true << QByteArray("x") << 10000001 << 16 << id << digest
                                         << QStringLiteral("iterations must be");
    QTest::newRow("negative iterations") << true << QByteArray("x") << -1 << 16 << id << digest
                                         << QStringLiteral("iterations must be");
    QTest::newRow("chunks of 32 KiB") << true << QByteArray("x") << 100000 << 15 << id << digest
                                      << QStringLiteral("Chunk size must be 2^16 to 2^20");
    QTest::newRow("chunks of 2 MiB") << true << QByteArray("x") << 100000 << 21 << id << digest
                                     << QStringLiteral("Chunk size must be");
    QTest::newRow("short backup id") << true << QByteArray("x") << 100000 << 16 << id.left(30) << digest
                                     << QStringLiteral("backup id");
    QTest::newRow("backup id not hex") << true << QByteArray("x") << 100000 << 16 << QStringLiteral("z") + id.mid(1)
                                       << digest << QStringLiteral("backup id");
    QTest::newRow("digest not hex") << true << QByteArray("x") << 100000 << 16 << id
                                    << QStringLiteral("g") + digest.mid(1) << QStringLiteral("SHA-256");
    QTest::newRow("no digest") << true << QByteArray("x") << 100000 << 16 << id << QString()
                               << QStringLiteral("SHA-256");
}

void TestContainer::createRefuses()
{
    QFETCH(bool, withPassphrase);
    QFETCH(QByteArray, passphraseText);
    QFETCH(int, iterations);
    QFETCH(int, chunkLog2);
    QFETCH(QString, backupId);
    QFETCH(QString, digest);
    QFETCH(QString, fragment);
    EncryptionKeys keys;
    if (withPassphrase)
        keys.passphrase = std::make_shared<const SecretBytes>(passphraseText.constData(), passphraseText.size());
    keys.iterations = iterations;
    const ContainerInfo info{ backupId, Codec::Zstd, 0, digest };
    auto created = Encryptor::create(keys, info, chunkLog2);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(created.error().message.contains(fragment), qPrintable(created.error().message));
}

void TestContainer::wrongCredentials_data()
{
    QTest::addColumn<bool>("sealedWithPassphrase");
    QTest::addColumn<bool>("sealedToAlice");
    QTest::addColumn<QByteArray>("givenPassphrase");
    QTest::addColumn<bool>("givenCarol");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("fragments");
    const QString alice = m_alice.publicKey().keyId();
    const QString carol = m_carol.publicKey().keyId();
    QTest::newRow("wrong passphrase") << true << false << QByteArray("Tr0ub4dor&3") << false << ErrorCode::WrongKey
                                      << QStringList{ QStringLiteral("the passphrase is wrong"),
                                             QStringLiteral("encrypted to passphrase") };
    QTest::newRow("wrong key") << false << true << QByteArray() << true << ErrorCode::WrongKey
                               << QStringList{ QStringLiteral("it is not encrypted to ") + carol,
                                      QStringLiteral("encrypted to ") + alice };
    QTest::newRow("a passphrase, sealed to a key only")
        << false << true << QByteArray(kPassphrase) << false << ErrorCode::WrongKey
        << QStringList{ QStringLiteral("it has no passphrase"), alice };
    QTest::newRow("a key, sealed to a passphrase only") << true << false << QByteArray() << true << ErrorCode::WrongKey
                                                        << QStringList{ QStringLiteral("not encrypted to ") + carol };
    QTest::newRow("wrong passphrase and wrong key")
        << true << true << QByteArray("Tr0ub4dor&3") << true << ErrorCode::WrongKey
        << QStringList{ QStringLiteral("the passphrase is wrong"), QStringLiteral("not encrypted to ") + carol,
               QStringLiteral("passphrase, ") + alice };
    QTest::newRow("nothing given") << true << true << QByteArray() << false << ErrorCode::KeyRequired
                                   << QStringList{ QStringLiteral("supply its passphrase or the private key"),
                                          QStringLiteral("passphrase, ") + alice };
}

void TestContainer::wrongCredentials()
{
    QFETCH(bool, sealedWithPassphrase);
    QFETCH(bool, sealedToAlice);
    QFETCH(QByteArray, givenPassphrase);
    QFETCH(bool, givenCarol);
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, fragments);
    EncryptionKeys keys;
    keys.iterations = kFastIterations;
    if (sealedWithPassphrase)
        keys.passphrase = passphrase(kPassphrase);
    if (sealedToAlice)
        keys.recipients = { m_alice.publicKey() };
    auto sealed = encrypt(keys, m_plain);
    COFFER_VERIFY_OK(sealed);
    Credentials credentials;
    if (!givenPassphrase.isEmpty())
        credentials.passphrase = passphrase(givenPassphrase.constData());
    if (givenCarol)
        credentials.identities = { m_carol };

    const Opened opened = decrypt(credentials, *sealed);
    QVERIFY(!opened.status);
    QCOMPARE(opened.status.error().code, code);
    for (const QString &fragment : std::as_const(fragments))
        QVERIFY2(opened.status.error().message.contains(fragment), qPrintable(opened.status.error().message));
    QVERIFY(opened.plain.isEmpty());

    // Told as soon as the header is there, before any of the payload is read.
    Decryptor decryptor(credentials);
    const ByteSink sink = [](const char *, qsizetype) -> Result<void> {
        return fail(ErrorCode::Internal, QStringLiteral("released plaintext"));
    };
    auto early = decryptor.write(sealed->constData(), headerSizeOf(*sealed), sink);
    QVERIFY(!early);
    QCOMPARE(early.error().code, code);
}

void TestContainer::tamper_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<bool>("exact"); // start from m_sealedExact rather than m_sealed
    QTest::addColumn<bool>("withPassphrase"); // open with the passphrase rather than alice's key
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("released"); // chunks the sink may have received
    const auto row = [](const char *name, const Mutation &mutation, const char *fragment, int released = 0,
                         ErrorCode code = ErrorCode::Corrupt, bool exact = false, bool withPassphrase = false) {
        QTest::newRow(name) << mutation << exact << withPassphrase << code << QString::fromUtf8(fragment) << released;
    };
    const char *checksum = "its checksum does not match";
    const char *mac = "its MAC does not verify";
    const char *cutShort = "altered, reordered, cut short or extended";

    // The fixed part: fields checked before the checksum say what is wrong with them.
    row("magic", flipBit(1), "not a Coffer encrypted file");
    row("version 2", setByte(8, 2), "format version 2", 0, ErrorCode::UnsupportedFormat);
    row("version, a bit flipped", flipBit(8), "format version 0", 0, ErrorCode::UnsupportedFormat);
    row("chunk size, still in range", flipBit(9), checksum);
    row("chunk size, out of range", flipBit(9, 5), "chunk size 2^48 is outside 2^16..2^20");
    row("payload salt", flipBit(10 + 5, 3), checksum);
    row("backup id", flipBit(26 + 15, 7), checksum);
    row("inner codec, still known", flipBit(42), checksum);
    row("inner codec, unknown", flipBit(42, 3), "unknown inner codec 8");
    row("plaintext size", flipBit(43 + 7), checksum);
    row("plaintext SHA-256", flipBit(51 + 31, 6), checksum);
    row("stanza count, zero", flipBit(83, 1), "0 recipient stanzas");
    row("stanza count, one more", flipBit(83), "The encryption header is not valid");
    // The stanzas.
    row("passphrase stanza: type", flipBit(kStanza1, 3), "stanza 1 has unknown type 9");
    row("passphrase stanza: length", flipBit(kStanza1 + 2), "passphrase stanza 1 has length 61");
    row("passphrase stanza: iterations", flipBit(kStanza1 + 3 + 3), checksum, 0, ErrorCode::Corrupt, false, true);
    row("passphrase stanza: salt", flipBit(kStanza1 + 3 + 4), checksum, 0, ErrorCode::Corrupt, false, true);
    row("passphrase stanza: wrapped key", flipBit(kStanza1 + 3 + 20 + 39, 7), checksum, 0, ErrorCode::Corrupt, false,
        true);
    row("p384 stanza: type", flipBit(kStanza2), "stanza 2 has unknown type 3");
    row("p384 stanza: length", flipBit(kStanza2 + 1, 4), "public-key stanza 2 has length");
    row("p384 stanza: key id", flipBit(kStanza2 + 3), checksum);
    row("p384 stanza: ephemeral point", flipBit(kStanza2 + 3 + 8 + 20), checksum);
    row("p384 stanza: wrapped key", flipBit(kStanza2 + 3 + 57), checksum);
    row("checksum", flipBit(kChecksumAt + 31, 7), checksum);
    row("MAC, opened with the key", flipBit(kMacAt), mac);
    row("MAC, opened with the passphrase", flipBit(kMacAt + 31, 7), mac, 0, ErrorCode::Corrupt, false, true);

    // A deliberate attacker recomputes the checksum: the MAC, or the key itself, still refuses.
    row("attacker: backup id", withChecksumFixed(flipBit(26)), mac);
    row("attacker: payload salt", withChecksumFixed(flipBit(10)), mac, 0, ErrorCode::Corrupt, false, true);
    row("attacker: chunk size", withChecksumFixed(flipBit(9)), mac);
    row("attacker: plaintext SHA-256", withChecksumFixed(flipBit(51)), mac);
    row("attacker: iterations, opened with the key", withChecksumFixed(flipBit(kStanza1 + 3 + 3)), mac);
    row("attacker: passphrase salt, opened with the passphrase", withChecksumFixed(flipBit(kStanza1 + 3 + 4)),
        "the passphrase is wrong", 0, ErrorCode::WrongKey, false, true);
    row("attacker: p384 key id", withChecksumFixed(flipBit(kStanza2 + 3)), "it is not encrypted to", 0,
        ErrorCode::WrongKey);
    row("attacker: p384 ephemeral point, other sign", withChecksumFixed(flipBit(kStanza2 + 3 + 8)),
        "does not open with that key");
    row("attacker: p384 wrapped key", withChecksumFixed(flipBit(kStanza2 + 3 + 57 + 10)),
        "does not open with that key");
    row("attacker: passphrase stanza removed", removeStanza(kStanza1, 3 + cfr::kPassphraseBodySize), mac);
    row("attacker: p384 stanza removed", removeStanza(kStanza2, 3 + cfr::kP384BodySize), mac, 0, ErrorCode::Corrupt,
        false, true);
    // At most one passphrase stanza (docs/format.md, reading rule 5), even under a valid MAC: a
    // crafted file must not make a reader run PBKDF2 once per stanza.
    const char *twoPassphrases = "The encryption header is not valid: it has more than one passphrase stanza";
    row("attacker: a second passphrase stanza, opened with the key",
        addPassphraseStanzas(kStanza2, 1, kFastIterations, m_fileKey), twoPassphrases);
    row("attacker: a second passphrase stanza, opened with the passphrase",
        addPassphraseStanzas(kStanza2, 1, kFastIterations, m_fileKey), twoPassphrases, 0, ErrorCode::Corrupt, false,
        true);
    row("attacker: a passphrase stanza after the key's, 10,000,000 iterations",
        addPassphraseStanzas(kChecksumAt, 1, cfr::kMaxIterations, m_fileKey), twoPassphrases, 0, ErrorCode::Corrupt,
        false, true);
    row("attacker: 31 passphrase stanzas and the key's",
        addPassphraseStanzas(kStanza2, cfr::kMaxStanzas - 2, cfr::kMaxIterations, m_fileKey), twoPassphrases, 0,
        ErrorCode::Corrupt, false, true);

    // Each chunk, in its body and in its tag: the chunks before it are all that is released.
    for (int k = 1; k <= 5; ++k) {
        const qsizetype end = k < 5 ? chunkAt(k + 1) : chunkAt(5) + 30000 + cfr::kTagSize;
        const QByteArray chunk = "Chunk " + QByteArray::number(k);
        QTest::addRow("chunk %d: body", k) << flipBit(chunkAt(k) + 1000 * k, k) << false << false << ErrorCode::Corrupt
                                           << QString::fromLatin1(chunk) << k - 1;
        QTest::addRow("chunk %d: tag", k) << flipBit(end - 1, 7) << false << false << ErrorCode::Corrupt
                                          << QString::fromLatin1(chunk + " (at byte ") << k - 1;
    }

    // Truncation.
    row("truncated inside the magic", truncateTo(5), "ends inside its header");
    row("truncated inside the stanzas", truncateTo(kStanza2 + 10), "ends inside its header");
    row("truncated inside the MAC", truncateTo(kHeaderSize - 1), "ends inside its header");
    row("truncated after the header", truncateTo(kHeaderSize), "it ends after its header, before any chunk");
    row("truncated at a chunk boundary", truncateTo(chunkAt(4)),
        "The file is truncated: it ends after chunk 3, which is not the final chunk", 2);
    row("final chunk dropped", truncateTo(chunkAt(5)), "it ends after chunk 4, which is not the final chunk", 3);
    row("truncated mid-chunk", truncateTo(chunkAt(3) + 1000), "Chunk 3 (at byte 131104 of the payload)", 2);
    row("truncated to less than a tag", truncateTo(chunkAt(3) + 5), "truncated: chunk 3 has only 5 bytes", 2);
    row("truncated inside the final chunk", truncateTo(m_sealed.size() - 1), "Chunk 5", 4);
    row("truncated inside a full final chunk", truncateTo(m_sealedExact.size() - 1), "Chunk 4", 3, ErrorCode::Corrupt,
        true);

    // Chunks dropped, repeated, reordered, appended; bytes added.
    row("chunk 1 dropped", removeRange(chunkAt(1), kSealedChunk), "Chunk 1", 0);
    row("chunk 2 dropped", removeRange(chunkAt(2), kSealedChunk), "Chunk 2", 1);
    row("chunk 2 repeated", insertCopy(chunkAt(3), chunkAt(2), kSealedChunk), "Chunk 3", 2);
    row("chunks 2 and 3 swapped", swapChunks(2, 3), "Chunk 2", 1);
    row("chunks 1 and 4 swapped", swapChunks(1, 4), "Chunk 1", 0);
    row("chunk appended after a short final chunk", appendCopyOfChunk(1), cutShort, 4);
    row("chunk appended after a full final chunk", appendCopyOfChunk(1), "follow the final chunk (chunk 4)", 3,
        ErrorCode::Corrupt, true);
    row("trailing bytes after a short final chunk", append("garbage"), cutShort, 4);
    row("trailing bytes after a full final chunk", append("garbage"), "follow the final chunk (chunk 4)", 3,
        ErrorCode::Corrupt, true);
    row("one trailing zero byte", append(QByteArray(1, '\0')), "something was appended", 3, ErrorCode::Corrupt, true);

    // Another file's header; other files altogether.
    row("header of another file, same keys", spliceHeaderOf(m_sameKeys), "Chunk 1 (at byte 0", 0);
    row("header of another file, same keys, by passphrase", spliceHeaderOf(m_sameKeys), "Chunk 1 (at byte 0", 0,
        ErrorCode::Corrupt, false, true);
    row("header of another file, other keys", spliceHeaderOf(m_otherKeys), "it is not encrypted to", 0,
        ErrorCode::WrongKey);
    row("empty file", replaceAll({}), "The encrypted file is empty");
    QByteArray sqlite("SQLite format 3\0", 16);
    sqlite.append(QByteArray(4080, '\0'));
    row("an SQLite database", replaceAll(sqlite), "not a Coffer encrypted file");
    row("a zstd stream", replaceAll(QByteArray::fromHex("28b52ffd2400110000")), "not a Coffer encrypted file");
    row("one byte", replaceAll(QByteArray(1, '\x89')), "ends inside its header");
}

void TestContainer::tamper()
{
    QFETCH(Mutation, mutation);
    QFETCH(bool, exact);
    QFETCH(bool, withPassphrase);
    QFETCH(ErrorCode, code);
    QFETCH(QString, fragment);
    QFETCH(int, released);
    const QByteArray &original = exact ? m_sealedExact : m_sealed;
    const QByteArray &plain = exact ? m_plainExact : m_plain;
    const QByteArray tampered = mutation(original);
    QVERIFY(tampered != original);
    // Whole, in odd pieces, and in the pieces a file reader uses: the same answer every time.
    for (const qsizetype piece : { qsizetype(0), qsizetype(4093), qsizetype(100000) }) {
        const Opened opened = decrypt(withPassphrase ? byPassphrase() : byAlice(), tampered, piece);
        QVERIFY(!opened.status);
        QCOMPARE(opened.status.error().code, code);
        QVERIFY2(opened.status.error().message.contains(fragment), qPrintable(opened.status.error().message));
        // Nothing unauthenticated: exactly the chunks before the damage.
        QCOMPARE(opened.plain.size(), released * kChunk);
        QVERIFY(opened.plain == plain.first(released * kChunk));
    }
}

void TestContainer::everyHeaderBitFlipped()
{
    // Every single-bit change of the header fails at once, as damage or an older Coffer's refusal.
    const QByteArray header = m_sealed.left(chunkAt(2)); // and a chunk, so that it is not cut short
    for (qsizetype at = 0; at < kHeaderSize; ++at) {
        for (int bit = 0; bit < 8; ++bit) {
            const Opened opened = decrypt(byAlice(), flipBit(at, bit)(header), 0);
            const QString where = QStringLiteral("byte %1 bit %2").arg(at).arg(bit);
            QVERIFY2(!opened.status, qPrintable(where));
            QVERIFY2(opened.plain.isEmpty(), qPrintable(where));
            const Error &error = opened.status.error();
            const QString expected = at < 8 ? QStringLiteral("not a Coffer encrypted file")
                : at == 8                   ? QStringLiteral("format version")
                : at >= kMacAt              ? QStringLiteral("MAC does not verify")
                : at >= kChecksumAt         ? QStringLiteral("checksum does not match")
                                            : QString();
            QCOMPARE(error.code, at == 8 ? ErrorCode::UnsupportedFormat : ErrorCode::Corrupt);
            if (!expected.isEmpty())
                QVERIFY2(error.message.contains(expected), qPrintable(where + QStringLiteral(": ") + error.message));
            else
                QVERIFY2(error.message.contains(QStringLiteral("checksum does not match"))
                        || error.message.startsWith(QStringLiteral("The encryption header is not valid")),
                    qPrintable(where + QStringLiteral(": ") + error.message));
        }
    }
}

void TestContainer::secondPassphraseStanza()
{
    // The attacker's tool is sound: resealing an unchanged header writes back the same bytes.
    QByteArray resealed = m_sealed;
    QVERIFY(resealHeader(resealed, *m_fileKey));
    QVERIFY(resealed == m_sealed);

    // The count is a rule of the header itself, checked right after the checksum: before the
    // credentials are looked at (none given is not "key required") and before any key is tried.
    const QByteArray twice = addPassphraseStanzas(kStanza2, 1, kFastIterations, m_fileKey)(m_sealed);
    QCOMPARE(headerSizeOf(twice), qsizetype(-1));
    qsizetype consumed = -1;
    const auto parsed = cfr::parseHeader(twice, &consumed);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::Corrupt);
    QCOMPARE(parsed.error().message,
        QStringLiteral("The encryption header is not valid: it has more than one passphrase stanza"));
    QCOMPARE(consumed, qsizetype(-1));
    const auto peeked = Decryptor::peek(twice);
    QVERIFY(!peeked);
    QCOMPARE(peeked.error().message, parsed.error().message);
    const QList<Credentials> attempts
        = { Credentials{}, byAlice(), byPassphrase(), Credentials{ { m_alice }, passphrase(kPassphrase) } };
    for (const Credentials &credentials : attempts) {
        const Opened opened = decrypt(credentials, twice, 0);
        QVERIFY(!opened.status);
        QCOMPARE(opened.status.error().code, ErrorCode::Corrupt);
        QCOMPARE(opened.status.error().message, parsed.error().message);
        QVERIFY(opened.plain.isEmpty());
        QCOMPARE(opened.releases, 0);
    }
}

QTEST_GUILESS_MAIN(TestContainer)
#include "tst_container.moc"
