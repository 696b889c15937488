#include "workspace/YamlTextPatch.h"

#include "workspace/YamlWriter.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace coffer {

namespace {

bool onlySpaces(const std::string &text, size_t begin, size_t end)
{
    return std::all_of(
        text.begin() + std::ptrdiff_t(begin), text.begin() + std::ptrdiff_t(end), [](char c) { return c == ' '; });
}

bool isBlock(const YAML::Node &collection)
{
    return collection.Style() != YAML::EmitterStyle::Flow;
}

} // namespace

std::optional<std::string> YamlTextPatch::derive(
    const std::string &text, const YAML::Node &before, const YAML::Node &after)
{
    YamlTextPatch patch(text);
    if (!patch.diff(before, after, nullptr))
        return std::nullopt;
    return patch.apply();
}

std::string YamlTextPatch::leadingComments(const std::string &text)
{
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end + 1;
        const size_t first = text.find_first_not_of(" \t\r", pos);
        if (first < end && text[first] != '\n' && text[first] != '#')
            break;
        pos = end;
    }
    return text.substr(0, pos);
}

bool YamlTextPatch::hasCommentsAfterHeader(const std::string &text)
{
    char quote = '\0';
    char lastSignificant = '\n'; // the last character on the line that is not a space
    for (size_t i = leadingComments(text).size(); i < text.size(); ++i) {
        const char c = text[i];
        const char previous = i > 0 ? text[i - 1] : '\n';
        if (c == '\n') {
            quote = '\0';
            lastSignificant = '\n';
            continue;
        }
        if (quote != '\0') {
            if (c == quote)
                quote = '\0';
            else if (c == '\\' && quote == '"')
                ++i;
        } else if (c == '#' && (previous == ' ' || previous == '\t' || previous == '\n')) {
            return true;
        } else if ((c == '"' || c == '\'')
            && std::string_view("\n:-?[{,").find(lastSignificant) != std::string_view::npos) {
            // Only a quote that starts a scalar opens a quoted one: in `path: /a 'b` it is text.
            quote = c;
        }
        if (c != ' ' && c != '\t')
            lastSignificant = c;
    }
    return false;
}

std::string YamlTextPatch::withLineEndingsOf(const std::string &text, std::string written)
{
    const size_t newline = text.find('\n');
    if (newline == std::string::npos || newline == 0 || text[newline - 1] != '\r')
        return written;
    std::string result;
    result.reserve(written.size() + written.size() / 16);
    for (const char c : written) {
        if (c == '\n' && (result.empty() || result.back() != '\r'))
            result += '\r';
        result += c;
    }
    return result;
}

bool YamlTextPatch::diff(const YAML::Node &before, const YAML::Node &after, const YAML::Node *key)
{
    if (YamlWriter::canonical(before) == YamlWriter::canonical(after))
        return true;
    // A flow collection on one line holds no comment: it is written again whole.
    if ((before.IsMap() || before.IsSequence()) && !isBlock(before)) {
        const auto span = flowSpan(before);
        if (!span)
            return false;
        m_edits.push_back({ span->first, span->second, YamlWriter::inlineText(after) });
        return true;
    }
    if (before.IsMap() && after.IsMap())
        return diffMap(before, after);
    if (before.IsSequence() && after.IsSequence())
        return diffSequence(before, after);
    if (before.IsScalar()) {
        const auto span = scalarSpan(before);
        if (!span)
            return false;
        m_edits.push_back({ span->first, span->second, YamlWriter::inlineText(after) });
        return true;
    }
    if (before.IsNull() && key && (after.IsMap() || after.IsSequence()) && after.size() > 0)
        return fillEmpty(*key, after);
    if (before.IsNull() && key && after.IsScalar())
        return fillNull(*key, after);
    return false;
}

bool YamlTextPatch::diffMap(const YAML::Node &before, const YAML::Node &after)
{
    std::vector<std::pair<YAML::Node, YAML::Node>> oldEntries;
    std::vector<std::pair<YAML::Node, YAML::Node>> newEntries;
    std::vector<std::string> oldKeys;
    std::vector<std::string> newKeys;
    for (const auto &entry : before) {
        oldEntries.emplace_back(entry.first, entry.second);
        oldKeys.push_back(YamlWriter::canonical(entry.first));
    }
    for (const auto &entry : after) {
        newEntries.emplace_back(entry.first, entry.second);
        newKeys.push_back(YamlWriter::canonical(entry.first));
    }
    const std::set<std::string> oldSet(oldKeys.begin(), oldKeys.end());
    const std::set<std::string> newSet(newKeys.begin(), newKeys.end());

    // The keys kept stay in their order, and new keys follow them: what a line edit can do.
    std::vector<std::string> kept;
    for (const std::string &key : oldKeys) {
        if (newSet.count(key))
            kept.push_back(key);
    }
    size_t firstAdded = 0;
    while (firstAdded < newKeys.size() && oldSet.count(newKeys[firstAdded]))
        ++firstAdded;
    if (!std::equal(kept.begin(), kept.end(), newKeys.begin(), newKeys.begin() + std::ptrdiff_t(firstAdded))
        || kept.size() != firstAdded)
        return false;

    for (size_t i = 0; i < oldEntries.size(); ++i) {
        const auto found = std::find(newKeys.begin(), newKeys.end(), oldKeys[i]);
        if (found == newKeys.end()) {
            const auto lines = entryLines(oldEntries[i].first);
            if (!isBlock(before) || !lines)
                return false;
            erase(lines->first, lines->second);
        } else if (!diff(oldEntries[i].second, newEntries[size_t(found - newKeys.begin())].second,
                       &oldEntries[i].first)) {
            return false;
        }
    }
    if (firstAdded == newEntries.size())
        return true;
    if (!isBlock(before) || oldEntries.empty())
        return false;
    const size_t lastKey = oldEntries.back().first.Mark().pos;
    const size_t column = lastKey - lineStart(lastKey);
    std::string text;
    for (size_t i = firstAdded; i < newEntries.size(); ++i)
        text += YamlWriter::mapEntry(newEntries[i].first, newEntries[i].second, int(column));
    insert(blockEnd(lastKey, column), text);
    return true;
}

bool YamlTextPatch::diffSequence(const YAML::Node &before, const YAML::Node &after)
{
    const size_t oldSize = before.size();
    const size_t newSize = after.size();
    if (newSize >= oldSize) {
        for (size_t i = 0; i < oldSize; ++i) {
            if (!diff(before[i], after[i], nullptr))
                return false;
        }
        if (newSize == oldSize)
            return true;
        if (!isBlock(before) || oldSize == 0)
            return false;
        const YAML::Node last = before[oldSize - 1];
        const auto column = dashColumn(last);
        if (!column)
            return false;
        std::string text;
        for (size_t i = oldSize; i < newSize; ++i)
            text += YamlWriter::sequenceItem(after[i], int(*column));
        insert(blockEnd(last.Mark().pos, *column), text);
        return true;
    }
    // Items removed, the others unchanged.
    if (!isBlock(before))
        return false;
    size_t next = 0;
    for (size_t i = 0; i < oldSize; ++i) {
        if (next < newSize && YamlWriter::canonical(before[i]) == YamlWriter::canonical(after[next])) {
            ++next;
            continue;
        }
        const auto lines = itemLines(before[i]);
        if (!lines)
            return false;
        erase(lines->first, lines->second);
    }
    return next == newSize;
}

bool YamlTextPatch::fillEmpty(const YAML::Node &key, const YAML::Node &after)
{
    const auto lines = entryLines(key);
    const size_t keyPos = key.Mark().pos;
    if (!lines || lines->second != lineEnd(keyPos))
        return false;
    // Nothing but a comment may follow the colon.
    const size_t colon = m_text.find(':', keyPos);
    if (colon == std::string::npos || colon >= lines->second)
        return false;
    const size_t rest = m_text.find_first_not_of(" \t\r", colon + 1);
    if (rest < lines->second && m_text[rest] != '\n' && m_text[rest] != '#')
        return false;
    const int column = int(keyPos - lines->first) + 2;
    std::string text;
    if (after.IsSequence()) {
        for (const YAML::Node &item : after)
            text += YamlWriter::sequenceItem(item, column);
    } else {
        for (const auto &entry : after)
            text += YamlWriter::mapEntry(entry.first, entry.second, column);
    }
    insert(lines->second, text);
    return true;
}

bool YamlTextPatch::fillNull(const YAML::Node &key, const YAML::Node &after)
{
    // The key, quoted or plain (scalarSpan() does not take a plain one ending in ':').
    const size_t keyPos = key.Mark().pos;
    const auto quoted = scalarSpan(key);
    const bool plain = keyPos < m_text.size() && m_text.compare(keyPos, key.Scalar().size(), key.Scalar()) == 0;
    if (!quoted && !plain)
        return false;
    const size_t colon = m_text.find_first_not_of(" \t", quoted ? quoted->second : keyPos + key.Scalar().size());
    if (colon == std::string::npos || m_text[colon] != ':')
        return false;
    // The value: nothing (a comment may follow) or a null word, then the end of the line or a comment.
    const size_t value = m_text.find_first_not_of(" \t", colon + 1);
    size_t valueEnd = value == std::string::npos ? m_text.size() : value;
    if (value != std::string::npos && m_text[value] != '\r' && m_text[value] != '\n' && m_text[value] != '#') {
        valueEnd = m_text.find_first_of(" \t\r\n", value);
        valueEnd = valueEnd == std::string::npos ? m_text.size() : valueEnd;
        const std::string word = m_text.substr(value, valueEnd - value);
        if (word != "~" && word != "null" && word != "Null" && word != "NULL")
            return false;
    }
    const size_t rest = m_text.find_first_not_of(" \t", valueEnd);
    if (rest != std::string::npos && m_text[rest] != '\r' && m_text[rest] != '\n' && m_text[rest] != '#')
        return false;
    // `group: ~` loses its `~`; `group:   # comment` gets the value right after the colon.
    const bool word = value != std::string::npos && valueEnd > value;
    m_edits.push_back(
        { word ? value - 1 : colon + 1, word ? valueEnd : colon + 1, ' ' + YamlWriter::inlineText(after) });
    return true;
}

size_t YamlTextPatch::lineStart(size_t pos) const
{
    if (pos == 0)
        return 0;
    const size_t newline = m_text.rfind('\n', pos - 1);
    return newline == std::string::npos ? 0 : newline + 1;
}

size_t YamlTextPatch::lineEnd(size_t pos) const
{
    const size_t newline = m_text.find('\n', pos);
    return newline == std::string::npos ? m_text.size() : newline + 1;
}

size_t YamlTextPatch::blockEnd(size_t pos, size_t column) const
{
    size_t end = lineEnd(pos);
    for (size_t cursor = end; cursor < m_text.size();) {
        const size_t next = lineEnd(cursor);
        const size_t first = m_text.find_first_not_of(" \r", cursor);
        const bool blank = first >= next || m_text[first] == '\n';
        // Comment lines belong to whatever content follows them.
        if (!blank && m_text[first] != '#') {
            if (first - cursor <= column)
                break;
            end = next;
        }
        cursor = next;
    }
    return end;
}

std::optional<std::pair<size_t, size_t>> YamlTextPatch::entryLines(const YAML::Node &key) const
{
    const size_t pos = key.Mark().pos;
    if (pos >= m_text.size())
        return std::nullopt;
    const size_t start = lineStart(pos);
    if (!onlySpaces(m_text, start, pos))
        return std::nullopt;
    return std::make_pair(start, blockEnd(pos, pos - start));
}

std::optional<std::pair<size_t, size_t>> YamlTextPatch::itemLines(const YAML::Node &item) const
{
    const auto column = dashColumn(item);
    if (!column)
        return std::nullopt;
    const size_t pos = item.Mark().pos;
    return std::make_pair(lineStart(pos), blockEnd(pos, *column));
}

std::optional<size_t> YamlTextPatch::dashColumn(const YAML::Node &item) const
{
    const size_t pos = item.Mark().pos;
    if (pos >= m_text.size())
        return std::nullopt;
    const size_t start = lineStart(pos);
    size_t dash = pos;
    while (dash > start && m_text[dash - 1] == ' ')
        --dash;
    if (dash == pos || dash == start || m_text[dash - 1] != '-' || !onlySpaces(m_text, start, dash - 1))
        return std::nullopt;
    return dash - 1 - start;
}

std::optional<std::pair<size_t, size_t>> YamlTextPatch::scalarSpan(const YAML::Node &scalar) const
{
    const size_t pos = scalar.Mark().pos;
    if (pos >= m_text.size())
        return std::nullopt;
    const char quote = m_text[pos];
    if (quote == '"' || quote == '\'') {
        for (size_t i = pos + 1; i < m_text.size() && m_text[i] != '\n'; ++i) {
            if (quote == '"' && m_text[i] == '\\')
                ++i;
            else if (m_text[i] == quote && quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'')
                ++i;
            else if (m_text[i] == quote)
                return std::make_pair(pos, i + 1);
        }
        return std::nullopt;
    }
    const std::string &value = scalar.Scalar();
    const size_t end = pos + value.size();
    if (m_text.compare(pos, value.size(), value) != 0)
        return std::nullopt;
    if (end < m_text.size() && std::string_view(" \t\r\n,]}#").find(m_text[end]) == std::string_view::npos)
        return std::nullopt;
    return std::make_pair(pos, end);
}

std::optional<std::pair<size_t, size_t>> YamlTextPatch::flowSpan(const YAML::Node &collection) const
{
    const size_t pos = collection.Mark().pos;
    if (pos >= m_text.size() || (m_text[pos] != '{' && m_text[pos] != '['))
        return std::nullopt;
    int depth = 0;
    char quote = '\0';
    for (size_t i = pos; i < m_text.size() && m_text[i] != '\n'; ++i) {
        const char c = m_text[i];
        if (quote != '\0') {
            if (quote == '"' && c == '\\')
                ++i;
            else if (c == quote)
                quote = '\0';
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return std::make_pair(pos, i + 1);
        }
    }
    return std::nullopt;
}

void YamlTextPatch::insert(size_t at, std::string text)
{
    if (at == m_text.size() && !m_text.empty() && m_text.back() != '\n')
        text.insert(text.begin(), '\n');
    m_edits.push_back({ at, at, withLineEndingsOf(m_text, std::move(text)) });
}

void YamlTextPatch::erase(size_t begin, size_t end)
{
    m_edits.push_back({ begin, end, {} });
}

std::optional<std::string> YamlTextPatch::apply() const
{
    std::vector<Edit> edits = m_edits;
    std::stable_sort(edits.begin(), edits.end(),
        [](const Edit &a, const Edit &b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    std::string result;
    size_t cursor = 0;
    for (const Edit &edit : edits) {
        if (edit.begin < cursor || edit.end < edit.begin || edit.end > m_text.size())
            return std::nullopt; // overlapping edits: not a change made line by line
        result.append(m_text, cursor, edit.begin - cursor);
        result += edit.text;
        cursor = edit.end;
    }
    result.append(m_text, cursor, std::string::npos);
    return result;
}

} // namespace coffer
