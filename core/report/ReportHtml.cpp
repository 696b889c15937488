#include "report/ReportHtml.h"

namespace coffer {

namespace {

QString esc(const QString &value)
{
    return value.toHtmlEscaped();
}

QString when(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QStringLiteral("—");
}

// A date over its time, for narrow table cells.
QString whenCell(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd'<br>'HH:mm:ss 'UTC'"))
                          : QStringLiteral("—");
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QString badge(bool ok)
{
    return ok ? QStringLiteral("<span class=\"pass\">&nbsp;PASSED&nbsp;</span>")
              : QStringLiteral("<span class=\"fail\">&nbsp;FAILED&nbsp;</span>");
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n").arg(label, value);
}

const char *const kStyle = R"(
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111827; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 12pt; }
table { border-collapse: collapse; }
th, td { border: 1px solid #9ca3af; padding: 3px 5px; vertical-align: top; }
th { background-color: #e5e7eb; }
tr.backup td { background-color: #f3f4f6; }
td.db { font-weight: bold; }
td.check { padding-left: 18px; }
td.id { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; }
.pass { background-color: #15803d; color: #ffffff; font-weight: bold; }
.fail { background-color: #b91c1c; color: #ffffff; font-weight: bold; }
.bad { color: #b91c1c; font-weight: bold; }
.muted { color: #4b5563; }
@media print { tr { page-break-inside: avoid; } }
)";

} // namespace

QString ReportHtml::toHtml(const VerificationRunReport &report)
{
    const ReportSummary &s = report.summary;
    QString html;
    html.reserve(4096 + 512 * report.entries.size());
    html += pageStart(QStringLiteral("Coffer verification report"));
    QString scope = esc(scopeName(report.scope));
    if (!report.scopeLabel.isEmpty())
        scope += QStringLiteral(" “%1”").arg(esc(report.scopeLabel));
    html += QStringLiteral("<p>%1</p>\n").arg(report.ok() ? badge(true) : badge(false));
    html += QStringLiteral("<table class=\"meta\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n");
    html += row(QStringLiteral("Scope"), scope);
    html += row(QStringLiteral("Level"), esc(report.level));
    html += row(QStringLiteral("Started"), when(report.started));
    html += row(QStringLiteral("Finished"), when(report.finished));
    if (report.started.isValid() && report.finished.isValid())
        html += row(QStringLiteral("Duration"), duration(report.started.msecsTo(report.finished)));
    html += row(
        QStringLiteral("Generator"), esc(QStringLiteral("coffer %1").arg(QStringLiteral(COFFER_VERSION_STRING))));
    html += QStringLiteral("</table>\n");

    html += QStringLiteral(
        "<h2>Summary</h2>\n<table class=\"summary\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n");
    html += row(QStringLiteral("Checked in this run"),
        QStringLiteral("%1 (%2 passed, <span class=\"%4\">%3 failed</span>)")
            .arg(s.checked)
            .arg(s.passed)
            .arg(s.failedNow)
            .arg(s.failedNow ? QStringLiteral("bad") : QStringLiteral("muted")));
    html += row(QStringLiteral("Backups in scope"), QString::number(s.backups));
    html += row(QStringLiteral("Verified"), QString::number(s.verified));
    html += row(QStringLiteral("Failed"), QString::number(s.failed));
    html += row(
        QStringLiteral("Stale (verified more than %1 days ago)").arg(report.staleAfterDays), QString::number(s.stale));
    html += row(QStringLiteral("Never verified"), QString::number(s.neverVerified));
    html += row(QStringLiteral("Oldest unverified"),
        s.oldestUnverified ? QStringLiteral("%1 of %2 in %3, created %4")
                                 .arg(esc(s.oldestUnverified->backupId.left(8)), esc(s.oldestUnverified->database),
                                     esc(s.oldestUnverified->repository), when(s.oldestUnverified->created))
                           : QStringLiteral("none"));
    html += QStringLiteral("</table>\n");

    if (const QStringList errors = report.errors(); !errors.isEmpty()) {
        html += QStringLiteral("<h2>Could not verify</h2>\n<ul>\n");
        for (const QString &error : errors)
            html += QStringLiteral("<li class=\"bad\">%1</li>\n").arg(esc(error));
        html += QStringLiteral("</ul>\n");
    }

    html += QStringLiteral("<h2>Results</h2>\n");
    if (report.entries.isEmpty()) {
        html += QStringLiteral("<p class=\"muted\">No backup was verified.</p>\n");
    } else {
        html += QStringLiteral(
            "<table class=\"results\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n"
            "<thead><tr><th width=\"12%\">Outcome</th><th width=\"17%\">Database</th>"
            "<th width=\"21%\">Backup</th><th width=\"14%\">Repository</th>"
            "<th width=\"14%\">Created</th><th width=\"14%\">Verified</th>"
            "<th width=\"8%\">Time</th></tr></thead>\n<tbody>\n");
        for (const ReportEntry &entry : report.entries) {
            html += QStringLiteral(
                "<tr class=\"backup\"><td>%1</td><td class=\"db\">%2</td><td class=\"id\">%3</td><td>%4</td><td>%5</td>"
                "<td>%6</td><td>%7</td></tr>\n")
                        .arg(badge(entry.outcome.ok()), esc(entry.database),
                            entry.backupId.isEmpty() ? QStringLiteral("(no backup)") : esc(entry.backupId),
                            esc(entry.repository), whenCell(entry.created), whenCell(entry.outcome.time),
                            duration(entry.outcome.durationMs));
            html += checkRows(entry.outcome.checks, 2, 4);
        }
        html += QStringLiteral("</tbody></table>\n");
    }
    html += pageEnd();
    return html;
}

QString ReportHtml::pageStart(const QString &title)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                          "<title>%1</title>\n<style>%2</style></head><body>\n<h1>%1</h1>\n")
        .arg(esc(title), QLatin1String(kStyle));
}

QString ReportHtml::pageEnd()
{
    return QStringLiteral("</body></html>\n");
}

QString ReportHtml::escape(const QString &value)
{
    return esc(value);
}

QString ReportHtml::time(const QDateTime &time)
{
    return when(time);
}

QString ReportHtml::timeCell(const QDateTime &time)
{
    return whenCell(time);
}

QString ReportHtml::duration(qint64 ms)
{
    return coffer::duration(ms);
}

QString ReportHtml::badge(bool ok)
{
    return coffer::badge(ok);
}

QString ReportHtml::metaRow(const QString &label, const QString &value)
{
    return row(label, value);
}

QString ReportHtml::checkRows(const QList<CheckResult> &checks, int nameColumns, int detailColumns)
{
    QString html;
    for (const CheckResult &check : checks)
        html += QStringLiteral("<tr><td class=\"check\">%1</td><td class=\"check\" colspan=\"%2\">%3</td>"
                               "<td colspan=\"%4\"%5>%6</td></tr>\n")
                    .arg(check.ok ? QStringLiteral("ok") : QStringLiteral("<span class=\"bad\">FAIL</span>"),
                        QString::number(nameColumns), esc(check.name), QString::number(detailColumns),
                        check.ok ? QString() : QStringLiteral(" class=\"bad\""), esc(check.detail));
    return html;
}

} // namespace coffer
