#include "ScheduleClock.h"

#include "CliOutput.h"

namespace scheduleclock {

namespace {

const char *const kVariable = "COFFER_NOW"; // test-only, see the header

} // namespace

bool isFixed()
{
    return qEnvironmentVariableIsSet(kVariable);
}

std::expected<QDateTime, int> now()
{
    if (!isFixed())
        return QDateTime::currentDateTimeUtc();
    const QString value = qEnvironmentVariable(kVariable);
    const QDateTime fixed = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!fixed.isValid() || fixed.timeSpec() == Qt::LocalTime)
        return std::unexpected(cli::usageError(
            QStringLiteral("COFFER_NOW must be an ISO 8601 time with a zone, e.g. 2026-05-06T12:00:00Z, not '%1'")
                .arg(value)));
    return fixed.toUTC();
}

} // namespace scheduleclock
