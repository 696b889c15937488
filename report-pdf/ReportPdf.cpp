#include "ReportPdf.h"

#include "report/ReportFile.h"
#include "report/ReportHtml.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>

namespace coffer {

Result<PdfDocument> ReportPdf::render(const QString &html, const QString &title)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(ErrorCode::Internal, QStringLiteral("A PDF report needs a QGuiApplication"));
    // Without a font the PDF would have pages and no text: a report nobody can read.
    if (QFontDatabase::families().isEmpty())
        return fail(ErrorCode::Io,
            QStringLiteral("No fonts are installed, so a PDF report would have no text; install a font package "
                           "(e.g. fonts-dejavu-core) or write .html"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setCreator(QStringLiteral("Coffer %1").arg(QStringLiteral(COFFER_VERSION_STRING)));
    writer.setTitle(title);
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    writer.setResolution(300);

    QTextDocument document;
    // Laid out for the writer (its resolution, not the screen's) and paginated at its page size,
    // so that point sizes are true on paper and pageCount() is what print() emits.
    document.documentLayout()->setPaintDevice(&writer);
    document.setDocumentMargin(0);
    document.setHtml(html);
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    const int pages = document.pageCount();
    document.print(&writer);
    buffer.close();
    if (bytes.isEmpty())
        return fail(ErrorCode::Io, QStringLiteral("The PDF writer produced nothing"));
    return PdfDocument{ bytes, pages };
}

Result<PdfDocument> ReportPdf::render(const VerificationRunReport &report)
{
    return render(ReportHtml::toHtml(report), QStringLiteral("Coffer verification report"));
}

Result<void> ReportPdf::write(const VerificationRunReport &report, const QString &path)
{
    auto format = ReportFile::formatOf(path);
    if (!format)
        return std::unexpected(format.error());
    QByteArray bytes;
    if (*format == ReportFormat::Pdf) {
        auto pdf = render(report);
        if (!pdf)
            return std::unexpected(pdf.error());
        bytes = pdf->bytes;
    } else {
        auto rendered = ReportFile::render(report, *format);
        if (!rendered)
            return std::unexpected(rendered.error());
        bytes = *rendered;
    }
    return ReportFile::writeAtomically(path, bytes);
}

} // namespace coffer
