#include "JobRunner.h"

#include "ProgressBar.h"
#include "jobs/JobQueue.h"

#include <QEventLoop>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
    // The next Ctrl-C is not caught: a user who presses it twice means it.
    std::signal(signal, SIG_DFL);
}

} // namespace

void runJobs(const QList<std::shared_ptr<coffer::Job>> &jobs)
{
    coffer::JobQueue queue;
    ProgressBar bar;
    QEventLoop loop;
    QObject::connect(&queue, &coffer::JobQueue::idle, &loop, &QEventLoop::quit);

    std::unique_ptr<QSocketNotifier> notifier;
    if (g_signalPipe[0] < 0 && ::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        g_signalPipe[0] = -1;
    if (g_signalPipe[0] >= 0) {
        notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &queue, [&queue] {
            char byte;
            while (::read(g_signalPipe[0], &byte, 1) > 0) {
            }
            queue.cancelAll();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    for (const auto &job : jobs) {
        bar.watch(job.get());
        queue.submit(job);
    }
    if (queue.pendingCount() > 0)
        loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}
