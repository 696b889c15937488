#include "ScheduleInstall.h"

#include "common/FileUtil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <pwd.h>

namespace scheduleinstall {

namespace {

constexpr int kCrontabTimeoutMs = 30000;

const QString kDescription = QStringLiteral("Coffer: run the due backups, prunes, verifications and drills");

// Arguments that read the same unquoted to systemd and to sh.
bool isPlain(const QString &argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@+,-]+$"));
    return plain.match(argument).hasMatch();
}

QString execArguments(const Target &target, QString (*quote)(const QString &))
{
    return QStringList{ quote(target.cli), QStringLiteral("run-due"), QStringLiteral("--workspace"),
        quote(target.workspace) }
        .join(QLatin1Char(' '));
}

// The uid of the user named `name`; none when there is no such user.
std::optional<uint> userId(const QString &name)
{
    struct passwd entry = {};
    struct passwd *found = nullptr;
    char buffer[4096];
    if (::getpwnam_r(name.toLocal8Bit().constData(), &entry, buffer, sizeof buffer, &found) == 0 && found)
        return uint(found->pw_uid);
    return std::nullopt;
}

} // namespace

QString workspaceId(const QString &workspace)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(workspace.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

QString unitName(const QString &workspace)
{
    return QStringLiteral("%1-%2").arg(kUnitPrefix, workspaceId(workspace));
}

std::expected<QString, QString> systemUser(const std::optional<QString> &requested, const QString &workspace)
{
    QString name;
    QString source;
    if (requested) {
        name = requested->trimmed();
        source = QStringLiteral("--run-as");
    } else if (const QString sudoUser = qEnvironmentVariable("SUDO_USER"); !sudoUser.isEmpty()) {
        name = sudoUser;
        source = QStringLiteral("$SUDO_USER, who ran sudo");
    } else {
        name = coffer::fileutil::userName(QFileInfo(workspace).ownerId());
        source = QStringLiteral("the owner of %1").arg(workspace);
    }
    if (name.isEmpty())
        return std::unexpected(QStringLiteral("--run-as needs a user name"));
    const std::optional<uint> uid = userId(name);
    if (!uid)
        return std::unexpected(QStringLiteral("there is no user '%1' on this system (%2); give --run-as USER, the user "
                                              "who runs the console and owns the repositories")
                                   .arg(name, source));
    if (*uid == 0 && !requested)
        return std::unexpected(
            QStringLiteral("a system-wide install would run run-due as %1 (%2). Its lock, run log and retry state "
                           "would live in %1's home, apart from the console's, and the backups and records it writes "
                           "would belong to %1, so the console's user could not read, verify or prune them. Give "
                           "--run-as USER (the user who runs the console and owns the repositories), or --run-as %1 "
                           "if %1 really does all the work; or install for yourself with --user")
                .arg(name, source));
    return name;
}

QString checkEvery(int minutes)
{
    const bool divisorOfHour = minutes >= 1 && minutes < 60 && 60 % minutes == 0;
    const bool hoursOfDay = minutes >= 60 && minutes <= 1440 && minutes % 60 == 0 && 24 % (minutes / 60) == 0;
    if (divisorOfHour || hoursOfDay)
        return {};
    return QStringLiteral("--every takes minutes that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30) or whole "
                          "hours that divide a day (60, 120, 180, 240, 360, 480, 720, 1440), not %1")
        .arg(minutes);
}

QString systemdWord(const QString &argument)
{
    QString escaped = argument;
    // Specifiers (%) and variables ($) are expanded inside quotes too.
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('%'), QStringLiteral("%%"))
        .replace(QLatin1Char('$'), QStringLiteral("$$"));
    return isPlain(argument) ? escaped : QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString cronWord(const QString &argument)
{
    QString quoted = isPlain(argument)
        ? argument
        : QLatin1Char('\'') + QString(argument).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    // cron turns an unescaped % into a newline, inside quotes too.
    return quoted.replace(QLatin1Char('%'), QStringLiteral("\\%"));
}

QString serviceUnit(const Target &target)
{
    // User=: the state folder (in that user's home, which systemd sets) and the files written are
    // the console's user's, not root's.
    const QString user = target.runAs.isEmpty() ? QString() : QStringLiteral("User=%1\n").arg(target.runAs);
    return QStringLiteral("[Unit]\n"
                          "Description=%1 (%2)\n"
                          "\n"
                          "[Service]\n"
                          "Type=oneshot\n"
                          "%3"
                          "ExecStart=%4\n")
        .arg(kDescription, QString(target.workspace).replace(QLatin1Char('%'), QStringLiteral("%%")), user,
            execArguments(target, systemdWord));
}

QString timerUnit(const Target &target)
{
    const int minutes = target.everyMinutes;
    const QString calendar = minutes < 60 ? QStringLiteral("*-*-* *:00/%1:00").arg(minutes)
        : minutes == 1440                 ? QStringLiteral("*-*-* 00:00:00")
                                          : QStringLiteral("*-*-* 00/%1:00:00").arg(minutes / 60);
    return QStringLiteral("[Unit]\n"
                          "Description=%1 every %2 minutes\n"
                          "\n"
                          "[Timer]\n"
                          "OnCalendar=%3\n"
                          // A run missed while the machine was off happens at boot.
                          "Persistent=true\n"
                          "Unit=%4.service\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n")
        .arg(kDescription)
        .arg(minutes)
        .arg(calendar, unitName(target.workspace));
}

QString systemdDirectory(bool user)
{
    if (!user)
        return QStringLiteral("/etc/systemd/system");
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || QDir::isRelativePath(config))
        config = QDir::homePath() + QStringLiteral("/.config");
    return config + QStringLiteral("/systemd/user");
}

QString systemctlCommand(bool user, const QString &unit)
{
    const QString systemctl = user ? QStringLiteral("systemctl --user") : QStringLiteral("systemctl");
    return QStringLiteral("%1 daemon-reload && %1 enable --now %2.timer").arg(systemctl, unit);
}

QString cronMarker(const QString &workspace)
{
    return QStringLiteral("# %1 %2").arg(kUnitPrefix, workspaceId(workspace));
}

QString cronLine(const Target &target)
{
    const QString &user = target.runAs;
    const int minutes = target.everyMinutes;
    const QString when = minutes == 1 ? QStringLiteral("* * * * *")
        : minutes < 60                ? QStringLiteral("*/%1 * * * *").arg(minutes)
        : minutes == 60               ? QStringLiteral("0 * * * *")
        : minutes == 1440             ? QStringLiteral("0 0 * * *")
                                      : QStringLiteral("0 */%1 * * *").arg(minutes / 60);
    // stdout (what ran, "nothing due", "another run is in progress") is dropped; cron mails stderr,
    // where run-due writes failures only.
    return QStringLiteral("%1 %2%3 >/dev/null %4")
        .arg(when, user.isEmpty() ? QString() : user + QLatin1Char(' '), execArguments(target, cronWord),
            cronMarker(target.workspace));
}

QString cronFile(const Target &target)
{
    return QStringLiteral("# %1 for %2\n"
                          "# Written by coffer-cli schedule install --cron.\n"
                          "SHELL=/bin/sh\n"
                          "%3\n")
        .arg(kDescription, target.workspace, cronLine(target));
}

QString cronFilePath(const QString &workspace)
{
    // cron reads /etc/cron.d files whose names are letters, digits, '-' and '_' only.
    return QStringLiteral("/etc/cron.d/") + unitName(workspace);
}

QString mergeCrontab(const QString &existing, const QString &line, const QString &marker)
{
    QStringList lines = existing.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    lines.removeIf([&](const QString &old) { return old.trimmed().endsWith(marker); });
    lines << line;
    // crontab refuses a last line without its newline.
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

coffer::Result<QString> readCrontab()
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("crontab"));
    if (program.isEmpty())
        return coffer::fail(coffer::ErrorCode::NotFound,
            QStringLiteral("crontab is not installed (it comes with the cron package): install cron, or use "
                           "--systemd, or --print to see the line"));
    QProcess process;
    process.start(program, { QStringLiteral("-l") });
    if (!process.waitForFinished(kCrontabTimeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return coffer::fail(coffer::ErrorCode::Io, QStringLiteral("crontab -l did not finish"), process.errorString());
    const QString error = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (process.exitCode() != 0) {
        // "no crontab for alice": an empty crontab, not a failure.
        if (error.contains(QLatin1String("no crontab"), Qt::CaseInsensitive))
            return QString();
        return coffer::fail(coffer::ErrorCode::Io, QStringLiteral("crontab -l failed"), error);
    }
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

coffer::Result<void> writeCrontab(const QString &text)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("crontab"));
    if (program.isEmpty())
        return coffer::fail(coffer::ErrorCode::NotFound, QStringLiteral("crontab is not installed"));
    QProcess process;
    process.start(program, { QStringLiteral("-") });
    if (!process.waitForStarted(kCrontabTimeoutMs))
        return coffer::fail(coffer::ErrorCode::Io, QStringLiteral("crontab did not start"), process.errorString());
    process.write(text.toLocal8Bit());
    process.closeWriteChannel();
    if (!process.waitForFinished(kCrontabTimeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return coffer::fail(coffer::ErrorCode::Io, QStringLiteral("crontab - did not finish"), process.errorString());
    if (process.exitCode() != 0)
        return coffer::fail(coffer::ErrorCode::Io, QStringLiteral("crontab refused the new table; it is unchanged"),
            QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
    return {};
}

} // namespace scheduleinstall
