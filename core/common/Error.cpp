#include "common/Error.h"

namespace coffer {

QString Error::toString() const
{
    if (detail.isEmpty())
        return message;
    return QStringLiteral("%1 (%2)").arg(message, detail);
}

QString Error::codeName() const
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::NotSqlite:
        return QStringLiteral("not_sqlite");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::UnsupportedFormat:
        return QStringLiteral("unsupported_format");
    case ErrorCode::Locked:
        return QStringLiteral("locked");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Sqlite:
        return QStringLiteral("sqlite");
    case ErrorCode::KeyRequired:
        return QStringLiteral("key_required");
    case ErrorCode::WrongKey:
        return QStringLiteral("wrong_key");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace coffer
