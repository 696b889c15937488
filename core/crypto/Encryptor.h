#pragma once

#include "backup/Codec.h"
#include "crypto/ContainerInfo.h"
#include "crypto/EncryptionKeys.h"

#include <QStringList>

#include <memory>

namespace coffer {

// Streams an inner stream (".sqlite.zst") into the Coffer encryption container: the header
// with one stanza per recipient, then AES-256-GCM chunks. Memory is one chunk. The header
// goes to the sink with the first write() or finish().
class Encryptor final
{
public:
    ~Encryptor();
    // InvalidArgument for no keys, a malformed backup id or an iteration count out of range.
    static Result<std::unique_ptr<Encryptor>> create(
        const EncryptionKeys &keys, const ContainerInfo &info, int chunkLog2 = 0 /* default */);

    Result<void> write(const char *data, qsizetype size, const ByteSink &sink);
    Result<void> finish(const ByteSink &sink);

    QStringList keyIds() const { return m_keyIds; }

private:
    Encryptor();
    Result<void> writeHeader(const ByteSink &sink);
    Result<void> sealChunk(bool final, const ByteSink &sink);

    struct State;
    std::unique_ptr<State> d;
    QStringList m_keyIds;
};

} // namespace coffer
