#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

// Private to core/workspace: writes yaml-cpp node trees back to text without changing what they
// mean (a quoted "123" stays a string, an empty value stays empty), and compares trees by meaning.
namespace coffer {

class YamlWriter final
{
public:
    // The whole document; collections keep the block or flow style they were read with.
    static std::string document(const YAML::Node &root);
    // One map entry or sequence item, ready to insert into a block collection: every line starts
    // with `indent` spaces and ends with a newline.
    static std::string mapEntry(const YAML::Node &key, const YAML::Node &value, int indent);
    static std::string sequenceItem(const YAML::Node &item, int indent);
    // `node` on one line: a scalar, or collections in flow style.
    static std::string inlineText(const YAML::Node &node);
    // A new scalar, tagged the way it will be written (plain or quoted), so that reading the
    // written text back gives the same tree.
    static YAML::Node scalar(const std::string &value);
    // What a tree means, as one string: scalars with their tags and values, keys in order;
    // styles and comments do not count.
    static std::string canonical(const YAML::Node &node);
};

} // namespace coffer
