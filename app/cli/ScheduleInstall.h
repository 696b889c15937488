#pragma once

#include "common/Error.h"

#include <expected>

#include <QString>
#include <QStringList>

#include <optional>

// What `coffer-cli schedule install` writes: a systemd service + timer, or a cron line, that
// call `coffer-cli run-due --workspace <file>` every few minutes. Text is built here (and tested
// through --print); writing happens in ScheduleCommand. Every name carries the workspace's id, so
// that the timers of two workspaces live side by side.
namespace scheduleinstall {

inline const QString kUnitPrefix = QStringLiteral("coffer-run-due");

struct Target {
    QString cli; // absolute path of this coffer-cli
    QString workspace; // absolute path of the workspace file
    int everyMinutes = 5;
    // A system-wide install: the user run-due runs as (User=, the user field of /etc/cron.d).
    // Empty for a --user install, which runs as its user.
    QString runAs;
};

// The first 16 hex digits of the SHA-256 of the workspace's path: the id of its state folder too.
QString workspaceId(const QString &workspace);
// "coffer-run-due-<id>": the service, the timer and the /etc/cron.d file of this workspace.
QString unitName(const QString &workspace);

// The user a system-wide install runs run-due as: `requested` (--run-as) when given, else
// $SUDO_USER (who ran sudo), else the owner of the workspace file. The user must exist, and root
// only when requested by name: root's run-due would keep its lock, run log and backoff apart
// from the console's, and write backups the console's user cannot read, verify or prune.
// The error is the message for the user.
std::expected<QString, QString> systemUser(const std::optional<QString> &requested, const QString &workspace);

// Empty when `minutes` gives an even spacing (it divides an hour, or is whole hours that divide a
// day), else the message for the user.
QString checkEvery(int minutes);

// One argument as systemd reads an ExecStart= word: quoted when it must be, %, $, \ and " escaped.
QString systemdWord(const QString &argument);
// One argument as /bin/sh reads it in a crontab, with cron's % escaped.
QString cronWord(const QString &argument);

QString serviceUnit(const Target &target);
QString timerUnit(const Target &target);
// Where the unit files go: the user's systemd folder ($XDG_CONFIG_HOME/systemd/user, else
// ~/.config/systemd/user) or /etc/systemd/system.
QString systemdDirectory(bool user);
// What to run next, e.g. "systemctl --user daemon-reload && systemctl --user enable --now coffer-run-due-<id>.timer".
QString systemctlCommand(bool user, const QString &unit);

// The comment that marks Coffer's line for this workspace in a user's crontab.
QString cronMarker(const QString &workspace);
// The crontab line; target.runAs fills the user field of an /etc/cron.d file (empty in a user's crontab).
QString cronLine(const Target &target);
// /etc/cron.d/coffer-run-due-<id> in full, and its path.
QString cronFile(const Target &target);
QString cronFilePath(const QString &workspace);
// A crontab with `line` in place of the older lines carrying the same marker; other lines kept.
QString mergeCrontab(const QString &existing, const QString &line, const QString &marker);

// The user's crontab through the crontab program: read (empty when there is none) and replace.
coffer::Result<QString> readCrontab();
coffer::Result<void> writeCrontab(const QString &text);

} // namespace scheduleinstall
