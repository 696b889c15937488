#include "report/ReportFile.h"

#include "report/DrillReportHtml.h"
#include "report/DrillReportJson.h"
#include "report/ReportHtml.h"
#include "report/ReportJson.h"

#include <QFileInfo>
#include <QSaveFile>

namespace coffer {

Result<ReportFormat> ReportFile::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("json"))
        return ReportFormat::Json;
    if (suffix == QStringLiteral("html") || suffix == QStringLiteral("htm"))
        return ReportFormat::Html;
    if (suffix == QStringLiteral("pdf"))
        return ReportFormat::Pdf;
    return fail(ErrorCode::InvalidArgument,
        QStringLiteral("Cannot tell the report format of '%1': name it .json, .html or .pdf").arg(path));
}

Result<QByteArray> ReportFile::render(const VerificationRunReport &report, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Json:
        return ReportJson::toBytes(report);
    case ReportFormat::Html:
        return ReportHtml::toHtml(report).toUtf8();
    case ReportFormat::Pdf:
        break;
    }
    return fail(ErrorCode::InvalidArgument, QStringLiteral("A PDF report is rendered by the PDF writer, not by core"));
}

Result<QByteArray> ReportFile::render(const DrillReport &report, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Json:
        return DrillReportJson::toBytes(report);
    case ReportFormat::Html:
        return DrillReportHtml::toHtml(report).toUtf8();
    case ReportFormat::Pdf:
        break;
    }
    return fail(ErrorCode::InvalidArgument, QStringLiteral("A PDF report is rendered by the PDF writer, not by core"));
}

Result<void> ReportFile::writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the report %1: %2").arg(path, file.errorString()),
            QStringLiteral("check that the folder exists and is writable"));
    if (file.write(data) != data.size() || !file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the report %1: %2").arg(path, file.errorString()),
            QStringLiteral("the disk may be full"));
    return {};
}

} // namespace coffer
