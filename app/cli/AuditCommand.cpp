#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"

#include "repository/Catalog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

// --since: an ISO 8601 date or date and time (UTC when it names no zone), or an age such as
// 30m, 24h, 7d, 2w. An invalid QDateTime means the value is not understood.
QDateTime parseSince(const QString &value, const QDateTime &now)
{
    const QString text = value.trimmed();
    static const QRegularExpression age(QStringLiteral("^(\\d{1,9})\\s*([mhdw])$"));
    if (const auto match = age.match(text); match.hasMatch()) {
        const qint64 count = match.captured(1).toLongLong();
        const char unit = match.captured(2).front().toLatin1();
        const qint64 seconds = unit == 'm' ? 60 : unit == 'h' ? 3600 : unit == 'd' ? 86400 : 7 * 86400;
        return now.addSecs(-count * seconds);
    }
    // QDate::fromString would also take the date off the front of a bad date and time.
    if (const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd")); date.isValid())
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // no zone written: UTC, like every time Coffer prints
    return time;
}

// Record fields come from other people's input (database names, paths): keep each on one line
// and keep control characters away from the terminal.
QString oneLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line)
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0) || c.unicode() == 0x2028
            || c.unicode() == 0x2029)
            c = QLatin1Char(' ');
    return line;
}

int verifyTrail(coffer::Catalog &catalog, const CliContext &context)
{
    auto report = catalog.verifyAuditTrail();
    if (!report)
        return cli::reportError(report.error(), context.json());
    if (context.json()) {
        cli::printJson(QJsonObject{
            { QStringLiteral("ok"), report->ok },
            { QStringLiteral("records"), report->records },
            { QStringLiteral("first_broken"), report->ok ? QJsonValue() : QJsonValue(report->firstBroken) },
            { QStringLiteral("problem"), report->ok ? QJsonValue() : QJsonValue(report->problem) },
        });
    } else if (report->ok) {
        cli::out(QStringLiteral("Audit trail verified: %1 records, chain intact").arg(report->records));
    } else {
        cli::out(QStringLiteral("Audit trail BROKEN (%1 records): %2")
                     .arg(QString::number(report->records), report->problem));
    }
    return report->ok ? kExitOk : kExitCheckFailed;
}

} // namespace

int runAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("verify"),
        QStringLiteral("Check the hash chain instead of printing the trail (exit 1 when it is "
                       "broken)."),
        QStringLiteral("[verify]"));
    parser.addOption({ QStringLiteral("since"),
        QStringLiteral("Only records at or after TIME: ISO 8601 (UTC unless it names a zone), or an age "
                       "such as 30m, 24h, 7d, 2w."),
        QStringLiteral("time") });
    if (auto exit = CliContext::parse(
            parser, arguments, QStringLiteral("Show or verify the repository's append-only audit trail.")))
        return *exit;
    const CliContext context(parser);
    const QStringList positional = parser.positionalArguments();
    const bool verify = positional == QStringList{ QStringLiteral("verify") };
    if (!positional.isEmpty() && !verify)
        return cli::usageError(QStringLiteral("audit takes no arguments, or 'verify'"));
    if (verify && parser.isSet(QStringLiteral("since")))
        return cli::usageError(QStringLiteral("'audit verify' always checks the whole trail; --since only filters the "
                                              "listing"));
    QDateTime since;
    if (parser.isSet(QStringLiteral("since"))) {
        since = parseSince(parser.value(QStringLiteral("since")), QDateTime::currentDateTimeUtc());
        if (!since.isValid())
            return cli::usageError(QStringLiteral("--since '%1' is neither an ISO 8601 time (2026-11-21T08:00:00Z, "
                                                  "2026-11-21) nor an age (30m, 24h, 7d, 2w)")
                                       .arg(parser.value(QStringLiteral("since"))));
    }
    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    if (verify)
        return verifyTrail(*catalog, context);

    auto records = catalog->auditTrail(since);
    if (!records)
        return cli::reportError(records.error(), context.json());
    if (context.json()) {
        QJsonArray array;
        for (const coffer::AuditRecord &record : std::as_const(*records))
            array.append(jsonview::auditRecord(record));
        cli::printJson(array);
        return kExitOk;
    }
    if (records->isEmpty()) {
        cli::out(since.isValid() ? QStringLiteral("No audit records since %1").arg(since.toUTC().toString(Qt::ISODate))
                                 : QStringLiteral("The audit trail is empty"));
        return kExitOk;
    }
    // One multi-argument arg(): a '%1' inside a field is printed as it is, not substituted.
    const QString format = QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8");
    cli::out(format.arg(QStringLiteral("#").rightJustified(5), QStringLiteral("TIME (UTC)").leftJustified(19),
        QStringLiteral("WHO").leftJustified(20), QStringLiteral("OPERATION").leftJustified(9),
        QStringLiteral("TARGET").leftJustified(16), QStringLiteral("BACKUP").leftJustified(8),
        QStringLiteral("OUTCOME").leftJustified(7), QStringLiteral("DETAIL")));
    for (const coffer::AuditRecord &record : std::as_const(*records)) {
        const QString backup = record.backupId.isEmpty() ? QStringLiteral("-") : record.backupId.left(8);
        cli::out(format.arg(QString::number(record.sequence).rightJustified(5),
            record.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).leftJustified(19),
            oneLine((record.user.isEmpty() ? QStringLiteral("?") : record.user) + QLatin1Char('@') + record.host)
                .leftJustified(20),
            oneLine(record.operation).leftJustified(9), oneLine(record.target).leftJustified(16),
            oneLine(backup).leftJustified(8), oneLine(record.outcome).leftJustified(7), oneLine(record.detail)));
    }
    return kExitOk;
}
