#include "report/DrillReportHtml.h"

#include "report/ReportHtml.h"

namespace coffer {

QString DrillReportHtml::toHtml(const DrillReport &report)
{
    using H = ReportHtml;
    QString html;
    html.reserve(4096 + 1024 * report.entries.size());
    html += H::pageStart(QStringLiteral("Coffer drill report"));
    QString scope = H::escape(report.scope);
    if (!report.scopeLabel.isEmpty())
        scope += QStringLiteral(" “%1”").arg(H::escape(report.scopeLabel));
    html += QStringLiteral("<p>%1</p>\n").arg(H::badge(report.ok()));
    html += QStringLiteral("<table class=\"meta\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n");
    html += H::metaRow(QStringLiteral("Scope"), scope);
    html += H::metaRow(QStringLiteral("Repository"), H::escape(report.repository));
    html += H::metaRow(QStringLiteral("Started"), H::time(report.started));
    html += H::metaRow(QStringLiteral("Finished"), H::time(report.finished));
    if (report.started.isValid() && report.finished.isValid())
        html += H::metaRow(QStringLiteral("Duration"), H::duration(report.started.msecsTo(report.finished)));
    html += H::metaRow(
        QStringLiteral("Generator"), H::escape(QStringLiteral("coffer %1").arg(QStringLiteral(COFFER_VERSION_STRING))));
    html += QStringLiteral("</table>\n");

    const std::optional<qint64> longest = report.longestRtoMs();
    html += QStringLiteral(
        "<h2>Summary</h2>\n<table class=\"summary\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n");
    html += H::metaRow(QStringLiteral("Drills"), QString::number(report.entries.size()));
    html += H::metaRow(QStringLiteral("Passed"), QString::number(report.passed()));
    html += H::metaRow(QStringLiteral("Failed"),
        QStringLiteral("<span class=\"%1\">%2</span>")
            .arg(report.failed() ? QStringLiteral("bad") : QStringLiteral("muted"))
            .arg(report.failed()));
    html += H::metaRow(
        QStringLiteral("Longest RTO (drills that passed)"), longest ? H::duration(*longest) : QStringLiteral("—"));
    html += QStringLiteral("</table>\n<p class=\"muted\">RTO: from the start of a drill to a usable database — "
                           "restored, verified in full and smoke-queried.</p>\n");

    html += QStringLiteral("<h2>Drills</h2>\n");
    if (report.entries.isEmpty()) {
        html += QStringLiteral("<p class=\"muted\">Nothing was drilled.</p>\n");
    } else {
        html += QStringLiteral(
            "<table class=\"results\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n"
            "<thead><tr><th width=\"12%\">Outcome</th><th width=\"15%\">Database</th>"
            "<th width=\"21%\">Backup</th><th width=\"14%\">Created</th><th width=\"14%\">Drilled</th>"
            "<th width=\"10%\">RTO</th><th width=\"14%\">Smoke queries</th></tr></thead>\n<tbody>\n");
        for (const DrillReportEntry &entry : report.entries) {
            const DrillOutcome &outcome = entry.outcome;
            const int smoke = DrillReport::smokeQueries(outcome);
            html += QStringLiteral(
                "<tr class=\"backup\"><td>%1</td><td class=\"db\">%2</td><td class=\"id\">%3</td><td>%4</td><td>%5</td>"
                "<td>%6</td><td>%7</td></tr>\n")
                        .arg(H::badge(outcome.ok()), H::escape(outcome.database),
                            outcome.backupId.isEmpty() ? QStringLiteral("(no backup)") : H::escape(outcome.backupId),
                            H::timeCell(entry.backupCreated), H::timeCell(outcome.time),
                            outcome.backupId.isEmpty() ? QStringLiteral("—") : H::duration(outcome.rtoMs),
                            smoke              ? QString::number(smoke)
                                : outcome.ok() ? QStringLiteral("none configured")
                                               : QStringLiteral("none run"));
            html += H::checkRows(outcome.checks, 2, 4);
        }
        html += QStringLiteral("</tbody></table>\n");
    }
    html += H::pageEnd();
    return html;
}

} // namespace coffer
