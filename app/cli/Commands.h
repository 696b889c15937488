#pragma once

#include <QStringList>

// One function per coffer-cli command; `arguments` starts with the command name.
int runInit(const QStringList &arguments);
int runBackup(const QStringList &arguments);
int runList(const QStringList &arguments);
int runInfo(const QStringList &arguments);
int runVerify(const QStringList &arguments);
int runRepo(const QStringList &arguments);
int runAudit(const QStringList &arguments);
int runRestore(const QStringList &arguments);
int runKey(const QStringList &arguments);
int runDecrypt(const QStringList &arguments);
int runPrune(const QStringList &arguments);
int runPin(const QStringList &arguments); // pin and unpin
int runDelete(const QStringList &arguments);
int runSize(const QStringList &arguments);
int runRunDue(const QStringList &arguments);   // run-due (schedule helper)
int runSchedule(const QStringList &arguments); // schedule list|install
int runDrill(const QStringList &arguments);
int runHealth(const QStringList &arguments);
