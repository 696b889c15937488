#pragma once

#include "backup/Manifest.h"
#include "common/Progress.h"
#include "verify/CheckResult.h"
#include "workspace/Workspace.h"

#include <QList>

namespace coffer {

// Runs a database's smoke queries on a restored copy and judges the first column of the first
// row against each query's expectation (SmokeExpectation). The copy is opened immutable with
// PRAGMA query_only and no ATTACH, so a query can neither write nor reach another file.
class SmokeQueryCheck final
{
public:
    static constexpr int kDefaultTimeLimitMs = 60000;

    // One CheckResult named "smoke_query" per query, in order, whose detail names the query, the
    // expectation and the value found ("SELECT count(*) FROM users: expected > 0, got 0") or why
    // the query failed ("SELECT count(*) FROM users failed: no such table: users"). A query that
    // runs longer than `timeLimitMs` is stopped and fails. Only cancellation is an Error.
    static Result<QList<CheckResult>> run(const QString &path, const QList<SmokeQuery> &queries,
        const Manifest &manifest, const CancelFlag &cancel, int timeLimitMs = kDefaultTimeLimitMs);
};

} // namespace coffer
