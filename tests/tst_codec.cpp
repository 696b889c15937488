#include "backup/Codec.h"
#include "TestSupport.h"

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace coffer;

Q_DECLARE_METATYPE(coffer::Codec)

namespace {

constexpr qsizetype kMiB = 1024 * 1024;

template <typename T>
QByteArray errorText(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toLocal8Bit();
}

// Evaluates `expression` once: it is often a write() with side effects.
#define VERIFY_OK(expression)                                                                                          \
    do {                                                                                                               \
        const auto &verified = (expression);                                                                           \
        QVERIFY2(verified.has_value(), errorText(verified).constData());                                               \
    } while (false)

// Three blocks of repetitive text for every block of noise, so the codecs have something to
// squeeze and something they cannot.
QByteArray mixedData(qsizetype size, quint32 seed)
{
    static const char *const words[] = {"sqlite", "page", "backup", "coffer", "journal", "wal", "btree", "row "};
    QRandomGenerator random(seed);
    QByteArray data;
    data.reserve(size);
    constexpr qsizetype kBlock = 64 * 1024;
    qsizetype block = 0;
    while (data.size() < size) {
        const qsizetype end = std::min(size, data.size() + kBlock);
        if (block++ % 4 == 3) {
            while (data.size() < end)
                data.append(char(random.bounded(256)));
        } else {
            while (data.size() < end) {
                data.append(words[random.bounded(8)]);
                data.append(QByteArray::number(random.bounded(100)));
                data.append(' ');
            }
            data.truncate(end);
        }
    }
    return data;
}

QByteArray randomData(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (char &byte : data)
        byte = char(random.bounded(256));
    return data;
}

Result<QByteArray> compress(Codec codec, const QByteArray &input, qsizetype chunk = 0, int workers = 0,
                            int level = -1, qint64 pledged = -1)
{
    auto compressor = Compressor::create(codec, level < 0 ? defaultLevel(codec) : level, workers, pledged);
    if (!compressor)
        return std::unexpected(compressor.error());
    QByteArray output;
    const ByteSink sink = [&output](const char *data, qsizetype size) -> Result<void> {
        output.append(data, size);
        return {};
    };
    const qsizetype step = chunk > 0 ? chunk : std::max<qsizetype>(input.size(), 1);
    for (qsizetype offset = 0; offset < input.size(); offset += step) {
        const qsizetype length = std::min(step, input.size() - offset);
        if (auto written = (*compressor)->write(input.constData() + offset, length, sink); !written)
            return std::unexpected(written.error());
    }
    if (auto finished = (*compressor)->finish(sink); !finished)
        return std::unexpected(finished.error());
    return output;
}

// The first error of write() or finish(), or everything the decoder produced.
Result<QByteArray> decompress(Codec codec, const QByteArray &input, qsizetype chunk = 0)
{
    auto decompressor = Decompressor::create(codec);
    if (!decompressor)
        return std::unexpected(decompressor.error());
    QByteArray output;
    const ByteSink sink = [&output](const char *data, qsizetype size) -> Result<void> {
        output.append(data, size);
        return {};
    };
    const qsizetype step = chunk > 0 ? chunk : std::max<qsizetype>(input.size(), 1);
    for (qsizetype offset = 0; offset < input.size(); offset += step) {
        if (auto written =
                (*decompressor)->write(input.constData() + offset, std::min(step, input.size() - offset), sink);
            !written)
            return std::unexpected(written.error());
    }
    if (auto finished = (*decompressor)->finish(sink); !finished)
        return std::unexpected(finished.error());
    return output;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QString toolFor(Codec codec)
{
    return codec == Codec::Zstd ? QStringLiteral("zstd") : QStringLiteral("gzip");
}

// Runs a stock tool; returns its exit code and fills `output` with what it printed.
int runTool(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return -1;
    if (output)
        *output = process.readAllStandardOutput();
    return process.exitCode();
}

} // namespace

class TstCodec final : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void unknownName_data();
    void unknownName();
    void levels_data();
    void levels();
    void negativeWorkers();

    void roundTrip_data();
    void roundTrip();
    void concatenatedStreams_data();
    void concatenatedStreams();
    void pledgedSizeInFrameHeader();
    void pledgedSizeMismatchFails();

    void stockToolsReadOurs_data();
    void stockToolsReadOurs();
    void weReadStockTools_data();
    void weReadStockTools();

    void truncated_data();
    void truncated();
    void flippedByte_data();
    void flippedByte();
    void trailingGarbage_data();
    void trailingGarbage();
    void largeExpansion_data();
    void largeExpansion();
    void wrongFormat();
    void sinkErrorStopsCompression_data();
    void sinkErrorStopsCompression();
    void sinkErrorStopsDecompression_data();
    void sinkErrorStopsDecompression();
    void useAfterFinishFails();
};

void TstCodec::names_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<int>("level");
    QTest::newRow("zstd") << Codec::Zstd << QStringLiteral("zstd") << QStringLiteral(".zst") << 3;
    QTest::newRow("gzip") << Codec::Gzip << QStringLiteral("gzip") << QStringLiteral(".gz") << 6;
    QTest::newRow("none") << Codec::None << QStringLiteral("none") << QString() << 0;
}

void TstCodec::names()
{
    QFETCH(Codec, codec);
    QFETCH(QString, name);
    QFETCH(QString, extension);
    QFETCH(int, level);

    QCOMPARE(codecName(codec), name);
    const auto parsed = codecFromName(name);
    VERIFY_OK(parsed);
    QCOMPARE(*parsed, codec);
    QCOMPARE(codecExtension(codec), extension);
    QCOMPARE(defaultLevel(codec), level);
    VERIFY_OK(checkLevel(codec, defaultLevel(codec)));
}

void TstCodec::unknownName_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("lz4") << QStringLiteral("lz4");
    QTest::newRow("empty") << QString();
    QTest::newRow("extension") << QStringLiteral(".zst");
    QTest::newRow("padded") << QStringLiteral(" gzip");
}

void TstCodec::unknownName()
{
    QFETCH(QString, name);
    const auto parsed = codecFromName(name);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    // The person who typed it needs to see what was wrong and what to use instead.
    QVERIFY2(parsed.error().message.contains(QLatin1Char('\'') + name + QLatin1Char('\'')),
             qPrintable(parsed.error().message));
    QVERIFY(parsed.error().message.contains(QLatin1String("zstd")));
}

void TstCodec::levels_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("valid");
    QTest::newRow("zstd 1") << Codec::Zstd << 1 << true;
    QTest::newRow("zstd 19") << Codec::Zstd << 19 << true;
    QTest::newRow("zstd 0") << Codec::Zstd << 0 << false;
    QTest::newRow("zstd 20") << Codec::Zstd << 20 << false;
    QTest::newRow("zstd -1") << Codec::Zstd << -1 << false;
    QTest::newRow("gzip 1") << Codec::Gzip << 1 << true;
    QTest::newRow("gzip 9") << Codec::Gzip << 9 << true;
    QTest::newRow("gzip 0") << Codec::Gzip << 0 << false;
    QTest::newRow("gzip 10") << Codec::Gzip << 10 << false;
    QTest::newRow("none 0") << Codec::None << 0 << true;
    QTest::newRow("none 1") << Codec::None << 1 << false;
}

void TstCodec::levels()
{
    QFETCH(Codec, codec);
    QFETCH(int, level);
    QFETCH(bool, valid);

    const auto checked = checkLevel(codec, level);
    const auto created = Compressor::create(codec, level);
    QCOMPARE(checked.has_value(), valid);
    QCOMPARE(created.has_value(), valid);
    if (valid)
        return;
    QCOMPARE(checked.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(checked.error().message.contains(QString::number(level)), qPrintable(checked.error().message));
}

void TstCodec::negativeWorkers()
{
    const auto created = Compressor::create(Codec::Zstd, 3, -1);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
}

void TstCodec::roundTrip_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("workers");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("chunk");

    struct Variant {
        const char *name;
        Codec codec;
        int level;
        int workers;
    };
    const Variant variants[] = {
        {"zstd", Codec::Zstd, 3, 0},
        {"zstd workers=2", Codec::Zstd, 3, 2},
        {"gzip", Codec::Gzip, 6, 0},
        {"none", Codec::None, 0, 0},
    };
    struct Size {
        const char *name;
        qsizetype size;
        qsizetype chunk;
    };
    const Size sizes[] = {
        {"0 B", 0, 0},
        {"1 B", 1, 0},
        {"1 MiB", kMiB, 0},
        {"20 MiB in 77777 B chunks", 20 * kMiB, 77777},
    };
    for (const Variant &variant : variants) {
        for (const Size &size : sizes) {
            QTest::addRow("%s, %s", variant.name, size.name)
                << variant.codec << variant.level << variant.workers << size.size << size.chunk;
        }
    }
    QTest::newRow("zstd level 1, 1 MiB") << Codec::Zstd << 1 << 0 << kMiB << qsizetype(0);
    QTest::newRow("zstd level 19, 1 MiB") << Codec::Zstd << 19 << 0 << kMiB << qsizetype(0);
    QTest::newRow("gzip level 1, 1 MiB") << Codec::Gzip << 1 << 0 << kMiB << qsizetype(0);
    QTest::newRow("gzip level 9, 1 MiB") << Codec::Gzip << 9 << 0 << kMiB << qsizetype(0);
}

void TstCodec::roundTrip()
{
    QFETCH(Codec, codec);
    QFETCH(int, level);
    QFETCH(int, workers);
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, chunk);

    const QByteArray input = mixedData(size, 42);
    auto compressor = Compressor::create(codec, level, workers);
    VERIFY_OK(compressor);

    QByteArray compressed;
    qsizetype largestDelivery = 0;
    const ByteSink sink = [&](const char *data, qsizetype length) -> Result<void> {
        compressed.append(data, length);
        largestDelivery = std::max(largestDelivery, length);
        return {};
    };
    const qsizetype step = chunk > 0 ? chunk : std::max<qsizetype>(size, 1);
    for (qsizetype offset = 0; offset < size; offset += step)
        VERIFY_OK((*compressor)->write(input.constData() + offset, std::min(step, size - offset), sink));
    const qsizetype beforeFinish = compressed.size();
    VERIFY_OK((*compressor)->finish(sink));

    if (codec == Codec::None) {
        QCOMPARE(compressed, input);
    } else if (size >= kMiB) {
        QVERIFY2(compressed.size() < input.size() * 6 / 10,
                 qPrintable(QStringLiteral("%1 -> %2 bytes").arg(input.size()).arg(compressed.size())));
        // Output must flow while input arrives, not pile up until finish().
        if (workers == 0 && chunk > 0)
            QVERIFY2(beforeFinish > compressed.size() / 2, qPrintable(QString::number(beforeFinish)));
        QVERIFY2(largestDelivery <= 4 * kMiB, qPrintable(QString::number(largestDelivery)));
    }

    // Feed the decoder in a different rhythm from the encoder's output.
    const auto decompressed = decompress(codec, compressed, 4099);
    VERIFY_OK(decompressed);
    QCOMPARE(decompressed->size(), input.size());
    QVERIFY(*decompressed == input);
}

void TstCodec::concatenatedStreams_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::newRow("zstd") << Codec::Zstd;
    QTest::newRow("gzip") << Codec::Gzip;
}

void TstCodec::concatenatedStreams()
{
    // `cat a.zst b.zst` and `cat a.gz b.gz` are valid files for zstd -d and gunzip.
    QFETCH(Codec, codec);
    const QByteArray first = mixedData(100000, 1);
    const QByteArray second = mixedData(50000, 2);
    const auto a = compress(codec, first);
    const auto b = compress(codec, second);
    VERIFY_OK(a);
    VERIFY_OK(b);
    for (qsizetype chunk : {qsizetype(0), qsizetype(7)}) {
        const auto decoded = decompress(codec, *a + *b, chunk);
        VERIFY_OK(decoded);
        QVERIFY(*decoded == first + second);
    }
}

void TstCodec::pledgedSizeInFrameHeader()
{
    const QString zstd = QStandardPaths::findExecutable(QStringLiteral("zstd"));
    if (zstd.isEmpty())
        COFFER_SKIP_UNLESS_CI("zstd is not installed");
    const QByteArray input = mixedData(kMiB + 123, 3);
    const auto compressed = compress(Codec::Zstd, input, 10000, 0, 3, input.size());
    VERIFY_OK(compressed);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pledged.zst"));
    QVERIFY(writeFile(path, *compressed));

    QByteArray listing;
    QCOMPARE(runTool(zstd, {QStringLiteral("-lv"), path}, &listing), 0);
    const QByteArray expected = "(" + QByteArray::number(input.size()) + " B)";
    const QList<QByteArray> lines = listing.split('\n');
    QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                         [&](const QByteArray &line) {
                             return line.startsWith("Decompressed Size:") && line.contains(expected);
                         }),
             listing.constData());
}

void TstCodec::pledgedSizeMismatchFails()
{
    const QByteArray input = mixedData(1000, 4);
    const auto compressed = compress(Codec::Zstd, input, 0, 0, 3, input.size() + 1);
    QVERIFY(!compressed);
}

void TstCodec::stockToolsReadOurs_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("workers");
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("zstd, empty") << Codec::Zstd << 0 << qsizetype(0);
    QTest::newRow("zstd, 1 MiB") << Codec::Zstd << 0 << kMiB;
    QTest::newRow("zstd workers=2, 20 MiB") << Codec::Zstd << 2 << 20 * kMiB;
    QTest::newRow("gzip, empty") << Codec::Gzip << 0 << qsizetype(0);
    QTest::newRow("gzip, 1 MiB") << Codec::Gzip << 0 << kMiB;
}

void TstCodec::stockToolsReadOurs()
{
    QFETCH(Codec, codec);
    QFETCH(int, workers);
    QFETCH(qsizetype, size);

    const QString tool = QStandardPaths::findExecutable(toolFor(codec));
    if (tool.isEmpty())
        COFFER_SKIP_UNLESS_CI("the stock tool is not installed");
    const QByteArray input = mixedData(size, 5);
    const auto compressed = compress(codec, input, 65536, workers);
    VERIFY_OK(compressed);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("artifact") + codecExtension(codec));
    QVERIFY(writeFile(path, *compressed));

    // Exactly what a person without Coffer would type.
    const QString decoder = codec == Codec::Zstd ? tool : QStandardPaths::findExecutable(QStringLiteral("gunzip"));
    const QStringList arguments = codec == Codec::Zstd ? QStringList{QStringLiteral("-d"), QStringLiteral("-c"), path}
                                                       : QStringList{QStringLiteral("-c"), path};
    if (decoder.isEmpty())
        COFFER_SKIP_UNLESS_CI("gunzip is not installed");
    QByteArray decoded;
    QCOMPARE(runTool(decoder, arguments, &decoded), 0);
    QCOMPARE(decoded.size(), input.size());
    QVERIFY(decoded == input);
}

void TstCodec::weReadStockTools_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<QString>("level");
    QTest::newRow("zstd -3") << Codec::Zstd << QStringLiteral("-3");
    QTest::newRow("gzip -6") << Codec::Gzip << QStringLiteral("-6");
}

void TstCodec::weReadStockTools()
{
    QFETCH(Codec, codec);
    QFETCH(QString, level);

    const QString tool = QStandardPaths::findExecutable(toolFor(codec));
    if (tool.isEmpty())
        COFFER_SKIP_UNLESS_CI("the stock tool is not installed");
    const QByteArray input = mixedData(3 * kMiB, 6);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plain.bin"));
    QVERIFY(writeFile(path, input));

    QByteArray compressed;
    QCOMPARE(runTool(tool, {level, QStringLiteral("-c"), path}, &compressed), 0);
    QVERIFY(compressed.size() < input.size());

    const auto decoded = decompress(codec, compressed, 65536);
    VERIFY_OK(decoded);
    QVERIFY(*decoded == input);
}

void TstCodec::truncated_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<QString>("cut");
    for (Codec codec : {Codec::Zstd, Codec::Gzip}) {
        for (const char *cut : {"empty", "header only", "middle", "last byte removed", "second stream cut"})
            QTest::addRow("%s, %s", qPrintable(codecName(codec)), cut) << codec << QString::fromLatin1(cut);
    }
}

void TstCodec::truncated()
{
    QFETCH(Codec, codec);
    QFETCH(QString, cut);

    auto compressed = compress(codec, mixedData(300000, 7));
    VERIFY_OK(compressed);
    qsizetype keep = 0;
    // A complete stream followed by the start of another one is still an incomplete file.
    if (cut == QLatin1String("second stream cut")) {
        keep = compressed->size() + compressed->size() / 2;
        *compressed += *compressed;
    }
    if (cut == QLatin1String("header only"))
        keep = 4;
    else if (cut == QLatin1String("middle"))
        keep = compressed->size() / 2;
    else if (cut == QLatin1String("last byte removed"))
        keep = compressed->size() - 1;

    for (qsizetype chunk : {qsizetype(0), qsizetype(1000)}) {
        const auto decoded = decompress(codec, compressed->left(keep), chunk);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, ErrorCode::Corrupt);
        QVERIFY2(decoded.error().message.contains(QLatin1String("truncated")),
                 qPrintable(decoded.error().toString()));
    }
}

void TstCodec::flippedByte_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<bool>("incompressible");
    // Noise is stored verbatim, so only the stream's checksum can notice the damage.
    QTest::newRow("zstd, noise") << Codec::Zstd << true;
    QTest::newRow("zstd, mixed") << Codec::Zstd << false;
    QTest::newRow("gzip, noise") << Codec::Gzip << true;
    QTest::newRow("gzip, mixed") << Codec::Gzip << false;
}

void TstCodec::flippedByte()
{
    QFETCH(Codec, codec);
    QFETCH(bool, incompressible);

    const QByteArray input = incompressible ? randomData(200000, 8) : mixedData(200000, 8);
    const auto compressed = compress(codec, input);
    VERIFY_OK(compressed);
    QByteArray damaged = *compressed;
    damaged[damaged.size() / 2] = char(damaged.at(damaged.size() / 2) ^ 0x01);

    const auto decoded = decompress(codec, damaged, 4096);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::Corrupt);

    // Stock tools must notice too, which they can only do if the checksum is in the file.
    const QString tool = QStandardPaths::findExecutable(toolFor(codec));
    if (tool.isEmpty())
        return;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("damaged") + codecExtension(codec));
    QVERIFY(writeFile(path, damaged));
    QVERIFY(runTool(tool, {QStringLiteral("-t"), QStringLiteral("-q"), path}) != 0);
}

void TstCodec::trailingGarbage_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<QByteArray>("garbage");
    QTest::addColumn<qsizetype>("chunk");
    for (Codec codec : {Codec::Zstd, Codec::Gzip}) {
        const QByteArray name = codecName(codec).toLatin1();
        QTest::addRow("%s, text", name.constData()) << codec << QByteArray("not part of the stream") << qsizetype(0);
        QTest::addRow("%s, zeros", name.constData()) << codec << QByteArray(4096, '\0') << qsizetype(0);
        QTest::addRow("%s, one byte", name.constData()) << codec << QByteArray(1, '\0') << qsizetype(0);
        QTest::addRow("%s, text byte by byte", name.constData())
            << codec << QByteArray("not part of the stream") << qsizetype(1);
    }
}

void TstCodec::trailingGarbage()
{
    QFETCH(Codec, codec);
    QFETCH(QByteArray, garbage);
    QFETCH(qsizetype, chunk);

    const QByteArray input = mixedData(20000, 9);
    const auto compressed = compress(codec, input);
    VERIFY_OK(compressed);
    const auto decoded = decompress(codec, *compressed + garbage, chunk);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::Corrupt);
    QVERIFY2(decoded.error().message.contains(QLatin1String("follows the end")),
             qPrintable(decoded.error().toString()));
}

void TstCodec::largeExpansion_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<qsizetype>("chunk");
    QTest::newRow("zstd, all at once") << Codec::Zstd << qsizetype(0);
    QTest::newRow("zstd, byte by byte") << Codec::Zstd << qsizetype(1);
    QTest::newRow("gzip, all at once") << Codec::Gzip << qsizetype(0);
    QTest::newRow("gzip, byte by byte") << Codec::Gzip << qsizetype(1);
}

void TstCodec::largeExpansion()
{
    // A few input bytes can stand for megabytes of output; none of it may be held back.
    QFETCH(Codec, codec);
    QFETCH(qsizetype, chunk);
    const QByteArray input(16 * kMiB, '\0');
    const auto compressed = compress(codec, input);
    VERIFY_OK(compressed);
    QVERIFY(compressed->size() < input.size() / 100);
    const auto decoded = decompress(codec, *compressed, chunk);
    VERIFY_OK(decoded);
    QCOMPARE(decoded->size(), input.size());
    QVERIFY(*decoded == input);
}

void TstCodec::wrongFormat()
{
    // A gzip file handed to the zstd decoder (and the reverse) is reported, not decoded.
    const QByteArray input = mixedData(20000, 10);
    const auto asGzip = compress(Codec::Gzip, input);
    const auto asZstd = compress(Codec::Zstd, input);
    VERIFY_OK(asGzip);
    VERIFY_OK(asZstd);
    const auto zstdReadsGzip = decompress(Codec::Zstd, *asGzip);
    const auto gzipReadsZstd = decompress(Codec::Gzip, *asZstd);
    QVERIFY(!zstdReadsGzip);
    QVERIFY(!gzipReadsZstd);
    QCOMPARE(zstdReadsGzip.error().code, ErrorCode::Corrupt);
    QCOMPARE(gzipReadsZstd.error().code, ErrorCode::Corrupt);
}

void TstCodec::sinkErrorStopsCompression_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("workers");
    QTest::newRow("zstd") << Codec::Zstd << 0;
    QTest::newRow("zstd workers=2") << Codec::Zstd << 2;
    QTest::newRow("gzip") << Codec::Gzip << 0;
    QTest::newRow("none") << Codec::None << 0;
}

void TstCodec::sinkErrorStopsCompression()
{
    QFETCH(Codec, codec);
    QFETCH(int, workers);

    // Noise keeps the output as large as the input, so the sink sees plenty of bytes.
    const QByteArray input = randomData(4 * kMiB, 11);
    const qsizetype limit = kMiB;
    qsizetype received = 0;
    int callsAfterFailure = 0;
    bool failed = false;
    const ByteSink sink = [&](const char *, qsizetype size) -> Result<void> {
        if (failed)
            ++callsAfterFailure;
        if (received + size > limit) {
            failed = true;
            return fail(ErrorCode::Io, QStringLiteral("The disk is full"), QStringLiteral("ENOSPC"));
        }
        received += size;
        return {};
    };

    auto compressor = Compressor::create(codec, defaultLevel(codec), workers);
    VERIFY_OK(compressor);
    Result<void> result;
    for (qsizetype offset = 0; offset < input.size() && result; offset += 65536)
        result = (*compressor)->write(input.constData() + offset, 65536, sink);
    if (result)
        result = (*compressor)->finish(sink);

    QVERIFY(!result);
    QVERIFY(failed);
    QCOMPARE(result.error().code, ErrorCode::Io);
    QCOMPARE(result.error().message, QStringLiteral("The disk is full"));
    QCOMPARE(result.error().detail, QStringLiteral("ENOSPC"));
    QCOMPARE(callsAfterFailure, 0);

    // The stream stays stopped: it cannot be finished into a valid-looking artifact.
    QVERIFY(!(*compressor)->finish(sink));
    QCOMPARE(callsAfterFailure, 0);
}

void TstCodec::sinkErrorStopsDecompression_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::newRow("zstd") << Codec::Zstd;
    QTest::newRow("gzip") << Codec::Gzip;
    QTest::newRow("none") << Codec::None;
}

void TstCodec::sinkErrorStopsDecompression()
{
    QFETCH(Codec, codec);

    const auto compressed = compress(codec, mixedData(4 * kMiB, 12));
    VERIFY_OK(compressed);
    const qsizetype limit = kMiB;
    qsizetype received = 0;
    int callsAfterFailure = 0;
    bool failed = false;
    const ByteSink sink = [&](const char *, qsizetype size) -> Result<void> {
        if (failed)
            ++callsAfterFailure;
        if (received + size > limit) {
            failed = true;
            return fail(ErrorCode::Io, QStringLiteral("The disk is full"), QStringLiteral("ENOSPC"));
        }
        received += size;
        return {};
    };

    auto decompressor = Decompressor::create(codec);
    VERIFY_OK(decompressor);
    Result<void> result;
    for (qsizetype offset = 0; offset < compressed->size() && result; offset += 65536)
        result = (*decompressor)->write(compressed->constData() + offset,
                                        std::min<qsizetype>(65536, compressed->size() - offset), sink);
    if (result)
        result = (*decompressor)->finish(sink);

    QVERIFY(!result);
    QVERIFY(failed);
    QCOMPARE(result.error().code, ErrorCode::Io);
    QCOMPARE(result.error().message, QStringLiteral("The disk is full"));
    QCOMPARE(callsAfterFailure, 0);
    QVERIFY(!(*decompressor)->finish(sink));
    QCOMPARE(callsAfterFailure, 0);
}

void TstCodec::useAfterFinishFails()
{
    QByteArray output;
    const ByteSink sink = [&output](const char *data, qsizetype size) -> Result<void> {
        output.append(data, size);
        return {};
    };
    for (Codec codec : {Codec::Zstd, Codec::Gzip, Codec::None}) {
        auto compressor = Compressor::create(codec, defaultLevel(codec));
        VERIFY_OK(compressor);
        VERIFY_OK((*compressor)->write("abc", 3, sink));
        VERIFY_OK((*compressor)->finish(sink));
        const qsizetype finishedSize = output.size();
        QVERIFY(!(*compressor)->write("def", 3, sink));
        QVERIFY(!(*compressor)->finish(sink));
        QCOMPARE(output.size(), finishedSize);
        output.clear();
    }
}

QTEST_GUILESS_MAIN(TstCodec)
#include "tst_codec.moc"
