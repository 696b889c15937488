#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

namespace coffer {
class Job;
}

// Draws one job's progress on stderr when stderr is a terminal: a bar, bytes, rate, phase.
// Never writes to stdout, so --json output stays clean.
class ProgressBar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressBar)

public:
    explicit ProgressBar(QObject *parent = nullptr);

    void watch(coffer::Job *job);
    static bool enabled();

private:
    void draw(const QString &label, const QString &phase, qint64 done, qint64 total);
    void clear();

    QElapsedTimer m_phaseTimer;
    QString m_phase;
    bool m_drawn = false;
};
