#include "backup/Codec.h"

#include <QByteArray>

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
#include <optional>

namespace coffer {

QString codecName(Codec codec)
{
    switch (codec) {
    case Codec::Zstd: return QStringLiteral("zstd");
    case Codec::Gzip: return QStringLiteral("gzip");
    case Codec::None: return QStringLiteral("none");
    }
    return QStringLiteral("none");
}

Result<Codec> codecFromName(const QString &name)
{
    for (Codec codec : {Codec::Zstd, Codec::Gzip, Codec::None}) {
        if (name == codecName(codec))
            return codec;
    }
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("Unknown compression '%1': use zstd, gzip or none").arg(name));
}

QString codecExtension(Codec codec)
{
    switch (codec) {
    case Codec::Zstd: return QStringLiteral(".zst");
    case Codec::Gzip: return QStringLiteral(".gz");
    case Codec::None: return QString();
    }
    return QString();
}

int defaultLevel(Codec codec)
{
    switch (codec) {
    case Codec::Zstd: return 3;
    case Codec::Gzip: return 6;
    case Codec::None: return 0;
    }
    return 0;
}

Result<void> checkLevel(Codec codec, int level)
{
    switch (codec) {
    case Codec::Zstd:
    case Codec::Gzip: {
        const int highest = codec == Codec::Zstd ? 19 : 9;
        if (level >= 1 && level <= highest)
            return {};
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Compression level %1 is out of range for %2: use 1 to %3")
                        .arg(level)
                        .arg(codecName(codec))
                        .arg(highest));
    }
    case Codec::None:
        if (level == 0)
            return {};
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Compression level %1 is not valid without compression: use 0").arg(level));
    }
    return fail(ErrorCode::Internal, QStringLiteral("Unknown compression codec"));
}

namespace {

constexpr qsizetype kZlibBufferSize = 256 * 1024;
// zlib counts input in uInt; larger writes are fed in slices.
constexpr qsizetype kZlibMaxSlice = qsizetype(1) << 30;

Result<void> deliver(const ByteSink &sink, const char *data, qsizetype size)
{
    if (size <= 0)
        return {};
    return sink(data, size);
}

QString zlibDetail(const z_stream &stream, int ret)
{
    if (stream.msg)
        return QString::fromLatin1(stream.msg);
    return QString::fromLatin1(zError(ret));
}

QString zstdDetail(size_t ret)
{
    return QString::fromLatin1(ZSTD_getErrorName(ret));
}

// Shared contract of both directions: a stream that failed keeps returning its error (so a
// caller cannot finish a broken artifact), and one that finished accepts nothing more.
template <typename Interface>
class GuardedStream : public Interface
{
public:
    Result<void> write(const char *data, qsizetype size, const ByteSink &sink) final
    {
        if (auto ready = check(sink); !ready)
            return ready;
        if (size < 0 || (size > 0 && !data))
            return fail(ErrorCode::Internal, QStringLiteral("A compression stream was given an invalid buffer"));
        if (size == 0)
            return {};
        return record(doWrite(data, size, sink));
    }

    Result<void> finish(const ByteSink &sink) final
    {
        if (auto ready = check(sink); !ready)
            return ready;
        m_finished = true;
        return record(doFinish(sink));
    }

protected:
    virtual Result<void> doWrite(const char *data, qsizetype size, const ByteSink &sink) = 0;
    virtual Result<void> doFinish(const ByteSink &sink) = 0;

private:
    Result<void> check(const ByteSink &sink) const
    {
        if (m_error)
            return std::unexpected(*m_error);
        if (m_finished)
            return fail(ErrorCode::Internal, QStringLiteral("A compression stream was used after it finished"));
        if (!sink)
            return fail(ErrorCode::Internal, QStringLiteral("A compression stream was given no output"));
        return {};
    }

    Result<void> record(Result<void> result)
    {
        if (!result)
            m_error = result.error();
        return result;
    }

    std::optional<Error> m_error;
    bool m_finished = false;
};

struct ZstdCCtxDeleter {
    void operator()(ZSTD_CCtx *context) const { ZSTD_freeCCtx(context); }
};
struct ZstdDCtxDeleter {
    void operator()(ZSTD_DCtx *context) const { ZSTD_freeDCtx(context); }
};
// z_stream is heap-allocated because zlib keeps a pointer back to it.
struct DeflateDeleter {
    void operator()(z_stream *stream) const
    {
        deflateEnd(stream);
        delete stream;
    }
};
struct InflateDeleter {
    void operator()(z_stream *stream) const
    {
        inflateEnd(stream);
        delete stream;
    }
};

using ZstdCCtxPtr = std::unique_ptr<ZSTD_CCtx, ZstdCCtxDeleter>;
using ZstdDCtxPtr = std::unique_ptr<ZSTD_DCtx, ZstdDCtxDeleter>;
using DeflatePtr = std::unique_ptr<z_stream, DeflateDeleter>;
using InflatePtr = std::unique_ptr<z_stream, InflateDeleter>;

// ---- Compressors ----

class PassThroughCompressor final : public GuardedStream<Compressor>
{
protected:
    Result<void> doWrite(const char *data, qsizetype size, const ByteSink &sink) override
    {
        return deliver(sink, data, size);
    }
    Result<void> doFinish(const ByteSink &) override { return {}; }
};

class ZstdCompressor final : public GuardedStream<Compressor>
{
public:
    explicit ZstdCompressor(ZstdCCtxPtr context)
        : m_context(std::move(context))
        , m_buffer(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized)
    {
    }

protected:
    Result<void> doWrite(const char *data, qsizetype size, const ByteSink &sink) override
    {
        ZSTD_inBuffer input{data, size_t(size), 0};
        while (input.pos < input.size) {
            if (auto step = compress(input, ZSTD_e_continue, sink); !step)
                return std::unexpected(step.error());
        }
        return {};
    }

    Result<void> doFinish(const ByteSink &sink) override
    {
        ZSTD_inBuffer input{nullptr, 0, 0};
        for (;;) {
            auto remaining = compress(input, ZSTD_e_end, sink);
            if (!remaining)
                return std::unexpected(remaining.error());
            if (*remaining == 0)
                return {};
        }
    }

private:
    Result<size_t> compress(ZSTD_inBuffer &input, ZSTD_EndDirective mode, const ByteSink &sink)
    {
        ZSTD_outBuffer output{m_buffer.data(), size_t(m_buffer.size()), 0};
        const size_t ret = ZSTD_compressStream2(m_context.get(), &output, &input, mode);
        if (ZSTD_isError(ret))
            return fail(ErrorCode::Internal, QStringLiteral("Could not compress the artifact with zstd"),
                        zstdDetail(ret));
        if (auto delivered = deliver(sink, m_buffer.constData(), qsizetype(output.pos)); !delivered)
            return std::unexpected(delivered.error());
        return ret;
    }

    ZstdCCtxPtr m_context;
    QByteArray m_buffer;
};

class GzipCompressor final : public GuardedStream<Compressor>
{
public:
    explicit GzipCompressor(DeflatePtr stream)
        : m_stream(std::move(stream))
        , m_buffer(kZlibBufferSize, Qt::Uninitialized)
    {
    }

protected:
    Result<void> doWrite(const char *data, qsizetype size, const ByteSink &sink) override
    {
        while (size > 0) {
            const qsizetype slice = std::min(size, kZlibMaxSlice);
            m_stream->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
            m_stream->avail_in = uInt(slice);
            do {
                if (auto step = deflateStep(Z_NO_FLUSH, sink); !step)
                    return std::unexpected(step.error());
            } while (m_stream->avail_in > 0 || m_stream->avail_out == 0);
            data += slice;
            size -= slice;
        }
        return {};
    }

    Result<void> doFinish(const ByteSink &sink) override
    {
        m_stream->next_in = nullptr;
        m_stream->avail_in = 0;
        for (;;) {
            auto step = deflateStep(Z_FINISH, sink);
            if (!step)
                return std::unexpected(step.error());
            if (*step == Z_STREAM_END)
                return {};
        }
    }

private:
    Result<int> deflateStep(int flush, const ByteSink &sink)
    {
        m_stream->next_out = reinterpret_cast<Bytef *>(m_buffer.data());
        m_stream->avail_out = uInt(m_buffer.size());
        const int ret = deflate(m_stream.get(), flush);
        // Z_BUF_ERROR only means no progress was possible this round; it is not fatal.
        if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
            return fail(ErrorCode::Internal, QStringLiteral("Could not compress the artifact with gzip"),
                        zlibDetail(*m_stream, ret));
        const qsizetype produced = m_buffer.size() - qsizetype(m_stream->avail_out);
        if (auto delivered = deliver(sink, m_buffer.constData(), produced); !delivered)
            return std::unexpected(delivered.error());
        return ret;
    }

    DeflatePtr m_stream;
    QByteArray m_buffer;
};

// ---- Decompressors ----

class PassThroughDecompressor final : public GuardedStream<Decompressor>
{
protected:
    Result<void> doWrite(const char *data, qsizetype size, const ByteSink &sink) override
    {
        return deliver(sink, data, size);
    }
    Result<void> doFinish(const ByteSink &) override { return {}; }
};

class ZstdDecompressor final : public GuardedStream<Decompressor>
{
public:
    explicit ZstdDecompressor(ZstdDCtxPtr context)
        : m_context(std::move(context))
        , m_buffer(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized)
    {
    }

protected:
    Result<void> doWrite(const char *data, qsizetype size, const ByteSink &sink) override
    {
        ZSTD_inBuffer input{data, size_t(size), 0};
        bool outputFull = false;
        // A full output buffer may leave decoded bytes inside the context: call again to drain them.
        while (input.pos < input.size || (outputFull && m_lastRet != 0)) {
            ZSTD_outBuffer output{m_buffer.data(), size_t(m_buffer.size()), 0};
            const size_t ret = ZSTD_decompressStream(m_context.get(), &output, &input);
            if (ZSTD_isError(ret))
                return decodeError(ret);
            m_lastRet = ret;
            if (ret == 0)
                ++m_frames;
            if (auto delivered = deliver(sink, m_buffer.constData(), qsizetype(output.pos)); !delivered)
                return delivered;
            outputFull = output.pos == output.size;
        }
        return {};
    }

    Result<void> doFinish(const ByteSink &) override
    {
        // Concatenated frames are valid zstd; the stream only has to end on a frame boundary.
        if (m_frames == 0 || m_lastRet != 0)
            return fail(ErrorCode::Corrupt, QStringLiteral("The artifact's zstd stream is truncated"),
                        m_frames == 0 && m_lastRet == kNothingYet ? QStringLiteral("no data")
                                                                 : QStringLiteral("the last frame is incomplete"));
        return {};
    }

private:
    static constexpr size_t kNothingYet = size_t(-1);

    Result<void> decodeError(size_t ret) const
    {
        const ZSTD_ErrorCode code = ZSTD_getErrorCode(ret);
        // A bad magic number after a complete frame is data appended to a valid stream.
        if (code == ZSTD_error_prefix_unknown && m_frames > 0 && m_lastRet == 0)
            return fail(ErrorCode::Corrupt,
                        QStringLiteral("Unexpected data follows the end of the artifact's zstd stream"),
                        zstdDetail(ret));
        if (code == ZSTD_error_frameParameter_windowTooLarge)
            return fail(ErrorCode::UnsupportedFormat,
                        QStringLiteral("The artifact's zstd stream needs more memory than Coffer allows"),
                        zstdDetail(ret));
        return fail(ErrorCode::Corrupt, QStringLiteral("The artifact's zstd stream is corrupt"), zstdDetail(ret));
    }

    ZstdDCtxPtr m_context;
    QByteArray m_buffer;
    size_t m_lastRet = kNothingYet;
    qint64 m_frames = 0;
};

class GzipDecompressor final : public GuardedStream<Decompressor>
{
public:
    explicit GzipDecompressor(InflatePtr stream)
        : m_stream(std::move(stream))
        , m_buffer(kZlibBufferSize, Qt::Uninitialized)
    {
        inflateGetHeader(m_stream.get(), &m_header);
    }

protected:
    Result<void> doWrite(const char *data, qsizetype size, const ByteSink &sink) override
    {
        while (size > 0) {
            const qsizetype slice = std::min(size, kZlibMaxSlice);
            m_stream->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
            m_stream->avail_in = uInt(slice);
            if (auto step = inflateSlice(sink); !step)
                return step;
            data += slice;
            size -= slice;
        }
        return {};
    }

    Result<void> doFinish(const ByteSink &) override
    {
        if (m_memberEnded)
            return {};
        if (afterLastMember())
            return trailingData(QStringLiteral("incomplete gzip header"));
        return fail(ErrorCode::Corrupt, QStringLiteral("The artifact's gzip stream is truncated"),
                    m_members == 0 && m_stream->total_in == 0 ? QStringLiteral("no data")
                                                              : QStringLiteral("the end of the stream is missing"));
    }

private:
    Result<void> inflateSlice(const ByteSink &sink)
    {
        bool outputFull = false;
        while (m_stream->avail_in > 0 || outputFull) {
            // Like gunzip, accept several gzip members one after another.
            if (m_memberEnded) {
                inflateReset(m_stream.get());
                m_header = gz_header{};
                inflateGetHeader(m_stream.get(), &m_header);
                m_memberEnded = false;
            }
            m_stream->next_out = reinterpret_cast<Bytef *>(m_buffer.data());
            m_stream->avail_out = uInt(m_buffer.size());
            const int ret = inflate(m_stream.get(), Z_NO_FLUSH);
            if (ret == Z_DATA_ERROR || ret == Z_NEED_DICT) {
                const QString detail = zlibDetail(*m_stream, Z_DATA_ERROR);
                if (afterLastMember())
                    return trailingData(detail);
                return fail(ErrorCode::Corrupt, QStringLiteral("The artifact's gzip stream is corrupt"), detail);
            }
            if (ret == Z_MEM_ERROR || ret == Z_STREAM_ERROR)
                return fail(ErrorCode::Internal, QStringLiteral("Could not decompress the artifact with gzip"),
                            zlibDetail(*m_stream, ret));
            const qsizetype produced = m_buffer.size() - qsizetype(m_stream->avail_out);
            if (auto delivered = deliver(sink, m_buffer.constData(), produced); !delivered)
                return delivered;
            if (ret == Z_STREAM_END) {
                m_memberEnded = true;
                ++m_members;
                outputFull = false;
                continue;
            }
            if (ret == Z_BUF_ERROR)
                break; // needs more input
            outputFull = m_stream->avail_out == 0;
        }
        return {};
    }

    // True while reading what should be the header of a further member but is not one yet.
    bool afterLastMember() const { return m_members > 0 && m_header.done != 1; }

    Result<void> trailingData(const QString &detail) const
    {
        return fail(ErrorCode::Corrupt, QStringLiteral("Unexpected data follows the end of the artifact's gzip stream"),
                    detail);
    }

    InflatePtr m_stream;
    QByteArray m_buffer;
    gz_header m_header{};
    bool m_memberEnded = false;
    qint64 m_members = 0;
};

Result<std::unique_ptr<Compressor>> createZstdCompressor(int level, int workers, qint64 pledgedSize)
{
    ZstdCCtxPtr context(ZSTD_createCCtx());
    if (!context)
        return fail(ErrorCode::Internal, QStringLiteral("Could not allocate the zstd compressor"));
    size_t ret = ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, level);
    // The checksum lets stock `zstd -d` and our decoder detect damaged artifacts.
    if (!ZSTD_isError(ret))
        ret = ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
    if (!ZSTD_isError(ret) && workers > 0) {
        // A libzstd built without threads reports an upper bound of 0: the output is the same, only slower.
        const ZSTD_bounds bounds = ZSTD_cParam_getBounds(ZSTD_c_nbWorkers);
        const int usable = ZSTD_isError(bounds.error) ? 0 : std::min(workers, bounds.upperBound);
        if (usable > 0)
            ret = ZSTD_CCtx_setParameter(context.get(), ZSTD_c_nbWorkers, usable);
    }
    if (!ZSTD_isError(ret) && pledgedSize >= 0)
        ret = ZSTD_CCtx_setPledgedSrcSize(context.get(), static_cast<unsigned long long>(pledgedSize));
    if (ZSTD_isError(ret))
        return fail(ErrorCode::Internal, QStringLiteral("Could not set up the zstd compressor"), zstdDetail(ret));
    return std::make_unique<ZstdCompressor>(std::move(context));
}

Result<std::unique_ptr<Compressor>> createGzipCompressor(int level)
{
    DeflatePtr stream(new z_stream{});
    // windowBits 15 + 16 writes a real gzip member that `gunzip` reads.
    const int ret = deflateInit2(stream.get(), level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    if (ret != Z_OK)
        return fail(ErrorCode::Internal, QStringLiteral("Could not set up the gzip compressor"),
                    zlibDetail(*stream, ret));
    return std::make_unique<GzipCompressor>(std::move(stream));
}

} // namespace

Result<std::unique_ptr<Compressor>> Compressor::create(Codec codec, int level, int workers, qint64 pledgedSize)
{
    if (auto valid = checkLevel(codec, level); !valid)
        return std::unexpected(valid.error());
    if (workers < 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The number of compression threads cannot be negative (%1)").arg(workers));
    switch (codec) {
    case Codec::Zstd: return createZstdCompressor(level, workers, pledgedSize);
    case Codec::Gzip: return createGzipCompressor(level);
    case Codec::None: return std::make_unique<PassThroughCompressor>();
    }
    return fail(ErrorCode::Internal, QStringLiteral("Unknown compression codec"));
}

Result<std::unique_ptr<Decompressor>> Decompressor::create(Codec codec)
{
    switch (codec) {
    case Codec::Zstd: {
        ZstdDCtxPtr context(ZSTD_createDCtx());
        if (!context)
            return fail(ErrorCode::Internal, QStringLiteral("Could not allocate the zstd decompressor"));
        return std::make_unique<ZstdDecompressor>(std::move(context));
    }
    case Codec::Gzip: {
        InflatePtr stream(new z_stream{});
        // 15 + 16 accepts gzip only, so a zlib or raw deflate stream is reported as corrupt.
        const int ret = inflateInit2(stream.get(), 15 + 16);
        if (ret != Z_OK)
            return fail(ErrorCode::Internal, QStringLiteral("Could not set up the gzip decompressor"),
                        zlibDetail(*stream, ret));
        return std::make_unique<GzipDecompressor>(std::move(stream));
    }
    case Codec::None: return std::make_unique<PassThroughDecompressor>();
    }
    return fail(ErrorCode::Internal, QStringLiteral("Unknown compression codec"));
}

} // namespace coffer
