#include "CliContext.h"
#include "CliOutput.h"
#include "Commands.h"
#include "JsonViews.h"

#include "repository/Catalog.h"

#include <QJsonObject>

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    CliContext::addCommonOptions(parser, true);
    parser.addPositionalArgument(
        QStringLiteral("ID"), QStringLiteral("Backup id (or a unique prefix, e.g. the 8 shown by list)."));
    if (auto exit = CliContext::parse(parser, arguments, QStringLiteral("Show everything known about one backup.")))
        return *exit;
    const CliContext context(parser);
    if (parser.positionalArguments().size() != 1)
        return cli::usageError(QStringLiteral("info takes exactly one backup ID"));
    auto catalog = context.openCatalog();
    if (!catalog)
        return catalog.error();
    auto entry = catalog->backup(parser.positionalArguments().first());
    if (!entry)
        return cli::reportError(entry.error(), context.json());

    if (context.json()) {
        QJsonObject json = jsonview::entry(*entry);
        json.insert(QStringLiteral("manifest_content"), entry->manifest.toJson());
        cli::printJson(json);
        return kExitOk;
    }
    const coffer::Manifest &m = entry->manifest;
    auto row = [](const QString &label, const QString &value) {
        cli::out(QStringLiteral("%1 %2").arg(label + QLatin1Char(':'), -18).arg(value));
    };
    row(QStringLiteral("ID"), m.id);
    row(QStringLiteral("Database"),
        m.group.isEmpty() ? m.database : QStringLiteral("%1 (group %2)").arg(m.database, m.group));
    row(QStringLiteral("Source"), m.sourcePath);
    row(QStringLiteral("Created (UTC)"), m.created.toUTC().toString(Qt::ISODateWithMs));
    row(QStringLiteral("Duration"), QStringLiteral("%1 ms").arg(m.durationMs));
    row(QStringLiteral("Trigger"), m.trigger);
    row(QStringLiteral("Expires (UTC)"),
        m.expires.isValid() ? m.expires.toString(Qt::ISODate) : QStringLiteral("by retention policy"));
    row(QStringLiteral("Tags"), m.tags.isEmpty() ? QStringLiteral("-") : m.tags.join(QStringLiteral(", ")));
    row(QStringLiteral("Artifact"), entry->artifactPath);
    row(QStringLiteral("Artifact size"),
        QStringLiteral("%1 (%2 bytes)").arg(cli::humanSize(m.artifactSize)).arg(m.artifactSize));
    row(QStringLiteral("Artifact SHA-256"), m.artifactSha256);
    row(QStringLiteral("Database size"),
        QStringLiteral("%1 (%2 bytes)").arg(cli::humanSize(m.plaintextSize)).arg(m.plaintextSize));
    row(QStringLiteral("Database SHA-256"), m.plaintextSha256);
    row(QStringLiteral("Compression"), QStringLiteral("%1 level %2").arg(m.compression).arg(m.compressionLevel));
    row(QStringLiteral("Encryption"),
        m.encryptionScheme == QStringLiteral("none")
            ? QStringLiteral("none")
            : QStringLiteral("%1, opens with: %2")
                  .arg(m.encryptionScheme, m.encryptionRecipients.join(QStringLiteral(", "))));
    row(QStringLiteral("Pages"), QStringLiteral("%1 x %2 bytes").arg(m.pageCount).arg(m.pageSize));
    row(QStringLiteral("Schema hash"), m.schemaHash);
    row(QStringLiteral("SQLite"), m.sqliteVersion);
    row(QStringLiteral("Made by"), QStringLiteral("%1@%2, Coffer %3").arg(m.user, m.host, m.cofferVersion));
    row(QStringLiteral("Tables"), QString::number(m.tableCount));
    for (auto it = m.rowCounts.cbegin(); it != m.rowCounts.cend(); ++it)
        cli::out(QStringLiteral("  %1 %2 rows").arg(it.key(), -30).arg(it.value()));
    if (entry->lastVerification) {
        const coffer::VerifyOutcome &v = *entry->lastVerification;
        row(QStringLiteral("Last verified"),
            QStringLiteral("%1 (%2): %3")
                .arg(v.time.toUTC().toString(Qt::ISODate), v.level,
                    v.ok() ? QStringLiteral("ok") : QStringLiteral("FAILED")));
        for (const coffer::CheckResult &check : v.failedChecks())
            cli::out(QStringLiteral("  failed %1: %2").arg(check.name, check.detail));
    } else {
        row(QStringLiteral("Last verified"), QStringLiteral("never"));
    }
    return kExitOk;
}
