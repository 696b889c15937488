#include "repository/Repository.h"

#include "backup/Codec.h"
#include "backup/Manifest.h"
#include "common/FileUtil.h"
#include "crypto/CfrFormat.h"
#include "repository/BackupDeleter.h"
#include "repository/Catalog.h"
#include "repository/RepoLock.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace coffer {

namespace {

constexpr auto kConfigName = "coffer-repo.json";

} // namespace

QString Repository::configPath() const { return m_root + QLatin1Char('/') + QLatin1String(kConfigName); }
QString Repository::catalogPath() const { return m_root + QStringLiteral("/catalog.db"); }
QString Repository::backupsDir() const { return m_root + QStringLiteral("/backups"); }
QString Repository::stagingDir() const { return m_root + QStringLiteral("/staging"); }
QString Repository::locksDir() const { return m_root + QStringLiteral("/locks"); }

QString Repository::pendingRecordPath(const QString &backupId) const
{
    return QStringLiteral("%1/%2.pending").arg(stagingDir(), backupId);
}

QString Repository::deletionRecordPath(const QString &backupId) const
{
    return QStringLiteral("%1/%2.deleting").arg(stagingDir(), backupId);
}

Result<void> Repository::writeIntent(
    const QString &recordPath, const QString &artifactPath, const QString &manifestPath, const QJsonObject &extra) const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("artifact"), relative(artifactPath));
    json.insert(QStringLiteral("manifest"), relative(manifestPath));
    if (auto written = fileutil::writeDurably(recordPath, QJsonDocument(json).toJson(QJsonDocument::Compact)); !written)
        return written;
    // The record's folder entry too: POSIX does not promise that fsyncing a new file makes it.
    return fileutil::fsyncDirectory(QFileInfo(recordPath).absolutePath());
}

std::optional<Repository::Intent> Repository::readIntent(const QString &recordPath) const
{
    QFile record(recordPath);
    if (!record.open(QIODevice::ReadOnly))
        return std::nullopt;
    Intent intent;
    intent.json = QJsonDocument::fromJson(record.read(64 * 1024)).object();
    const auto resolve = [this](const QJsonValue &value) {
        return QDir::cleanPath(m_root + QLatin1Char('/') + value.toString());
    };
    intent.artifactPath = resolve(intent.json.value(QStringLiteral("artifact")));
    intent.manifestPath = resolve(intent.json.value(QStringLiteral("manifest")));
    // The record lives in our own staging folder, but its paths are still checked: only files
    // under backups/ are ever touched.
    if (!holds(intent.artifactPath) || !holds(intent.manifestPath))
        return std::nullopt;
    return intent;
}

bool Repository::holds(const QString &path) const
{
    const QString inside = backupsDir() + QLatin1Char('/');
    if (!QDir::cleanPath(path).startsWith(inside) || QFileInfo(path).isSymLink())
        return false;
    // A folder that does not exist holds nothing to touch; one that does must resolve inside.
    const QString folder = QFileInfo(QFileInfo(path).absolutePath()).canonicalFilePath();
    return folder.isEmpty() || (folder + QLatin1Char('/')).startsWith(QFileInfo(backupsDir()).canonicalFilePath() + QLatin1Char('/'));
}

Repository::StagingRecovery Repository::recoverStaging() const
{
    recoverInterruptedBackups();
    StagingRecovery recovery { .deletionsFinished = BackupDeleter::finishInterrupted(*this) };
    // A deletion record that could not be finished stays: the deletion is still owed.
    QDirIterator it(stagingDir(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QLatin1String(".deleting")) && QFile::remove(path))
            ++recovery.filesRemoved;
    }
    return recovery;
}

void Repository::removeEmptyFolders(const QString &folder) const
{
    // rmdir removes only empty folders.
    const QString inside = backupsDir() + QLatin1Char('/');
    for (QString at = folder; at.startsWith(inside) && QDir().rmdir(at); at = QFileInfo(at).absolutePath()) {
    }
}

QString Repository::safeName(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_')
                       || c == QLatin1Char('.')
                   ? c
                   : QLatin1Char('_');
    while (out.startsWith(QLatin1Char('.')))
        out[0] = QLatin1Char('_');
    return out.isEmpty() ? QStringLiteral("_") : out.left(100);
}

QString Repository::folderFor(const Manifest &manifest) const
{
    const QDateTime created = manifest.created.toUTC();
    return QStringLiteral("%1/%2/%3/%4")
        .arg(backupsDir(), safeName(manifest.database), created.toString(QStringLiteral("yyyy")),
             created.toString(QStringLiteral("MM")));
}

QString Repository::baseNameFor(const Manifest &manifest)
{
    return QStringLiteral("%1-%2-%3")
        .arg(safeName(manifest.database), manifest.created.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")),
             manifest.shortId());
}

QString Repository::artifactFileFor(const Manifest &manifest)
{
    const auto codec = codecFromName(manifest.compression);
    const bool encrypted = manifest.encryptionScheme != QLatin1String("none");
    return baseNameFor(manifest) + QStringLiteral(".sqlite") + (codec ? codecExtension(*codec) : QString())
        + (encrypted ? QLatin1String(cfr::kExtension) : QLatin1String());
}

QString Repository::artifactPath(const Manifest &manifest) const
{
    return folderFor(manifest) + QLatin1Char('/') + manifest.artifactFile;
}

QString Repository::manifestPath(const Manifest &manifest) const
{
    return folderFor(manifest) + QLatin1Char('/') + baseNameFor(manifest) + QLatin1String(kManifestSuffix);
}

QString Repository::relative(const QString &absolutePath) const
{
    return QDir(m_root).relativeFilePath(absolutePath);
}

Result<Repository> Repository::init(const QString &path, bool requireEncryption)
{
    const QString root = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QFileInfo info(root);
    if (info.exists() && !info.isDir())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Cannot create a repository: the path is a file"), root);
    if (QFileInfo::exists(root + QLatin1Char('/') + QLatin1String(kConfigName)))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A repository already exists here"), root);
    if (info.exists() && !QDir(root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Cannot create a repository in a folder that holds other files; choose an empty one"),
                    root);

    Repository repo;
    repo.m_root = root;
    repo.m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    repo.m_requireEncryption = requireEncryption;
    for (const QString &dir : {root, repo.backupsDir(), repo.stagingDir(), repo.locksDir()}) {
        if (auto made = fileutil::makePrivateDirs(dir); !made)
            return std::unexpected(made.error());
    }
    const QJsonObject config{{QStringLiteral("format"), QStringLiteral("coffer-repository")},
                             {QStringLiteral("format_version"), kFormatVersion},
                             {QStringLiteral("id"), repo.m_id},
                             {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                             {QStringLiteral("policy"),
                              QJsonObject{{QStringLiteral("require_encryption"), requireEncryption}}}};
    if (auto written = fileutil::writeAtomically(repo.configPath(), QJsonDocument(config).toJson(), repo.stagingDir());
        !written)
        return std::unexpected(written.error());
    if (auto catalog = Catalog::open(repo); !catalog)
        return std::unexpected(catalog.error());
    return repo;
}

Result<Repository> Repository::open(const QString &path)
{
    const QString root = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QFile file(root + QLatin1Char('/') + QLatin1String(kConfigName));
    if (!QFileInfo(root).isDir())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("No repository at this path; create one with 'coffer-cli init'"), root);
    if (!file.exists())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("This folder is not a Coffer repository (no coffer-repo.json); create one with "
                                   "'coffer-cli init'"),
                    root);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::PermissionDenied, QStringLiteral("Cannot read the repository's coffer-repo.json"),
                    file.errorString());
    QJsonParseError parseError;
    const QJsonObject config = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError
        || config.value(QStringLiteral("format")).toString() != QStringLiteral("coffer-repository"))
        return fail(ErrorCode::Corrupt, QStringLiteral("The repository's coffer-repo.json is damaged or foreign"),
                    file.fileName());
    const int version = config.value(QStringLiteral("format_version")).toInt(-1);
    if (version > kFormatVersion)
        return fail(ErrorCode::UnsupportedFormat,
                    QStringLiteral("This repository was written by a newer Coffer (format %1; this Coffer reads up to "
                                   "%2); upgrade Coffer to use it")
                        .arg(version)
                        .arg(kFormatVersion),
                    root);
    if (version < 1)
        return fail(ErrorCode::Corrupt, QStringLiteral("The repository's coffer-repo.json has no valid format_version"),
                    file.fileName());

    Repository repo;
    repo.m_root = root;
    repo.m_id = config.value(QStringLiteral("id")).toString();
    repo.m_formatVersion = version;
    repo.m_requireEncryption =
        config.value(QStringLiteral("policy")).toObject().value(QStringLiteral("require_encryption")).toBool();

    // Leftovers in staging belong to a crashed writer only when nobody else is working here.
    if (QFileInfo(repo.stagingDir()).isWritable()) {
        if (auto lock = RepoLock::acquire(repo.locksDir(), RepoLock::Kind::Exclusive, QStringLiteral("clean staging"));
            lock)
            repo.recoverStaging();
    }
    return repo;
}

void Repository::recoverInterruptedBackups() const
{
    const QDir staging(stagingDir());
    for (const QString &name : staging.entryList({QStringLiteral("*.pending")}, QDir::Files)) {
        const QString recordPath = staging.filePath(name);
        if (const auto intent = readIntent(recordPath)) {
            if (QFileInfo::exists(intent->manifestPath)) {
                QFile file(intent->manifestPath);
                if (file.open(QIODevice::ReadOnly)) {
                    const QByteArray bytes = file.readAll();
                    if (auto parsed = Manifest::fromBytes(bytes); parsed) {
                        if (auto catalog = Catalog::open(*this); catalog && !catalog->backup(parsed->id))
                            catalog->insertBackup(*parsed, bytes);
                    }
                }
            } else {
                QFile::remove(intent->artifactPath);
                removeEmptyFolders(QFileInfo(intent->artifactPath).absolutePath());
            }
        }
        QFile::remove(recordPath);
    }
}

} // namespace coffer
