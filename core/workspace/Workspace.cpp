#include "workspace/Workspace.h"

#include "workspace/WorkspaceParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimeZone>

namespace coffer {

namespace {

// A workspace is a short hand-written file; anything bigger is the wrong file.
constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

} // namespace

QString Workspace::resolvePath(const QString &override)
{
    if (!override.isEmpty())
        return override;
    const QString fromEnv = qEnvironmentVariable("COFFER_WORKSPACE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString configDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    if (configDir.isEmpty())
        configDir = QDir::homePath() + QStringLiteral("/.config");
    return configDir + QStringLiteral("/coffer/workspace.yaml");
}

Result<Workspace> Workspace::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("No workspace file at %1. Create it (a YAML file listing your databases and "
                                   "repositories), or pass --workspace FILE or set COFFER_WORKSPACE.")
                        .arg(path));
    if (info.isDir())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a folder; --workspace expects a YAML file").arg(path));
    if (info.size() > kMaxFileSize)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is too large to be a workspace file; check --workspace").arg(path));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const ErrorCode code =
            file.error() == QFileDevice::PermissionsError ? ErrorCode::PermissionDenied : ErrorCode::Io;
        return fail(code, QStringLiteral("Cannot read workspace file %1").arg(path), file.errorString());
    }
    const QByteArray contents = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, QStringLiteral("Cannot read workspace file %1").arg(path), file.errorString());

    // A common slip: pointing --workspace at a database instead of the YAML file.
    if (contents.startsWith(QByteArrayLiteral("SQLite format 3")))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is an SQLite database, not a workspace file; pass the YAML file to "
                                   "--workspace")
                        .arg(path));
    if (contents.contains('\0'))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a binary file, not a YAML workspace file").arg(path));
    return parse(contents, path);
}

Result<Workspace> Workspace::parse(const QByteArray &yaml, const QString &path)
{
    const QString filePath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    WorkspaceParser parser(filePath);
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        auto parsed = parser.run(root);
        if (!parsed)
            return std::unexpected(parsed.error());
        Workspace ws;
        ws.m_filePath = filePath;
        ws.m_databases = std::move(parsed->databases);
        ws.m_repositories = std::move(parsed->repositories);
        ws.m_defaults = std::move(parsed->defaults);
        ws.m_retention = std::move(parsed->retention);
        ws.m_schedules = std::move(parsed->schedules);
        ws.m_scheduleTimeZone = std::move(parsed->scheduleTimeZone);
        ws.m_monitoring = std::move(parsed->monitoring);
        return ws;
    } catch (const YAML::Exception &e) {
        return parser.error(e.mark, QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return fail(ErrorCode::Internal, QStringLiteral("Could not read workspace %1").arg(filePath),
                    QString::fromLocal8Bit(e.what()));
    }
}

DatabaseSchedule Workspace::schedule(const QString &database) const
{
    return m_schedules.value(database);
}

QTimeZone Workspace::scheduleTimeZone() const
{
    if (m_scheduleTimeZone.isEmpty())
        return QTimeZone::systemTimeZone();
    return QTimeZone(m_scheduleTimeZone.toUtf8());
}

std::optional<DatabaseEntry> Workspace::database(const QString &name) const
{
    for (const DatabaseEntry &db : m_databases) {
        if (db.name == name)
            return db;
    }
    return std::nullopt;
}

QList<DatabaseEntry> Workspace::group(const QString &group) const
{
    QList<DatabaseEntry> result;
    for (const DatabaseEntry &db : m_databases) {
        if (db.group == group)
            result.append(db);
    }
    return result;
}

std::optional<RepositoryEntry> Workspace::defaultRepository() const
{
    for (const RepositoryEntry &repo : m_repositories) {
        if (repo.isDefault)
            return repo;
    }
    if (m_repositories.isEmpty())
        return std::nullopt;
    return m_repositories.first();
}

std::optional<RepositoryEntry> Workspace::repository(const QString &name) const
{
    for (const RepositoryEntry &repo : m_repositories) {
        if (repo.name == name)
            return repo;
    }
    return std::nullopt;
}

} // namespace coffer
