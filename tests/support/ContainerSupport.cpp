#include "ContainerSupport.h"

#include "crypto/Decryptor.h"
#include "crypto/Encryptor.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>

using namespace coffer;

namespace testsupport {

namespace {

// Where the checksum is: after the fixed part and the stanzas, whose lengths are read as they
// stand (so a header the parser would refuse is still walked).
qsizetype checksumAt(const QByteArray &sealed)
{
    qsizetype at = cfr::kFixedSize;
    for (int i = 0; i < quint8(sealed.at(cfr::kFixedSize - 1)); ++i)
        at += 3 + (quint8(sealed.at(at + 1)) << 8 | quint8(sealed.at(at + 2)));
    return at;
}

} // namespace

QByteArray randomData(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(generator.bounded(256));
    return data;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray bytesOf(const SecretBytes &secret)
{
    return QByteArray(secret.chars(), secret.size());
}

std::shared_ptr<const SecretBytes> passphrase(const char *text)
{
    return std::make_shared<const SecretBytes>(text, qsizetype(qstrlen(text)));
}

ContainerInfo infoFor(const QByteArray &plain)
{
    return ContainerInfo{ .backupId = QStringLiteral("0123456789abcdef0123456789abcdef"),
        .innerCodec = Codec::None,
        .plaintextSize = plain.size(),
        .plaintextSha256 = QString::fromLatin1(sha256(plain).toHex()) };
}

Result<QByteArray> encrypt(
    const EncryptionKeys &keys, const QByteArray &plain, int chunkLog2, qsizetype piece, const ContainerInfo &info)
{
    auto encryptor = Encryptor::create(keys, info.backupId.isEmpty() ? infoFor(plain) : info, chunkLog2);
    if (!encryptor)
        return std::unexpected(encryptor.error());
    QByteArray out;
    const ByteSink sink = [&out](const char *data, qsizetype size) -> Result<void> {
        out.append(data, size);
        return {};
    };
    qsizetype at = 0;
    qsizetype uneven = 1000;
    while (at < plain.size()) {
        const qsizetype n = qMin(piece > 0 ? piece : uneven, plain.size() - at);
        if (auto written = (*encryptor)->write(plain.constData() + at, n, sink); !written)
            return std::unexpected(written.error());
        at += n;
        uneven = uneven * 3 % 200000 + 1;
    }
    if (auto finished = (*encryptor)->finish(sink); !finished)
        return std::unexpected(finished.error());
    return out;
}

Opened decrypt(const Credentials &credentials, const QByteArray &sealed, qsizetype piece)
{
    Decryptor decryptor(credentials);
    Opened opened{ {}, {} };
    const ByteSink sink = [&opened](const char *data, qsizetype size) -> Result<void> {
        opened.plain.append(data, size);
        opened.largestRelease = qMax(opened.largestRelease, size);
        ++opened.releases;
        return {};
    };
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(1, sealed.size());
    for (qsizetype at = 0; at < sealed.size() && opened.status; at += step)
        opened.status = decryptor.write(sealed.constData() + at, qMin(step, sealed.size() - at), sink);
    if (opened.status)
        opened.status = decryptor.finish(sink);
    return opened;
}

qsizetype headerSizeOf(const QByteArray &sealed)
{
    qsizetype consumed = 0;
    auto header = cfr::parseHeader(sealed, &consumed);
    return header && *header ? consumed : -1;
}

std::optional<SecretBytes> fileKeyOf(const QByteArray &sealed, const char *text)
{
    auto header = cfr::parseHeader(sealed, nullptr);
    if (!header || !*header)
        return std::nullopt;
    for (const cfr::Stanza &stanza : std::as_const((*header)->stanzas)) {
        if (stanza.type != cfr::StanzaType::Passphrase)
            continue;
        auto kek = cfr::passphraseKek(*passphrase(text), stanza.salt, stanza.iterations);
        if (!kek)
            return std::nullopt;
        auto key = cfr::unwrapKey(*kek, stanza.wrapped);
        if (!key || !*key)
            return std::nullopt;
        return std::move(**key);
    }
    return std::nullopt;
}

void fixChecksum(QByteArray &sealed)
{
    const qsizetype at = checksumAt(sealed);
    sealed.replace(at, cfr::kDigestSize, sha256(sealed.left(at)));
}

bool resealHeader(QByteArray &sealed, const SecretBytes &fileKey)
{
    fixChecksum(sealed);
    const qsizetype macAt = checksumAt(sealed) + cfr::kDigestSize;
    auto headerKey = cfr::headerKey(fileKey, sealed.mid(10, cfr::kSaltSize));
    if (!headerKey || sealed.size() < macAt + cfr::kDigestSize)
        return false;
    const QByteArray mac = cfr::headerMac(*headerKey, sealed.left(macAt));
    sealed.replace(macAt, cfr::kDigestSize, mac);
    return mac.size() == cfr::kDigestSize;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Mutation flipBit(qsizetype offset, int bit)
{
    return [=](QByteArray bytes) {
        bytes[offset] = char(bytes.at(offset) ^ (1 << bit));
        return bytes;
    };
}

Mutation setByte(qsizetype offset, char value)
{
    return [=](QByteArray bytes) {
        bytes[offset] = value;
        return bytes;
    };
}

Mutation withChecksumFixed(const Mutation &mutation)
{
    return [=](const QByteArray &bytes) {
        QByteArray changed = mutation(bytes);
        fixChecksum(changed);
        return changed;
    };
}

Mutation removeStanza(qsizetype at, qsizetype size)
{
    return withChecksumFixed([=](QByteArray bytes) {
        bytes.remove(at, size);
        bytes[cfr::kFixedSize - 1] = char(bytes.at(cfr::kFixedSize - 1) - 1);
        return bytes;
    });
}

Mutation truncateTo(qsizetype size)
{
    return [=](const QByteArray &bytes) { return bytes.left(size); };
}

Mutation removeRange(qsizetype at, qsizetype size)
{
    return [=](QByteArray bytes) { return bytes.remove(at, size); };
}

Mutation insertCopy(qsizetype at, qsizetype from, qsizetype size)
{
    return [=](QByteArray bytes) { return bytes.insert(at, bytes.mid(from, size)); };
}

Mutation swapChunks(int a, int b)
{
    return [=](const QByteArray &bytes) {
        QByteArray out = bytes;
        out.replace(chunkAt(a), kSealedChunk, bytes.mid(chunkAt(b), kSealedChunk));
        out.replace(chunkAt(b), kSealedChunk, bytes.mid(chunkAt(a), kSealedChunk));
        return out;
    };
}

Mutation appendCopyOfChunk(int k)
{
    return [=](const QByteArray &bytes) { return bytes + bytes.mid(chunkAt(k), kSealedChunk); };
}

Mutation append(const QByteArray &tail)
{
    return [=](const QByteArray &bytes) { return bytes + tail; };
}

Mutation replaceAll(const QByteArray &with)
{
    return [=](const QByteArray &) { return with; };
}

Mutation addPassphraseStanzas(qsizetype at, int copies, quint32 iterations, std::shared_ptr<const SecretBytes> fileKey)
{
    return [=](QByteArray bytes) {
        QByteArray stanza = bytes.mid(kStanza1, 3 + cfr::kPassphraseBodySize);
        for (int byte = 0; byte < 4; ++byte)
            stanza[3 + byte] = char(iterations >> (8 * (3 - byte)));
        for (int i = 0; i < copies; ++i)
            bytes.insert(at, stanza);
        bytes[cfr::kFixedSize - 1] = char(bytes.at(cfr::kFixedSize - 1) + copies);
        if (!fileKey || !resealHeader(bytes, *fileKey))
            qWarning("addPassphraseStanzas: could not reseal the header");
        return bytes;
    };
}

Mutation spliceHeaderOf(const QByteArray &other)
{
    return [=](const QByteArray &bytes) { return other.left(headerSizeOf(other)) + bytes.mid(headerSizeOf(bytes)); };
}

} // namespace testsupport
