#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace coffer::ui {

// A page's loads, run off the GUI thread one at a time; only the latest one's result is
// delivered (to `context`'s thread), so a load started while another runs supersedes it.
// A member of its context: destroying it waits for a load still running.
class BackgroundLoad final
{
public:
    explicit BackgroundLoad(QObject *context)
        : m_context(context)
    {
        m_pool.setMaxThreadCount(1);
    }
    Q_DISABLE_COPY_MOVE(BackgroundLoad)

    bool isLoading() const { return m_loading; }

    // Drops the result of a load still running, without starting another.
    void cancel()
    {
        ++m_generation;
        m_loading = false;
    }

    // Runs `work()` on the pool and, unless a later start() or cancel() came meanwhile, calls
    // `deliver(result)` on the context's thread.
    template <typename Work, typename Deliver> void start(Work work, Deliver deliver)
    {
        using Result = std::invoke_result_t<Work>;
        const quint64 generation = ++m_generation;
        m_loading = true;
        auto *watcher = new QFutureWatcher<Result>(m_context);
        QObject::connect(watcher, &QFutureWatcher<Result>::finished, m_context,
            [this, watcher, generation, deliver = std::move(deliver)] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                m_loading = false;
                deliver(watcher->result());
            });
        watcher->setFuture(QtConcurrent::run(&m_pool, std::move(work)));
    }

private:
    QObject *m_context;
    QThreadPool m_pool;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace coffer::ui
