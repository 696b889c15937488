#include "MonitorScenario.h"

#include "GeneratedBackups.h"
#include "TestSupport.h"

#include "backup/BackupPipeline.h"
#include "repository/Catalog.h"
#include "repository/Repository.h"

#include <QFile>
#include <QtTest>

namespace testsupport {

namespace {

std::optional<coffer::Catalog> openCatalog(const QString &repo)
{
    auto repository = coffer::Repository::open(repo);
    if (!repository)
        return std::nullopt;
    auto catalog = coffer::Catalog::open(*repository);
    if (!catalog)
        return std::nullopt;
    return std::move(*catalog);
}

} // namespace

MonitorScenario::MonitorScenario()
{
    if (!m_dir.isValid())
        return;
    if (auto made = coffer::Repository::init(repo()); !made) {
        qWarning("MonitorScenario: init failed: %s", qPrintable(made.error().toString()));
        return;
    }
    const QString source = path(QStringLiteral("seed.db"));
    if (!makeSampleDatabase(source, 50))
        return;
    coffer::BackupParams params;
    params.repositoryPath = repo();
    params.sourcePath = source;
    params.database = QStringLiteral("seed");
    params.workers = 1;
    coffer::CancelFlag cancel{ false };
    auto made = coffer::BackupPipeline::run(params, cancel, {});
    if (!made) {
        qWarning("MonitorScenario: backup failed: %s", qPrintable(made.error().toString()));
        return;
    }
    m_seed = made->manifest;
    m_ok = true;
}

std::optional<coffer::Manifest> MonitorScenario::backup(
    const QString &database, const QDateTime &created, const QString &trigger)
{
    return cloneBackup(
        repo(), m_seed, created, database, {}, [&trigger](coffer::Manifest &manifest) { manifest.trigger = trigger; });
}

bool MonitorScenario::verify(const coffer::Manifest &backup, const QDateTime &time, bool ok)
{
    auto catalog = openCatalog(repo());
    if (!catalog)
        return false;
    coffer::VerifyOutcome outcome;
    outcome.backupId = backup.id;
    outcome.database = backup.database;
    outcome.level = QStringLiteral("full");
    outcome.time = time.toUTC();
    outcome.durationMs = 120;
    outcome.checks = { { QStringLiteral("artifact_sha256"), true, {} },
        { QStringLiteral("integrity_check"), ok, ok ? QString() : QStringLiteral("page 2 is corrupt") } };
    return catalog->recordVerification(outcome).has_value();
}

bool MonitorScenario::drill(const coffer::Manifest &backup, const QDateTime &time, bool ok, qint64 rtoMs)
{
    auto catalog = openCatalog(repo());
    if (!catalog)
        return false;
    coffer::DrillOutcome outcome;
    outcome.backupId = backup.id;
    outcome.database = backup.database;
    outcome.time = time.toUTC();
    outcome.rtoMs = rtoMs;
    outcome.durationMs = rtoMs + 100;
    outcome.checks = { { QStringLiteral("integrity_check"), true, {} },
        { QStringLiteral("smoke_query"), ok,
            ok ? QString() : QStringLiteral("SELECT count(*) FROM customers: expected > 0, found 0") } };
    return catalog->recordDrill(outcome).has_value();
}

bool MonitorScenario::writeWorkspace(const QByteArray &rest, const QByteArray &moreRepositories)
{
    const QByteArray yaml
        = "repositories:\n  - {name: main, path: " + quoted(repo()) + ", default: true}\n" + moreRepositories + rest;
    QFile file(workspacePath());
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(yaml) == yaml.size();
}

coffer::Result<coffer::Workspace> MonitorScenario::workspace() const
{
    return coffer::Workspace::load(workspacePath());
}

QByteArray MonitorScenario::quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return (QLatin1Char('"') + escaped + QLatin1Char('"')).toUtf8();
}

} // namespace testsupport
