#include "restore/RestoreCheckModel.h"

#include "UiResources.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QIcon>
#include <QPixmap>

#include <algorithm>

namespace coffer::ui {

namespace {

// The checks RestorePlanner makes, in its order. "safety_encryption" (after
// "repository_writable") is made only for an encrypted safety backup: its row appears when it is decided.
const QStringList &expectedChecks()
{
    static const QStringList names{ QStringLiteral("target_folder"), QStringLiteral("target_file"),
        QStringLiteral("database_name"), QStringLiteral("target_in_use"), QStringLiteral("repository_writable"),
        QStringLiteral("free_space"), QStringLiteral("backup_verified") };
    return names;
}

bool isDecided(RestoreCheckModel::State state)
{
    return state == RestoreCheckModel::State::Passed || state == RestoreCheckModel::State::Failed;
}

QIcon stateIcon(RestoreCheckModel::State state)
{
    switch (state) {
    case RestoreCheckModel::State::Running:
        return QIcon(QStringLiteral(":/icons/refresh.svg"));
    case RestoreCheckModel::State::Passed:
        return QIcon(QStringLiteral(":/icons/verify.svg"));
    case RestoreCheckModel::State::Failed:
        return QIcon(QStringLiteral(":/icons/error.svg"));
    case RestoreCheckModel::State::NotChecked:
        return QIcon(QStringLiteral(":/icons/warning.svg"));
    case RestoreCheckModel::State::Waiting:
        break;
    }
    // Blank, so the labels of waiting rows line up with the others.
    static const QIcon blank = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        return QIcon(pixmap);
    }();
    return blank;
}

} // namespace

RestoreCheckModel::RestoreCheckModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    initResources();
}

RestoreCheckModel::~RestoreCheckModel() = default;

QList<RestoreCheckModel::Row> RestoreCheckModel::rowsFor(const QList<CheckResult> &decided)
{
    QList<Row> rows;
    for (const QString &name : expectedChecks())
        rows << Row{ name, State::Waiting, {} };
    for (const CheckResult &check : decided) {
        const Row row{ check.name, check.ok ? State::Passed : State::Failed, check.detail };
        const auto undecided = std::find_if(rows.begin(), rows.end(), [](const Row &r) { return !isDecided(r.state); });
        const auto same = std::find_if(undecided, rows.end(), [&](const Row &r) { return r.name == check.name; });
        if (same != rows.end())
            *same = row;
        else
            rows.insert(undecided, row);
    }
    return rows;
}

void RestoreCheckModel::reset(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void RestoreCheckModel::setWaiting()
{
    reset(rowsFor({}));
}

void RestoreCheckModel::setRunning(const QList<CheckResult> &decided)
{
    reset(rowsFor(decided));
    markRunning();
}

void RestoreCheckModel::addCheck(const CheckResult &check)
{
    const bool running = isRunning();
    decide(check);
    if (running)
        markRunning();
}

void RestoreCheckModel::setFinished(const QList<CheckResult> &checks)
{
    QList<Row> rows = rowsFor(checks);
    for (Row &row : rows)
        if (!isDecided(row.state))
            row = Row{ row.name, State::NotChecked, notCheckedReason(row.name) };
    reset(std::move(rows));
}

void RestoreCheckModel::setStopped(const QList<CheckResult> &decided, const QString &failure, const QString &reason)
{
    QList<Row> rows = rowsFor(decided);
    bool first = true;
    for (Row &row : rows) {
        if (isDecided(row.state))
            continue;
        if (first && !failure.isEmpty())
            row = Row{ row.name, State::Failed, failure };
        else
            row = Row{ row.name, State::NotChecked, reason.isEmpty() ? notCheckedReason(row.name) : reason };
        first = false;
    }
    reset(std::move(rows));
}

void RestoreCheckModel::decide(const CheckResult &check)
{
    const Row row{ check.name, check.ok ? State::Passed : State::Failed, check.detail };
    const auto undecided
        = std::find_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return !isDecided(r.state); });
    const auto same = std::find_if(undecided, m_rows.cend(), [&](const Row &r) { return r.name == check.name; });
    if (same != m_rows.cend()) {
        const int at = int(same - m_rows.cbegin());
        m_rows[at] = row;
        changed(at);
        return;
    }
    const int at = int(undecided - m_rows.cbegin());
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
}

void RestoreCheckModel::markRunning()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (isDecided(m_rows.at(row).state))
            continue;
        if (m_rows.at(row).state != State::Running) {
            m_rows[row].state = State::Running;
            changed(row);
        }
        return;
    }
}

void RestoreCheckModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString RestoreCheckModel::notCheckedReason(const QString &name)
{
    if (name == QStringLiteral("backup_verified"))
        return tr("Not checked: the backup is verified by decoding it in the target folder, which must be writable "
                  "and have room for it first.");
    return tr("Not checked: the checks stopped before this one.");
}

QList<CheckResult> RestoreCheckModel::checks() const
{
    QList<CheckResult> decided;
    for (const Row &row : m_rows)
        if (isDecided(row.state))
            decided << CheckResult{ row.name, row.state == State::Passed, row.detail };
    return decided;
}

RestoreCheckModel::State RestoreCheckModel::state(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state : State::Waiting;
}

bool RestoreCheckModel::isRunning() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.state == State::Running; });
}

QString RestoreCheckModel::label(const QString &name)
{
    static const QHash<QString, const char *> labels{
        { QStringLiteral("target_folder"), QT_TR_NOOP("Target folder writable") },
        { QStringLiteral("target_file"), QT_TR_NOOP("Target file usable") },
        { QStringLiteral("database_name"), QT_TR_NOOP("Name matches") },
        { QStringLiteral("target_in_use"), QT_TR_NOOP("Database in use") },
        { QStringLiteral("repository_writable"), QT_TR_NOOP("Repository writable") },
        { QStringLiteral("safety_encryption"), QT_TR_NOOP("Safety backup encryption") },
        { QStringLiteral("free_space"), QT_TR_NOOP("Free space") },
        { QStringLiteral("backup_verified"), QT_TR_NOOP("Backup verified") },
    };
    const char *text = labels.value(name);
    return text ? tr(text) : name;
}

int RestoreCheckModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RestoreCheckModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString stateText(RestoreCheckModel::State state)
{
    switch (state) {
    case RestoreCheckModel::State::Waiting:
        return RestoreCheckModel::tr("Waiting");
    case RestoreCheckModel::State::Running:
        return RestoreCheckModel::tr("Checking…");
    case RestoreCheckModel::State::Passed:
        return RestoreCheckModel::tr("Passed");
    case RestoreCheckModel::State::Failed:
        return RestoreCheckModel::tr("Failed");
    case RestoreCheckModel::State::NotChecked:
        return RestoreCheckModel::tr("Not checked");
    }
    return {};
}

} // namespace

QVariant RestoreCheckModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Check:
            return label(row.name);
        case Outcome:
            return stateText(row.state);
        case Detail:
            if (row.state == State::Running)
                return row.name == QStringLiteral("backup_verified") ? tr("Decoding the backup and checking it…")
                                                                     : QString();
            return row.detail;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Detail && !row.detail.isEmpty() ? row.detail : QVariant();
    case Qt::AccessibleTextRole:
        return index.column() == Check ? tr("%1: %2").arg(label(row.name), stateText(row.state)) : QVariant();
    case Qt::DecorationRole:
        return index.column() == Check ? stateIcon(row.state) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == Outcome && row.state == State::Failed ? QColor(0xb3, 0x26, 0x1e) : QVariant();
    case Qt::FontRole:
        if (index.column() == Outcome && (row.state == State::Failed || row.state == State::Running)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case PassedRole:
        return row.state == State::Passed;
    case NameRole:
        return row.name;
    case StateRole:
        return int(row.state);
    default:
        return {};
    }
}

QVariant RestoreCheckModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Check:
        return tr("Check");
    case Outcome:
        return tr("Result");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace coffer::ui
