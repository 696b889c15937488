#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace coffer {

struct Manifest;

// A folder where backups live (local disk, network share, removable drive):
//   coffer-repo.json, catalog.db, backups/<db>/<YYYY>/<MM>/..., staging/, locks/.
// A value type holding paths and the repository's settings; cheap to copy across threads.
class Repository final
{
public:
    static constexpr int kFormatVersion = 1;

    // Creates the layout in an empty or missing folder; refuses a folder that already
    // holds a repository or other files.
    static Result<Repository> init(const QString &path, bool requireEncryption = false);
    // Validates coffer-repo.json (refusing a newer format) and, when no other process is
    // working in it, removes leftovers in staging/.
    static Result<Repository> open(const QString &path);

    QString root() const { return m_root; }
    QString id() const { return m_id; }
    int formatVersion() const { return m_formatVersion; }
    bool requireEncryption() const { return m_requireEncryption; }

    QString configPath() const;
    QString catalogPath() const;
    QString backupsDir() const;
    QString stagingDir() const;
    QString locksDir() const;

    // backups/<db>/<YYYY>/<MM>/ for this manifest's database and creation time.
    QString folderFor(const Manifest &manifest) const;
    // <db>-<YYYYMMDDTHHMMSSZ>-<id8> (no extension).
    static QString baseNameFor(const Manifest &manifest);
    // <base>.sqlite[.zst|.gz][.cfr], from the manifest's id, time, compression and encryption.
    static QString artifactFileFor(const Manifest &manifest);
    QString artifactPath(const Manifest &manifest) const;
    QString manifestPath(const Manifest &manifest) const;
    // Path relative to the repository root, as stored in the catalog.
    QString relative(const QString &absolutePath) const;

    // Path of the intent record a backup writes to staging before it publishes anything
    // outside it. open() resolves leftover records: a backup whose manifest was published is
    // indexed; otherwise its artifact is removed. A crash thus leaves no backup or a whole one.
    QString pendingRecordPath(const QString &backupId) const;
    // Path of the intent record a deletion writes before it touches anything (BackupDeleter).
    QString deletionRecordPath(const QString &backupId) const;

    // An intent record: the artifact and manifest it concerns (relative paths, so the repository
    // may be reached through another mount point) plus `extra` fields; written and fsynced.
    Result<void> writeIntent(const QString &recordPath, const QString &artifactPath, const QString &manifestPath,
        const QJsonObject &extra = {}) const;
    struct Intent {
        QString artifactPath; // absolute, checked to lie under backups/
        QString manifestPath; // absolute, checked to lie under backups/
        QJsonObject json;     // the whole record
    };
    // Reads an intent record; nothing when it is unreadable or names a path outside backups/.
    std::optional<Intent> readIntent(const QString &recordPath) const;
    // Whether `path` lies under backups/ once symbolic links are resolved, and is not a link
    // itself: recovery never follows a planted link out of the repository.
    bool holds(const QString &path) const;
    // Resolves what crashed writers left in staging/ (interrupted backups, then interrupted
    // deletions) and removes the rest, except deletion records that could not be finished. The
    // caller holds the exclusive lock.
    struct StagingRecovery {
        int deletionsFinished = 0;
        int filesRemoved = 0;
    };
    StagingRecovery recoverStaging() const;
    // Removes `folder` and its parents while they are empty, up to (not including) backups/.
    void removeEmptyFolders(const QString &folder) const;

    // A database name made safe to use as one folder name.
    static QString safeName(const QString &name);

    static constexpr const char *kManifestSuffix = ".manifest.json";

private:
    void recoverInterruptedBackups() const;

    QString m_root;
    QString m_id;
    int m_formatVersion = kFormatVersion;
    bool m_requireEncryption = false;
};

} // namespace coffer
