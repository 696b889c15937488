#include "catalog/BackupDetailsView.h"

#include "DisplayFormat.h"
#include "catalog/BackupTableModel.h"

#include "verify/CheckResult.h"

#include <QLocale>

namespace coffer::ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

enum class Wrap { No, Yes };

// One "label: value" line of a section, the value already HTML. Short values never wrap, so
// the columns keep their shape; long free text (paths, check details) may.
QString fieldHtml(const QString &label, const QString &html, Wrap wrap = Wrap::No)
{
    return QStringLiteral("<tr><td style='color:#5a6473; padding-right:10px; white-space:nowrap'>%1</td>"
                          "<td style='white-space:%2'>%3</td></tr>")
        .arg(esc(label), wrap == Wrap::Yes ? QStringLiteral("normal") : QStringLiteral("nowrap"),
             html.isEmpty() ? QStringLiteral("—") : html);
}

QString field(const QString &label, const QString &value, Wrap wrap = Wrap::No)
{
    return fieldHtml(label, esc(value).replace(QLatin1Char('\n'), QStringLiteral("<br>")), wrap);
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
    const Manifest &m = row.entry.manifest;
    const QLocale locale;
    m_backupId = m.id;

    QString backup;
    backup += field(tr("ID"), m.id);
    backup += field(tr("Database"), m.group.isEmpty() ? m.database : tr("%1 (group %2)").arg(m.database, m.group));
    backup += field(tr("Created"), DisplayFormat::localTime(m.created));
    backup += field(tr("Created (UTC)"), DisplayFormat::utcTime(m.created));
    backup += field(tr("Trigger"), m.trigger);
    backup += field(tr("Tags"), m.tags.join(QStringLiteral(", ")), Wrap::Yes);
    backup += field(tr("Pinned"), m.pinned ? tr("yes") : tr("no"));
    backup += field(tr("Taken by"), m.user.isEmpty() ? m.host : tr("%1 on %2").arg(m.user, m.host));
    backup += field(tr("Duration"), DisplayFormat::duration(m.durationMs));
    backup += field(tr("Repository"), row.repository);

    QString contents;
    contents += field(tr("Size"), tr("%1 (%2 bytes)").arg(DisplayFormat::size(m.artifactSize), locale.toString(m.artifactSize)));
    contents += field(tr("Database size"),
                      tr("%1 (%2 bytes)").arg(DisplayFormat::size(m.plaintextSize), locale.toString(m.plaintextSize)));
    contents += field(tr("Ratio"), DisplayFormat::ratio(m.plaintextSize, m.artifactSize));
    contents += field(tr("Codec"), DisplayFormat::codec(m));
    contents += field(tr("Pages"), tr("%1 × %2 bytes").arg(locale.toString(m.pageCount), locale.toString(m.pageSize)));
    contents += field(tr("Tables"), locale.toString(m.tableCount));
    contents += field(tr("SQLite"), m.sqliteVersion);
    contents += field(tr("Coffer version"), m.cofferVersion);

    QString tables;
    for (auto it = m.rowCounts.cbegin(); it != m.rowCounts.cend(); ++it)
        tables += QStringLiteral("<tr><td style='padding-right:14px'>%1</td><td align='right'>%2</td></tr>")
                      .arg(esc(it.key()), locale.toString(it.value()));
    if (m.rowCounts.isEmpty())
        tables = field(tr("Tables"), tr("none"));

    const auto &verification = row.entry.lastVerification;
    QString verified;
    if (verification) {
        verified += verification->ok()
            ? fieldHtml(tr("Result"), QStringLiteral("<span style='color:#2e7d32'>%1</span>").arg(esc(tr("ok"))))
            : fieldHtml(tr("Result"), QStringLiteral("<b style='color:#b02a1e'>%1</b>").arg(esc(tr("FAILED"))));
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
    files += field(tr("Artifact"), row.entry.artifactPath);
    files += field(tr("Artifact SHA-256"), m.artifactSha256);
    files += field(tr("Database SHA-256"), m.plaintextSha256);

    const QString columns = section(tr("Backup"), backup) + section(tr("Contents"), contents)
        + QStringLiteral("<td style='vertical-align:top'>%1%2</td>")
              .arg(sectionBody(tr("Rows per table"), tables), sectionBody(tr("Last verification"), verified));
    setHtml(QStringLiteral("<table width='100%' cellspacing='0' cellpadding='0'><tr>%1</tr></table>%2%3")
                .arg(columns, failed, sectionBody(tr("Files"), files)));
}

void BackupDetailsView::showPlaceholder(const QString &text)
{
    m_backupId.clear();
    setHtml(QStringLiteral("<p style='color:#6b7280'>%1</p>").arg(esc(text)));
}

} // namespace coffer::ui
