#pragma once

#include "common/Error.h"
#include "report/DrillReport.h"
#include "report/VerificationRunReport.h"

#include <QByteArray>
#include <QString>

namespace coffer {

enum class ReportFormat { Json, Html, Pdf };

// Chooses a report's format from its file name and writes it atomically (a reader sees the old
// file or the whole new one). PDF needs Qt Gui, so core leaves its bytes to the caller
// (report-pdf/ReportPdf).
class ReportFile final
{
public:
    // .json, .html/.htm or .pdf (any case); anything else is InvalidArgument.
    static Result<ReportFormat> formatOf(const QString &path);
    // JSON or HTML bytes of `report`; InvalidArgument for PDF.
    static Result<QByteArray> render(const VerificationRunReport &report, ReportFormat format);
    static Result<QByteArray> render(const DrillReport &report, ReportFormat format);
    // Replaces `path` with `data` through a temporary file in the same folder.
    static Result<void> writeAtomically(const QString &path, const QByteArray &data);
};

} // namespace coffer
