#include "catalog/BackupDetailsView.h"

#include "DisplayFormat.h"
#include "catalog/DrillFormat.h"

#include "health/DatabaseHealth.h"
#include "verify/CheckResult.h"

#include <QLocale>
#include <QScrollBar>

#include <algorithm>

namespace coffer::ui {

namespace {

const QString kLabelStyle = QStringLiteral("color:#5a6473; padding-right:10px; white-space:nowrap");

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// Escaped, with line breaks kept.
QString lines(const QString &text)
{
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

enum class Wrap { No, Yes };

// One "label: value" line of a section, the value already HTML. Short values never wrap, so
// the columns keep their shape; long free text (paths, check details) may.
QString fieldHtml(const QString &label, const QString &html, Wrap wrap = Wrap::No)
{
    return QStringLiteral("<tr><td style='%1'>%2</td><td style='white-space:%3'>%4</td></tr>")
        .arg(kLabelStyle, esc(label), wrap == Wrap::Yes ? QStringLiteral("normal") : QStringLiteral("nowrap"),
            html.isEmpty() ? QStringLiteral("—") : html);
}

QString field(const QString &label, const QString &value, Wrap wrap = Wrap::No)
{
    return fieldHtml(label, lines(value), wrap);
}

// A titled block of fields.
QString sectionBody(const QString &title, const QString &rows)
{
    return QStringLiteral("<p style='font-weight:600; margin-top:0px; margin-bottom:4px'>%1</p>"
                          "<table cellspacing='0' cellpadding='1' style='margin-bottom:8px'>%2</table>")
        .arg(esc(title), rows);
}

// A titled block as one column of the details.
QString section(const QString &title, const QString &rows)
{
    return QStringLiteral("<td style='vertical-align:top; padding-right:24px'>%1</td>").arg(sectionBody(title, rows));
}

QString outcomeHtml(bool ok)
{
    return ok ? QStringLiteral("<span style='color:#2e7d32'>%1</span>").arg(esc(BackupDetailsView::tr("passed")))
              : QStringLiteral("<b style='color:#b02a1e'>%1</b>").arg(esc(BackupDetailsView::tr("FAILED")));
}

// "1.2 MiB (1,234,567 bytes)"; below a KiB the first part says it all.
QString bytes(qint64 size)
{
    if (size < 1024)
        return DisplayFormat::size(size);
    return BackupDetailsView::tr("%1 (%2 bytes)").arg(DisplayFormat::size(size), QLocale().toString(size));
}

} // namespace

BackupDetailsView::BackupDetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("backupDetails"));
    setAccessibleName(tr("Backup details"));
    setOpenLinks(false);
}

BackupDetailsView::~BackupDetailsView() = default;

void BackupDetailsView::showBackup(const BackupRow &row)
{
    const bool same = row.entry.manifest.id == m_backupId;
    m_row = row;
    m_backupId = row.entry.manifest.id;
    if (!same) {
        m_history.clear();
        m_drills.clear();
        m_historyState = History::Loading;
    }
    render();
}

void BackupDetailsView::showHistory(
    const QList<VerifyOutcome> &history, const QList<DrillOutcome> &drills, const QString &drillsError)
{
    m_history = history;
    std::stable_sort(m_history.begin(), m_history.end(),
        [](const VerifyOutcome &a, const VerifyOutcome &b) { return a.time > b.time; });
    m_drills = drills;
    std::stable_sort(
        m_drills.begin(), m_drills.end(), [](const DrillOutcome &a, const DrillOutcome &b) { return a.time > b.time; });
    m_drillsError = drillsError;
    m_historyState = History::Loaded;
    render();
}

void BackupDetailsView::showHistoryError(const QString &message)
{
    m_history.clear();
    m_drills.clear();
    m_drillsError.clear();
    m_historyError = message;
    m_historyState = History::Failed;
    render();
}

void BackupDetailsView::showPlaceholder(const QString &text)
{
    m_backupId.clear();
    m_row = {};
    setHtml(QStringLiteral("<p style='color:#6b7280'>%1</p>").arg(esc(text)));
}

void BackupDetailsView::render()
{
    const Manifest &m = m_row.entry.manifest;
    const QLocale locale;

    QString backup;
    backup += field(tr("ID"), m.id);
    backup += field(tr("Database"), m.database);
    backup += field(tr("Group"), m.group);
    backup += field(tr("Created"), DisplayFormat::localTime(m.created));
    backup += field(tr("Created (UTC)"), DisplayFormat::utcTime(m.created));
    backup += field(tr("Trigger"), m.trigger);
    backup += field(tr("Tags"), m.tags.join(QStringLiteral(", ")), Wrap::Yes);
    backup += field(tr("Pinned"), m.pinned ? tr("yes") : tr("no"));
    backup += field(
        tr("Expires"), m.expires.isValid() ? DisplayFormat::localTime(m.expires) : tr("by the retention policy"));
    backup += field(tr("Taken by"), m.user.isEmpty() ? m.host : tr("%1 on %2").arg(m.user, m.host));
    backup += field(tr("Duration"), DisplayFormat::duration(m.durationMs));
    backup += field(tr("Repository"), m_row.repository);

    const bool encrypted = DisplayFormat::isEncrypted(m);
    QString contents;
    contents += field(tr("Size"), bytes(m.artifactSize));
    contents += field(tr("Database size"), bytes(m.plaintextSize));
    contents += field(tr("Ratio"), DisplayFormat::ratio(m.plaintextSize, m.artifactSize));
    contents += field(tr("Compression"),
        m.compression == QStringLiteral("none") ? tr("none")
                                                : tr("%1, level %2").arg(m.compression).arg(m.compressionLevel));
    contents += field(tr("Encryption"), encrypted ? m.encryptionScheme : tr("none"));
    if (encrypted)
        contents += field(tr("Recipients"), m.encryptionRecipients.join(QLatin1Char('\n')));
    contents += field(tr("Engine"), tr("%1 %2").arg(m.engine, m.sqliteVersion));
    contents += field(tr("Pages"), tr("%1 × %2 bytes").arg(locale.toString(m.pageCount), locale.toString(m.pageSize)));
    contents += field(tr("Tables"), locale.toString(m.tableCount));
    contents += field(tr("Coffer version"), m.cofferVersion);

    QString tables;
    for (auto it = m.rowCounts.cbegin(); it != m.rowCounts.cend(); ++it)
        tables += QStringLiteral("<tr><td style='padding-right:14px'>%1</td><td align='right'>%2</td></tr>")
                      .arg(esc(it.key()), locale.toString(it.value()));
    if (m.rowCounts.isEmpty())
        tables = field(tr("Tables"), tr("none"));

    const auto &verification = m_row.entry.lastVerification;
    QString verified;
    if (verification) {
        verified += fieldHtml(tr("Result"), outcomeHtml(verification->ok()));
        verified += field(tr("Level"), verification->level);
        verified += field(tr("Checked"), DisplayFormat::localTime(verification->time));
        verified += field(tr("Took"), DisplayFormat::duration(verification->durationMs));
    } else {
        verified += field(tr("Result"), tr("never verified"));
    }

    // Failed checks, paths and hashes are long: they get the full width below the columns.
    QString failed;
    if (verification && !verification->ok()) {
        for (const CheckResult &check : verification->failedChecks())
            failed += field(check.name, check.detail, Wrap::Yes);
        failed = sectionBody(tr("Failed checks"), failed);
    }
    QString files;
    files += field(tr("Source"), m.sourcePath);
    files += field(tr("Artifact"), m_row.entry.artifactPath);
    files += field(tr("Manifest"), m_row.entry.manifestPath);
    files += field(tr("Artifact SHA-256"), m.artifactSha256);
    files += field(tr("Database SHA-256"), m.plaintextSha256);
    files += field(tr("Schema hash"), m.schemaHash);

    const QString columns = section(tr("Backup"), backup) + section(tr("Contents"), contents)
        + QStringLiteral("<td style='vertical-align:top'>%1%2</td>")
              .arg(sectionBody(tr("Rows per table"), tables), sectionBody(tr("Last verification"), verified));
    const QString html = QStringLiteral("<table width='100%' cellspacing='0' cellpadding='0'><tr>%1</tr></table>%2%3%4")
                             .arg(columns, failed, historyHtml() + drillsHtml(), sectionBody(tr("Files"), files));

    // A history that arrives re-renders the same backup: the reader keeps their place.
    const int scroll = verticalScrollBar()->value();
    setHtml(html);
    verticalScrollBar()->setValue(scroll);
}

QString BackupDetailsView::historyHtml() const
{
    const QString title = QStringLiteral("<p style='font-weight:600; margin-top:0px; margin-bottom:4px'>%1</p>")
                              .arg(esc(tr("Verification history")));
    switch (m_historyState) {
    case History::Loading:
        return title
            + QStringLiteral("<p style='color:#6b7280'>%1</p>").arg(esc(tr("Loading the verification history…")));
    case History::Failed:
        return title + QStringLiteral("<p style='color:#b02a1e'>%1</p>").arg(esc(m_historyError));
    case History::Loaded:
        break;
    }
    if (m_history.isEmpty())
        return title
            + QStringLiteral("<p style='color:#6b7280'>%1</p>").arg(esc(tr("This backup has never been verified.")));

    const QString cell
        = QStringLiteral("<td style='padding-right:14px; vertical-align:top; white-space:nowrap'>%1</td>");
    QString rows = QStringLiteral("<tr>");
    for (const QString &header : { tr("Time"), tr("Level"), tr("Outcome"), tr("Took"), tr("Failed checks") })
        rows += QStringLiteral("<td style='%1'>%2</td>").arg(kLabelStyle, esc(header));
    rows += QStringLiteral("</tr>");
    for (const VerifyOutcome &outcome : m_history) {
        QStringList failed;
        for (const CheckResult &check : outcome.failedChecks())
            failed << tr("%1: %2").arg(check.name, check.detail);
        rows += QStringLiteral("<tr>") + cell.arg(esc(DisplayFormat::localTime(outcome.time)))
            + cell.arg(esc(outcome.level)) + cell.arg(outcomeHtml(outcome.ok()))
            + cell.arg(esc(DisplayFormat::duration(outcome.durationMs)))
            + QStringLiteral("<td style='vertical-align:top'>%1</td>").arg(lines(failed.join(QLatin1Char('\n'))))
            + QStringLiteral("</tr>");
    }
    return title
        + QStringLiteral("<table cellspacing='0' cellpadding='1' style='margin-bottom:8px'>%1</table>").arg(rows);
}

QString BackupDetailsView::drillsHtml() const
{
    const QString title = QStringLiteral("<p style='font-weight:600; margin-top:0px; margin-bottom:4px'>%1</p>")
                              .arg(esc(tr("Restore drills")));
    const QString note = QStringLiteral("<p style='color:#6b7280'>%1</p>");
    switch (m_historyState) {
    case History::Loading:
        return title + note.arg(esc(tr("Loading the restore drills…")));
    case History::Failed:
        return {}; // the verification history above says why
    case History::Loaded:
        break;
    }
    if (!m_drillsError.isEmpty())
        return title + QStringLiteral("<p style='color:#b02a1e'>%1</p>").arg(esc(m_drillsError));
    if (m_drills.isEmpty())
        return title + note.arg(esc(tr("This backup has never been restored in a drill.")));

    const QString cell
        = QStringLiteral("<td style='padding-right:14px; vertical-align:top; white-space:nowrap'>%1</td>");
    QString rows = QStringLiteral("<tr>");
    for (const QString &header : { tr("Time"), tr("Outcome"), tr("RTO"), tr("Took"), tr("Failed checks") })
        rows += QStringLiteral("<td style='%1'>%2</td>").arg(kLabelStyle, esc(header));
    rows += QStringLiteral("</tr>");
    for (const DrillOutcome &drill : m_drills) {
        rows += QStringLiteral("<tr>") + cell.arg(esc(DisplayFormat::localTime(drill.time)))
            + cell.arg(outcomeHtml(drill.ok()))
            + cell.arg(esc(drill.ok() ? DatabaseHealth::describeRto(drill.rtoMs) : QString()))
            + cell.arg(esc(DisplayFormat::duration(drill.durationMs)))
            + QStringLiteral("<td style='vertical-align:top'>%1</td>")
                  .arg(lines(DrillFormat::failedChecks(drill, QStringLiteral("\n"))))
            + QStringLiteral("</tr>");
    }
    return title
        + QStringLiteral("<table cellspacing='0' cellpadding='1' style='margin-bottom:8px'>%1</table>").arg(rows);
}

} // namespace coffer::ui
