#include "ReportOption.h"

#include "CliOutput.h"

#include "report/ReportFile.h"

#include <QFileInfo>

namespace cli {

std::optional<int> checkReportPath(const QString &path)
{
    auto format = coffer::ReportFile::formatOf(path);
    if (!format)
        return usageError(QStringLiteral("--report: ") + format.error().message);
#ifndef COFFER_HAVE_PDF
    if (*format == coffer::ReportFormat::Pdf)
        return usageError(QStringLiteral("--report: this coffer-cli was built without PDF support"));
#endif
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        return usageError(QStringLiteral("--report: the folder %1 does not exist").arg(QFileInfo(path).absolutePath()));
    return std::nullopt;
}

} // namespace cli
