#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"
#include "ScheduleClock.h"
#include "ScheduleInstall.h"

#include "common/FileUtil.h"
#include "schedule/DuePlanner.h"
#include "schedule/RunLog.h"
#include "schedule/ScheduleCheck.h"
#include "schedule/ScheduleSurvey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace {

QString localTime(const QDateTime &time, const QTimeZone &zone)
{
    return time.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// Rows padded into columns; the last column is not padded.
void printTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i + 1 < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        cli::out(line.trimmed());
    }
}

int list(const CliContext &context)
{
    const auto now = scheduleclock::now();
    if (!now)
        return now.error();
    auto workspace = context.workspace();
    if (!workspace)
        return cli::reportError(workspace.error(), context.json(), kExitUsage);

    QStringList problems;
    auto log = coffer::RunLog::open(workspace->filePath());
    if (!log)
        problems << QStringLiteral("run log: %1").arg(log.error().toString());
    const coffer::ScheduleSurvey survey = coffer::ScheduleSurvey::take(*workspace, log ? &*log : nullptr, *now);
    problems << survey.problems;
    const QList<coffer::PlannedTask> planned = coffer::DuePlanner::plan(*workspace, survey.states, *now);
    const QTimeZone zone = workspace->scheduleTimeZone();
    const QStringList warnings = coffer::ScheduleCheck::warnings(*workspace);

    QStringList unscheduled;
    for (const coffer::DatabaseEntry &database : workspace->databases()) {
        if (workspace->schedule(database.name).isEmpty())
            unscheduled << database.name;
    }

    if (context.json()) {
        QJsonArray tasks;
        for (const coffer::PlannedTask &task : planned)
            tasks.append(
                QJsonObject{ { QStringLiteral("database"), task.database }, { QStringLiteral("kind"), task.kind },
                    { QStringLiteral("cadence"), task.cadence }, { QStringLiteral("last_run"), jsonview::time(task.lastRun) },
                    { QStringLiteral("next_due"), jsonview::time(task.nextDue) }, { QStringLiteral("due"), task.due },
                    { QStringLiteral("reason"), task.reason } });
        cli::printJson(QJsonObject{ { QStringLiteral("workspace"), workspace->filePath() },
            { QStringLiteral("timezone"), QString::fromUtf8(zone.id()) }, { QStringLiteral("now"), jsonview::time(*now) },
            { QStringLiteral("tasks"), tasks },
            { QStringLiteral("unscheduled"), QJsonArray::fromStringList(unscheduled) },
            { QStringLiteral("warnings"), QJsonArray::fromStringList(warnings) },
            { QStringLiteral("problems"), QJsonArray::fromStringList(problems) } });
    } else {
        cli::out(QStringLiteral("Schedules of %1 (times in %2; now %3)")
                     .arg(workspace->filePath(), QString::fromUtf8(zone.id()), localTime(*now, zone)));
        QList<QStringList> rows{ { QStringLiteral("DATABASE"), QStringLiteral("TASK"), QStringLiteral("CADENCE"),
            QStringLiteral("LAST RUN"), QStringLiteral("NEXT"), QStringLiteral("WHY") } };
        for (const coffer::PlannedTask &task : planned) {
            const QString next = task.due ? QStringLiteral("due now")
                : task.nextDue.isValid()  ? localTime(task.nextDue, zone)
                                          : QStringLiteral("-");
            rows << QStringList{ task.database, task.kind, task.cadence,
                task.lastRun.isValid() ? localTime(task.lastRun, zone) : QStringLiteral("never"), next, task.reason };
        }
        if (planned.isEmpty())
            cli::out(
                QStringLiteral("Nothing is scheduled: add `schedules:` to the workspace (see docs/schedules.md)."));
        else
            printTable(rows);
        if (!unscheduled.isEmpty() && !planned.isEmpty())
            cli::out(QStringLiteral("Not scheduled: %1").arg(unscheduled.join(QStringLiteral(", "))));
    }
    for (const QString &problem : warnings + problems)
        cli::err(QStringLiteral("coffer-cli: warning: %1").arg(problem));
    return kExitOk;
}

// Writes `text` to `path` (0644: the service manager or cron reads it), creating its folder.
coffer::Result<void> writeConfig(const QString &path, const QString &text)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return coffer::fail(
            coffer::ErrorCode::PermissionDenied, QStringLiteral("Cannot create the folder %1").arg(folder));
    if (auto written = coffer::fileutil::replaceAtomically(path, text.toUtf8(), folder); !written)
        return written;
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return {};
}

int install(const QCommandLineParser &parser, const CliContext &context)
{
    const bool systemd = parser.isSet(QStringLiteral("systemd"));
    const bool cron = parser.isSet(QStringLiteral("cron"));
    if (systemd == cron)
        return cli::usageError(QStringLiteral("schedule install needs --systemd or --cron (one of them)"));
    const bool user = parser.isSet(QStringLiteral("user"));
    const bool print = parser.isSet(QStringLiteral("print"));
    const bool runAsGiven = parser.isSet(QStringLiteral("run-as"));
    if (user && runAsGiven)
        return cli::usageError(
            QStringLiteral("--run-as goes with a system-wide install; a --user timer or crontab runs as you"));
    bool ok = false;
    const int every = parser.value(QStringLiteral("every")).toInt(&ok);
    if (const QString problem = scheduleinstall::checkEvery(ok ? every : 0); !ok || !problem.isEmpty())
        return cli::usageError(ok ? problem : QStringLiteral("--every takes a number of minutes"));
    // The timer must find a workspace that loads: check it now rather than every five minutes.
    auto workspace = context.workspace();
    if (!workspace)
        return cli::reportError(workspace.error(), context.json(), kExitUsage);
    const QFileInfo file(workspace->filePath());
    scheduleinstall::Target target{ .cli = QCoreApplication::applicationFilePath(),
        .workspace = file.canonicalFilePath().isEmpty() ? file.absoluteFilePath() : file.canonicalFilePath(),
        .everyMinutes = every,
        .runAs = {} };
    if (!user) {
        auto runAs = scheduleinstall::systemUser(
            runAsGiven ? std::optional(parser.value(QStringLiteral("run-as"))) : std::nullopt, target.workspace);
        if (!runAs)
            return cli::usageError(QStringLiteral("schedule install: ") + runAs.error());
        target.runAs = *runAs;
    }
    const QString unit = scheduleinstall::unitName(target.workspace);

    QList<std::pair<QString, QString>> files; // path, text
    QString cronTable;
    if (systemd) {
        const QString dir = scheduleinstall::systemdDirectory(user);
        files << std::pair{ QStringLiteral("%1/%2.service").arg(dir, unit), scheduleinstall::serviceUnit(target) }
              << std::pair{ QStringLiteral("%1/%2.timer").arg(dir, unit), scheduleinstall::timerUnit(target) };
    } else if (!user) {
        files << std::pair{ scheduleinstall::cronFilePath(target.workspace), scheduleinstall::cronFile(target) };
    }
    const QString line = scheduleinstall::cronLine(target);

    if (print) {
        if (context.json()) {
            QJsonArray list;
            for (const auto &[path, text] : files)
                list.append(QJsonObject{ { QStringLiteral("path"), path }, { QStringLiteral("content"), text } });
            cli::printJson(
                QJsonObject{ { QStringLiteral("format"), systemd ? QStringLiteral("systemd") : QStringLiteral("cron") },
                    { QStringLiteral("files"), list },
                    { QStringLiteral("crontab_line"), cron && user ? QJsonValue(line) : QJsonValue() },
                    { QStringLiteral("run_as"), target.runAs.isEmpty() ? QJsonValue() : QJsonValue(target.runAs) },
                    { QStringLiteral("written"), false } });
            return kExitOk;
        }
        if (cron && user)
            cli::out(line);
        for (const auto &[path, text] : files)
            cli::out(QStringLiteral("# %1\n%2").arg(path, text));
        return kExitOk;
    }

    if (cron && user) {
        auto existing = scheduleinstall::readCrontab();
        if (!existing)
            return cli::reportError(existing.error(), context.json());
        cronTable = scheduleinstall::mergeCrontab(*existing, line, scheduleinstall::cronMarker(target.workspace));
        if (auto written = scheduleinstall::writeCrontab(cronTable); !written)
            return cli::reportError(written.error(), context.json());
    }
    for (const auto &[path, text] : files) {
        if (auto written = writeConfig(path, text); !written) {
            coffer::Error error = written.error();
            if (!user)
                error.message += QStringLiteral(" (writing there needs root: run it with sudo, or add --user)");
            return cli::reportError(error, context.json());
        }
    }

    const QString next = systemd ? scheduleinstall::systemctlCommand(user, unit) : QString();
    if (context.json()) {
        QJsonArray written;
        for (const auto &[path, text] : files)
            written.append(path);
        cli::printJson(
            QJsonObject{ { QStringLiteral("format"), systemd ? QStringLiteral("systemd") : QStringLiteral("cron") },
                { QStringLiteral("written"), true }, { QStringLiteral("files"), written },
                { QStringLiteral("crontab_line"), cron && user ? QJsonValue(line) : QJsonValue() },
                { QStringLiteral("run_as"), target.runAs.isEmpty() ? QJsonValue() : QJsonValue(target.runAs) },
                { QStringLiteral("next"), next.isEmpty() ? QJsonValue() : QJsonValue(next) } });
        return kExitOk;
    }
    for (const auto &[path, text] : files)
        cli::out(QStringLiteral("Wrote %1").arg(path));
    if (!target.runAs.isEmpty())
        cli::out(
            QStringLiteral("run-due will run as %1; its state is in %1's ~/.local/state/coffer.").arg(target.runAs));
    if (cron && user)
        cli::out(QStringLiteral("Installed in your crontab: %1").arg(line));
    if (systemd) {
        cli::out(QStringLiteral("Now run: %1").arg(next));
        if (user)
            cli::out(
                QStringLiteral("A user timer runs while you are logged in; to run it always: loginctl enable-linger %1")
                    .arg(coffer::fileutil::currentUser()));
    }
    return kExitOk;
}

} // namespace

int runSchedule(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, false);
    parser.addPositionalArgument(QStringLiteral("list|install"),
        QStringLiteral("list: every scheduled task, its last run, when it is next due and why. install: write a "
                       "systemd timer or a cron line that calls run-due."));
    parser.addOptions({
        { QStringLiteral("systemd"), QStringLiteral("install: a systemd service and timer.") },
        { QStringLiteral("cron"), QStringLiteral("install: a cron line.") },
        { QStringLiteral("user"),
            QStringLiteral("install: for this user (~/.config/systemd/user, or your crontab) rather than the system "
                           "(/etc/systemd/system, /etc/cron.d).") },
        { QStringLiteral("print"), QStringLiteral("install: print what would be written; change nothing.") },
        { QStringLiteral("every"), QStringLiteral("install: call run-due every this many minutes (default 5)."),
            QStringLiteral("minutes"), QStringLiteral("5") },
        { QStringLiteral("run-as"),
            QStringLiteral("install, system-wide: the user run-due runs as (default: $SUDO_USER, else the owner of the "
                           "workspace file). Root only when named here."),
            QStringLiteral("user") },
    });
    if (auto exit = CliContext::parse(parser, arguments,
            QStringLiteral("Show the workspace's schedules, or install a timer that runs what is due.")))
        return *exit;
    const CliContext context(parser);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1 || (action != QLatin1String("list") && action != QLatin1String("install")))
        return cli::usageError(QStringLiteral("schedule needs one action: list or install"));
    if (action == QLatin1String("list")) {
        for (const char *option : { "systemd", "cron", "user", "print", "every", "run-as" }) {
            if (parser.isSet(QLatin1String(option)))
                return cli::usageError(QStringLiteral("--%1 goes with 'schedule install'").arg(QLatin1String(option)));
        }
        return list(context);
    }
    return install(parser, context);
}
