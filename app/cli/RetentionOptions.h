#pragma once

#include "CliContext.h"

#include "retention/RetentionPlanner.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <expected>

// prune's retention options, and how a plan is shown.
namespace retentionoptions {

// --keep-last .. --keep-yearly, --keep-within, --retention-days, --retain-count, --max-size-gb,
// --min-count, --timezone.
void addPolicyOptions(QCommandLineParser &parser);

// The policies to apply: the command line's when it gives any rule (then it alone governs every
// backup in scope), else the workspace's `retention:`. On a bad value or no policy at all,
// prints why and gives the exit code.
std::expected<coffer::RetentionPolicySet, int> policies(const QCommandLineParser &parser, const CliContext &context);

QJsonObject planJson(const coffer::RetentionPlan &plan);
// One block per database: each backup with "keep"/"DELETE" and the reasons.
void printPlan(const coffer::RetentionPlan &plan);

} // namespace retentionoptions
