// Keys of the encryption container (core/crypto): Identity files saved and loaded (and made by
// OpenSSL), an encrypted PEM that must never prompt, public key text, and key ids.
#include "ContainerSupport.h"
#include "TestSupport.h"

#include "crypto/Decryptor.h"
#include "crypto/Encryptor.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace coffer;
using namespace testsupport;

namespace {

// Runs openssl; false (with its stderr printed) when it is missing or fails.
bool openssl(const QStringList &arguments, QByteArray *out = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning(
            "openssl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void keyIdsAndPeek();
    void identitySaveLoad();
    void identityFromOpenssl();
    void identityLoadRefuses_data();
    void identityLoadRefuses();
    void encryptedPemNeverPrompts();
    void publicKeyText_data();
    void publicKeyText();

private:
    Identity m_alice;
    Identity m_bob;
    QByteArray m_plain; // a full chunk and a short second one
    QByteArray m_sealed; // m_plain to alice
    QTemporaryDir m_dir;
};

void TestKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (Identity *identity : { &m_alice, &m_bob }) {
        auto made = Identity::generate();
        COFFER_VERIFY_OK(made);
        *identity = *made;
    }
    m_plain = randomData(kChunk + 30000, 1);
    EncryptionKeys keys;
    keys.recipients = { m_alice.publicKey() };
    auto sealed = encrypt(keys, m_plain);
    COFFER_VERIFY_OK(sealed);
    m_sealed = *sealed;
}

void TestKeys::keyIdsAndPeek()
{
    EncryptionKeys keys;
    keys.passphrase = passphrase(kPassphrase);
    keys.iterations = kFastIterations;
    keys.recipients = { m_alice.publicKey(), m_bob.publicKey(), m_alice.publicKey() };
    const QStringList expected
        = { QStringLiteral("passphrase"), m_alice.publicKey().keyId(), m_bob.publicKey().keyId() };
    QCOMPARE(keys.keyIds(), expected);
    auto encryptor = Encryptor::create(keys, infoFor({}), kSmallChunks);
    COFFER_VERIFY_OK(encryptor);
    QCOMPARE((*encryptor)->keyIds(), expected);

    // A recipient given twice gets one stanza.
    auto sealed = encrypt(keys, QByteArrayLiteral("x"));
    COFFER_VERIFY_OK(sealed);
    auto header = Decryptor::peek(sealed->left(4096));
    COFFER_VERIFY_OK(header);
    QCOMPARE(header->recipientIds(), expected);
    QCOMPARE(header->stanzas.size(), 3);
    QCOMPARE(header->stanzas.at(1).keyId, m_alice.publicKey().keyIdBytes());
    QCOMPARE(header->backupId.toHex(), QByteArray("0123456789abcdef0123456789abcdef"));

    // The key id is "p384:" and the first 8 bytes of the point's SHA-256, in hex.
    const QString aliceId = m_alice.publicKey().keyId();
    QVERIFY2(QRegularExpression(QStringLiteral("^p384:[0-9a-f]{16}$")).match(aliceId).hasMatch(), qPrintable(aliceId));
    QCOMPARE(aliceId.mid(5).toLatin1(), sha256(m_alice.publicKey().point()).left(8).toHex());
    QCOMPARE(Credentials({ { m_alice, m_bob }, passphrase("x") }).keyIds(), expected);

    auto cut = Decryptor::peek(sealed->left(100));
    QVERIFY(!cut);
    QCOMPARE(cut.error().code, ErrorCode::Corrupt);
    QVERIFY2(cut.error().message.contains(QStringLiteral("ends inside its header")), qPrintable(cut.error().message));
    auto foreign = Decryptor::peek(QByteArrayLiteral("SQLite format 3"));
    QVERIFY(!foreign);
    QVERIFY2(foreign.error().message.contains(QStringLiteral("not a Coffer encrypted file")),
        qPrintable(foreign.error().message));
}

void TestKeys::identitySaveLoad()
{
    const QString path = m_dir.filePath(QStringLiteral("saved.key"));
    COFFER_VERIFY_OK(m_alice.save(path));
    struct stat info {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    const QByteArray text = readFile(path);
    QVERIFY2(text.startsWith("# Coffer private key, created "), text.constData());
    QVERIFY(text.contains("# public key: " + m_alice.publicKey().toText().toLatin1() + "\n"));
    QVERIFY(text.contains("-----BEGIN PRIVATE KEY-----\n"));
    QVERIFY(text.endsWith("-----END PRIVATE KEY-----\n"));

    auto loaded = Identity::load(path);
    COFFER_VERIFY_OK(loaded);
    QVERIFY(loaded->publicKey() == m_alice.publicKey());
    // The private half came back too: it opens what was sealed to alice.
    const Opened opened = decrypt(Credentials{ { *loaded }, {} }, m_sealed);
    COFFER_VERIFY_OK(opened.status);
    QVERIFY(opened.plain == m_plain);

    // Never replaces a key file, not even with another key.
    for (const Identity &identity : { m_alice, m_bob }) {
        auto again = identity.save(path);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Io);
        QCOMPARE(readFile(path), text);
    }
}

void TestKeys::identityFromOpenssl()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        COFFER_SKIP_UNLESS_CI("openssl is not installed");
    // Coffer's key file reads in stock OpenSSL, and a P-384 key OpenSSL made works in Coffer: the
    // same public key both ways (the compressed point ends the DER of the public key).
    const auto publicPoint = [](const QString &path) {
        QByteArray der;
        openssl({ QStringLiteral("ec"), QStringLiteral("-in"), path, QStringLiteral("-pubout"),
                    QStringLiteral("-conv_form"), QStringLiteral("compressed"), QStringLiteral("-outform"),
                    QStringLiteral("DER") },
            &der);
        return der.right(PublicKey::kPointSize).toHex();
    };
    const QString saved = m_dir.filePath(QStringLiteral("for-openssl.key"));
    COFFER_VERIFY_OK(m_bob.save(saved));
    QCOMPARE(publicPoint(saved), m_bob.publicKey().point().toHex());

    const QString made = m_dir.filePath(QStringLiteral("openssl-p384.pem"));
    QVERIFY(openssl({ QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384"), QStringLiteral("-out"), made }));
    auto loaded = Identity::load(made);
    COFFER_VERIFY_OK(loaded);
    QCOMPARE(loaded->publicKey().point().toHex(), publicPoint(made));
}

void TestKeys::identityLoadRefuses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("fragment");
    const QString notAKey = QStringLiteral("is not a Coffer private key");
    QTest::newRow("missing") << QStringLiteral("missing") << ErrorCode::NotFound << QStringLiteral("no key file");
    QTest::newRow("empty") << QStringLiteral("empty") << ErrorCode::Corrupt << notAKey;
    QTest::newRow("garbage") << QStringLiteral("garbage") << ErrorCode::Corrupt << notAKey;
    QTest::newRow("a public key text") << QStringLiteral("public") << ErrorCode::Corrupt << notAKey;
    QTest::newRow("damaged PEM") << QStringLiteral("damaged") << ErrorCode::Corrupt << notAKey;
    QTest::newRow("too large") << QStringLiteral("large") << ErrorCode::Corrupt << QStringLiteral("too large");
    QTest::newRow("RSA key from openssl")
        << QStringLiteral("rsa") << ErrorCode::Corrupt << QStringLiteral("a key of another kind");
    QTest::newRow("P-256 key from openssl")
        << QStringLiteral("p256") << ErrorCode::Corrupt << QStringLiteral("a key of another kind");
    QTest::newRow("encrypted PEM from openssl") << QStringLiteral("encrypted") << ErrorCode::Corrupt << notAKey;
}

void TestKeys::identityLoadRefuses()
{
    QFETCH(QString, kind);
    QFETCH(ErrorCode, code);
    QFETCH(QString, fragment);
    const QString path = m_dir.filePath(kind + QStringLiteral(".key"));
    const QString saved = m_dir.filePath(kind + QStringLiteral("-good.key"));
    if (kind == QStringLiteral("empty")) {
        QVERIFY(writeFile(path, {}));
    } else if (kind == QStringLiteral("garbage")) {
        QVERIFY(writeFile(path, randomData(3000, 5)));
    } else if (kind == QStringLiteral("public")) {
        QVERIFY(writeFile(path, m_alice.publicKey().toText().toLatin1() + '\n'));
    } else if (kind == QStringLiteral("damaged")) {
        COFFER_VERIFY_OK(m_alice.save(saved));
        QByteArray text = readFile(saved);
        const qsizetype body = text.indexOf("-----BEGIN PRIVATE KEY-----\n") + 28;
        text.remove(body + 10, 8);
        QVERIFY(writeFile(path, text));
    } else if (kind == QStringLiteral("large")) {
        QVERIFY(writeFile(path, QByteArray(65 * 1024, '#')));
    } else if (kind != QStringLiteral("missing")) {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            COFFER_SKIP_UNLESS_CI("openssl is not installed");
        QStringList arguments = { QStringLiteral("genpkey"), QStringLiteral("-out"), path };
        if (kind == QStringLiteral("rsa"))
            arguments << QStringLiteral("-algorithm") << QStringLiteral("RSA") << QStringLiteral("-pkeyopt")
                      << QStringLiteral("rsa_keygen_bits:2048");
        else
            arguments << QStringLiteral("-algorithm") << QStringLiteral("EC") << QStringLiteral("-pkeyopt")
                      << (kind == QStringLiteral("p256") ? QStringLiteral("ec_paramgen_curve:P-256")
                                                         : QStringLiteral("ec_paramgen_curve:P-384"));
        if (kind == QStringLiteral("encrypted"))
            arguments << QStringLiteral("-aes256") << QStringLiteral("-pass") << QStringLiteral("pass:secret");
        QVERIFY(openssl(arguments));
    }
    auto loaded = Identity::load(path);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, code);
    QVERIFY2(loaded.error().message.contains(fragment), qPrintable(loaded.error().message));
}

void TestKeys::encryptedPemNeverPrompts()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        COFFER_SKIP_UNLESS_CI("openssl is not installed");
    const QString path = m_dir.filePath(QStringLiteral("prompt.key"));
    QVERIFY(openssl({ QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384"), QStringLiteral("-aes256"),
        QStringLiteral("-pass"), QStringLiteral("pass:secret"), QStringLiteral("-out"), path }));
    // In a child without a terminal whose stdin holds the right password: OpenSSL's own prompt
    // would read it from there and load the key. Coffer must refuse instead, and say nothing.
    int in[2];
    int err[2];
    QCOMPARE(::pipe(in), 0);
    QCOMPARE(::pipe(err), 0);
    QCOMPARE(::write(in[1], "secret\n", 7), ssize_t(7));
    ::close(in[1]);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::setsid();
        ::alarm(60);
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        auto loaded = Identity::load(path);
        ::_exit(loaded ? 1 : loaded.error().code == ErrorCode::Corrupt ? 0 : 2);
    }
    ::close(in[0]);
    ::close(err[1]);
    QByteArray said;
    char buffer[512];
    for (ssize_t n; (n = ::read(err[0], buffer, sizeof buffer)) > 0;)
        said.append(buffer, n);
    ::close(err[0]);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(WIFEXITED(status), "the child was killed (stuck at a prompt?)");
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY2(!said.contains("pass phrase"), said.constData());
}

void TestKeys::publicKeyText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fragment"); // empty: it reads, as alice's key
    const QString good = m_alice.publicKey().toText();
    const QString encoded = good.mid(PublicKey::kTextPrefix.size());
    const auto text = [](const QByteArray &point) {
        return PublicKey::kTextPrefix
            + QString::fromLatin1(point.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    const QString prefix = QStringLiteral("should start with coffer-p384:");
    const QString damaged = QStringLiteral("is damaged (copy the whole line)");
    QTest::newRow("as written") << good << QString();
    QTest::newRow("with white space around") << QStringLiteral("  \t") + good + QStringLiteral("\r\n") << QString();
    QTest::newRow("empty") << QString() << prefix;
    QTest::newRow("an age key") << QStringLiteral("age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")
                                << prefix;
    QTest::newRow("an ssh key") << QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5")
                                << prefix;
    QTest::newRow("prefix in capitals") << QStringLiteral("COFFER-P384:") + encoded << prefix;
    QTest::newRow("prefix only") << PublicKey::kTextPrefix << damaged;
    QTest::newRow("last character lost") << good.chopped(1) << damaged;
    QTest::newRow("a character added") << good + QLatin1Char('A') << damaged;
    QTest::newRow("standard base64's +") << QString(good).replace(20, 1, QLatin1Char('+')) << damaged;
    QTest::newRow("standard base64's /") << QString(good).replace(30, 1, QLatin1Char('/')) << damaged;
    QTest::newRow("not base64") << QString(good).replace(40, 1, QLatin1Char('!')) << damaged;
    QTest::newRow("a comment after it") << good + QStringLiteral(" alice@laptop") << damaged;
    QTest::newRow("x outside the field") << text(QByteArray(1, '\x02') + QByteArray(48, '\xff'))
                                         << QStringLiteral("not a point on the P-384 curve");
    QTest::newRow("uncompressed prefix") << text(QByteArray(1, '\x04') + m_alice.publicKey().point().mid(1))
                                         << QStringLiteral("not a compressed P-384 point");
}

void TestKeys::publicKeyText()
{
    QFETCH(QString, text);
    QFETCH(QString, fragment);
    auto key = PublicKey::fromText(text);
    if (fragment.isEmpty()) {
        COFFER_VERIFY_OK(key);
        QVERIFY(*key == m_alice.publicKey());
        QCOMPARE(key->keyId(), m_alice.publicKey().keyId());
        QCOMPARE(key->toText().size(), 78);
        return;
    }
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(key.error().message.contains(fragment), qPrintable(key.error().message));
}

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"
