#include "audit/AuditReport.h"

#include "repository/Catalog.h"
#include "CatalogScan.h"
#include "workspace/Workspace.h"

#include <algorithm>

namespace coffer::ui {

AuditReport AuditReport::read(const Workspace &workspace)
{
    AuditReport report;
    report.problems = CatalogScan::forEach(workspace, [&report](const RepositoryEntry &entry, Catalog &catalog) {
        auto records = catalog.auditTrail();
        if (!records)
            return Result<void>(std::unexpected(records.error()));
        auto chain = catalog.verifyAuditTrail();
        if (!chain)
            return Result<void>(std::unexpected(chain.error()));
        for (const AuditRecord &record : std::as_const(*records)) {
            report.rows << AuditRow{ entry.name, record };
            if (!report.operations.contains(record.operation))
                report.operations << record.operation;
        }
        report.chains << AuditChain{ entry.name, *chain };
        return Result<void>();
    });
    // Records of one repository that share a millisecond stay in (reversed) sequence order.
    std::sort(report.rows.begin(), report.rows.end(), [](const AuditRow &a, const AuditRow &b) {
        if (a.record.time != b.record.time)
            return a.record.time > b.record.time;
        if (a.repository != b.repository)
            return a.repository < b.repository;
        return a.record.sequence > b.record.sequence;
    });
    report.operations.sort();
    return report;
}

} // namespace coffer::ui
