#pragma once

#include "report/VerificationRunReport.h"

#include <QString>

namespace coffer {

// The verification report as one self-contained, printable HTML page: inline CSS, no
// scripts, no external resources, every string that comes from a file or a catalog escaped.
// The PDF writer lays out the same HTML, so it keeps to what QTextDocument renders.
class ReportHtml final
{
public:
    static QString toHtml(const VerificationRunReport &report);
};

} // namespace coffer
