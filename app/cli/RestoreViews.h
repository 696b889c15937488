#pragma once

#include "restore/RestorePlan.h"
#include "restore/Restorer.h"

#include <QJsonObject>

// How coffer-cli restore shows a plan and an outcome: lines for a person, JSON for a script
// (docs/cli.md).
namespace restoreview {

void printPlan(const coffer::RestorePlan &plan);
void printResult(const coffer::RestorePlan &plan, const coffer::RestoreResult &result);
QJsonObject planJson(const coffer::RestorePlan &plan);
QJsonObject resultJson(const coffer::RestoreResult &result);

} // namespace restoreview
