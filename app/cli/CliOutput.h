#pragma once

#include "common/Error.h"

#include <QJsonValue>
#include <QString>

// Exit codes of coffer-cli (docs/cli.md).
enum ExitCode : int {
    kExitOk = 0,
    kExitCheckFailed = 1, // a verification or repository check found a problem
    kExitUsage = 2,       // the command line was wrong
    kExitFailed = 3,      // the operation could not be done
};

namespace cli {

void out(const QString &line);  // stdout, newline added
void err(const QString &line);  // stderr, newline added
void printJson(const QJsonValue &value);

// Prints the error for a person (stderr) and, with --json, as {"error": {...}} on stdout.
int reportError(const coffer::Error &error, bool json, int exitCode = kExitFailed);
int usageError(const QString &message);

QString humanSize(qint64 bytes);

} // namespace cli
