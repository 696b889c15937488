#include "jobs/JobListModel.h"

#include "DisplayFormat.h"
#include "Session.h"
#include "UiResources.h"
#include "jobs/JobQueue.h"

#include <QIcon>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace coffer::ui {

namespace {

constexpr int kRepaintIntervalMs = 100; // progress repaints at most this often
constexpr qint64 kRateWindowMs = 5000; // the rate is averaged over this much recent progress
constexpr qint64 kMinRateSpanMs = 250; // a shorter span gives a rate too noisy to show

// Phases that count SQLite pages rather than bytes (the backup API's copy).
bool countsPages(const QString &phase)
{
    return phase == QLatin1String("snapshot") || phase == QLatin1String("install");
}

bool isFinishedState(Job::State state)
{
    return state == Job::State::Succeeded || state == Job::State::Failed || state == Job::State::Cancelled;
}

} // namespace

JobListModel::JobListModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_flushTimer(new QTimer(this))
{
    initResources();
    m_clock.start();
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kRepaintIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &JobListModel::flush);

    JobQueue *queue = session->jobs();
    connect(queue, &JobQueue::jobAdded, this, &JobListModel::addJob);
    const QList<std::shared_ptr<Job>> existing = queue->jobs();
    for (const auto &job : existing)
        addJob(job.get());
}

JobListModel::~JobListModel() = default;

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Job *JobListModel::jobAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).job.get() : nullptr;
}

int JobListModel::rowOf(const Job *job) const
{
    return m_rowOf.value(job, -1);
}

bool JobListModel::cancel(int row)
{
    if (row < 0 || row >= m_rows.size() || isFinishedState(m_rows.at(row).state))
        return false;
    m_rows[row].job->cancel();
    emitRowChanged(row);
    return true;
}

int JobListModel::runningCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.state == Job::State::Running; }));
}

int JobListModel::queuedCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.state == Job::State::Queued; }));
}

int JobListModel::finishedCount() const
{
    return int(m_rows.size()) - runningCount() - queuedCount();
}

QString JobListModel::summary() const
{
    const int running = runningCount();
    const int queued = queuedCount();
    if (running > 0 && queued > 0)
        return tr("%1 running, %2 queued").arg(running).arg(queued);
    if (running > 0)
        return tr("%n job(s) running", nullptr, running);
    if (queued > 0)
        return tr("%n job(s) queued", nullptr, queued);
    return tr("No jobs");
}

void JobListModel::addJob(Job *job)
{
    if (m_rowOf.contains(job))
        return;
    const QList<std::shared_ptr<Job>> jobs = m_session->jobs()->jobs();
    const auto found = std::find_if(
        jobs.crbegin(), jobs.crend(), [job](const std::shared_ptr<Job> &candidate) { return candidate.get() == job; });
    if (found == jobs.crend())
        return;

    // The job's signals come from a pool thread: these calls are queued to this one, in order.
    connect(job, &Job::started, this, [this, job] { onStarted(job); });
    connect(job, &Job::progress, this,
        [this, job](const QString &phase, qint64 done, qint64 total) { onProgress(job, phase, done, total); });
    connect(job, &Job::finished, this, [this, job] { onFinished(job); });

    // Read the state after connecting: a job that ends in between is then still seen to end.
    Row row;
    row.job = *found;
    row.state = job->state() == Job::State::Running ? Job::State::Running : Job::State::Queued;
    const int index = int(m_rows.size());
    beginInsertRows({}, index, index);
    m_rows << row;
    m_rowOf.insert(job, index);
    endInsertRows();
    if (job->isFinished())
        onFinished(job);
    Q_EMIT countsChanged();
}

void JobListModel::onStarted(Job *job)
{
    const int row = rowOf(job);
    if (row < 0 || m_rows.at(row).state != Job::State::Queued)
        return;
    m_rows[row].state = Job::State::Running;
    emitRowChanged(row);
    Q_EMIT countsChanged();
}

void JobListModel::onProgress(Job *job, const QString &phase, qint64 done, qint64 total)
{
    const int index = rowOf(job);
    if (index < 0 || isFinishedState(m_rows.at(index).state))
        return;
    Row &row = m_rows[index];
    if (row.phase != phase)
        row.samples.clear(); // each phase counts its own units from zero
    row.phase = phase;
    row.done = done;
    row.total = total;
    const qint64 now = m_clock.elapsed();
    row.samples << Sample{ now, done };
    while (row.samples.size() > 2 && row.samples.constFirst().atMs < now - kRateWindowMs)
        row.samples.removeFirst();
    if (row.state == Job::State::Queued) {
        // Its started() was sent before this model connected.
        row.state = Job::State::Running;
        emitRowChanged(index);
        Q_EMIT countsChanged();
        return;
    }
    m_dirty.insert(index);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void JobListModel::onFinished(Job *job)
{
    const int index = rowOf(job);
    if (index < 0 || isFinishedState(m_rows.at(index).state) || !job->isFinished())
        return;
    Row &row = m_rows[index];
    row.state = job->state();
    row.samples.clear();
    if (row.state != Job::State::Succeeded)
        row.error = job->error();
    m_dirty.remove(index);
    emitRowChanged(index);
    Q_EMIT countsChanged();
}

void JobListModel::flush()
{
    const QSet<int> dirty = std::exchange(m_dirty, {});
    for (const int row : dirty)
        emitRowChanged(row);
}

void JobListModel::emitRowChanged(int row)
{
    // No roles named: the proxies must filter and sort the row again.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::ToolTipRole:
        if (column == Message && !row.error.message.isEmpty())
            return row.error.toString();
        if (column == Title)
            return row.job->title();
        return {};
    case Qt::DecorationRole:
        if (column != State)
            return {};
        if (row.state == Job::State::Failed)
            return QIcon(QStringLiteral(":/icons/error.svg"));
        if (row.state == Job::State::Cancelled)
            return QIcon(QStringLiteral(":/icons/cancel.svg"));
        if (row.state == Job::State::Succeeded)
            return QIcon(QStringLiteral(":/icons/verify.svg"));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Bytes || column == Rate || column == TimeLeft || column == Duration)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ProgressRole:
        return progressValue(row);
    case StateRole:
        return int(row.state);
    case FinishedRole:
        return isFinishedState(row.state);
    case SortRole:
        return sortValue(row, column);
    case MessageRole:
        return row.error.message;
    case DetailRole:
        return row.error.detail;
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && (section == Rate || section == TimeLeft))
        return tr("Over the last few seconds of the current phase");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Job");
    case State:
        return tr("State");
    case Phase:
        return tr("Phase");
    case Progress:
        return tr("Progress");
    case Bytes:
        return tr("Done");
    case Rate:
        return tr("Rate");
    case TimeLeft:
        return tr("Time left");
    case Started:
        return tr("Started");
    case Finished:
        return tr("Finished");
    case Duration:
        return tr("Duration");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

QString JobListModel::displayText(const Row &row, int column) const
{
    const bool finished = isFinishedState(row.state);
    switch (column) {
    case Title:
        return row.job->title();
    case State:
        return stateText(row);
    case Phase:
        return finished ? QString() : row.phase;
    case Progress: {
        const int value = progressValue(row);
        return value < 0 ? QString() : tr("%1%").arg(value / 10);
    }
    case Bytes:
        if (finished || (row.done <= 0 && row.total <= 0))
            return {};
        if (row.total <= 0)
            return amountText(row, row.done);
        return tr("%1 of %2").arg(amountText(row, row.done), amountText(row, row.total));
    case Rate: {
        const double perSecond = finished ? -1 : rate(row);
        if (perSecond < 0)
            return {};
        return countsPages(row.phase) ? tr("%1 pages/s").arg(QLocale().toString(qRound64(perSecond)))
                                      : tr("%1/s").arg(DisplayFormat::size(qRound64(perSecond)));
    }
    case TimeLeft: {
        const qint64 ms = finished ? -1 : timeLeftMs(row);
        return ms < 0 ? QString() : DisplayFormat::timeLeft(ms);
    }
    case Started:
        return DisplayFormat::localTime(row.job->startedAt());
    case Finished:
        return finished ? DisplayFormat::localTime(row.job->finishedAt()) : QString();
    case Duration:
        return finished ? DisplayFormat::duration(row.job->startedAt().msecsTo(row.job->finishedAt())) : QString();
    case Message:
        return row.error.message;
    default:
        return {};
    }
}

QVariant JobListModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case State:
        return int(row.state);
    case Progress:
        return progressValue(row);
    case Started:
        return row.job->startedAt();
    case Finished:
        return isFinishedState(row.state) ? row.job->finishedAt() : QDateTime();
    case Duration:
        return isFinishedState(row.state) ? row.job->startedAt().msecsTo(row.job->finishedAt()) : qint64(-1);
    case TimeLeft:
        return timeLeftMs(row);
    case Rate:
        return rate(row);
    case Bytes:
        return row.done;
    default:
        return displayText(row, column);
    }
}

QString JobListModel::stateText(const Row &row) const
{
    switch (row.state) {
    case Job::State::Queued:
        return row.job->isCancelRequested() ? tr("Cancelling…") : tr("Queued");
    case Job::State::Running:
        return row.job->isCancelRequested() ? tr("Cancelling…") : tr("Running");
    case Job::State::Succeeded:
        return tr("Succeeded");
    case Job::State::Failed:
        return tr("Failed");
    case Job::State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString JobListModel::amountText(const Row &row, qint64 amount) const
{
    return countsPages(row.phase) ? tr("%1 pages").arg(QLocale().toString(amount)) : DisplayFormat::size(amount);
}

int JobListModel::progressValue(const Row &row) const
{
    if (row.state == Job::State::Succeeded)
        return 1000;
    if (row.total <= 0)
        return -1;
    return int(qBound(qint64(0), row.done * 1000 / row.total, qint64(1000)));
}

double JobListModel::rate(const Row &row) const
{
    if (row.samples.size() < 2)
        return -1;
    const Sample &first = row.samples.constFirst();
    const Sample &last = row.samples.constLast();
    const qint64 span = last.atMs - first.atMs;
    if (span < kMinRateSpanMs || last.done < first.done)
        return -1;
    return double(last.done - first.done) * 1000.0 / double(span);
}

qint64 JobListModel::timeLeftMs(const Row &row) const
{
    const double perSecond = rate(row);
    if (perSecond <= 0 || row.total <= 0 || row.done > row.total)
        return -1;
    return qRound64(double(row.total - row.done) * 1000.0 / perSecond);
}

} // namespace coffer::ui
