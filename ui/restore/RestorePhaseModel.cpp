#include "restore/RestorePhaseModel.h"

#include "DisplayFormat.h"
#include "restore/RestoreJob.h"
#include "restore/RestoreState.h"

#include <QColor>
#include <QFileInfo>
#include <QFont>

namespace coffer::ui {

namespace {

const QString kMaterialise = QStringLiteral("materialise");
const QString kCheck = QStringLiteral("check");
const QString kSafety = QStringLiteral("safety backup");
const QString kInstall = QStringLiteral("install");
const QString kVerify = QStringLiteral("verify");
const QString kRollback = QStringLiteral("rollback");

qint64 msOf(const RestoreResult &result, const QString &name)
{
    for (const RestorePhase &phase : result.phases)
        if (phase.name == name)
            return phase.ms;
    return -1;
}

} // namespace

RestorePhaseModel::RestorePhaseModel(RestoreState *state, QObject *parent)
    : QAbstractTableModel(parent)
    , m_state(state)
{
    connect(m_state, &RestoreState::planChanged, this, &RestorePhaseModel::refresh);
    connect(m_state, &RestoreState::restoreStarted, this, &RestorePhaseModel::refresh);
    connect(m_state, &RestoreState::restoreProgress, this, &RestorePhaseModel::refresh);
    connect(m_state, &RestoreState::restoreFinished, this, &RestorePhaseModel::refresh);
    m_rows = currentRows();
}

RestorePhaseModel::~RestorePhaseModel() = default;

QString RestorePhaseModel::stateText(PhaseState state)
{
    switch (state) {
    case PhaseState::Waiting:
        return tr("Waiting");
    case PhaseState::Running:
        return tr("Running");
    case PhaseState::Done:
        return tr("Done");
    case PhaseState::Failed:
        return tr("Failed");
    case PhaseState::Cancelled:
        return tr("Cancelled");
    case PhaseState::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString RestorePhaseModel::label(const QString &name)
{
    if (name == kMaterialise)
        return tr("Decode the backup");
    if (name == kCheck)
        return tr("Check the decoded database");
    if (name == QStringLiteral("preflight"))
        return tr("Checks (decode and check the backup)");
    if (name == kSafety)
        return tr("Safety backup");
    if (name == kInstall)
        return tr("Install");
    if (name == kVerify)
        return tr("Verify");
    if (name == kRollback)
        return tr("Roll back");
    return name;
}

void RestorePhaseModel::refresh()
{
    setRows(currentRows());
}

QList<RestorePhaseModel::Row> RestorePhaseModel::currentRows() const
{
    const RestoreJob *job = m_state->restoreJob().get();
    const RestorePlan *plan = job ? &job->plan() : (m_state->plan() ? &*m_state->plan() : nullptr);
    const RestoreResult *result = m_state->result();
    const bool finished = result != nullptr;
    const QList<QPair<QString, QDateTime>> &phases = m_state->phases();
    const QString file = plan ? QFileInfo(plan->target.path).fileName() : QString();
    QList<Row> rows;

    // Decoding and checking the backup are the preflight's: the restore starts with them done.
    for (const QString &name : { kMaterialise, kCheck }) {
        Row row;
        row.name = name;
        if (plan && plan->ok()) {
            row.state = PhaseState::Done;
            row.ms = plan->preflightMs;
            row.time = tr("%1 (the checks)").arg(DisplayFormat::duration(plan->preflightMs));
            row.detail = name == kMaterialise ? tr("Done during the checks: decoded next to the target")
                                              : tr("Done during the checks: integrity, schema and row counts");
        } else if (plan) {
            row.state = name == kCheck ? PhaseState::Failed : PhaseState::Skipped;
            row.detail = tr("The checks did not pass");
        } else {
            row.state = m_state->isChecking() ? PhaseState::Running : PhaseState::Waiting;
            row.detail = name == kMaterialise ? tr("Decode the backup next to the target")
                                              : tr("Integrity, schema and row counts against the backup");
        }
        rows << row;
    }

    auto began = [&](const QString &name) -> qsizetype {
        for (qsizetype i = 0; i < phases.size(); ++i)
            if (phases.at(i).first == name)
                return i;
        return -1;
    };
    const std::optional<Error> failure = finished ? result->error : std::nullopt;
    const bool cancelled = failure && failure->code == ErrorCode::Cancelled;
    QStringList names{ kSafety, kInstall, kVerify };
    if (began(kRollback) >= 0)
        names << kRollback;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &name : std::as_const(names)) {
        Row row;
        row.name = name;
        if (name == kSafety)
            row.detail = tr("Back up the current database first");
        else if (name == kInstall)
            row.detail = !plan                         ? QString()
                : plan->mode == QStringLiteral("live") ? tr("Copy into the open database through SQLite")
                : plan->target.exists                  ? tr("Replace %1 in one step").arg(file)
                                                       : tr("Create %1").arg(file);
        else if (name == kVerify)
            row.detail = tr("Check the installed database");
        else
            row.detail = tr("Put the previous database back");

        const qsizetype at = began(name);
        if (at < 0) {
            if (name == kSafety && plan && !plan->takeSafetyBackup) {
                row.state = PhaseState::Skipped;
                row.detail = plan->target.exists ? tr("Skipped: the safety backup was turned off")
                                                 : tr("Skipped: there is no current database");
            } else if (finished) {
                row.state = PhaseState::Skipped;
                row.detail = tr("Not run: the restore ended before it");
            }
            rows << row;
            continue;
        }

        const bool last = at == phases.size() - 1;
        const QDateTime end = !last ? phases.at(at + 1).second : finished && job ? job->finishedAt() : now;
        row.ms = finished && msOf(*result, name) >= 0 ? msOf(*result, name) : phases.at(at).second.msecsTo(end);
        row.time = DisplayFormat::duration(qMax<qint64>(0, row.ms));
        const bool failedHere = !last && name != kRollback && phases.at(at + 1).first == kRollback;
        if (last && !finished) {
            row.state = PhaseState::Running;
            if (!m_state->progress().step.isEmpty() && m_state->progress().step != name)
                row.detail = tr("%1 (%2)").arg(row.detail, m_state->progress().step);
        } else if (failedHere) {
            row.state = PhaseState::Failed;
            row.detail = failure ? failure->message : tr("Failed");
        } else if (!last) {
            row.state = PhaseState::Done;
        } else if (name == kRollback) {
            row.state = result->rollbackFailed ? PhaseState::Failed : PhaseState::Done;
            row.detail = result->rollbackDetail;
        } else if (!failure || (name == kSafety && !result->safetyBackupId.isEmpty())) {
            row.state = PhaseState::Done; // a safety backup that was taken, even when what came after stopped
        } else {
            row.state = cancelled ? PhaseState::Cancelled : PhaseState::Failed;
            row.detail = failure->message;
        }
        if (name == kSafety && row.state == PhaseState::Done && plan && !plan->safetyBackupId.isEmpty())
            row.detail = tr("Safety backup %1").arg(plan->safetyBackupId.left(8));
        rows << row;
    }
    return rows;
}

void RestorePhaseModel::setRows(const QList<Row> &rows)
{
    const qsizetype common = qMin(rows.size(), m_rows.size());
    if (rows.size() < m_rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size() - 1));
        m_rows.resize(rows.size());
        endRemoveRows();
    }
    int first = -1;
    int lastChanged = -1;
    for (qsizetype i = 0; i < common; ++i) {
        if (m_rows.at(i) == rows.at(i))
            continue;
        m_rows[i] = rows.at(i);
        if (first < 0)
            first = int(i);
        lastChanged = int(i);
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(lastChanged, ColumnCount - 1));
    if (rows.size() > m_rows.size()) {
        beginInsertRows({}, int(m_rows.size()), int(rows.size() - 1));
        for (qsizetype i = m_rows.size(); i < rows.size(); ++i)
            m_rows << rows.at(i);
        endInsertRows();
    }
}

int RestorePhaseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RestorePhaseModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RestorePhaseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Phase:
            return label(row.name);
        case Status:
            return stateText(row.state);
        case Time:
            return row.time;
        case Detail:
            return row.detail;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Time && (row.name == kMaterialise || row.name == kCheck) && row.ms >= 0)
            return tr("Both were done by the checks before the restore began; this is how long the checks took.");
        return index.column() == Detail ? QVariant(row.detail) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != Status)
            return {};
        switch (row.state) {
        case PhaseState::Done:
            return QColor(0x1e, 0x6e, 0x3a);
        case PhaseState::Failed:
            return QColor(0xb3, 0x26, 0x1e);
        case PhaseState::Running:
            return QColor(0x2f, 0x6f, 0xb0);
        default:
            return {};
        }
    case Qt::FontRole:
        if (row.state == PhaseState::Running || row.state == PhaseState::Failed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case StateRole:
        return QVariant::fromValue(row.state);
    case NameRole:
        return row.name;
    case MillisecondsRole:
        return row.ms;
    default:
        return {};
    }
}

QVariant RestorePhaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Phase:
        return tr("Phase");
    case Status:
        return tr("State");
    case Time:
        return tr("Time");
    case Detail:
        return tr("Details");
    }
    return {};
}

} // namespace coffer::ui
