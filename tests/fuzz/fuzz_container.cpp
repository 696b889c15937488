// libFuzzer target for the cfr1 encryption container (issue 4, tests/fuzz/README.md):
// cfr::parseHeader, Decryptor::peek and the streaming Decryptor. Raw inputs reach the header
// parser; structured inputs describe a container that this harness builds and seals itself
// under fixed keys, so that the stanzas, the MAC and the chunk path (success included) are
// reached. Every release of plaintext is checked against an independent AES-GCM decryption.
#include "FuzzFixture.h"
#include "FuzzSeeds.h"

#include "crypto/Decryptor.h"

#include <QCryptographicHash>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace coffer;
using namespace coffer::fuzz;

namespace {

constexpr qsizetype kMaxStream = 4 * 1024 * 1024; // keeps one execution in milliseconds
constexpr qsizetype kMaxHeaderBytes
    = cfr::kFixedSize + cfr::kMaxStanzas * (3 + cfr::kP384BodySize) + 2 * cfr::kDigestSize;

int passphraseStanzas(const cfr::Header &h)
{
    int n = 0;
    for (const cfr::Stanza &stanza : h.stanzas)
        n += stanza.type == cfr::StanzaType::Passphrase ? 1 : 0;
    return n;
}

// The input, read field by field from the front; zero once it runs out.
class Input final
{
public:
    Input(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    quint8 u8() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    quint16 u16()
    {
        const quint16 high = u8();
        return quint16(high << 8 | u8());
    }
    quint32 u32()
    {
        const quint32 high = u16();
        return high << 16 | u16();
    }
    QByteArray take(size_t n)
    {
        n = qMin(n, m_size - m_pos);
        QByteArray out(reinterpret_cast<const char *>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return out;
    }
    QByteArray rest() { return take(m_size - m_pos); }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

bool g_verbose = false; // COFFER_FUZZ_VERBOSE: say what each input did

// A chunk the structured mode placed in the stream; `authentic` when sealed here and left whole.
struct Placed {
    qsizetype offset = 0;
    qsizetype size = 0;
    bool authentic = false;
    QByteArray plain;
};

// Checks each release of plaintext: a whole chunk, only once bytes follow it (or at finish),
// authentic under the only file key there is, and (structured mode) one the harness sealed.
class Oracle final
{
public:
    Oracle(const QByteArray &stream, const QList<Placed> *placed)
        : m_stream(stream)
        , m_placed(placed)
    {
    }

    void release(const Decryptor &decryptor, int index, bool inFinish, qsizetype fed, QByteArrayView data)
    {
        FUZZ_CHECK(decryptor.header().has_value());
        const cfr::Header &h = *decryptor.header();
        const QByteArray headerBytes = h.bytes();
        FUZZ_CHECK(m_stream.startsWith(headerBytes));
        if (!m_payloadKey) {
            // The decryptor opened this header, so its MAC must verify under the fixture's file key.
            const SecretBytes headerKey = must(cfr::headerKey(fixture().fileKey, h.payloadSalt), "headerKey");
            FUZZ_CHECK(cfr::headerMac(headerKey, h.checkedBytes()) == h.mac);
            m_payloadKey.emplace(must(cfr::payloadKey(fixture().fileKey, h.payloadSalt), "payloadKey"));
        }
        const qsizetype full = h.chunkSize() + cfr::kTagSize;
        const qsizetype start = headerBytes.size() + qsizetype(index) * full;
        const qsizetype window = inFinish ? m_stream.size() - start : full;
        if (inFinish)
            FUZZ_CHECK(fed == m_stream.size());
        else
            FUZZ_CHECK(start + full < fed, QStringLiteral("released chunk %1 before bytes followed it").arg(index));
        FUZZ_CHECK(window >= cfr::kTagSize && data.size() == window - cfr::kTagSize);
        FUZZ_CHECK(data.size() <= h.chunkSize());
        FUZZ_CHECK(!(inFinish && index > 0 && data.isEmpty()), QStringLiteral("an empty final chunk was accepted"));
        const auto expected = openSealed(
            *m_payloadKey, quint64(index), inFinish, h.mac, QByteArrayView(m_stream).sliced(start, window));
        FUZZ_CHECK(expected.has_value(), QStringLiteral("chunk %1 released without authenticating").arg(index));
        FUZZ_CHECK(*expected == data);
        if (m_placed) {
            bool found = false;
            for (const Placed &p : *m_placed)
                if (p.offset == start && p.size == window) {
                    FUZZ_CHECK(p.authentic && p.plain == data);
                    found = true;
                }
            FUZZ_CHECK(found);
        }
    }

private:
    const QByteArray &m_stream;
    const QList<Placed> *m_placed;
    std::optional<SecretBytes> m_payloadKey;
};

struct Outcome {
    std::optional<Error> error; // nullopt: finish() succeeded
    int releases = 0;
    bool sinkFailed = false;
};

// Feeds `stream` to a Decryptor in pieces drawn from `pieceSeed` (0: all at once), then finishes.
Outcome decrypt(const QByteArray &stream, const Credentials &credentials, quint32 pieceSeed, int failAt,
    const QList<Placed> *placed)
{
    Decryptor decryptor(credentials);
    Oracle oracle(stream, placed);
    Outcome outcome;
    qsizetype fed = 0;
    bool inFinish = false;
    const ByteSink sink = [&](const char *data, qsizetype size) -> Result<void> {
        FUZZ_CHECK(!outcome.sinkFailed);
        oracle.release(decryptor, outcome.releases, inFinish, fed, QByteArrayView(data, size));
        if (outcome.releases++ == failAt) {
            outcome.sinkFailed = true;
            return fail(ErrorCode::Io, QStringLiteral("the sink failed"));
        }
        return {};
    };
    auto settle = [&](const Result<void> &result) {
        if (result)
            return false;
        outcome.error = result.error();
        return true;
    };

    quint32 state = pieceSeed * 2654435761u + 1;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    while (fed < stream.size()) {
        qsizetype piece = stream.size() - fed;
        if (pieceSeed != 0)
            piece = qMin<qsizetype>(piece, next() % (qsizetype(1) << (next() % 19)));
        const char *data = stream.constData() + fed;
        fed += piece;
        if (settle(decryptor.write(data, piece, sink)))
            break;
    }
    if (!outcome.error) {
        inFinish = true;
        settle(decryptor.finish(sink));
    }

    if (outcome.error) {
        const ErrorCode code = outcome.error->code;
        FUZZ_CHECK(!outcome.error->message.isEmpty());
        if (outcome.sinkFailed)
            FUZZ_CHECK(code == ErrorCode::Io, outcome.error->toString());
        else
            FUZZ_CHECK(code == ErrorCode::Corrupt || code == ErrorCode::UnsupportedFormat
                    || code == ErrorCode::KeyRequired || code == ErrorCode::WrongKey,
                outcome.error->toString());
        if (code == ErrorCode::KeyRequired)
            FUZZ_CHECK(credentials.isEmpty());
    } else {
        FUZZ_CHECK(outcome.releases >= 1 && decryptor.header().has_value());
    }
    (void)decryptor.info();
    if (inFinish) {
        // Once finished, the decryptor takes nothing more and releases nothing more.
        const int releases = outcome.releases;
        const auto again = decryptor.finish(sink);
        const auto more = decryptor.write(stream.constData(), qMin<qsizetype>(stream.size(), 1), sink);
        FUZZ_CHECK(!again && again.error().code == ErrorCode::Internal && !more
            && more.error().code == ErrorCode::Internal && outcome.releases == releases);
    }
    if (g_verbose)
        std::fprintf(stderr, "fuzz_container: %lld bytes, %d chunks released, %s\n", qlonglong(stream.size()),
            outcome.releases, outcome.error ? qPrintable(outcome.error->toString()) : "success");
    return outcome;
}

// parseHeader and peek on arbitrary bytes.
void checkHeaderParser(const QByteArray &bytes)
{
    qsizetype consumed = -1;
    const auto parsed = cfr::parseHeader(bytes, &consumed);
    const auto peeked = Decryptor::peek(bytes);
    if (!parsed) {
        FUZZ_CHECK(!peeked && peeked.error().code == parsed.error().code);
        FUZZ_CHECK(consumed == -1);
        // The error is in bytes already seen: more bytes cannot undo it.
        const auto longer = cfr::parseHeader(bytes + QByteArray(64, '\0'), nullptr);
        FUZZ_CHECK(!longer && longer.error().code == parsed.error().code);
        return;
    }
    if (!*parsed) {
        FUZZ_CHECK(bytes.size() < kMaxHeaderBytes, QStringLiteral("wants more than %1 bytes").arg(bytes.size()));
        FUZZ_CHECK(!peeked && peeked.error().code == ErrorCode::Corrupt);
        return;
    }
    const cfr::Header &h = **parsed;
    FUZZ_CHECK(peeked && peeked->mac == h.mac);
    FUZZ_CHECK(consumed > 0 && consumed <= bytes.size() && consumed <= kMaxHeaderBytes);
    FUZZ_CHECK(h.version == cfr::kVersion && h.chunkLog2 >= cfr::kMinChunkLog2 && h.chunkLog2 <= cfr::kMaxChunkLog2);
    FUZZ_CHECK(!h.stanzas.isEmpty() && h.stanzas.size() <= cfr::kMaxStanzas);
    // One passphrase stanza at most (docs/format.md, reading rule 5): no file buys more PBKDF2.
    FUZZ_CHECK(passphraseStanzas(h) <= 1, QStringLiteral("%1 passphrase stanzas").arg(passphraseStanzas(h)));
    FUZZ_CHECK(cfr::innerCodec(h.innerCodec).has_value());
    FUZZ_CHECK(h.checksum == QCryptographicHash::hash(h.bodyBytes(), QCryptographicHash::Sha256));
    for (const cfr::Stanza &stanza : h.stanzas)
        if (stanza.type == cfr::StanzaType::Passphrase)
            FUZZ_CHECK(stanza.iterations >= cfr::kMinIterations && stanza.iterations <= cfr::kMaxIterations);
    // The header as data writes back to exactly the bytes it was read from.
    FUZZ_CHECK(h.bytes() == bytes.first(consumed));
    // A stream that has delivered only part of a valid header is told to wait, not failed.
    for (const qsizetype cut : { consumed - 1, consumed / 2, qsizetype(cfr::kFixedSize) }) {
        if (cut < 0 || cut >= consumed)
            continue;
        const auto prefix = cfr::parseHeader(bytes.first(cut), nullptr);
        FUZZ_CHECK(
            prefix && !*prefix, QStringLiteral("a %1-byte prefix of a valid header is not 'need more'").arg(cut));
    }
}

// Raw mode: the input after two control bytes is the file.
void fuzzRaw(quint8 control, Input &in)
{
    const quint8 pieceSeed = in.u8();
    const QByteArray bytes = in.rest();
    checkHeaderParser(bytes);
    const int failAt = (control & 0x10) ? (control >> 5) % 4 : -1;
    decrypt(bytes, credentialsFor((control >> 1) & 3), pieceSeed, failAt, nullptr);
}

// Structured mode: a header from the fixture with field choices and byte patches (checksum and MAC
// recomputed unless told not to), then chunks sealed here with chosen counters, final flags,
// lengths and damage, fed in chosen pieces. Layout: tests/fuzz/README.md.
void fuzzStructured(quint8 control, Input &in)
{
    const quint8 pieceSeed = in.u8();
    const quint8 flags = in.u8();
    cfr::Header h = fixture().base;
    h.chunkLog2 = cfr::kMinChunkLog2 + in.u8() % 5;
    const quint8 codec = in.u8();
    h.innerCodec = codec >= 0xf0 ? codec : codec % 3;
    h.plaintextSize = in.u32();
    const bool withRecipient = !(flags & 0x01);
    const bool withOther = flags & 0x04;
    for (int i = 0; i < (flags >> 6) * 11; ++i)
        h.stanzas << fixture().passphraseStanza;
    if (flags & 0x02)
        h.stanzas << fixture().passphraseStanza;
    if (withOther && (flags & 0x08))
        h.stanzas << fixture().otherStanza;
    if (withRecipient)
        h.stanzas << fixture().recipientStanza;
    if (withOther && !(flags & 0x08))
        h.stanzas << fixture().otherStanza;
    if (h.stanzas.isEmpty())
        h.stanzas << fixture().passphraseStanza;
    // More than one passphrase stanza (0, 11, 22 or 33 copies, and one more) is still built: a
    // header that is sound otherwise must then be refused as damaged, whatever the MAC says.
    const int passphrases = passphraseStanzas(h);

    const QByteArray original = h.bodyBytes();
    QByteArray body = original;
    const int patches = in.u8() % 8;
    for (int i = 0; i < patches; ++i) {
        const quint8 op = in.u8();
        const quint16 pos = in.u16();
        const quint8 value = in.u8();
        switch (op % 4) {
        case 0:
            body[pos % body.size()] = char(value);
            break;
        case 1:
            body[pos % body.size()] = char(body.at(pos % body.size()) ^ (value | 1));
            break;
        case 2:
            body.insert(pos % (body.size() + 1), char(value));
            break;
        default:
            if (body.size() > 1)
                body.remove(pos % body.size(), 1);
        }
    }
    const auto sha
        = [](const QByteArray &bytes) { return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); };
    const auto mac = [](const QByteArray &checked, const QByteArray &salt) {
        return cfr::headerMac(must(cfr::headerKey(fixture().fileKey, salt), "headerKey"), checked);
    };
    // The salt where the parser will read it, so that a patched salt still gets a matching MAC.
    const QByteArray salt = body.size() >= 10 + cfr::kSaltSize ? body.mid(10, cfr::kSaltSize) : h.payloadSalt;
    const QByteArray checksum = (flags & 0x10) ? sha(original) : sha(body);
    const QByteArray headerMac
        = (flags & 0x20) ? mac(original + sha(original), h.payloadSalt) : mac(body + checksum, salt);
    QByteArray stream = body + checksum + headerMac;
    const qsizetype headerSize = stream.size();
    const int credentials = (control >> 1) & 3;
    const bool opens = (withRecipient && (credentials == 0 || credentials == 3))
        || (withOther && (credentials == 2 || credentials == 3));
    const bool sound = body == original && h.innerCodec <= 2 && h.stanzas.size() <= cfr::kMaxStanzas;
    const bool tooManyPassphrases = sound && passphrases > 1;
    bool valid = sound && passphrases <= 1 && opens;

    const SecretBytes payloadKey = must(cfr::payloadKey(fixture().fileKey, salt), "payloadKey");
    const qsizetype chunk = h.chunkSize();
    QList<Placed> placed;
    const int count = in.u8() % 9;
    valid = valid && count > 0;
    for (int i = 0; i < count && stream.size() < kMaxStream; ++i) {
        const quint8 mode = in.u8();
        const quint32 length = in.u32();
        const quint8 counter = in.u8();
        const quint32 flipAt = in.u32();
        const quint8 flipBit = in.u8();
        const quint32 cut = in.u32();
        const quint8 seed = in.u8();
        const bool last = i == count - 1;
        qsizetype size = chunk;
        switch (mode & 3) {
        case 0:
            size = last ? length % chunk + 1 : chunk;
            break;
        case 1:
            break;
        case 2:
            size = length % (chunk + 1);
            break;
        default:
            size = 0;
        }
        Placed p;
        p.offset = stream.size();
        QByteArray bytes;
        if (mode & 0x80) {
            bytes = chunkPlain(i, seed, qsizetype(length % (chunk + cfr::kTagSize + 17)));
        } else {
            p.plain = chunkPlain(i, seed, size);
            const bool final = (mode & 0x08) ? !last : last;
            const QByteArray aad = (mode & 0x40) ? headerMac.left(cfr::kDigestSize - 1) : headerMac;
            bytes = seal(payloadKey, (mode & 0x04) ? counter : quint64(i), final, aad, p.plain);
            p.authentic = !(mode & 0x40);
        }
        if ((mode & 0x10) && !bytes.isEmpty()) {
            const qsizetype at = flipAt % bytes.size();
            bytes[at] = char(bytes.at(at) ^ (1 << (flipBit % 8)));
            p.authentic = false;
        }
        if ((mode & 0x20) && !bytes.isEmpty()) {
            bytes.truncate(cut % bytes.size());
            p.authentic = false;
        }
        p.size = bytes.size();
        valid = valid && p.authentic && (mode & 0x0c) == 0 && (last ? (size > 0 || i == 0) : size == chunk);
        stream += bytes;
        placed << p;
    }
    valid = valid && placed.size() == count;
    const QByteArray trailing = in.take(in.u8() % 64);
    valid = valid && trailing.isEmpty();
    stream += trailing;
    const int failAt = (control & 0x10) ? (control >> 5) % 4 : -1;
    if (g_verbose)
        std::fprintf(stderr, "fuzz_container: structured, %s\n", valid ? "valid" : "not valid");

    checkHeaderParser(stream.left(headerSize + 8));
    const Outcome outcome = decrypt(stream, credentialsFor(credentials), pieceSeed, failAt, &placed);
    if (tooManyPassphrases)
        FUZZ_CHECK(outcome.error && outcome.error->code == ErrorCode::Corrupt
                && outcome.error->message.contains(QStringLiteral("more than one passphrase stanza"))
                && outcome.releases == 0,
            QStringLiteral("%1 passphrase stanzas: %2")
                .arg(passphrases)
                .arg(outcome.error ? outcome.error->toString() : QStringLiteral("opened")));
    if (valid) {
        if (failAt >= 0 && failAt < count)
            FUZZ_CHECK(outcome.sinkFailed && outcome.releases == failAt + 1);
        else
            FUZZ_CHECK(!outcome.error && outcome.releases == count,
                QStringLiteral("a valid stream was refused: %1")
                    .arg(outcome.error ? outcome.error->toString() : QString()));
    }
    if (control & 0x08) {
        // The same stream in one piece: the same verdict and the same releases.
        const Outcome whole = decrypt(stream, credentialsFor(credentials), 0, failAt, &placed);
        FUZZ_CHECK(whole.releases == outcome.releases && whole.error.has_value() == outcome.error.has_value());
        if (whole.error)
            FUZZ_CHECK(whole.error->code == outcome.error->code,
                QStringLiteral("%1 / %2").arg(whole.error->toString(), outcome.error->toString()));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    (void)fixture();
    g_verbose = qEnvironmentVariableIsSet("COFFER_FUZZ_VERBOSE");
    if (const QByteArray dir = qgetenv("COFFER_FUZZ_WRITE_SEEDS"); !dir.isEmpty()) {
        writeSeeds(QString::fromLocal8Bit(dir));
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Input in(data, size);
    const quint8 control = in.u8();
    if (control & 1)
        fuzzStructured(control, in);
    else
        fuzzRaw(control, in);
    return 0;
}
