#include "reports/VerificationReport.h"

#include "repository/Catalog.h"
#include "CatalogScan.h"
#include "workspace/Workspace.h"

#include <algorithm>

namespace coffer::ui {

VerificationReport VerificationReport::read(const Workspace &workspace)
{
    VerificationReport report;
    report.problems = CatalogScan::forEach(workspace, [&report](const RepositoryEntry &entry, Catalog &catalog) {
        auto backups = catalog.backups();
        if (!backups)
            return Result<void>(std::unexpected(backups.error()));
        auto outcomes = catalog.verifications();
        if (!outcomes)
            return Result<void>(std::unexpected(outcomes.error()));
        for (const VerifyOutcome &outcome : std::as_const(*outcomes))
            report.rows << VerificationRow{ entry.name, outcome };
        for (const CatalogEntry &backup : std::as_const(*backups)) {
            ++report.backups;
            if (!backup.lastVerification) {
                ++report.neverVerified;
                if (!report.oldestUnverified || backup.manifest.created < report.oldestUnverified->manifest.created) {
                    report.oldestUnverified = backup;
                    report.oldestUnverifiedRepository = entry.name;
                }
            } else if (backup.lastVerification->ok()) {
                ++report.passed;
            } else {
                ++report.failed;
            }
        }
        return Result<void>();
    });
    std::stable_sort(report.rows.begin(), report.rows.end(),
        [](const VerificationRow &a, const VerificationRow &b) { return a.outcome.time > b.outcome.time; });
    return report;
}

} // namespace coffer::ui
