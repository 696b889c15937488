#include "verify/DatabaseChecks.h"

#include "backup/DatabaseInspector.h"

namespace coffer {

namespace {

CheckResult compare(const QString &name, qint64 expected, qint64 found)
{
    return CheckResult{ name, expected == found,
        expected == found ? QString::number(expected)
                          : QStringLiteral("manifest says %1, found %2").arg(expected).arg(found) };
}

QString describeRowCounts(const QMap<QString, qint64> &expected, const QMap<QString, qint64> &found)
{
    QStringList differences;
    QStringList tables = expected.keys() + found.keys();
    tables.removeDuplicates();
    tables.sort();
    for (const QString &table : std::as_const(tables)) {
        const qint64 want = expected.value(table, -1);
        const qint64 got = found.value(table, -1);
        if (want != got)
            differences << QStringLiteral("%1: manifest %2, found %3")
                               .arg(table, want < 0 ? QStringLiteral("absent") : QString::number(want),
                                   got < 0 ? QStringLiteral("absent") : QString::number(got));
    }
    return differences.join(QStringLiteral("; "));
}

} // namespace

QList<CheckResult> DatabaseChecks::againstManifest(const QString &path, const Manifest &m, const Options &options)
{
    QList<CheckResult> checks;
    const QString checkName = options.quick ? QStringLiteral("quick_check") : QStringLiteral("integrity_check");
    auto findings = DatabaseInspector::integrityCheck(path, options.mode, options.quick);
    if (!findings) {
        checks << CheckResult{ checkName, false, findings.error().toString() };
        return checks;
    }
    checks << CheckResult{ checkName, findings->isEmpty(),
        findings->isEmpty() ? QStringLiteral("ok") : findings->mid(0, 5).join(QStringLiteral("; ")) };
    auto stats = DatabaseInspector::stats(path, options.mode);
    if (!stats) {
        checks << CheckResult{ QStringLiteral("schema_hash"), false, stats.error().toString() };
        return checks;
    }
    checks << compare(QStringLiteral("page_size"), m.pageSize, stats->pageSize);
    if (options.pageCount)
        checks << compare(QStringLiteral("page_count"), m.pageCount, stats->pageCount);
    if (options.schema) {
        checks << compare(QStringLiteral("table_count"), m.tableCount, stats->tableCount);
        checks << CheckResult{ QStringLiteral("schema_hash"), m.schemaHash == stats->schemaHash,
            m.schemaHash == stats->schemaHash
                ? m.schemaHash
                : QStringLiteral("manifest says %1, found %2").arg(m.schemaHash, stats->schemaHash) };
    }
    if (options.rowCounts) {
        const QString rowDiff = describeRowCounts(m.rowCounts, stats->rowCounts);
        checks << CheckResult{ QStringLiteral("row_counts"), rowDiff.isEmpty(),
            rowDiff.isEmpty() ? QStringLiteral("%1 tables match").arg(stats->rowCounts.size()) : rowDiff };
    }
    return checks;
}

} // namespace coffer
