#include "DisplayFormat.h"

#include "backup/Manifest.h"
#include "verify/CheckResult.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>

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

bool DisplayFormat::isEncrypted(const Manifest &manifest)
{
    return !manifest.encryptionScheme.isEmpty() && manifest.encryptionScheme != QStringLiteral("none");
}

QString DisplayFormat::codec(const Manifest &manifest)
{
    QString text = manifest.compression;
    if (manifest.compression != QStringLiteral("none"))
        text += QLatin1Char(' ') + QString::number(manifest.compressionLevel);
    if (isEncrypted(manifest))
        text = tr("%1, encrypted (%2)").arg(text, manifest.encryptionScheme);
    return text;
}

QString DisplayFormat::duration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

QString DisplayFormat::age(const QDateTime &from, const QDateTime &now)
{
    if (!from.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, from.secsTo(now));
    if (seconds < 60)
        return tr("less than a minute");
    if (seconds < 3600)
        return tr("%n minute(s)", nullptr, int(seconds / 60));
    if (seconds < 48 * 3600)
        return tr("%n hour(s)", nullptr, int(seconds / 3600));
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

QString DisplayFormat::timeLeft(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds / 60 % 60);
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
