#include "workspace/SmokeQueryParser.h"

#include "drill/SmokeExpectation.h"
#include "workspace/WorkspaceParser.h"

namespace coffer {

Result<QList<SmokeQuery>> SmokeQueryParser::parse(const YAML::Node &node, const QString &database) const
{
    QList<SmokeQuery> queries;
    if (node.IsNull())
        return queries;
    if (!node.IsSequence())
        return m_base.error(node,
            QStringLiteral("smoke_queries of database '%1' must be a list: `- SELECT ...` or `- {sql: SELECT ..., "
                           "expect: \"> 0\"}`")
                .arg(database));
    int index = 0;
    for (const YAML::Node &item : node) {
        ++index;
        const QString where = QStringLiteral("smoke query %1 of database '%2'").arg(index).arg(database);
        SmokeQuery query;
        if (item.IsMap()) {
            if (auto known = m_base.checkKeys(item, { QStringLiteral("sql"), QStringLiteral("expect") }, where); !known)
                return std::unexpected(known.error());
            if (const YAML::Node sql = item["sql"]) {
                auto text = m_base.text(sql, where + QStringLiteral(" (sql)"));
                if (!text)
                    return std::unexpected(text.error());
                query.sql = *text;
            }
            if (const YAML::Node expect = item["expect"]) {
                auto text = m_base.text(expect, where + QStringLiteral(" (expect)"));
                if (!text)
                    return std::unexpected(text.error());
                const auto parsed = parseExpectation(*text);
                if (!parsed)
                    return m_base.error(expect, QStringLiteral("%1: %2").arg(where, parsed.error().message));
                // Stored as drills print it: "> 0", "= manifest(users)".
                query.expect = parsed->text();
            }
        } else {
            auto text = m_base.text(item, where);
            if (!text)
                return std::unexpected(text.error());
            query.sql = *text;
        }
        if (query.sql.isEmpty())
            return m_base.error(item,
                QStringLiteral("%1 has no sql; write `- sql: SELECT count(*) FROM users` (with expect: \"> 0\" if "
                               "you like) or `- SELECT 1 FROM users LIMIT 1`")
                    .arg(where));
        queries.append(query);
    }
    return queries;
}

} // namespace coffer
