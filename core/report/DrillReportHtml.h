#pragma once

#include "report/DrillReport.h"

#include <QString>

namespace coffer {

// The drill report as one self-contained, printable HTML page, built from ReportHtml's parts
// (same style sheet, same rules: no scripts, no external resources, everything escaped).
class DrillReportHtml final
{
public:
    static QString toHtml(const DrillReport &report);
};

} // namespace coffer
