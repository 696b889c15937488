#pragma once

#include "common/Error.h"

#include <QString>

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
    QString artifactPath(const Manifest &manifest) const;
    QString manifestPath(const Manifest &manifest) const;
    // Path relative to the repository root, as stored in the catalog.
    QString relative(const QString &absolutePath) const;

    // Path of the intent record a backup writes to staging before it publishes anything
    // outside it. open() resolves leftover records: a backup whose manifest was published is
    // indexed; otherwise its artifact is removed. A crash thus leaves no backup or a whole one.
    QString pendingRecordPath(const QString &backupId) const;

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
