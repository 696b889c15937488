#include "workspace/WorkspaceEditor.h"

#include "backup/Codec.h"
#include "common/FileUtil.h"
#include "workspace/WorkspaceDocument.h"
#include "workspace/YamlTextPatch.h"
#include "workspace/YamlWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>

#include <unistd.h>

namespace coffer {

namespace {

const char *const kDatabases = "databases";
const char *const kRepositories = "repositories";

// Whether `text` reads back as exactly `tree`.
bool means(const std::string &text, const YAML::Node &tree)
{
    try {
        return YamlWriter::canonical(YAML::Load(text)) == YamlWriter::canonical(tree);
    } catch (const YAML::Exception &) {
        return false;
    }
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("No workspace file at %1").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.error() == QFileDevice::PermissionsError ? ErrorCode::PermissionDenied : ErrorCode::Io,
            QStringLiteral("Cannot read the workspace file %1").arg(path), file.errorString());
    const QByteArray contents = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, QStringLiteral("Cannot read the workspace file %1").arg(path), file.errorString());
    return contents;
}

// What the event parser saw: how many documents, and whether any node has an anchor or is an alias.
class StructureProbe final : public YAML::EventHandler
{
public:
    bool sharesNodes = false;

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &, YAML::anchor_t anchor) override { note(anchor); }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { sharesNodes = true; }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t anchor, const std::string &) override
    {
        note(anchor);
    }
    void OnSequenceStart(
        const YAML::Mark &, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        note(anchor);
    }
    void OnSequenceEnd() override { }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        note(anchor);
    }
    void OnMapEnd() override { }
    void OnAnchor(const YAML::Mark &, const std::string &) override { sharesNodes = true; }

private:
    void note(YAML::anchor_t anchor) { sharesNodes = sharesNodes || anchor != YAML::NullAnchor; }
};

// Refuses what Coffer cannot edit safely: several documents (the others would be lost) and anchors
// or aliases (a node shared by several entries would change in all of them).
Result<void> checkEditable(const std::string &text)
{
    std::istringstream stream(text);
    StructureProbe probe;
    int documents = 0;
    try {
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(probe))
            ++documents;
    } catch (const YAML::Exception &e) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The workspace file is not valid YAML"),
            QString::fromStdString(e.msg));
    }
    if (documents > 1)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The workspace file holds more than one YAML document (separated by '---'); Coffer "
                           "does not edit such a file: edit it by hand"));
    if (probe.sharesNodes)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The workspace file uses YAML anchors or aliases (&name, *name); an edit could change "
                           "every entry that shares them, so Coffer does not edit it: edit it by hand"));
    return {};
}

bool sameDatabase(const std::optional<DatabaseEntry> &a, const std::optional<DatabaseEntry> &b)
{
    if (!a || !b)
        return !a && !b;
    return a->name == b->name && a->engine == b->engine && a->path == b->path && a->group == b->group
        && a->intervalHours == b->intervalHours && a->retainCount == b->retainCount
        && a->smokeQueries == b->smokeQueries;
}

bool sameRepository(const std::optional<RepositoryEntry> &a, const std::optional<RepositoryEntry> &b)
{
    if (!a || !b)
        return !a && !b;
    return a->name == b->name && a->path == b->path && a->isDefault == b->isDefault;
}

template <typename Map> void compareMaps(const Map &a, const Map &b, const QString &prefix, QStringList &differences)
{
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    for (const QString &key : keys) {
        if (a.contains(key) != b.contains(key) || a.value(key) != b.value(key))
            differences << prefix + key;
    }
}

// Everything in which two readings of a workspace differ, one key per thing: "database:orders",
// "repository:local", "compression", "backup", "retention.default", "retention.timezone",
// "retention.group:acme", "retention.db:orders", "schedule:orders" (the database's resolved
// schedule), "schedules.timezone", "monitoring".
QStringList differences(const Workspace &a, const Workspace &b)
{
    QStringList result;
    QSet<QString> names;
    for (const Workspace *workspace : { &a, &b }) {
        for (const DatabaseEntry &database : workspace->databases())
            names.insert(database.name);
    }
    for (const QString &name : std::as_const(names)) {
        if (!sameDatabase(a.database(name), b.database(name)))
            result << QStringLiteral("database:") + name;
        if (!(a.schedule(name) == b.schedule(name)))
            result << QStringLiteral("schedule:") + name;
    }
    if (a.scheduleTimeZone().id() != b.scheduleTimeZone().id())
        result << QStringLiteral("schedules.timezone");
    if (!(a.monitoring() == b.monitoring()))
        result << QStringLiteral("monitoring");
    names.clear();
    for (const Workspace *workspace : { &a, &b }) {
        for (const RepositoryEntry &repository : workspace->repositories())
            names.insert(repository.name);
    }
    for (const QString &name : std::as_const(names)) {
        if (!sameRepository(a.repository(name), b.repository(name)))
            result << QStringLiteral("repository:") + name;
    }
    const BackupDefaults &x = a.defaults();
    const BackupDefaults &y = b.defaults();
    if (x.compression != y.compression || x.level != y.level)
        result << QStringLiteral("compression");
    if (x.retentionDays != y.retentionDays || x.encryptionEnabled != y.encryptionEnabled || x.keyEnvVar != y.keyEnvVar
        || x.encryptionRecipients != y.encryptionRecipients || x.tenantBackupPolicy != y.tenantBackupPolicy)
        result << QStringLiteral("backup");
    if (a.retention().repositoryDefault != b.retention().repositoryDefault)
        result << QStringLiteral("retention.default");
    if (a.retention().timeZone != b.retention().timeZone)
        result << QStringLiteral("retention.timezone");
    compareMaps(a.retention().groups, b.retention().groups, QStringLiteral("retention.group:"), result);
    compareMaps(a.retention().databases, b.retention().databases, QStringLiteral("retention.db:"), result);
    result.sort();
    return result;
}

// The keys of differences() that `mayChange` does not allow (an entry ending in ':' allows them all).
QStringList unintended(const QStringList &differences, const QStringList &mayChange)
{
    QStringList result;
    for (const QString &key : differences) {
        const bool allowed = std::any_of(mayChange.begin(), mayChange.end(), [&](const QString &allowed) {
            return allowed == key || (allowed.endsWith(QLatin1Char(':')) && key.startsWith(allowed));
        });
        if (!allowed)
            result << key;
    }
    return result;
}

bool isTrue(const std::optional<std::string> &value)
{
    bool on = false;
    return value && YAML::convert<bool>::decode(YAML::Node(*value), on) && on;
}

Result<void> checkGroup(const QString &group)
{
    for (const QChar c : group) {
        if (c.category() == QChar::Other_Control)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("A group name must not contain control characters"));
    }
    return {};
}

const QByteArray kByteOrderMark("\xEF\xBB\xBF");

} // namespace

WorkspaceEditor::WorkspaceEditor(const QString &filePath)
    : m_filePath(QFileInfo(filePath).absoluteFilePath())
{
}

QString WorkspaceEditor::backupPath() const
{
    // A link to the workspace is followed: the file it points at is the one rewritten.
    const QFileInfo info(m_filePath);
    return (info.isSymLink() ? info.canonicalFilePath() : m_filePath) + QStringLiteral(".bak");
}

Result<void> WorkspaceEditor::checkName(const QString &name, const QString &kind)
{
    if (name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Give the %1 a name").arg(kind));
    if (name != name.trimmed())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The %1 name '%2' starts or ends with a space; remove it").arg(kind, name));
    bool safe = name != QLatin1String(".") && name != QLatin1String("..");
    for (const QChar c : name)
        safe = safe && c != QLatin1Char('/') && c != QLatin1Char('\\') && c.category() != QChar::Other_Control;
    if (!safe)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The %1 name '%2' must not contain '/', '\\' or control characters, nor be "
                           "'.' or '..'")
                .arg(kind, name));
    return {};
}

QString WorkspaceEditor::nameFor(const QString &path, const QStringList &taken)
{
    const QFileInfo info(QDir::cleanPath(path));
    QString base = info.suffix().isEmpty() ? info.fileName() : info.completeBaseName();
    for (QChar &c : base) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            c = QLatin1Char('-');
    }
    base = base.trimmed();
    if (base.isEmpty() || base == QLatin1String(".") || base == QLatin1String(".."))
        base = QStringLiteral("database");
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return name;
}

QString WorkspaceEditor::storedPath(const QString &path, const QString &workspaceFile)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString folder = QDir::cleanPath(QFileInfo(workspaceFile).absolutePath());
    if (absolute.startsWith(folder + QLatin1Char('/')))
        return QDir(folder).relativeFilePath(absolute);
    return absolute;
}

Result<void> WorkspaceEditor::create(
    const QString &filePath, const RepositoryEntry &repository, const QList<DatabaseEntry> &databases)
{
    const QString path = QFileInfo(filePath).absoluteFilePath();
    if (QFileInfo::exists(path))
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("A workspace file already exists at %1; open it instead").arg(path));
    if (auto ok = checkName(repository.name, QStringLiteral("repository")); !ok)
        return ok;
    if (repository.path.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Choose a folder for the repository"));

    YAML::Node root(YAML::NodeType::Map);
    root["version"] = YamlWriter::scalar("1");
    YAML::Node repo(YAML::NodeType::Map);
    repo["name"] = YamlWriter::scalar(repository.name.toStdString());
    repo["path"] = YamlWriter::scalar(storedPath(repository.path, path).toStdString());
    repo["default"] = YamlWriter::scalar("true");
    root["repositories"].push_back(repo);
    QStringList names;
    for (const DatabaseEntry &database : databases) {
        if (auto ok = checkName(database.name, QStringLiteral("database")); !ok)
            return ok;
        if (names.contains(database.name))
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral("Two databases are named '%1'; give each its own name").arg(database.name));
        if (auto ok = checkGroup(database.group); !ok)
            return ok;
        names << database.name;
        YAML::Node item(YAML::NodeType::Map);
        item["name"] = YamlWriter::scalar(database.name.toStdString());
        item["path"] = YamlWriter::scalar(storedPath(database.path, path).toStdString());
        if (!database.group.trimmed().isEmpty())
            item["group"] = YamlWriter::scalar(database.group.trimmed().toStdString());
        root["databases"].push_back(item);
    }
    const QByteArray text
        = QByteArrayLiteral("# Coffer workspace: the databases Coffer backs up and where their backups go.\n"
                            "# Written by the Coffer console; every key is described in docs/format.md.\n")
        + QByteArray::fromStdString(YamlWriter::document(root));
    if (auto parsed = Workspace::parse(text, path); !parsed)
        return std::unexpected(parsed.error());
    // writeAtomically() never replaces a file, so a workspace created meanwhile is kept.
    return fileutil::writeAtomically(path, text, QFileInfo(path).absolutePath());
}

Result<WorkspaceEditor::Outcome> WorkspaceEditor::addDatabase(const DatabaseEntry &database)
{
    if (auto ok = checkName(database.name, QStringLiteral("database")); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkGroup(database.group); !ok)
        return std::unexpected(ok.error());
    if (database.path.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Choose the database file for '%1'").arg(database.name));
    const QString absolute = QDir::cleanPath(QFileInfo(database.path).absoluteFilePath());
    // A new database gets the default's and its group's schedule: that is part of adding it.
    return edit({ QStringLiteral("database:") + database.name, QStringLiteral("schedule:") + database.name },
        [&](WorkspaceDocument &document, const Workspace &current) -> Result<void> {
            if (document.find(kDatabases, database.name))
                return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The workspace already has a database named '%1'; choose another name")
                        .arg(database.name));
            for (const DatabaseEntry &existing : current.databases()) {
                if (existing.path == absolute)
                    return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 is already in the workspace as '%2'").arg(absolute, existing.name));
            }
            WorkspaceDocument::Fields fields{ { "path", storedPath(absolute, m_filePath).toStdString() } };
            if (!database.group.trimmed().isEmpty())
                fields.emplace_back("group", database.group.trimmed().toStdString());
            return document.append(kDatabases, database.name, fields);
        });
}

Result<WorkspaceEditor::Outcome> WorkspaceEditor::removeDatabase(const QString &name)
{
    return edit({ QStringLiteral("database:") + name, QStringLiteral("retention.db:") + name,
                    QStringLiteral("schedule:") + name },
        [&](WorkspaceDocument &document, const Workspace &) -> Result<void> {
            const auto entry = document.find(kDatabases, name);
            if (!entry)
                return fail(ErrorCode::NotFound, QStringLiteral("The workspace has no database named '%1'").arg(name));
            document.remove(*entry);
            document.removeNested("backup", "schedules", name);
            document.removeNested("retention", "databases", name);
            document.removeNested("schedules", "databases", name);
            return {};
        });
}

Result<WorkspaceEditor::Outcome> WorkspaceEditor::setDatabaseGroup(const QString &name, const QString &group)
{
    if (auto ok = checkGroup(group); !ok)
        return std::unexpected(ok.error());
    // The group's schedule (schedules.groups) may now apply to the database.
    return edit({ QStringLiteral("database:") + name, QStringLiteral("schedule:") + name },
        [&](WorkspaceDocument &document, const Workspace &) -> Result<void> {
            const auto entry = document.find(kDatabases, name);
            if (!entry)
                return fail(ErrorCode::NotFound, QStringLiteral("The workspace has no database named '%1'").arg(name));
            const QString value = group.trimmed();
            document.setField(*entry, "group", value.isEmpty() ? std::nullopt : std::optional(value.toStdString()));
            return {};
        });
}

Result<WorkspaceEditor::Outcome> WorkspaceEditor::addRepository(const RepositoryEntry &repository)
{
    if (auto ok = checkName(repository.name, QStringLiteral("repository")); !ok)
        return std::unexpected(ok.error());
    if (repository.path.isEmpty())
        return fail(
            ErrorCode::InvalidArgument, QStringLiteral("Choose the folder of repository '%1'").arg(repository.name));
    const QString mayChange = QStringLiteral("repository:") + (repository.isDefault ? QString() : repository.name);
    return edit({ mayChange }, [&](WorkspaceDocument &document, const Workspace &) -> Result<void> {
        if (document.find(kRepositories, repository.name))
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral("The workspace already has a repository named '%1'; choose another name")
                    .arg(repository.name));
        if (repository.isDefault) {
            for (const auto &entry : document.entries(kRepositories)) {
                if (isTrue(WorkspaceDocument::field(entry, "default")))
                    document.setField(entry, "default", "false");
            }
        }
        WorkspaceDocument::Fields fields{ { "path", storedPath(repository.path, m_filePath).toStdString() } };
        if (repository.isDefault)
            fields.emplace_back("default", "true");
        return document.append(kRepositories, repository.name, fields);
    });
}

Result<WorkspaceEditor::Outcome> WorkspaceEditor::setDefaultRepository(const QString &name)
{
    return edit({ QStringLiteral("repository:") }, [&](WorkspaceDocument &document, const Workspace &) -> Result<void> {
        if (!document.find(kRepositories, name))
            return fail(ErrorCode::NotFound, QStringLiteral("The workspace has no repository named '%1'").arg(name));
        for (const auto &entry : document.entries(kRepositories)) {
            const bool target = WorkspaceDocument::nameOf(entry) == name;
            if (target && !isTrue(WorkspaceDocument::field(entry, "default")))
                document.setField(entry, "default", "true");
            else if (!target && isTrue(WorkspaceDocument::field(entry, "default")))
                document.setField(entry, "default", "false");
        }
        return {};
    });
}

Result<WorkspaceEditor::Outcome> WorkspaceEditor::setCompression(const QString &codec, int level)
{
    const auto parsed = codecFromName(codec.trimmed().toLower());
    if (!parsed)
        return fail(
            ErrorCode::InvalidArgument, QStringLiteral("Compression '%1' is not one of zstd, gzip, none").arg(codec));
    if (auto ok = checkLevel(*parsed, level); !ok)
        return std::unexpected(ok.error());
    return edit({ QStringLiteral("compression") }, [&](WorkspaceDocument &document, const Workspace &) -> Result<void> {
        // Where the file already says it (`defaults:` wins over the runbook's `backup:`), else `defaults:`.
        if (auto r = document.setSetting({ "defaults", "backup" }, "compression", codecName(*parsed).toStdString()); !r)
            return r;
        return document.setSetting({ "defaults", "backup" }, "level", std::to_string(level));
    });
}

Result<WorkspaceEditor::Outcome> WorkspaceEditor::edit(const QStringList &mayChange,
    const std::function<Result<void>(WorkspaceDocument &, const Workspace &current)> &change)
{
    const QFileInfo info(m_filePath);
    const QString canonical = info.isSymLink() ? info.canonicalFilePath() : m_filePath;
    const QString file = canonical.isEmpty() ? m_filePath : canonical;
    auto original = readFile(file);
    if (!original)
        return std::unexpected(original.error());
    const auto current = Workspace::parse(*original, m_filePath);
    if (!current)
        return fail(current.error().code,
            QStringLiteral("The workspace file has an error; fix it first: %1").arg(current.error().message),
            current.error().detail);

    // A byte order mark is set aside and put back: the edits work on the text after it.
    const bool bom = original->startsWith(kByteOrderMark);
    const std::string text = (bom ? original->mid(kByteOrderMark.size()) : *original).toStdString();
    if (auto editable = checkEditable(text); !editable)
        return std::unexpected(editable.error());
    std::optional<YAML::Node> before;
    std::optional<WorkspaceDocument> document;
    try {
        before.emplace(YAML::Load(text));
        YAML::Node root = YAML::Load(text);
        document.emplace(root.IsMap() ? root : YAML::Node(YAML::NodeType::Map));
    } catch (const YAML::Exception &e) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The workspace file is not valid YAML"),
            QString::fromStdString(e.msg));
    }
    if (auto changed = change(*document, *current); !changed)
        return std::unexpected(changed.error());

    Outcome outcome;
    outcome.alsoRemoved = document->alsoRemoved();
    const YAML::Node &after = document->root();
    if (YamlWriter::canonical(*before) == YamlWriter::canonical(after))
        return outcome;

    // Line by line when the change allows it, so comments stay; else the whole tree, written out.
    std::optional<std::string> written = YamlTextPatch::derive(text, *before, after);
    if (written && !means(*written, after))
        written.reset();
    const bool rewritten = !written;
    if (rewritten) {
        written = YamlTextPatch::withLineEndingsOf(
            text, YamlTextPatch::leadingComments(text) + YamlWriter::document(after));
        if (!means(*written, after))
            return fail(ErrorCode::Internal,
                QStringLiteral("Coffer cannot write this change without altering other parts of %1; "
                               "make it by hand")
                    .arg(m_filePath));
        outcome.commentsDropped = YamlTextPatch::hasCommentsAfterHeader(text);
    }
    const QByteArray bytes = (bom ? kByteOrderMark : QByteArray()) + QByteArray::fromStdString(*written);
    const auto parsed = Workspace::parse(bytes, m_filePath);
    if (!parsed)
        return fail(parsed.error().code,
            QStringLiteral("Not saved: the change would make the workspace file invalid: %1")
                .arg(parsed.error().message),
            parsed.error().detail);
    // The safety net: nothing but what the edit is about may read differently.
    if (const QStringList others = unintended(differences(*current, *parsed), mayChange); !others.isEmpty())
        return fail(ErrorCode::Internal,
            QStringLiteral("Not saved: the change would also alter %1 in %2; make it by hand")
                .arg(others.join(QStringLiteral(", ")), m_filePath));

    // A file the user cannot write, or made read-only (which root could still write), is left alone.
    const QFileInfo target(file);
    const QFileDevice::Permissions permissions = target.permissions()
        & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser); // the file's own bits
    if (!target.isWritable() || (target.ownerId() == ::geteuid() && !(permissions & QFileDevice::WriteOwner)))
        return fail(ErrorCode::PermissionDenied,
            QStringLiteral("The workspace file %1 is read-only; Coffer does not change it. Make it writable to "
                           "edit it here")
                .arg(file));
    const QString folder = target.absolutePath();
    outcome.backupPath = file + QStringLiteral(".bak");
    if (auto saved = fileutil::replaceAtomically(outcome.backupPath, *original, folder); !saved)
        return std::unexpected(saved.error());
    QFile::setPermissions(outcome.backupPath, permissions);
    if (rewritten) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzzZ"));
        outcome.rewriteBackupPath = QStringLiteral("%1.%2.bak").arg(file, stamp);
        if (auto saved = fileutil::writeAtomically(outcome.rewriteBackupPath, *original, folder); !saved)
            return std::unexpected(saved.error());
        QFile::setPermissions(outcome.rewriteBackupPath, permissions);
    }
    if (auto saved = fileutil::replaceAtomically(file, bytes, folder); !saved)
        return std::unexpected(saved.error());
    if (!QFile::setPermissions(file, permissions))
        return fail(ErrorCode::Io,
            QStringLiteral("The workspace file %1 was saved, but its permissions could not be restored").arg(file));
    outcome.changed = true;
    return outcome;
}

} // namespace coffer
