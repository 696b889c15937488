#include "FuzzSeeds.h"

#include "FuzzFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <cstdio>

namespace coffer::fuzz {

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        violated("cannot write a seed", __LINE__, path);
}

// A structured input, field by field as fuzzStructured reads it.
struct SeedWriter {
    QByteArray bytes;
    SeedWriter &u8(quint8 v)
    {
        bytes.append(char(v));
        return *this;
    }
    SeedWriter &u16(quint16 v) { return u8(quint8(v >> 8)).u8(quint8(v)); }
    SeedWriter &u32(quint32 v) { return u16(quint16(v >> 16)).u16(quint16(v)); }
    // control, piece seed, stanza flags, chunk log2, codec, plaintext size, no patches
    static SeedWriter header(quint8 control, quint8 pieces, quint8 flags, quint8 log2 = 0, quint8 codec = 1)
    {
        SeedWriter w;
        w.u8(control).u8(pieces).u8(flags).u8(log2).u8(codec).u32(4096);
        return w;
    }
    SeedWriter &chunk(quint8 mode, quint32 length = 100, quint8 counter = 0, quint32 flip = 0, quint32 cut = 0)
    {
        return u8(mode).u32(length).u8(counter).u32(flip).u8(3).u32(cut).u8(0x61);
    }
};

} // namespace

void writeSeeds(const QString &dir)
{
    QDir().mkpath(dir);
    QList<QByteArray> structured;
    structured << SeedWriter::header(1, 0, 0).u8(0).u8(0).bytes; // header only
    structured << SeedWriter::header(1, 0, 0).u8(0).u8(1).chunk(0).u8(0).bytes; // one short chunk
    structured << SeedWriter::header(1, 7, 0).u8(0).u8(3).chunk(0).chunk(0).chunk(0, 5000).u8(0).bytes;
    structured << SeedWriter::header(1, 0, 0).u8(0).u8(1).chunk(3).u8(0).bytes; // empty file
    structured << SeedWriter::header(1, 0, 0).u8(0).u8(2).chunk(0).chunk(3).u8(0).bytes; // empty final chunk
    structured << SeedWriter::header(7, 3, 0x06, 1).u8(0).u8(2).chunk(0).chunk(0, 77).u8(0).bytes; // 3 stanzas
    structured << SeedWriter::header(5, 0, 0x0e, 4, 2).u8(0).u8(2).chunk(0).chunk(0).u8(0).bytes; // other opens
    structured << SeedWriter::header(3, 0, 0).u8(0).u8(1).chunk(0).u8(0).bytes; // no credentials
    structured << SeedWriter::header(1, 0, 0xc2).u8(0).u8(1).chunk(0).u8(0).bytes; // 35 stanzas
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(2).chunk(0).chunk(0x04, 100, 5).u8(0).bytes; // counter
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(2).chunk(0x08).chunk(0).u8(0).bytes; // early final
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(2).chunk(0).chunk(0x08).u8(0).bytes; // truncated
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(2).chunk(0).chunk(0x10, 9, 0, 70).u8(0).bytes; // bit flip
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(2).chunk(0).chunk(0x20, 9, 0, 0, 20).u8(0).bytes; // cut
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(2).chunk(0).chunk(0x40).u8(0).bytes; // other AAD
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(2).chunk(0).chunk(0x80, 300).u8(0).bytes; // junk
    structured << SeedWriter::header(9, 0, 0).u8(0).u8(1).chunk(0).u8(5).u32(0x01020304).u8(5).bytes; // trailing
    structured << SeedWriter::header(0x31, 0, 0).u8(0).u8(3).chunk(0).chunk(0).chunk(0).u8(0).bytes; // sink fails
    structured << SeedWriter::header(1, 0, 0).u8(1).u8(0).u16(9).u8(0x11).u8(1).chunk(0).u8(0).bytes; // chunk log2
    structured << SeedWriter::header(1, 0, 0).u8(1).u8(0).u16(8).u8(2).u8(1).chunk(0).u8(0).bytes; // version
    structured << SeedWriter::header(1, 0, 0).u8(1).u8(1).u16(150).u8(0x40).u8(1).chunk(0).u8(0).bytes; // wrapped key
    structured << SeedWriter::header(1, 0, 0).u8(1).u8(1).u16(100).u8(0x40).u8(1).chunk(0).u8(0).bytes; // ephemeral
    structured << SeedWriter::header(1, 0, 0).u8(1).u8(1).u16(20).u8(0x40).u8(1).chunk(0).u8(0).bytes; // salt
    structured << SeedWriter::header(1, 0, 0x10).u8(1).u8(1).u16(30).u8(1).u8(1).chunk(0).u8(0).bytes; // checksum
    structured << SeedWriter::header(1, 0, 0x20).u8(1).u8(1).u16(30).u8(1).u8(1).chunk(0).u8(0).bytes; // MAC
    structured << SeedWriter::header(1, 0, 0x02).u8(1).u8(0).u16(87).u8(0xff).u8(1).chunk(0).u8(0).bytes; // iterations
    int n = 0;
    for (const QByteArray &seed : std::as_const(structured))
        writeFile(QStringLiteral("%1/structured-%2").arg(dir).arg(n++, 2, 10, QLatin1Char('0')), seed);

    // Raw seeds: whole small files made by the structured builder (the first control byte picks
    // the credentials), and a header-only file.
    auto rawFrom = [](quint8 flags, quint8 codec, int chunks) {
        cfr::Header h = fixture().base;
        h.innerCodec = codec;
        if (flags & 0x02)
            h.stanzas << fixture().passphraseStanza;
        h.stanzas << fixture().recipientStanza;
        if (flags & 0x04)
            h.stanzas << fixture().otherStanza;
        h.checksum = QCryptographicHash::hash(h.bodyBytes(), QCryptographicHash::Sha256);
        h.mac = cfr::headerMac(must(cfr::headerKey(fixture().fileKey, h.payloadSalt), "headerKey"), h.checkedBytes());
        QByteArray out = h.bytes();
        const SecretBytes key = must(cfr::payloadKey(fixture().fileKey, h.payloadSalt), "payloadKey");
        for (int i = 0; i < chunks; ++i)
            out += seal(key, quint64(i), i == chunks - 1, h.mac, chunkPlain(i, 0x61, 40 + i));
        return out;
    };
    QList<QByteArray> raw;
    raw << QByteArray("\x00\x00", 2) + rawFrom(0, 1, 1);
    raw << QByteArray("\x06\x05", 2) + rawFrom(0x06, 0, 1);
    raw << QByteArray("\x02\x00", 2) + rawFrom(0x02, 2, 1);
    raw << QByteArray("\x00\x00", 2) + rawFrom(0, 1, 0);
    raw << QByteArray("\x00\x00", 2) + QByteArray(cfr::kMagic, sizeof cfr::kMagic);
    n = 0;
    for (const QByteArray &seed : std::as_const(raw))
        writeFile(QStringLiteral("%1/raw-%2").arg(dir).arg(n++, 2, 10, QLatin1Char('0')), seed);
    std::fprintf(
        stderr, "fuzz_container: wrote %d seeds to %s\n", int(structured.size() + raw.size()), qPrintable(dir));
}

} // namespace coffer::fuzz
