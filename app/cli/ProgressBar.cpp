#include "ProgressBar.h"

#include "CliOutput.h"
#include "jobs/Job.h"

#include <cstdio>
#include <unistd.h>

ProgressBar::ProgressBar(QObject *parent)
    : QObject(parent)
{
}

bool ProgressBar::enabled()
{
    return ::isatty(STDERR_FILENO) == 1 && qEnvironmentVariable("TERM") != QStringLiteral("dumb");
}

void ProgressBar::watch(coffer::Job *job)
{
    if (!enabled())
        return;
    const QString label = job->title();
    connect(job, &coffer::Job::progress, this,
            [this, label](const QString &phase, qint64 done, qint64 total) { draw(label, phase, done, total); });
    connect(job, &coffer::Job::finished, this, &ProgressBar::clear);
}

void ProgressBar::draw(const QString &label, const QString &phase, qint64 done, qint64 total)
{
    if (phase != m_phase) {
        m_phase = phase;
        m_phaseTimer.start();
    }
    constexpr int kWidth = 24;
    const double fraction = total > 0 ? qBound(0.0, double(done) / double(total), 1.0) : 0.0;
    const int filled = int(fraction * kWidth);
    const QString bar = QString(filled, QLatin1Char('#')) + QString(kWidth - filled, QLatin1Char('.'));
    // The snapshot counts pages; everything else counts bytes.
    const bool pages = phase == QStringLiteral("snapshot");
    const double seconds = qMax<qint64>(1, m_phaseTimer.elapsed()) / 1000.0;
    const QString amount = pages ? QStringLiteral("%1/%2 pages").arg(done).arg(total)
                                 : QStringLiteral("%1/%2  %3/s")
                                       .arg(cli::humanSize(done), cli::humanSize(total),
                                            cli::humanSize(qint64(double(done) / seconds)));
    const QString line = QStringLiteral("\r%1 [%2] %3% %4 %5").arg(label, bar).arg(int(fraction * 100), 3).arg(phase, amount);
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fputs("\033[K", stderr);
    std::fflush(stderr);
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (!m_drawn)
        return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    m_drawn = false;
    m_phase.clear();
}
