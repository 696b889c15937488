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

    // The parts every Coffer report page is made of, so that other reports (DrillReportHtml)
    // look and print the same.
    static QString pageStart(const QString &title); // doctype, head with the style sheet, <h1>
    static QString pageEnd();
    static QString escape(const QString &value);
    static QString time(const QDateTime &time); // "2026-11-20 14:00:00 UTC", "—" when invalid
    static QString timeCell(const QDateTime &time); // the date over the time, for narrow cells
    static QString duration(qint64 ms); // "850 ms", "12.3 s", "2 min 5 s"
    static QString badge(bool ok); // PASSED / FAILED
    static QString metaRow(const QString &label, const QString &value); // a label/value row (value is HTML)
    // One row per check under a result row: outcome, name over `nameColumns`, detail over `detailColumns`.
    static QString checkRows(const QList<CheckResult> &checks, int nameColumns, int detailColumns);
};

} // namespace coffer
