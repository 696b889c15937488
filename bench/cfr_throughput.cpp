// coffer-cfr-throughput: the encrypt and decrypt stages of the Coffer encryption container
// (core/crypto Encryptor and Decryptor) alone, in memory, against plain OpenSSL on the same
// bytes. It answers "how fast is the stage" apart from disks, SQLite and zstd; the backup
// benchmark (encrypt_bench.sh) answers "what does it add to a backup".

#include "crypto/Decryptor.h"
#include "crypto/EncryptionKeys.h"
#include "crypto/Encryptor.h"
#include "crypto/Identity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using namespace coffer;

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
// Below this share of one CPU a run was descheduled (another job ran): it is counted as disturbed.
constexpr double kUndisturbedCpuShare = 0.9;

[[noreturn]] void die(const std::string &what)
{
    std::fprintf(stderr, "coffer-cfr-throughput: %s\n", what.c_str());
    std::exit(kExitFailed);
}

template <typename T> T check(Result<T> result, const char *what)
{
    if (!result)
        die(std::string(what) + ": " + result.error().toString().toStdString());
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

std::string loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return "unknown";
    return file.readAll().split(' ').mid(0, 3).join(' ').toStdString();
}

// Wall seconds of each run; a run is disturbed when the thread had the CPU for less than 90% of it.
struct Runs {
    std::vector<double> seconds;
    int disturbed = 0;

    void time(const std::function<void()> &work)
    {
        const double cpu0 = threadCpuSeconds();
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double cpu = threadCpuSeconds() - cpu0;
        seconds.push_back(wall);
        if (cpu < kUndisturbedCpuShare * wall)
            ++disturbed;
    }
    // The lower middle for an even count, as the shell benchmarks report.
    double median() const
    {
        std::vector<double> sorted = seconds;
        std::sort(sorted.begin(), sorted.end());
        return sorted[(sorted.size() - 1) / 2];
    }
    double best() const { return *std::min_element(seconds.begin(), seconds.end()); }
    double worst() const { return *std::max_element(seconds.begin(), seconds.end()); }
};

// GB/s with GB = 10^9 bytes, the unit of the target.
std::string rate(qint64 bytes, double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", double(bytes) / seconds / 1e9);
    return text;
}

std::string row(const std::string &label, qint64 bytes, const Runs &runs)
{
    char text[512];
    std::snprintf(text, sizeof text, "| %s | %s | %s–%s | %.3f | %d of %zu |", label.c_str(),
        rate(bytes, runs.median()).c_str(), rate(bytes, runs.worst()).c_str(), rate(bytes, runs.best()).c_str(),
        runs.median(), runs.disturbed, runs.seconds.size());
    return text;
}

std::vector<char> makeInput(qint64 size, const QString &path)
{
    std::vector<char> input(size_t(size), 0);
    if (path.isEmpty()) {
        std::mt19937_64 engine(1);
        for (qint64 i = 0; i + 8 <= size; i += 8) {
            const std::uint64_t word = engine();
            std::memcpy(input.data() + i, &word, 8);
        }
        return input;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        die("cannot read " + path.toStdString() + ": " + file.errorString().toStdString());
    qint64 filled = 0;
    while (filled < size) {
        const qint64 n = file.read(input.data() + filled, size - filled);
        if (n < 0)
            die("reading " + path.toStdString() + " failed");
        if (n == 0) {
            if (filled == 0)
                die(path.toStdString() + " is empty");
            // Shorter than the size asked for: repeat it. AES-GCM's speed does not depend on the bytes.
            file.seek(0);
            continue;
        }
        filled += n;
    }
    return input;
}

// The Encryptor fed as the backup pipeline feeds it (pieces of the compressor's output size),
// into a sink that only counts: the stage alone, no copy out.
qint64 encryptOnce(const std::vector<char> &input, qsizetype piece, const EncryptionKeys &keys,
    const ContainerInfo &info, int chunkLog2, const ByteSink &sink)
{
    auto encryptor = check(Encryptor::create(keys, info, chunkLog2), "Encryptor::create");
    const qint64 size = qint64(input.size());
    for (qint64 at = 0; at < size; at += piece)
        check(encryptor->write(input.data() + at, qMin<qint64>(piece, size - at), sink), "Encryptor::write");
    check(encryptor->finish(sink), "Encryptor::finish");
    return size;
}

// The Decryptor fed as ArtifactReader feeds it (1 MiB reads of the artifact).
void decryptOnce(const std::vector<char> &sealed, qsizetype piece, const Credentials &credentials, const ByteSink &sink)
{
    Decryptor decryptor(credentials);
    const qint64 size = qint64(sealed.size());
    for (qint64 at = 0; at < size; at += piece)
        check(decryptor.write(sealed.data() + at, qMin<qint64>(piece, size - at), sink), "Decryptor::write");
    check(decryptor.finish(sink), "Decryptor::finish");
}

void opensslCheck(bool ok, const char *what)
{
    if (!ok)
        die(std::string("OpenSSL: ") + what + " failed");
}

// AES-256-GCM or -CBC over the whole buffer in one EVP_*Update call: the ceiling for the chunked stage.
void evpCipherOnce(const EVP_CIPHER *cipher, bool encrypt, const unsigned char *in, qint64 size, unsigned char *out,
    unsigned char *tag)
{
    static const unsigned char key[32] = { 1 };
    static const unsigned char iv[16] = { 2 };
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int n = 0;
    int m = 0;
    opensslCheck(ctx && EVP_CipherInit_ex(ctx, cipher, nullptr, key, iv, encrypt ? 1 : 0) == 1, "init");
    opensslCheck(EVP_CipherUpdate(ctx, out, &n, in, int(size)) == 1, "update");
    if (tag && !encrypt)
        opensslCheck(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag) == 1, "set tag");
    opensslCheck(EVP_CipherFinal_ex(ctx, out + n, &m) == 1, "final (tag or padding check)");
    if (tag && encrypt)
        opensslCheck(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1, "get tag");
    EVP_CIPHER_CTX_free(ctx);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coffer-cfr-throughput"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Throughput of the Coffer encryption container's encrypt and decrypt stages, in memory, with plain "
        "AES-256-GCM, AES-256-CBC and SHA-256 from OpenSSL on the same bytes for comparison. Markdown to stdout."));
    parser.addHelpOption();
    const QCommandLineOption sizeOption(QStringLiteral("size-mb"),
        QStringLiteral("Bytes to push through each stage, in MiB (default 1024)."), QStringLiteral("N"),
        QStringLiteral("1024"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Runs of each measurement; the median is reported (default 5)."), QStringLiteral("N"),
        QStringLiteral("5"));
    const QCommandLineOption inputOption(QStringLiteral("input"),
        QStringLiteral("Use this file's bytes (repeated up to the size) instead of pseudo-random bytes, e.g. the "
                       "zstd stream of the reference database."),
        QStringLiteral("FILE"));
    parser.addOptions({ sizeOption, runsOption, inputOption });
    parser.process(app);

    bool sizeOk = false;
    bool runsOk = false;
    const qint64 sizeMb = parser.value(sizeOption).toLongLong(&sizeOk);
    const int runs = parser.value(runsOption).toInt(&runsOk);
    // One EVP_*Update call takes an int length.
    if (!sizeOk || sizeMb < 1 || sizeMb > 2047 || !runsOk || runs < 1) {
        std::fprintf(stderr, "coffer-cfr-throughput: --size-mb takes 1 to 2047, --runs 1 or more\n");
        return kExitUsage;
    }
    const qint64 size = sizeMb << 20;
    const QString inputPath = parser.value(inputOption);

    std::fprintf(stderr, "coffer-cfr-throughput: preparing %lld MiB of input\n", static_cast<long long>(sizeMb));
    const std::vector<char> input = makeInput(size, inputPath);
    // Room for the largest ciphertext: a tag per 64 KiB chunk and the header.
    std::vector<char> sealed;
    sealed.reserve(size_t(size + (size >> 16) * 16 + 65536));
    std::vector<unsigned char> scratch(size_t(size + 64), 1); // touched now, so no run pays the page faults

    const Identity identity = check(Identity::generate(), "Identity::generate");
    EncryptionKeys keys;
    keys.recipients << identity.publicKey();
    Credentials credentials;
    credentials.identities << identity;
    const ContainerInfo info{ .backupId = QStringLiteral("0123456789abcdef0123456789abcdef"),
        .innerCodec = Codec::Zstd,
        .plaintextSize = size,
        .plaintextSha256 = QString(64, QLatin1Char('0')) };

    const qsizetype encryptPiece = qsizetype(ZSTD_CStreamOutSize());
    const qsizetype decryptPiece = 1 << 20;
    qint64 counted = 0;
    const ByteSink count = [&counted](const char *, qsizetype n) -> Result<void> {
        counted += n;
        return {};
    };
    const std::string loadBefore = loadAverage();

    struct Stage {
        std::string chunk;
        int log2;
        Runs encrypt;
        Runs decrypt;
        qint64 sealedSize = 0;
    };
    std::vector<Stage> stages{ { "64 KiB", 16, {}, {} }, { "256 KiB (default)", cfr::kDefaultChunkLog2, {}, {} },
        { "1 MiB", 20, {}, {} } };
    for (Stage &stage : stages) {
        std::fprintf(stderr, "coffer-cfr-throughput: chunk %s\n", stage.chunk.c_str());
        // The ciphertext the decrypt runs read, and a check that it decrypts to the input.
        sealed.clear();
        encryptOnce(input, encryptPiece, keys, info, stage.log2, [&sealed](const char *data, qsizetype n) {
            sealed.insert(sealed.end(), data, data + n);
            return Result<void>{};
        });
        stage.sealedSize = qint64(sealed.size());
        qint64 at = 0;
        decryptOnce(sealed, decryptPiece, credentials, [&](const char *data, qsizetype n) -> Result<void> {
            if (at + n > size || std::memcmp(input.data() + at, data, size_t(n)) != 0)
                die("the round trip does not give the input back");
            at += n;
            return {};
        });
        if (at != size)
            die("the round trip gives back too few bytes");
        for (int run = 0; run < runs; ++run) {
            stage.encrypt.time([&] { encryptOnce(input, encryptPiece, keys, info, stage.log2, count); });
            stage.decrypt.time([&] { decryptOnce(sealed, decryptPiece, credentials, count); });
        }
    }

    std::fprintf(stderr, "coffer-cfr-throughput: one-call OpenSSL and SHA-256\n");
    const auto *in = reinterpret_cast<const unsigned char *>(input.data());
    unsigned char tag[16] = {};
    Runs gcmEncrypt, gcmDecrypt, cbcEncrypt, cbcDecrypt, sha256;
    std::vector<unsigned char> cbcSealed(size_t(size + 16));
    for (int run = 0; run < runs; ++run) {
        gcmEncrypt.time([&] { evpCipherOnce(EVP_aes_256_gcm(), true, in, size, scratch.data(), tag); });
        // In place: the tag check proves it gave the input back.
        gcmDecrypt.time([&] { evpCipherOnce(EVP_aes_256_gcm(), false, scratch.data(), size, scratch.data(), tag); });
        cbcEncrypt.time([&] { evpCipherOnce(EVP_aes_256_cbc(), true, in, size, cbcSealed.data(), nullptr); });
        cbcDecrypt.time(
            [&] { evpCipherOnce(EVP_aes_256_cbc(), false, cbcSealed.data(), size + 16, scratch.data(), nullptr); });
        sha256.time([&] {
            unsigned char digest[32];
            opensslCheck(EVP_Digest(in, size_t(size), digest, nullptr, EVP_sha256(), nullptr) == 1, "SHA-256");
        });
    }
    if (std::memcmp(scratch.data(), input.data(), size_t(size)) != 0)
        die("AES-256-CBC did not decrypt to the input");

    // Key set-up: what a backup or a restore pays once per file.
    auto passphrase = std::make_shared<const SecretBytes>("correct horse battery staple", 28);
    EncryptionKeys passKeys;
    passKeys.passphrase = passphrase;
    Credentials passCredentials;
    passCredentials.passphrase = passphrase;
    QByteArray p384Header, passHeader;
    Runs createP384, createPass, openP384, openPass;
    const ByteSink ignore = [](const char *, qsizetype) -> Result<void> { return {}; };
    for (int run = 0; run < runs; ++run) {
        auto capture = [](QByteArray &to) {
            return [&to](const char *data, qsizetype n) -> Result<void> {
                to.append(data, n);
                return {};
            };
        };
        p384Header.clear();
        passHeader.clear();
        std::unique_ptr<Encryptor> e;
        createP384.time([&] { e = check(Encryptor::create(keys, info), "Encryptor::create"); });
        check(e->finish(capture(p384Header)), "Encryptor::finish");
        createPass.time([&] { e = check(Encryptor::create(passKeys, info), "Encryptor::create"); });
        check(e->finish(capture(passHeader)), "Encryptor::finish");
        // The empty final chunk is only its tag: the header alone is what write() opens.
        p384Header.chop(cfr::kTagSize);
        passHeader.chop(cfr::kTagSize);
        openP384.time([&] {
            Decryptor d(credentials);
            check(d.write(p384Header.constData(), p384Header.size(), ignore), "Decryptor::write");
            if (!d.header())
                die("the header did not open");
        });
        openPass.time([&] {
            Decryptor d(passCredentials);
            check(d.write(passHeader.constData(), passHeader.size(), ignore), "Decryptor::write");
            if (!d.header())
                die("the header did not open");
        });
    }
    const std::string loadAfter = loadAverage();

    std::printf("Input: %lld MiB of %s. GB/s = 10^9 bytes of plaintext per second, one thread; "
                "median of %d runs, range worst–best.\n",
        static_cast<long long>(sizeMb),
        inputPath.isEmpty() ? "pseudo-random bytes (mt19937_64, seed 1)"
                            : ("the bytes of `" + QFileInfo(inputPath).fileName().toStdString() + "`"
                                + (QFileInfo(inputPath).size() < size ? ", repeated" : ""))
                                  .c_str(),
        runs);
    std::printf("The Encryptor is fed %lld-byte pieces (ZSTD_CStreamOutSize(), what the backup pipeline's "
                "compressor hands it), the Decryptor 1 MiB pieces (ArtifactReader's reads); their sinks only "
                "count bytes. %s; load average before %s, after %s. A run is *disturbed* when its thread had a "
                "CPU for less than 90%% of its wall time.\n\n",
        static_cast<long long>(encryptPiece), OpenSSL_version(OPENSSL_VERSION), loadBefore.c_str(), loadAfter.c_str());
    std::printf("| Stage | GB/s | Range (GB/s) | Median (s) | Disturbed runs |\n|---|---:|---:|---:|---|\n");
    for (const Stage &stage : stages) {
        std::printf("%s\n", row("cfr1 encrypt, chunk " + stage.chunk, size, stage.encrypt).c_str());
        std::printf("%s\n", row("cfr1 decrypt, chunk " + stage.chunk, size, stage.decrypt).c_str());
    }
    std::printf("%s\n", row("AES-256-GCM encrypt, one EVP call", size, gcmEncrypt).c_str());
    std::printf("%s\n", row("AES-256-GCM decrypt, one EVP call", size, gcmDecrypt).c_str());
    std::printf("%s\n", row("AES-256-CBC encrypt, one EVP call", size, cbcEncrypt).c_str());
    std::printf("%s\n", row("AES-256-CBC decrypt, one EVP call", size, cbcDecrypt).c_str());
    std::printf("%s\n", row("SHA-256, one EVP call", size, sha256).c_str());
    std::printf("\nCiphertext overhead: ");
    for (const Stage &stage : stages)
        std::printf("%s%s %lld bytes", &stage == &stages.front() ? "" : "; ", stage.chunk.c_str(),
            static_cast<long long>(stage.sealedSize - size));
    std::printf(".\n\n| Key set-up, once per file | Median (ms) | Range (ms) |\n|---|---:|---:|\n");
    const auto ms = [](const std::string &label, const Runs &r) {
        std::printf("| %s | %.1f | %.1f–%.1f |\n", label.c_str(), r.median() * 1e3, r.best() * 1e3, r.worst() * 1e3);
    };
    ms("Encryptor::create, one P-384 recipient (ephemeral key, ECDH, HKDF, key wrap, header MAC)", createP384);
    ms("Encryptor::create, passphrase (PBKDF2-HMAC-SHA-256, 600,000 iterations)", createPass);
    ms("Decryptor opens the header with a P-384 identity", openP384);
    ms("Decryptor opens the header with the passphrase", openPass);
    return 0;
}
