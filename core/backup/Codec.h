#pragma once

#include "common/Error.h"

#include <QString>

#include <functional>
#include <memory>

namespace coffer {

// Compression of an artifact. Unencrypted artifacts are plain standard streams, so
// `zstd -d` and `gunzip` restore them when Coffer is not at hand.
enum class Codec { Zstd, Gzip, None };

QString codecName(Codec codec);                 // "zstd", "gzip", "none"
Result<Codec> codecFromName(const QString &name); // InvalidArgument for anything else
QString codecExtension(Codec codec);            // ".zst", ".gz", ""
int defaultLevel(Codec codec);                  // 3, 6, 0
// InvalidArgument naming the allowed range (zstd 1..19, gzip 1..9, none 0).
Result<void> checkLevel(Codec codec, int level);

// Receives output bytes; returning an error stops the stream with it.
using ByteSink = std::function<Result<void>(const char *data, qsizetype size)>;

// Streaming encoder in bounded memory. Feed plaintext with write(), then finish() once.
class Compressor
{
public:
    virtual ~Compressor() = default;

    // workers > 0 uses libzstd's worker threads (zstd only). pledgedSize >= 0 records the
    // content size in the zstd frame header.
    static Result<std::unique_ptr<Compressor>> create(Codec codec, int level, int workers = 0,
                                                      qint64 pledgedSize = -1);

    virtual Result<void> write(const char *data, qsizetype size, const ByteSink &sink) = 0;
    virtual Result<void> finish(const ByteSink &sink) = 0;
};

// Streaming decoder. finish() fails with Corrupt when the stream ended early (a truncated
// artifact) or when bytes follow the end of the stream.
class Decompressor
{
public:
    virtual ~Decompressor() = default;

    static Result<std::unique_ptr<Decompressor>> create(Codec codec);

    virtual Result<void> write(const char *data, qsizetype size, const ByteSink &sink) = 0;
    virtual Result<void> finish(const ByteSink &sink) = 0;
};

} // namespace coffer
