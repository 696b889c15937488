#pragma once

#include <QString>

#include <expected>

namespace coffer {

// What went wrong, in terms a caller can branch on. The CLI maps these to exit codes.
enum class ErrorCode {
    InvalidArgument, // the caller asked for something malformed (usage)
    NotFound, // a file, backup, database or repository that is not there
    NotSqlite, // a source that is not an SQLite database
    Io, // read/write/fsync/rename failed (includes a full disk)
    PermissionDenied, // not readable or writable
    Corrupt, // a checksum, format or integrity check failed
    UnsupportedFormat, // written by a newer Coffer, or an unknown codec
    Locked, // a database or repository held by someone else
    Cancelled, // the user cancelled
    Sqlite, // SQLite said no for another reason
    KeyRequired, // an encrypted backup, and no passphrase or private key was given
    WrongKey, // none of the passphrases or keys given opens an encrypted backup
    Internal, // a bug: an invariant broke
};

// One failure: a code, one line for a person (what happened and what to do), and detail.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;

    // "message (detail)" or just the message.
    QString toString() const;
    // Stable lower-case name of the code, used in JSON output.
    QString codeName() const;
};

template <typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, QString detail = {})
{
    return std::unexpected(Error{ code, std::move(message), std::move(detail) });
}

} // namespace coffer
