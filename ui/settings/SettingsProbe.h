#pragma once

#include "settings/DatabaseFileState.h"
#include "settings/RepositoryState.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace coffer::ui {

// What one look at the workspace's files found, keyed by path.
struct SettingsProbeResult {
    quint64 generation = 0;
    QHash<QString, DatabaseFileState> databases;
    QHash<QString, RepositoryState> repositories;
    QHash<QString, bool> exists; // the files the Files tab lists
};

// Checks database files, repositories and other files off the GUI thread. Each probe()
// supersedes the previous one: a result for an older request is dropped.
class SettingsProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsProbe)

public:
    explicit SettingsProbe(QObject *parent = nullptr);
    ~SettingsProbe() override;

    void probe(const QStringList &databases, const QStringList &repositories, const QStringList &files);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void probed(const coffer::ui::SettingsProbeResult &result);

private:
    QThreadPool m_pool; // one thread: probes run in order
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace coffer::ui
