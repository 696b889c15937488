#include "CliOutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace cli {

void out(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void err(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void printJson(const QJsonValue &value)
{
    const QByteArray text = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

int reportError(const coffer::Error &error, bool json, int exitCode)
{
    err(QStringLiteral("coffer-cli: %1").arg(error.message));
    if (!error.detail.isEmpty())
        err(QStringLiteral("  %1").arg(error.detail));
    if (json)
        printJson(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), error.codeName()},
                                                                     {QStringLiteral("message"), error.message},
                                                                     {QStringLiteral("detail"), error.detail}}}});
    return exitCode;
}

int usageError(const QString &message)
{
    err(QStringLiteral("coffer-cli: %1").arg(message));
    err(QStringLiteral("Try 'coffer-cli --help'."));
    return kExitUsage;
}

QString humanSize(qint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return unit == 0 ? QStringLiteral("%1 B").arg(bytes)
                     : QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

} // namespace cli
