#include "workspace/YamlWriter.h"

namespace coffer {

namespace {

// yaml-cpp's own Node emitter drops the non-specific tag "!", so a quoted "123" would come back
// as a number: every scalar is written here with its tag in mind.
void write(YAML::Emitter &out, const YAML::Node &node, bool forceFlow)
{
    const std::string &tag = node.Tag();
    const bool plainTag = tag.empty() || tag == "?" || tag == "!";
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        out << YAML::Null;
        return;
    case YAML::NodeType::Scalar:
        if (tag == "!")
            out << YAML::DoubleQuoted;
        else if (!plainTag)
            out << YAML::VerbatimTag(tag);
        out << node.Scalar();
        return;
    case YAML::NodeType::Sequence:
        if (!plainTag)
            out << YAML::VerbatimTag(tag);
        out << (forceFlow || node.Style() == YAML::EmitterStyle::Flow ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
        for (const YAML::Node &item : node)
            write(out, item, forceFlow);
        out << YAML::EndSeq;
        return;
    case YAML::NodeType::Map:
        if (!plainTag)
            out << YAML::VerbatimTag(tag);
        out << (forceFlow || node.Style() == YAML::EmitterStyle::Flow ? YAML::Flow : YAML::Block) << YAML::BeginMap;
        for (const auto &entry : node) {
            out << YAML::Key;
            write(out, entry.first, forceFlow);
            out << YAML::Value;
            write(out, entry.second, forceFlow);
        }
        out << YAML::EndMap;
        return;
    }
}

std::string indented(const std::string &text, int indent)
{
    const std::string prefix(size_t(indent), ' ');
    std::string result;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        result += prefix + text.substr(start, end - start) + '\n';
        start = end + 1;
    }
    return result;
}

} // namespace

std::string YamlWriter::document(const YAML::Node &root)
{
    YAML::Emitter out;
    out.SetIndent(2);
    write(out, root, false);
    std::string text = out.c_str();
    if (!text.empty() && text.back() != '\n')
        text += '\n';
    return text;
}

std::string YamlWriter::mapEntry(const YAML::Node &key, const YAML::Node &value, int indent)
{
    YAML::Emitter out;
    out << YAML::Block << YAML::BeginMap << YAML::Key;
    write(out, key, false);
    out << YAML::Value;
    write(out, value, false);
    out << YAML::EndMap;
    return indented(out.c_str(), indent);
}

std::string YamlWriter::sequenceItem(const YAML::Node &item, int indent)
{
    YAML::Emitter out;
    out << YAML::Block << YAML::BeginSeq;
    write(out, item, false);
    out << YAML::EndSeq;
    return indented(out.c_str(), indent);
}

std::string YamlWriter::inlineText(const YAML::Node &node)
{
    YAML::Emitter out;
    write(out, node, true);
    return out.c_str();
}

YAML::Node YamlWriter::scalar(const std::string &value)
{
    YAML::Node node(value);
    YAML::Emitter out;
    out << value;
    const char first = out.size() > 0 ? out.c_str()[0] : '\0';
    node.SetTag(first == '"' || first == '\'' ? "!" : "?");
    return node;
}

std::string YamlWriter::canonical(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return "~";
    case YAML::NodeType::Scalar: {
        const std::string tag = node.Tag().empty() ? std::string("?") : node.Tag();
        return tag + '(' + std::to_string(node.Scalar().size()) + ')' + node.Scalar();
    }
    case YAML::NodeType::Sequence: {
        std::string text = "[";
        for (const YAML::Node &item : node)
            text += canonical(item) + ',';
        return text + ']';
    }
    case YAML::NodeType::Map: {
        std::string text = "{";
        for (const auto &entry : node)
            text += canonical(entry.first) + '=' + canonical(entry.second) + ',';
        return text + '}';
    }
    }
    return {};
}

} // namespace coffer
