#pragma once

#include "backup/Manifest.h"
#include "common/Error.h"
#include "workspace/Workspace.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTemporaryDir>

#include <optional>

namespace testsupport {

// A workspace for health, metrics and alert tests: one real repository holding a real backup of
// a sample database (as database "seed", which no workspace lists), copied into backups of the
// workspace's databases made at chosen times, with verifications and drills recorded as chosen.
// The copies are real, verifiable backups; only their time and identity differ.
class MonitorScenario final
{
public:
    MonitorScenario();
    bool isValid() const { return m_ok; }

    QString dir() const { return m_dir.path(); }
    QString repo() const { return m_dir.filePath(QStringLiteral("repo")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString workspacePath() const { return m_dir.filePath(QStringLiteral("workspace.yaml")); }
    const coffer::Manifest &seed() const { return m_seed; }

    // A backup of `database` created at `created` (a copy of the seed).
    std::optional<coffer::Manifest> backup(
        const QString &database, const QDateTime &created, const QString &trigger = QStringLiteral("scheduled"));
    // Records a full verification of `backup` that passed or failed (integrity_check).
    bool verify(const coffer::Manifest &backup, const QDateTime &time, bool ok);
    // Records a drill of `backup` that passed or failed (a smoke query), with its RTO.
    bool drill(const coffer::Manifest &backup, const QDateTime &time, bool ok, qint64 rtoMs);

    // Writes workspace.yaml: repository "main" (this one, the default) and the list items in
    // `moreRepositories`, then `rest` (databases:, schedules:, monitoring:, ...). Database paths
    // need not exist.
    bool writeWorkspace(const QByteArray &rest, const QByteArray &moreRepositories = {});
    coffer::Result<coffer::Workspace> workspace() const;

    // A YAML double-quoted scalar.
    static QByteArray quoted(const QString &text);

private:
    QTemporaryDir m_dir;
    coffer::Manifest m_seed;
    bool m_ok = false;
};

} // namespace testsupport
