#pragma once

#include "common/Error.h"
#include "report/VerificationRunReport.h"

#include <QByteArray>
#include <QString>

namespace coffer {

// A rendered PDF and how many pages it has.
struct PdfDocument {
    QByteArray bytes;
    int pages = 0;
};

// Lays out the report's HTML (ReportHtml) on A4 pages and prints it to PDF. Needs a
// QGuiApplication (any platform, "offscreen" included); runs on any thread.
class ReportPdf final
{
public:
    static Result<PdfDocument> render(const QString &html, const QString &title = {});
    static Result<PdfDocument> render(const VerificationRunReport &report);
    // Writes `report` to `path` in the format its extension names (.json, .html, .pdf), atomically.
    static Result<void> write(const VerificationRunReport &report, const QString &path);
};

} // namespace coffer
