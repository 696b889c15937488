#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>

// Durable, private file-system steps the pipeline is built from: every artifact and
// manifest is written 0600 in staging, fsynced, renamed into place, and its folder fsynced.
namespace coffer::fileutil {

// An Error for a failed system call, naming the path; ENOSPC, EACCES and ENOENT get
// their own codes and a sentence that says what to do.
Error errnoError(int err, const QString &what, const QString &path);

// mkdir -p with 0700 for every folder it creates.
Result<void> makePrivateDirs(const QString &path);

Result<void> fsyncPath(const QString &path);
Result<void> fsyncDirectory(const QString &dir);

// Creates or replaces `path` (0600) with `data` and fsyncs it.
Result<void> writeDurably(const QString &path, const QByteArray &data);

// Renames the already-fsynced file `from` to `to`, creating the destination folder, never
// replacing an existing file, and fsyncs both folders.
Result<void> publish(const QString &from, const QString &to);

// writeDurably() to a new file in `stagingDir`, then publish() it to `to`.
Result<void> writeAtomically(const QString &to, const QByteArray &data, const QString &stagingDir);

// Like writeAtomically() but replaces `to` if it exists (a manifest that pin rewrites): readers
// see the old file or the new one, never a mix.
Result<void> replaceAtomically(const QString &to, const QByteArray &data, const QString &stagingDir);

// The login name of the user running Coffer, for manifests and the audit trail.
QString currentUser();
// The login name of `uid` from the password database, else the number.
QString userName(uint uid);

// Free bytes on the file system holding `path` (or its nearest existing parent).
qint64 freeBytes(const QString &path);
// Whether two paths (or their nearest existing parents) are on one file system.
bool sameFileSystem(const QString &a, const QString &b);

} // namespace coffer::fileutil
