#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

// Private to core/workspace: the YAML tree of a workspace file being edited, and the changes the
// editor makes to it, for both shapes a section may have (a list of mappings with `name:`, or a
// mapping keyed by name).
namespace coffer {

class WorkspaceDocument final
{
public:
    using Fields = std::vector<std::pair<std::string, std::string>>;

    // One entry of `databases:` or `repositories:`. Holds handles into the tree: never assign one
    // (assigning to a bound YAML::Node rewrites the node it refers to); construct a new one.
    struct Entry {
        const char *sectionName = nullptr;
        YAML::Node section;
        bool inList = false;
        size_t index = 0; // in a list
        std::string key; // in a mapping
        YAML::Node value; // the item, or the mapping's value
    };

    explicit WorkspaceDocument(YAML::Node root);

    YAML::Node &root() { return m_root; }
    const QStringList &alsoRemoved() const { return m_alsoRemoved; }

    std::optional<Entry> find(const char *section, const QString &name) const;
    std::vector<Entry> entries(const char *section) const;
    static QString nameOf(const Entry &entry);
    // A field of an entry (`path`, `group`, `default`); a bare `name: path` entry has only a path.
    static std::optional<std::string> field(const Entry &entry, const char *name);

    // Appends an entry in the shape and style the section already has (a list when there is none).
    Result<void> append(const char *section, const QString &name, const Fields &fields);
    void remove(const Entry &entry);
    // Sets a field, or removes it when `value` is empty. A bare `name: path` entry becomes
    // `name: {path: ..., field: value}`.
    void setField(const Entry &entry, const char *name, const std::optional<std::string> &value);
    // root[outer][inner][name], removed; root[outer][inner] and then root[outer] too when that
    // removal emptied them (maps that were empty already stay).
    void removeNested(const char *outer, const char *inner, const QString &name);
    // Sets `key` in each of `sections` that has it, else in the first one (created when absent).
    Result<void> setSetting(const std::vector<const char *> &sections, const char *key, const std::string &value);

private:
    YAML::Node m_root;
    QStringList m_alsoRemoved;
};

} // namespace coffer
