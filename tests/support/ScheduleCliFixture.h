#pragma once

// A workspace for the scheduler's CLI tests (run-due, schedule list, schedule install): real
// databases, a real repository and the CLI as a real process. Each fixture has its own state
// folder (XDG_STATE_HOME) and config folder (XDG_CONFIG_HOME), so nothing of the user's is read
// or written.
#include "MonitorScenario.h"
#include "TestSupport.h"

#include "schedule/RunLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

namespace testsupport::schedulecli {

using coffer::RunLog;
using coffer::RunRecord;

inline QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

inline QByteArray quoted(const QString &text)
{
    return testsupport::MonitorScenario::quoted(text);
}

// A workspace with two scheduled databases (every 6 h) and one nobody schedules, in a folder
// whose name has a space, plus private state and config folders.
class Fixture
{
public:
    Fixture()
    {
        if (!m_dir.isValid() || !QDir().mkpath(folder()) || !QDir().mkpath(state()) || !QDir().mkpath(config()))
            return;
        const CliRun init = testsupport::runCli({ QStringLiteral("init"), repo() });
        if (init.exitCode != 0) {
            qWarning("%s", qPrintable(describe(init)));
            return;
        }
        for (const char *name : { "orders", "shop", "scratch" }) {
            if (!testsupport::makeSampleDatabase(folder() + QStringLiteral("/%1.db").arg(QLatin1String(name)), 20))
                return;
        }
        m_ok = write("databases:\n"
                     "  orders: orders.db\n"
                     "  shop: shop.db\n"
                     "  scratch: scratch.db\n"
                     "schedules:\n"
                     "  default: {backup: {interval_hours: 6}}\n"
                     "  databases: {scratch: {backup: off}}\n");
    }

    bool isValid() const { return m_ok; }
    QString folder() const { return m_dir.filePath(QStringLiteral("team space")); }
    QString workspace() const { return folder() + QStringLiteral("/workspace.yaml"); }
    QString repo() const { return m_dir.filePath(QStringLiteral("repo")); }
    QString state() const { return m_dir.filePath(QStringLiteral("state")); }
    QString config() const { return m_dir.filePath(QStringLiteral("config")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The workspace's id: its state folder's name and the suffix of its timer's names.
    QString id() const
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(QFileInfo(workspace()).canonicalFilePath().toUtf8(), QCryptographicHash::Sha256)
                .toHex()
                .left(16));
    }
    // The folder run-due keeps its lock and run log in.
    QString stateFolder() const { return state() + QStringLiteral("/coffer/") + id(); }

    bool write(const QByteArray &rest) const
    {
        QFile file(workspace());
        const QByteArray yaml = "repositories:\n  - {name: main, path: " + quoted(repo()) + "}\n" + rest;
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(yaml) == yaml.size();
    }

    QStringList environment(const QStringList &more = {}) const
    {
        return QStringList{ QStringLiteral("XDG_STATE_HOME=") + state(), QStringLiteral("XDG_CONFIG_HOME=") + config() }
        + more;
    }

    CliRun run(QStringList arguments, const QStringList &more = {}) const
    {
        arguments << QStringLiteral("--workspace") << workspace();
        return testsupport::runCli(arguments, workspace(), 120000, environment(more));
    }

    // The backups in the repository: "database trigger" each, sorted.
    QStringList backups() const
    {
        const CliRun list = testsupport::runCli(
            { QStringLiteral("list"), QStringLiteral("--repo"), repo(), QStringLiteral("--json") });
        QStringList result;
        for (const QJsonValue &value : list.json().array()) {
            const QJsonObject backup = value.toObject();
            result << backup.value(QStringLiteral("database")).toString() + QLatin1Char(' ')
                    + backup.value(QStringLiteral("trigger")).toString();
        }
        result.sort();
        return result;
    }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

// Reads the run log the way the CLI does, in the fixture's state folder.
inline QList<RunRecord> recentRuns(const Fixture &f)
{
    qputenv("XDG_STATE_HOME", f.state().toUtf8());
    auto log = RunLog::open(f.workspace());
    qunsetenv("XDG_STATE_HOME");
    if (!log)
        return {};
    return log->recent(100).value_or(QList<RunRecord>());
}

inline QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace testsupport::schedulecli
