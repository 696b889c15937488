#pragma once

#include "backup/Codec.h"
#include "crypto/CfrFormat.h"
#include "crypto/ContainerInfo.h"
#include "crypto/EncryptionKeys.h"

#include <memory>
#include <optional>

namespace coffer {

// Streams a Coffer encryption container back to its inner stream. The header is opened as
// soon as it has arrived: KeyRequired when no credentials were given, WrongKey when none of
// them opens it, Corrupt when it is damaged or altered. A chunk's plaintext reaches the sink
// only after its tag verifies; truncation, reordering, dropped, appended and trailing bytes
// are Corrupt, naming the chunk.
class Decryptor final
{
public:
    explicit Decryptor(Credentials credentials);
    ~Decryptor();

    Result<void> write(const char *data, qsizetype size, const ByteSink &sink);
    Result<void> finish(const ByteSink &sink);

    // Known once the header has been read and opened.
    const std::optional<cfr::Header> &header() const { return m_header; }
    ContainerInfo info() const;

    // Reads a header without opening it, from the first bytes of a file (4 KiB always hold it).
    static Result<cfr::Header> peek(QByteArrayView bytes);

private:
    Result<void> openHeader();
    Result<void> openChunk(qsizetype size, bool final, const ByteSink &sink);

    struct State;
    std::unique_ptr<State> d;
    Credentials m_credentials;
    std::optional<cfr::Header> m_header;
};

} // namespace coffer
