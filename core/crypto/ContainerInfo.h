#pragma once

#include "backup/Codec.h"

#include <QString>

namespace coffer {

// What an encrypted artifact's authenticated header says about its contents.
struct ContainerInfo {
    QString backupId; // 32 hex digits
    Codec innerCodec = Codec::Zstd; // what the payload decrypts to
    qint64 plaintextSize = 0; // of the database
    QString plaintextSha256; // of the database, hex
};

} // namespace coffer
