#include "settings/SettingsProbe.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace coffer::ui {

SettingsProbe::SettingsProbe(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

// QThreadPool's destructor waits for a probe still running; it touches no member of ours.
SettingsProbe::~SettingsProbe() = default;

void SettingsProbe::probe(const QStringList &databases, const QStringList &repositories, const QStringList &files)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    auto *watcher = new QFutureWatcher<SettingsProbeResult>(this);
    connect(watcher, &QFutureWatcher<SettingsProbeResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const SettingsProbeResult result = watcher->result();
        if (result.generation != m_generation)
            return;
        m_running = false;
        Q_EMIT probed(result);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [generation, databases, repositories, files] {
        SettingsProbeResult result;
        result.generation = generation;
        for (const QString &path : databases)
            result.databases.insert(path, DatabaseFileState::check(path));
        for (const QString &path : repositories)
            result.repositories.insert(path, RepositoryState::check(path));
        for (const QString &path : files)
            result.exists.insert(path, QFileInfo::exists(path));
        return result;
    }));
}

} // namespace coffer::ui
