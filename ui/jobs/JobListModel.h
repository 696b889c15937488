#pragma once

#include "common/Error.h"
#include "jobs/Job.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>

#include <memory>

class QTimer;

namespace coffer::ui {

class Session;

// Every job the session's queue has had (queued, running, finished), in the order they were
// submitted, with the last progress each reported and a rate over the last few seconds.
// Fed by the jobs' own signals (queued to this thread); progress repaints are coalesced.
class JobListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column {
        Title,
        State,
        Phase,
        Progress,
        Bytes,
        Rate,
        TimeLeft,
        Started,
        Finished,
        Duration,
        Message,
        ColumnCount
    };
    enum Role {
        ProgressRole = Qt::UserRole + 1, // 0..1000, or -1 while the total is unknown
        StateRole, // Job::State as int
        FinishedRole, // bool: succeeded, failed or cancelled
        SortRole,
        MessageRole, // a failed or cancelled job's Error::message
        DetailRole, // ... and its Error::detail
    };

    explicit JobListModel(Session *session, QObject *parent = nullptr);
    ~JobListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Job *jobAt(int row) const;
    int rowOf(const Job *job) const;
    // Asks the job to stop; its row says "Cancelling…" until it has. False when it already ended.
    bool cancel(int row);

    int runningCount() const;
    int queuedCount() const;
    int finishedCount() const;
    // "No jobs", "1 job running", "2 jobs queued", "2 running, 3 queued".
    QString summary() const;

Q_SIGNALS:
    // A job was added, started or ended: the counts above may differ.
    void countsChanged();

private:
    struct Sample {
        qint64 atMs;
        qint64 done;
    };
    struct Row {
        std::shared_ptr<Job> job;
        Job::State state = Job::State::Queued;
        QString phase;
        qint64 done = 0;
        qint64 total = 0;
        QList<Sample> samples; // this phase's reports over the last few seconds
        Error error;
    };

    void addJob(Job *job);
    void onStarted(Job *job);
    void onProgress(Job *job, const QString &phase, qint64 done, qint64 total);
    void onFinished(Job *job);
    void flush();
    void emitRowChanged(int row);

    QString displayText(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QString stateText(const Row &row) const;
    QString amountText(const Row &row, qint64 amount) const;
    int progressValue(const Row &row) const;
    double rate(const Row &row) const; // units per second; < 0 when not known yet
    qint64 timeLeftMs(const Row &row) const; // < 0 when not known

    Session *m_session;
    QList<Row> m_rows;
    QHash<const Job *, int> m_rowOf;
    QSet<int> m_dirty;
    QTimer *m_flushTimer;
    QElapsedTimer m_clock;
};

} // namespace coffer::ui
