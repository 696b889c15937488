#include "workspace/WorkspaceDocument.h"

#include "workspace/YamlWriter.h"

namespace coffer {

namespace {

QString trimmed(const YAML::Node &scalar)
{
    return scalar.IsDefined() && scalar.IsScalar() ? QString::fromStdString(scalar.Scalar()).trimmed() : QString();
}

// The style of the entries already there, so that a new one looks like its neighbours.
YAML::EmitterStyle::value styleOf(const YAML::Node &node)
{
    return node.IsMap() || node.IsSequence() ? node.Style() : YAML::EmitterStyle::Flow;
}

} // namespace

WorkspaceDocument::WorkspaceDocument(YAML::Node root)
    : m_root(std::move(root))
{
}

std::vector<WorkspaceDocument::Entry> WorkspaceDocument::entries(const char *section) const
{
    std::vector<Entry> result;
    const YAML::Node &root = m_root;
    const YAML::Node node = root[section];
    if (!node.IsDefined())
        return result;
    if (node.IsSequence()) {
        for (size_t i = 0; i < node.size(); ++i)
            result.push_back(Entry{ section, node, true, i, {}, node[i] });
    } else if (node.IsMap()) {
        for (const auto &item : node)
            result.push_back(Entry{ section, node, false, 0, item.first.Scalar(), item.second });
    }
    return result;
}

std::optional<WorkspaceDocument::Entry> WorkspaceDocument::find(const char *section, const QString &name) const
{
    for (const Entry &entry : entries(section)) {
        if (nameOf(entry) == name)
            return entry;
    }
    return std::nullopt;
}

QString WorkspaceDocument::nameOf(const Entry &entry)
{
    if (!entry.inList)
        return QString::fromStdString(entry.key).trimmed();
    const YAML::Node &item = entry.value;
    return item.IsMap() ? trimmed(item["name"]) : QString();
}

std::optional<std::string> WorkspaceDocument::field(const Entry &entry, const char *name)
{
    const YAML::Node &value = entry.value;
    if (value.IsScalar())
        return std::string_view(name) == "path" ? std::optional(value.Scalar()) : std::nullopt;
    if (value.IsMap() && value[name].IsDefined() && value[name].IsScalar())
        return value[name].Scalar();
    return std::nullopt;
}

Result<void> WorkspaceDocument::append(const char *section, const QString &name, const Fields &fields)
{
    const YAML::Node &root = m_root;
    YAML::Node node = root[section];
    const bool exists = node.IsDefined();
    const std::string key = name.toStdString();
    if (exists && node.IsMap()) {
        // Never `last = ...`: assigning to a bound YAML::Node rewrites the node it refers to.
        std::optional<YAML::Node> last;
        for (const auto &item : node)
            last.emplace(item.second);
        // `name: path` when the neighbours are written that way and there is nothing else to say.
        if (fields.size() == 1 && fields.front().first == "path" && last && last->IsScalar()) {
            node.force_insert(YamlWriter::scalar(key), YamlWriter::scalar(fields.front().second));
            return {};
        }
        YAML::Node value(YAML::NodeType::Map);
        for (const auto &[field, text] : fields)
            value[field] = YamlWriter::scalar(text);
        value.SetStyle(last && last->IsMap() ? last->Style() : YAML::EmitterStyle::Flow);
        node.force_insert(YamlWriter::scalar(key), value);
        return {};
    }
    if (exists && !node.IsNull() && !node.IsSequence())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("`%1:` in the workspace file is neither a list nor a mapping; fix it by hand")
                .arg(QLatin1String(section)));
    YAML::Node item(YAML::NodeType::Map);
    item["name"] = YamlWriter::scalar(key);
    for (const auto &[field, text] : fields)
        item[field] = YamlWriter::scalar(text);
    if (exists && node.IsSequence() && node.size() > 0) {
        item.SetStyle(styleOf(node[node.size() - 1]));
        node.push_back(item);
        return {};
    }
    YAML::Node list(YAML::NodeType::Sequence);
    list.push_back(item);
    m_root[section] = list;
    return {};
}

void WorkspaceDocument::remove(const Entry &entry)
{
    YAML::Node section = entry.section;
    if (entry.inList)
        section.remove(entry.index);
    else
        section.remove(entry.key);
    if (section.size() == 0)
        m_root.remove(entry.sectionName);
}

void WorkspaceDocument::setField(const Entry &entry, const char *name, const std::optional<std::string> &value)
{
    YAML::Node node = entry.value;
    if (node.IsMap()) {
        if (value)
            node[name] = YamlWriter::scalar(*value);
        else if (const YAML::Node &map = node; map[name].IsDefined())
            node.remove(name);
        return;
    }
    if (!node.IsScalar() || !value)
        return;
    YAML::Node expanded(YAML::NodeType::Map);
    expanded["path"] = YAML::Clone(node); // a copy: the entry's own node is about to be replaced
    expanded[name] = YamlWriter::scalar(*value);
    expanded.SetStyle(YAML::EmitterStyle::Flow);
    YAML::Node section = entry.section;
    section[entry.key] = expanded;
}

void WorkspaceDocument::removeNested(const char *outer, const char *inner, const QString &name)
{
    const YAML::Node &root = m_root;
    YAML::Node parent = root[outer];
    if (!parent.IsDefined() || !parent.IsMap())
        return;
    const YAML::Node &constParent = parent;
    YAML::Node map = constParent[inner];
    if (!map.IsDefined() || !map.IsMap())
        return;
    std::optional<std::string> key;
    for (const auto &item : map) {
        if (trimmed(item.first) == name) {
            key = item.first.Scalar();
            break;
        }
    }
    if (!key)
        return; // an empty map the user wrote (`schedules: {}`) stays
    map.remove(*key);
    m_alsoRemoved << QStringLiteral("%1.%2.%3").arg(QLatin1String(outer), QLatin1String(inner), name);
    // Maps this emptied go too: `backup: {}` could not be written line by line.
    if (map.size() == 0)
        parent.remove(inner);
    if (parent.size() == 0)
        m_root.remove(outer);
}

Result<void> WorkspaceDocument::setSetting(
    const std::vector<const char *> &sections, const char *key, const std::string &value)
{
    const YAML::Node &root = m_root;
    bool written = false;
    for (const char *name : sections) {
        YAML::Node section = root[name];
        const YAML::Node &constSection = section;
        if (section.IsDefined() && section.IsMap() && constSection[key].IsDefined()) {
            section[key] = YamlWriter::scalar(value);
            written = true;
        }
    }
    if (written)
        return {};
    YAML::Node section = root[sections.front()];
    if (section.IsDefined() && section.IsMap()) {
        section[key] = YamlWriter::scalar(value);
        return {};
    }
    if (section.IsDefined() && !section.IsNull())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("`%1:` in the workspace file is not a mapping; fix it by hand")
                .arg(QLatin1String(sections.front())));
    YAML::Node created(YAML::NodeType::Map);
    created[key] = YamlWriter::scalar(value);
    m_root[sections.front()] = created;
    return {};
}

} // namespace coffer
