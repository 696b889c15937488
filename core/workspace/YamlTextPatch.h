#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

// Private to core/workspace: edits a YAML file line by line so that the lines an edit does not
// touch, comments included, stay as the user wrote them.
namespace coffer {

class YamlTextPatch final
{
public:
    // `text` (the file `before` was read from) changed so that it reads as `after`; nothing when
    // the change is not one this can make line by line (a new key in a flow mapping, a value that
    // spans lines, ...). The caller checks that the result reads as `after` before using it.
    static std::optional<std::string> derive(
        const std::string &text, const YAML::Node &before, const YAML::Node &after);

    // The comment and blank lines the file starts with.
    static std::string leadingComments(const std::string &text);
    // Whether a comment follows the leading comment lines (a `#` that starts a line or follows a
    // space, outside quotes; a `#` inside a block scalar also counts, erring on the safe side).
    static bool hasCommentsAfterHeader(const std::string &text);
    // `written` (lines ending in "\n") with the line ending `text` uses: "\r\n" when its first line
    // ends so.
    static std::string withLineEndingsOf(const std::string &text, std::string written);

private:
    explicit YamlTextPatch(const std::string &text)
        : m_text(text)
    {
    }

    struct Edit {
        size_t begin = 0;
        size_t end = 0;
        std::string text;
    };

    bool diff(const YAML::Node &before, const YAML::Node &after, const YAML::Node *key);
    bool diffMap(const YAML::Node &before, const YAML::Node &after);
    bool diffSequence(const YAML::Node &before, const YAML::Node &after);
    // An empty value (`databases:`) that becomes a block collection.
    bool fillEmpty(const YAML::Node &key, const YAML::Node &after);
    // An empty or `~` value (`group:`) that becomes a scalar.
    bool fillNull(const YAML::Node &key, const YAML::Node &after);

    size_t lineStart(size_t pos) const;
    size_t lineEnd(size_t pos) const; // after the newline, or the end of the text
    // The end of the lines that belong to the entry or item starting on `pos`'s line: that line and
    // the following ones indented deeper than `column` (blank lines between them included).
    size_t blockEnd(size_t pos, size_t column) const;
    // Whole lines of a map entry (its key alone at the start of a line) or a sequence item (`- `
    // and nothing else before it); nothing when it is not written that way.
    std::optional<std::pair<size_t, size_t>> entryLines(const YAML::Node &key) const;
    std::optional<std::pair<size_t, size_t>> itemLines(const YAML::Node &item) const;
    std::optional<size_t> dashColumn(const YAML::Node &item) const;
    // A scalar written on one line, plain or quoted.
    std::optional<std::pair<size_t, size_t>> scalarSpan(const YAML::Node &scalar) const;

    // A flow collection written on one line.
    std::optional<std::pair<size_t, size_t>> flowSpan(const YAML::Node &collection) const;

    void insert(size_t at, std::string text);
    void erase(size_t begin, size_t end);
    std::optional<std::string> apply() const;

    const std::string &m_text;
    std::vector<Edit> m_edits;
};

} // namespace coffer
