#pragma once

#include "common/Error.h"
#include "workspace/Workspace.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace coffer {

class WorkspaceDocument;

// Changes a workspace file the way a person would: one edit at a time, re-reading the file each
// time, refusing an edit that would make it invalid (the file is then untouched). The lines an
// edit does not touch keep their comments when the edit can be made line by line; otherwise the
// file is rewritten from its YAML tree and the outcome says its comments were dropped. Either way
// the previous version is kept as `<file>.bak`. Writes are atomic and keep the file's mode.
// Refused, with the file untouched: a file with several YAML documents or with anchors/aliases
// (an edit could change entries that share a node), a file the user cannot write, and any edit
// whose result would read differently anywhere but where the edit was meant to change it.
class WorkspaceEditor final
{
public:
    // What an edit did besides the change asked for.
    struct Outcome {
        bool changed = false; // false: the file already said so and was not written
        QString backupPath; // the previous version, `<file>.bak`
        // Set when the file was rewritten from its tree rather than line by line: a copy of the
        // previous version that later edits do not replace (`<file>.<UTC time>.bak`).
        QString rewriteBackupPath;
        bool commentsDropped = false; // the rewrite lost comments (they are in rewriteBackupPath)
        QStringList alsoRemoved; // entries removed with a database: "backup.schedules.orders"
        bool commentsKept() const { return !commentsDropped; }
    };

    explicit WorkspaceEditor(const QString &filePath);

    QString filePath() const { return m_filePath; }
    QString backupPath() const;

    // Writes a new workspace file (0600, its folder created 0700) with `repository` as the
    // default repository and `databases` (name, path, group); refuses to replace a file.
    static Result<void> create(
        const QString &filePath, const RepositoryEntry &repository, const QList<DatabaseEntry> &databases = {});
    // A name for a database or repository: not empty, no surrounding spaces, no '/', '\' or
    // control characters, not '.' or '..'. `kind` names it in the message ("database").
    static Result<void> checkName(const QString &name, const QString &kind);
    // A name for the database or repository at `path` that checkName() accepts and `taken` does
    // not hold: the file name without its extension ("orders" for orders.db), "-2", "-3"... added.
    static QString nameFor(const QString &path, const QStringList &taken);
    // How a path is written into the file at `workspaceFile`: relative to its folder when inside
    // it, else absolute.
    static QString storedPath(const QString &path, const QString &workspaceFile);

    Result<Outcome> addDatabase(const DatabaseEntry &database);
    // Also removes the database's schedules (backup.schedules, schedules.databases) and retention
    // override (retention.databases), which would otherwise name a database that is not listed.
    Result<Outcome> removeDatabase(const QString &name);
    // An empty group removes the database from its group.
    Result<Outcome> setDatabaseGroup(const QString &name, const QString &group);
    // `repository.isDefault` also makes it the default repository.
    Result<Outcome> addRepository(const RepositoryEntry &repository);
    Result<Outcome> setDefaultRepository(const QString &name);
    // The codec (zstd, gzip, none) and level new backups use, checked against the codec's range.
    Result<Outcome> setCompression(const QString &codec, int level);

private:
    // Reads the file, checks it, applies `change` to its tree (`current` is the file as it reads
    // now), then writes the result if it is a valid workspace that reads as before except for the
    // things `mayChange` names ("database:orders", "repository:" for every repository,
    // "compression", "retention.db:orders").
    Result<Outcome> edit(const QStringList &mayChange,
        const std::function<Result<void>(WorkspaceDocument &, const Workspace &current)> &change);

    QString m_filePath;
};

} // namespace coffer
