#include "DisplayFormat.h"

#include "backup/Manifest.h"
#include "verify/CheckResult.h"

#include <QLocale>
#include <QStringList>

namespace coffer::ui {

QString DisplayFormat::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

QString DisplayFormat::localTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString DisplayFormat::utcTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return tr("%1 UTC").arg(time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
}

QString DisplayFormat::ratio(qint64 plaintextSize, qint64 artifactSize)
{
    if (plaintextSize <= 0 || artifactSize <= 0)
        return {};
    const double value = double(plaintextSize) / double(artifactSize);
    return tr("%1×").arg(QLocale().toString(value, 'f', 1));
}

QString DisplayFormat::codec(const Manifest &manifest)
{
    QString text = manifest.compression;
    if (manifest.compression != QStringLiteral("none"))
        text += QLatin1Char(' ') + QString::number(manifest.compressionLevel);
    if (!manifest.encryptionScheme.isEmpty() && manifest.encryptionScheme != QStringLiteral("none"))
        text = tr("%1, encrypted (%2)").arg(text, manifest.encryptionScheme);
    return text;
}

QString DisplayFormat::duration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

QString DisplayFormat::verification(const std::optional<VerifyOutcome> &outcome)
{
    if (!outcome)
        return tr("never");
    // Today's checks by time, older ones by date: short enough for a table column.
    const QDateTime local = outcome->time.toLocalTime();
    const QString when = local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm"))
                                                              : local.toString(QStringLiteral("yyyy-MM-dd"));
    return outcome->ok() ? tr("ok (%1, %2)").arg(outcome->level, when)
                         : tr("FAILED (%1, %2)").arg(outcome->level, when);
}

QString DisplayFormat::verificationDetail(const std::optional<VerifyOutcome> &outcome)
{
    if (!outcome)
        return tr("This backup has not been verified yet.");
    const QList<CheckResult> failed = outcome->failedChecks();
    if (outcome->ok())
        return tr("All %n check(s) passed.", nullptr, int(outcome->checks.size()));
    if (failed.isEmpty())
        return tr("No checks were recorded.");
    QStringList lines;
    for (const CheckResult &check : failed)
        lines << tr("%1: %2").arg(check.name, check.detail);
    return lines.join(QLatin1Char('\n'));
}

} // namespace coffer::ui
